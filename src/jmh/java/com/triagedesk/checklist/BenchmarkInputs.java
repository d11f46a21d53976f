package com.triagedesk.checklist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The inputs of the benchmarks: a realistic long e-mail, and the hostile shapes of
 * {@code AdversarialInputTest} cut to any size. Every generator is deterministic, so runs compare.
 */
public final class BenchmarkInputs {

	/** The day the sample requests were written for (their dates are in the past of it). */
	public static final Clock NOV_24_2026 = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

	/** What a developer writes above a pasted log: the free-text request of the mail corpus. */
	static final String EMAIL_HEAD = """
			Hi,

			Our org number is 918 713 867 and MSN 654321. In production, since 2026-11-18, capture fails.
			Steps: 1) the user approves the payment in the app, 2) we call capture 10 minutes later, 3) we get 400.
			orderId: webshop-2026-000991

			Request:
			POST /epayment/v1/payments/webshop-2026-000991/capture HTTP/1.1
			Host: api.vipps.no
			Merchant-Serial-Number: 654321
			Ocp-Apim-Subscription-Key: 0f14d0ab9605415f9c2ab3ab2b7e0a64
			Content-Type: application/json

			{"modificationAmount":{"currency":"NOK","value":15000}}

			Response:
			HTTP/1.1 400 Bad Request
			Content-Type: application/problem+json

			{"title":"Bad Request","status":400,"detail":"Cannot capture before reservation"}

			Our application log from this morning is below; every capture since 08:15 looks like this.

			""";

	static final String EMAIL_TAIL = """

			Kind regards
			Kari Nordmann
			Acme Shop AS, +47 912 34 567
			""";

	private BenchmarkInputs() {
	}

	/**
	 * A support e-mail of about {@code size} characters: a request in prose with its HTTP exchange,
	 * then an application log pasted in (requests, responses, JSON bodies, now and then a bearer
	 * token), then the signature.
	 */
	public static String email(int size) {
		StringBuilder text = new StringBuilder(size + 1024).append(EMAIL_HEAD);
		int line = 0;
		while (text.length() < size - EMAIL_TAIL.length()) {
			line++;
			String time = String.format(Locale.ROOT, "2026-11-18T%02d:%02d:%02d.%03d+01:00", 8 + (line / 3600) % 10,
					(line / 60) % 60, line % 60, (line * 37) % 1000);
			String order = String.format(Locale.ROOT, "webshop-2026-%06d", 1000 + line);
			switch (line % 5) {
				case 0 -> text.append(time)
					.append(" INFO  [http-nio-8080-exec-")
					.append(line % 16)
					.append("] no.acme.shop.vipps.VippsClient - POST https://api.vipps.no/epayment/v1/payments/")
					.append(order)
					.append("/capture Merchant-Serial-Number=654321 Idempotency-Key=")
					.append(String.format(Locale.ROOT, "49ca711a-acee-4d01-993b-%012d", line))
					.append('\n');
				case 1 -> text.append(time)
					.append(" WARN  [http-nio-8080-exec-")
					.append(line % 16)
					.append("] no.acme.shop.vipps.VippsClient - 400 Bad Request {\"type\":\"https://developer.vippsmobilepay.com/docs/APIs/epayment-api/api-guide/errors\",\"title\":\"Bad Request\",\"detail\":\"Cannot capture before reservation\",\"status\":400,\"traceId\":\"00-")
					.append(String.format(Locale.ROOT, "%032x", (long) line * 2654435761L))
					.append("-00f067aa0ba902b7-01\"}\n");
				case 2 -> text.append(time)
					.append(" DEBUG [scheduler-1] no.acme.shop.orders.OrderService - order ")
					.append(order)
					.append(" amount=15000 currency=NOK state=RESERVED customer=4791234567 retry=")
					.append(line % 3)
					.append('\n');
				case 3 -> text.append(time)
					.append(" DEBUG [http-nio-8080-exec-")
					.append(line % 16)
					.append("] no.acme.shop.vipps.TokenCache - using token Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IjEifQ.eyJzdWIiOiI")
					.append(String.format(Locale.ROOT, "%08d", line))
					.append("IiwiYXVkIjoiYXBpIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n");
				default -> text.append(time)
					.append(" INFO  [http-nio-8080-exec-")
					.append(line % 16)
					.append("] no.acme.shop.web.CheckoutController - returnUrl https://shop.example/return?order=")
					.append(order)
					.append(" userFlow=WEB_REDIRECT\n");
			}
		}
		return text.append(EMAIL_TAIL).toString();
	}

	/** The same e-mail as a raw MIME message, as the IMAP poller and {@code /api/v1/inbound-email} get it. */
	public static byte[] rawEmail(int size) {
		String headers = """
				From: Kari Nordmann <kari@acme-shop.no>
				To: Developer Support <support@localhost>
				Subject: Capture on ePayment returns 400 in production
				Date: Tue, 1 Dec 2026 10:15:00 +0100
				Message-ID: <benchmark-outlook-new-request@mail.example>
				MIME-Version: 1.0
				Content-Type: text/plain; charset="utf-8"
				Content-Transfer-Encoding: 8bit

				""".replace("\n", "\r\n");
		String body = email(size - headers.length()).replace("\n", "\r\n");
		return (headers + body).getBytes(StandardCharsets.UTF_8);
	}

	/** A hostile input of about {@code size} characters. */
	public static String hostile(String kind, int size) {
		return switch (kind) {
			case "email" -> email(size);
			case "digits" -> "7".repeat(size);
			case "nestedQuotes" -> "\"'".repeat(size / 2);
			case "base64" -> "client_secret: " + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw".repeat(size / 44);
			default -> throw new IllegalArgumentException("No input named " + kind);
		};
	}

	/**
	 * What intake hands the evaluator for a long text: the description of a mail, and, for the
	 * hostile inputs (as {@code AdversarialInputTest} does), the HTTP request field too.
	 */
	public static ChecklistInput asRequest(String text, boolean alsoAsHttpRequest) {
		return new ChecklistInput("Capture on ePayment returns 400 in production", text, "Kari Nordmann",
				"kari@acme-shop.no", null, null, null, null, null, null, null, null, List.of(),
				alsoAsHttpRequest ? text : null, null, null, List.of());
	}

}
