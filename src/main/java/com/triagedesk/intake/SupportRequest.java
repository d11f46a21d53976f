package com.triagedesk.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.triagedesk.issues.Channel;
import com.triagedesk.issues.NewIssue;
import com.triagedesk.issues.Submission;

/**
 * The body of {@code POST /api/v1/requests}. Only subject, description and the reporter's e-mail
 * are required: many developers paste everything into the description.
 */
record SupportRequest(
		@NotBlank @Size(max = 500) String subject,
		@NotBlank @Size(max = 200_000) String description,
		@NotNull @Valid Reporter reporter,
		@Size(max = 50, message = "at most 50 CC recipients") List<@NotBlank @Email(regexp = EMAIL) @Size(max = 254) String> cc,
		@Size(max = 100) String organizationNumber,
		@Size(max = 100) String merchantSerialNumber,
		@Size(max = 200) String product,
		@Size(max = 100) String environment,
		@Size(max = 200) String orderId,
		@Size(max = 200) String transactionId,
		@Size(max = 200) String contextId,
		@Size(max = 31) List<@NotBlank @Size(max = 100) String> occurredOn,
		@Valid HttpExchange httpExchange,
		@Size(max = 100) String topic,
		@Size(max = 100_000) String additionalInfo) {

	/**
	 * Addresses people can actually receive mail at: something, {@code @}, and a domain with a dot.
	 */
	static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

	record Reporter(@Size(max = 200) String name,
			@NotBlank @Email(regexp = EMAIL) @Size(max = 254) String email,
			@Size(max = 50) String phone) {
	}

	record HttpExchange(@Size(max = 1_000_000) String request, @Size(max = 1_000_000) String response) {
	}

	NewIssue toNewIssue(boolean complete) {
		HttpExchange exchange = httpExchange == null ? new HttpExchange(null, null) : httpExchange;
		return new NewIssue(subject.strip(), description, new NewIssue.Contact(reporter.name(), reporter.email(),
				reporter.phone()), cc,
				new Submission(organizationNumber, merchantSerialNumber, product, environment, orderId, transactionId,
						contextId, occurredOn, exchange.request(), exchange.response(), topic, additionalInfo),
				complete, Channel.API);
	}

}
