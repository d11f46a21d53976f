package com.triagedesk.issues;

import java.util.List;

/**
 * The optional fields of a support request, as received (after redaction).
 */
public record Submission(String organizationNumber, String merchantSerialNumber, String product,
		String environment, String orderId, String transactionId, String contextId, List<String> occurredOn,
		String httpRequest, String httpResponse, String topic, String additionalInfo) {

	static final Submission EMPTY = new Submission(null, null, null, null, null, null, null, List.of(), null, null,
			null, null);

	public Submission {
		occurredOn = occurredOn == null ? List.of() : List.copyOf(occurredOn);
	}

}
