package com.triagedesk.checklist;

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

import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.SecretRedactor;

/**
 * Redaction and evaluation of one long text, the CPU work intake does before storing: a realistic
 * e-mail with a pasted log, and hostile shapes (a run of digits, nested quotes, base64 after a
 * secret's name), each at 64 KB, 256 KB, 1 MB and 4 MB. Time per operation should grow in
 * proportion to the size (the summary prints the ratios).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class LargeInputBenchmark {

	@Param({ "email", "digits", "nestedQuotes", "base64" })
	public String input;

	@Param({ "65536", "262144", "1048576", "4194304" })
	public int size;

	private final SecretRedactor redactor = new SecretRedactor();

	private final ChecklistEvaluator evaluator = new ChecklistEvaluator(BenchmarkInputs.NOV_24_2026);

	private String text;

	@Setup(Level.Trial)
	public void prepare() {
		this.text = BenchmarkInputs.hostile(input, size);
	}

	@Benchmark
	public Evaluation redactAndEvaluate() {
		RedactedText redacted = redactor.redact("description", text);
		return evaluator.evaluate(BenchmarkInputs.asRequest(redacted.text(), !"email".equals(input)));
	}

}
