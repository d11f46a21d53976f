package com.triagedesk.intake;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.triagedesk.checklist.BenchmarkInputs;
import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.routing.BenchmarkRouter;
import com.triagedesk.routing.Router;
import com.triagedesk.secrets.SecretRedactor;

/**
 * All 14 sample requests, one after the other, through redaction, the checklist and routing: a mix
 * of complete, incomplete, redirected and secret-laden requests. The score is per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class SampleMixBenchmark {

	static final int SAMPLES = 14;

	private final List<SupportRequest> samples = List.copyOf(IntakeBenchmark.samples().values());

	private final SecretRedactor redactor = new SecretRedactor();

	private final ChecklistEvaluator evaluator = new ChecklistEvaluator(BenchmarkInputs.NOV_24_2026);

	private final Router router = BenchmarkRouter.withCatalogue();

	@Benchmark
	@OperationsPerInvocation(SAMPLES)
	public void allSamples(Blackhole blackhole) {
		if (samples.size() != SAMPLES) {
			throw new IllegalStateException("Expected " + SAMPLES + " sample requests, found " + samples.size());
		}
		for (SupportRequest each : samples) {
			blackhole.consume(IntakeBenchmark.intake(each, redactor, evaluator, router));
		}
	}

}
