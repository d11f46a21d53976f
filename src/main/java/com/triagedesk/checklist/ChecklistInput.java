package com.triagedesk.checklist;

import java.util.List;

/**
 * Everything received for one request, already redacted. Every field but the subject and
 * description may be null: the evaluator looks for the facts in the free text too.
 */
public record ChecklistInput(String subject, String description, String reporterName, String reporterEmail,
		String reporterPhone, String organizationNumber, String merchantSerialNumber, String product,
		String environment, String orderId, String transactionId, String contextId, List<String> occurredOn,
		String httpRequest, String httpResponse, String additionalInfo, List<Attachment> attachments) {

	public ChecklistInput {
		occurredOn = occurredOn == null ? List.of() : occurredOn.stream().filter(d -> d != null).toList();
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/**
	 * A file that came with the request; {@code text} is its (redacted) content when it is text,
	 * such as a HAR file or a log.
	 */
	public record Attachment(String filename, String contentType, long size, String text) {

		boolean isImage() {
			return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("image/");
		}

	}

}
