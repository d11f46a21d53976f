package com.triagedesk.checklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.SecretRedactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Ten megabytes of hostile text go through redaction and evaluation without an error and in
 * linear time. The time limit here only catches a catastrophic (super-linear) regression; the
 * measured figure is in the README.
 */
public class AdversarialInputTest {

	static final int TEN_MB = 10 * 1024 * 1024;

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(
			Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

	final SecretRedactor redactor = new SecretRedactor();

	public static List<Arguments> hostileTexts() {
		return List.of(Arguments.of("a run of digits", (Supplier<String>) () -> "7".repeat(TEN_MB)),
				Arguments.of("digits with spaces", (Supplier<String>) () -> "918 713 ".repeat(TEN_MB / 8)),
				Arguments.of("nested quotes", (Supplier<String>) () -> "\"'".repeat(TEN_MB / 2)),
				Arguments.of("megabytes of base64", (Supplier<String>) () -> "client_secret: "
						+ "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw".repeat(TEN_MB / 44)),
				Arguments.of("repeated keywords", (Supplier<String>) () -> "org msn order reference password= Authorization: Bearer "
					.repeat(TEN_MB / 56)),
				Arguments.of("one long line of JSON braces", (Supplier<String>) () -> "{\"a\":[".repeat(TEN_MB / 6)),
				Arguments.of("request lines", (Supplier<String>) () -> "POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\n\n"
					.repeat(TEN_MB / 56)),
				Arguments.of("almost a JWT", (Supplier<String>) () -> ("eyJ" + "a".repeat(1021) + ".").repeat(TEN_MB / 1024)),
				Arguments.of("dates", (Supplier<String>) () -> "2026-11-20 20.11.2026 ".repeat(TEN_MB / 22)),
				Arguments.of("keys without separators", (Supplier<String>) () -> "pwd=".repeat(TEN_MB / 4)),
				Arguments.of("authorization headers", (Supplier<String>) () -> "authorization:".repeat(TEN_MB / 14)),
				Arguments.of("secret assignments", (Supplier<String>) () -> "secret=".repeat(TEN_MB / 7)),
				Arguments.of("PEM headers without end", (Supplier<String>) () -> "-----BEGIN PRIVATE KEY-----\n"
					.repeat(TEN_MB / 28)),
				Arguments.of("URL user parts", (Supplier<String>) () -> "://x:".repeat(TEN_MB / 5)),
				Arguments.of("Basic and Bearer", (Supplier<String>) () -> "Basic Bearer ".repeat(TEN_MB / 13)),
				Arguments.of("PEM ends without a begin", (Supplier<String>) () -> "PRIVATE KEY-----".repeat(TEN_MB / 16)),
				Arguments.of("prose passwords", (Supplier<String>) () -> "password is Summer2024! ".repeat(TEN_MB / 24)),
				Arguments.of("labels without values", (Supplier<String>) () -> "client_secret:\n".repeat(TEN_MB / 15)),
				Arguments.of("escaped JSON keys", (Supplier<String>) () -> "\\\"client_secret\\\":\\\"".repeat(TEN_MB / 20)),
				Arguments.of("code calls", (Supplier<String>) () -> "clientSecret(env('".repeat(TEN_MB / 18)),
				// found in review: one token of names, each read past the 64 KB a value scan reads
				Arguments.of("names inside one token", (Supplier<String>) () -> "password=" + "Ab1password=".repeat(TEN_MB / 12)),
				// found by SecretRedactorFuzzTest: element text without an end tag, read again each time
				Arguments.of("elements without end tags", (Supplier<String>) () -> "\"token>".repeat(TEN_MB / 7)),
				// setters in the code after a name, where reading goes back to read their literals
				Arguments.of("setters after a name", (Supplier<String>) () -> "token: " + "x.setClientSecret('".repeat(TEN_MB / 19)),
				Arguments.of("setters in one token", (Supplier<String>) () -> "token: " + "x.setApiKey(a".repeat(TEN_MB / 13)),
				// the patterns tried where their literals begin, and the host runs
				Arguments.of("a literal in every word", (Supplier<String>) () -> "to problem order access vipps 00- "
					.repeat(TEN_MB / 34)),
				Arguments.of("an order label before one long hyphenated token",
						(Supplier<String>) () -> "order x-" + "order-".repeat(TEN_MB / 6)),
				Arguments.of("one host run without a boundary", (Supplier<String>) () -> "a-b.vipps.no.".repeat(TEN_MB / 13)
						+ "_"),
				Arguments.of("one host run of domains no label leads to", (Supplier<String>) () -> "a-vipps.no"
					.repeat(TEN_MB / 10)),
				Arguments.of("trace ids one character short", (Supplier<String>) () -> "00-0af7651916cd43dd8448eb211c80319c-"
					.repeat(TEN_MB / 36)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileTexts")
	void tenMegabytesAreRedactedAndEvaluatedInLinearTime(String name, Supplier<String> text) {
		String hostile = text.get();
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			long start = System.nanoTime();
			RedactedText redacted = redactor.redact("description", hostile);
			long redactedAt = System.nanoTime();
			ChecklistInput input = new ChecklistInput("Subject " + name, redacted.text(), null, "x@example.com", null,
					null, null, null, null, null, null, null, List.of(), redacted.text(), null, null, List.of());
			assertThatCode(() -> evaluator.evaluate(input)).doesNotThrowAnyException();
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("adversarial %-32s %6d ms (redaction %d ms)%n", name, millis, (redactedAt - start) / 1_000_000);
		});
		assertThat(hostile.length()).isGreaterThan(TEN_MB - 100);
	}

}
