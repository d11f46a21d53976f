package com.triagedesk.intake;

import java.util.ArrayList;
import java.util.List;

import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.Redaction;
import com.triagedesk.secrets.SecretRedactor;

/**
 * Cuts the secrets out of every text field of a request, first thing, so that nothing after it
 * (evaluation, storage, logs, the response) ever holds a live secret.
 */
final class RequestRedaction {

	record Redacted(SupportRequest request, List<Redaction> redactions) {
	}

	private final SecretRedactor redactor;

	private final List<Redaction> found = new ArrayList<>();

	private RequestRedaction(SecretRedactor redactor) {
		this.redactor = redactor;
	}

	static Redacted of(SupportRequest request, SecretRedactor redactor) {
		RequestRedaction redaction = new RequestRedaction(redactor);
		SupportRequest clean = redaction.redact(request);
		return new Redacted(clean, List.copyOf(redaction.found));
	}

	private SupportRequest redact(SupportRequest r) {
		SupportRequest.Reporter reporter = r.reporter() == null ? null
				: new SupportRequest.Reporter(text("reporter.name", r.reporter().name()), r.reporter().email(),
						text("reporter.phone", r.reporter().phone()));
		SupportRequest.HttpExchange exchange = r.httpExchange() == null ? null
				: new SupportRequest.HttpExchange(text("httpExchange.request", r.httpExchange().request()),
						text("httpExchange.response", r.httpExchange().response()));
		List<String> occurredOn = r.occurredOn() == null ? null
				: r.occurredOn().stream().map(d -> text("occurredOn", d)).toList();
		return new SupportRequest(text("subject", r.subject()), text("description", r.description()), reporter, r.cc(),
				text("organizationNumber", r.organizationNumber()),
				text("merchantSerialNumber", r.merchantSerialNumber()), text("product", r.product()),
				text("environment", r.environment()), text("orderId", r.orderId()),
				text("transactionId", r.transactionId()), text("contextId", r.contextId()), occurredOn, exchange,
				text("topic", r.topic()), text("additionalInfo", r.additionalInfo()));
	}

	private String text(String location, String value) {
		if (value == null) {
			return null;
		}
		RedactedText result = redactor.redact(location, value);
		found.addAll(result.redactions());
		return result.text();
	}

}
