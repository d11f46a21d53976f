package com.triagedesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.triagedesk.checklist.BenchmarkInputs;
import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.checklist.Evaluation;
import com.triagedesk.routing.BenchmarkRouter;
import com.triagedesk.routing.Route;
import com.triagedesk.routing.Router;
import com.triagedesk.routing.RoutingInput;
import com.triagedesk.secrets.SecretRedactor;

/**
 * The sample requests of {@code src/test/resources/samples/requests} through the CPU part of intake,
 * one thread: redaction of every field ({@link RequestRedaction}), the checklist
 * ({@link ChecklistEvaluator}), and both plus routing as {@code Intake.evaluate} runs them. No HTTP,
 * JSON or database: those are in the load test ({@code bench/load.sh}). Target: the checklist of
 * a typical request at least 20,000 times a second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class IntakeBenchmark {

	/** Typical requests: complete with an HTTP exchange, everything in prose, and curl with live secrets. */
	@Param({ "complete-epayment-400", "free-text-everything-in-description", "unredacted-secrets-in-curl" })
	public String sample;

	private final SecretRedactor redactor = new SecretRedactor();

	private final ChecklistEvaluator evaluator = new ChecklistEvaluator(BenchmarkInputs.NOV_24_2026);

	private final Router router = BenchmarkRouter.withCatalogue();

	private SupportRequest request;

	private ChecklistInput redactedInput;

	@Setup(Level.Trial)
	public void load() {
		this.request = samples().get(sample);
		if (request == null) {
			throw new IllegalArgumentException("No sample request named " + sample);
		}
		this.redactedInput = Intake.toInput(RequestRedaction.of(request, redactor).request(), List.of());
	}

	/** The checklist alone, over a request already redacted. */
	@Benchmark
	public Evaluation evaluate() {
		return evaluator.evaluate(redactedInput);
	}

	/** Redaction of every text field alone. */
	@Benchmark
	public Object redact() {
		return RequestRedaction.of(request, redactor);
	}

	/** What {@code Intake.evaluate} does for a request without files: redact, evaluate, route. */
	@Benchmark
	public Route redactEvaluateRoute() {
		return intake(request);
	}

	private Route intake(SupportRequest request) {
		return intake(request, redactor, evaluator, router);
	}

	static Route intake(SupportRequest request, SecretRedactor redactor, ChecklistEvaluator evaluator,
			Router router) {
		SupportRequest clean = RequestRedaction.of(request, redactor).request();
		Evaluation evaluation = evaluator.evaluate(Intake.toInput(clean, List.of()));
		boolean technical = evaluation.facts().httpMethod() != null || evaluation.facts().httpStatus() != null
				|| evaluation.facts().sourceCodeLanguage() != null;
		return router.route(new RoutingInput(clean.subject(), clean.description(), clean.topic(),
				clean.reporter().email(), evaluation.facts(), technical));
	}

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The sample requests by name, in file name order. */
	static Map<String, SupportRequest> samples() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath:samples/requests/*.json");
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			Map<String, SupportRequest> samples = new LinkedHashMap<>();
			for (Resource resource : resources) {
				JsonNode json = JSON.readTree(resource.getContentAsString(StandardCharsets.UTF_8));
				samples.put(json.get("name").asString(), JSON.treeToValue(json.get("request"), SupportRequest.class));
			}
			return samples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
