package com.triagedesk.checklist;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.params.provider.Arguments;

import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.SecretRedactor;

/**
 * Measures redaction and evaluation of the hostile inputs of {@link AdversarialInputTest} on a
 * warmed JVM (the third of three rounds is printed). Run it as the README's Performance section says:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) com.triagedesk.checklist.AdversarialTiming}
 * (see the README's Performance section).
 */
public final class AdversarialTiming {

	public static void main(String[] args) {
		ChecklistEvaluator evaluator = new ChecklistEvaluator(Clock.systemUTC());
		SecretRedactor redactor = new SecretRedactor();
		List<Arguments> inputs = AdversarialInputTest.hostileTexts();
		for (int round = 0; round < 3; round++) {
			for (Arguments arguments : inputs) {
				String name = (String) arguments.get()[0];
				@SuppressWarnings("unchecked")
				String text = ((Supplier<String>) arguments.get()[1]).get();
				long start = System.nanoTime();
				RedactedText redacted = redactor.redact("description", text);
				long redactedAt = System.nanoTime();
				evaluator.evaluate(new ChecklistInput("Subject", redacted.text(), null, "x@example.com", null, null,
						null, null, null, null, null, null, List.of(), redacted.text(), null, null, List.of()));
				long end = System.nanoTime();
				if (round == 2) {
					System.out.printf("%-32s redaction %5d ms  evaluation %5d ms  total %5d ms%n", name,
							(redactedAt - start) / 1_000_000, (end - redactedAt) / 1_000_000, (end - start) / 1_000_000);
				}
			}
		}
	}

}
