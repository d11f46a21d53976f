package com.triagedesk.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import com.triagedesk.PlainText;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.NewAttachment;
import com.triagedesk.issues.NewMessage;
import com.triagedesk.issues.Submission;

/**
 * The body of {@code POST /api/v1/issues/{key}/messages}: text and any request field the first
 * request lacked, with the same limits as a new request.
 */
record FollowUpRequest(
		@PlainText @Size(max = 200_000) String text,
		@Valid Contact reporter,
		@Size(max = 50, message = "at most 50 CC recipients") List<@NotBlank @PlainText @Email(regexp = SupportRequest.EMAIL) @Size(max = 254) String> cc,
		@PlainText @Size(max = 100) String organizationNumber,
		@PlainText @Size(max = 100) String merchantSerialNumber,
		@PlainText @Size(max = 200) String product,
		@PlainText @Size(max = 100) String environment,
		@PlainText @Size(max = 200) String orderId,
		@PlainText @Size(max = 200) String transactionId,
		@PlainText @Size(max = 200) String contextId,
		@Size(max = 31) List<@NotBlank @PlainText @Size(max = 100) String> occurredOn,
		@Valid SupportRequest.HttpExchange httpExchange,
		@PlainText @Size(max = 100) String topic,
		@PlainText @Size(max = 100_000) String additionalInfo) {

	/**
	 * Contact details the reporter adds or corrects; the address stays the one the issue has.
	 */
	@Schema(name = "FollowUpContact")
	record Contact(@PlainText @Size(max = 200) String name, @PlainText @Size(max = 50) String phone) {
	}

	static FollowUpRequest empty() {
		return new FollowUpRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Whether there is anything to add; an empty follow-up would only add noise to the thread.
	 */
	boolean hasContent() {
		return notBlank(text) || (reporter != null && (notBlank(reporter.name()) || notBlank(reporter.phone())))
				|| (cc != null && !cc.isEmpty()) || notBlank(organizationNumber) || notBlank(merchantSerialNumber)
				|| notBlank(product) || notBlank(environment) || notBlank(orderId) || notBlank(transactionId)
				|| notBlank(contextId) || (occurredOn != null && !occurredOn.isEmpty())
				|| (httpExchange != null && (notBlank(httpExchange.request()) || notBlank(httpExchange.response())))
				|| notBlank(topic) || notBlank(additionalInfo);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	NewMessage toNewMessage(List<NewAttachment> attachments, List<String> redactedSecrets) {
		SupportRequest.HttpExchange exchange = httpExchange == null ? new SupportRequest.HttpExchange(null, null)
				: httpExchange;
		return new NewMessage(null, null, Channel.API, text, new Submission(organizationNumber, merchantSerialNumber,
				product, environment, orderId, transactionId, contextId, occurredOn, exchange.request(),
				exchange.response(), topic, additionalInfo), reporter == null ? null : reporter.name(),
				reporter == null ? null : reporter.phone(), cc, attachments, redactedSecrets);
	}

}
