package com.triagedesk.mail;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.triagedesk.checklist.BenchmarkInputs;
import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.checklist.Evaluation;
import com.triagedesk.routing.BenchmarkRouter;
import com.triagedesk.routing.Route;
import com.triagedesk.routing.Router;
import com.triagedesk.routing.RoutingInput;
import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.SecretRedactor;

/**
 * A 1 MB e-mail (a request with a pasted application log) from raw bytes to its route, as
 * {@code MailIntake} handles a new request before the transaction: MIME parsing, redaction of
 * subject and text, the checklist and routing. Target: under 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class MailBenchmark {

	static final int ONE_MB = 1024 * 1024;

	private final byte[] raw = BenchmarkInputs.rawEmail(ONE_MB);

	private final SecretRedactor redactor = new SecretRedactor();

	private final ChecklistEvaluator evaluator = new ChecklistEvaluator(BenchmarkInputs.NOV_24_2026);

	private final Router router = BenchmarkRouter.withCatalogue();

	@Benchmark
	public Route oneMegabyteEmail() throws Exception {
		if (MimeReader.tooComplex(raw) != null) {
			throw new IllegalStateException("The benchmark mail is refused as too complex");
		}
		InboundMessage mail = MimeReader.read(raw, "support@localhost");
		String subject = redactor.redact("subject", mail.subject()).text();
		RedactedText text = redactor.redact("body", mail.fullText());
		Evaluation evaluation = evaluator.evaluate(new ChecklistInput(subject, text.text(), mail.fromName(), mail.from(),
				MailIntake.phone(mail.signature()), null, null, null, null, null, null, null, List.of(), null, null, null,
				List.of()));
		boolean technical = evaluation.facts().httpMethod() != null || evaluation.facts().httpStatus() != null
				|| evaluation.facts().sourceCodeLanguage() != null;
		return router.route(new RoutingInput(subject, text.text(), null, mail.from(), evaluation.facts(), technical));
	}

}
