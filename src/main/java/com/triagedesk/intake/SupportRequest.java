package com.triagedesk.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.triagedesk.PlainText;

import com.triagedesk.checklist.Evaluation;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.NewIssue;
import com.triagedesk.issues.Submission;

/**
 * The body of {@code POST /api/v1/requests}. Only subject, description and the reporter's e-mail
 * are required: many developers paste everything into the description.
 */
record SupportRequest(
		@NotBlank @PlainText @Size(max = 500) String subject,
		@NotBlank @PlainText @Size(max = 200_000) String description,
		@NotNull @Valid Reporter reporter,
		@Size(max = 49, message = "at most 49 CC recipients: an issue has at most 50 participants, the reporter included")
		List<@NotBlank @PlainText @Email(regexp = EMAIL) @Size(max = 254) String> cc,
		@PlainText @Size(max = 100) String organizationNumber,
		@PlainText @Size(max = 100) String merchantSerialNumber,
		@PlainText @Size(max = 200) String product,
		@PlainText @Size(max = 100) String environment,
		@PlainText @Size(max = 200) String orderId,
		@PlainText @Size(max = 200) String transactionId,
		@PlainText @Size(max = 200) String contextId,
		@Size(max = 31) List<@NotBlank @PlainText @Size(max = 100) String> occurredOn,
		@Valid HttpExchange httpExchange,
		@PlainText @Size(max = 100) String topic,
		@PlainText @Size(max = 100_000) String additionalInfo) {

	/**
	 * Addresses people can actually receive mail at: something, {@code @}, and a domain with a dot;
	 * nothing invisible ({@code ka\u200Bri@shop.no} looks like another person's address).
	 */
	static final String EMAIL = "^[^@\\s\\p{Cf}]+@[^@\\s\\p{Cf}]+\\.[^@\\s\\p{Cf}]+$";

	record Reporter(@PlainText @Size(max = 200) String name,
			@NotBlank @PlainText @Email(regexp = EMAIL) @Size(max = 254) String email,
			@PlainText @Size(max = 50) String phone) {
	}

	record HttpExchange(@PlainText @Size(max = 1_000_000) String request,
			@PlainText @Size(max = 1_000_000) String response) {
	}

	NewIssue toNewIssue(List<com.triagedesk.issues.NewAttachment> attachments, Evaluation evaluation,
			List<String> redactedSecrets) {
		HttpExchange exchange = httpExchange == null ? new HttpExchange(null, null) : httpExchange;
		return new NewIssue(subject.strip(), description, new NewIssue.Contact(reporter.name(), reporter.email(),
				reporter.phone()), cc,
				new Submission(organizationNumber, merchantSerialNumber, product, environment, orderId, transactionId,
						contextId, occurredOn, exchange.request(), exchange.response(), topic, additionalInfo),
				attachments, evaluation, Channel.API, redactedSecrets);
	}

}
