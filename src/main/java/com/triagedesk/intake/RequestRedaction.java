package com.triagedesk.intake;

import java.util.ArrayList;
import java.util.List;

import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.Redaction;
import com.triagedesk.secrets.SecretRedactor;

/**
 * Cuts the secrets out of every text field of a request or follow-up, first thing, so that nothing
 * after it (evaluation, storage, logs, the response) ever holds a live secret.
 */
final class RequestRedaction {

	record Redacted<T>(T request, List<Redaction> redactions) {
	}

	private final SecretRedactor redactor;

	private final List<Redaction> found = new ArrayList<>();

	private RequestRedaction(SecretRedactor redactor) {
		this.redactor = redactor;
	}

	static Redacted<SupportRequest> of(SupportRequest request, SecretRedactor redactor) {
		RequestRedaction redaction = new RequestRedaction(redactor);
		SupportRequest clean = redaction.redact(request);
		return new Redacted<>(clean, List.copyOf(redaction.found));
	}

	static Redacted<FollowUpRequest> of(FollowUpRequest request, SecretRedactor redactor) {
		RequestRedaction redaction = new RequestRedaction(redactor);
		FollowUpRequest clean = redaction.redact(request);
		return new Redacted<>(clean, List.copyOf(redaction.found));
	}

	private SupportRequest redact(SupportRequest r) {
		SupportRequest.Reporter reporter = r.reporter() == null ? null
				: new SupportRequest.Reporter(text("reporter.name", r.reporter().name()), r.reporter().email(),
						text("reporter.phone", r.reporter().phone()));
		return new SupportRequest(text("subject", r.subject()), text("description", r.description()), reporter, r.cc(),
				text("organizationNumber", r.organizationNumber()),
				text("merchantSerialNumber", r.merchantSerialNumber()), text("product", r.product()),
				text("environment", r.environment()), text("orderId", r.orderId()),
				text("transactionId", r.transactionId()), text("contextId", r.contextId()), dates(r.occurredOn()),
				exchange(r.httpExchange()), text("topic", r.topic()), text("additionalInfo", r.additionalInfo()));
	}

	private FollowUpRequest redact(FollowUpRequest r) {
		FollowUpRequest.Contact reporter = r.reporter() == null ? null
				: new FollowUpRequest.Contact(text("reporter.name", r.reporter().name()),
						text("reporter.phone", r.reporter().phone()));
		return new FollowUpRequest(text("text", r.text()), reporter, r.cc(),
				text("organizationNumber", r.organizationNumber()),
				text("merchantSerialNumber", r.merchantSerialNumber()), text("product", r.product()),
				text("environment", r.environment()), text("orderId", r.orderId()),
				text("transactionId", r.transactionId()), text("contextId", r.contextId()), dates(r.occurredOn()),
				exchange(r.httpExchange()), text("topic", r.topic()), text("additionalInfo", r.additionalInfo()));
	}

	private SupportRequest.HttpExchange exchange(SupportRequest.HttpExchange exchange) {
		return exchange == null ? null
				: new SupportRequest.HttpExchange(text("httpExchange.request", exchange.request()),
						text("httpExchange.response", exchange.response()));
	}

	private List<String> dates(List<String> occurredOn) {
		return occurredOn == null ? null : occurredOn.stream().map(d -> text("occurredOn", d)).toList();
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
