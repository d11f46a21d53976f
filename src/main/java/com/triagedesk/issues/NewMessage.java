package com.triagedesk.issues;

import java.util.List;
import java.util.Objects;

/**
 * New information from the reporter or a CC recipient, already redacted: text, any request fields
 * (null when not given), files and more CC recipients.
 *
 * @param authorEmail who sent it, or null for the reporter (a follow-up with the reporter's token);
 * becomes a participant when not one already
 * @param reporterName, reporterPhone contact details the reporter adds or corrects
 * @param redactedSecrets the kinds of live secret cut from it, which the sender must rotate
 * @param messageId the e-mail Message-ID it came with, when it came by e-mail
 */
public record NewMessage(String authorEmail, String authorName, Channel channel, String text, Submission fields,
		String reporterName, String reporterPhone, List<String> cc, List<NewAttachment> attachments,
		List<String> redactedSecrets, String messageId) {

	public NewMessage(String authorEmail, String authorName, Channel channel, String text, Submission fields,
			String reporterName, String reporterPhone, List<String> cc, List<NewAttachment> attachments) {
		this(authorEmail, authorName, channel, text, fields, reporterName, reporterPhone, cc, attachments, List.of(),
				null);
	}

	public NewMessage(String authorEmail, String authorName, Channel channel, String text, Submission fields,
			String reporterName, String reporterPhone, List<String> cc, List<NewAttachment> attachments,
			List<String> redactedSecrets) {
		this(authorEmail, authorName, channel, text, fields, reporterName, reporterPhone, cc, attachments,
				redactedSecrets, null);
	}

	public NewMessage {
		Objects.requireNonNull(channel, "channel");
		text = text == null ? "" : text;
		fields = fields == null ? Submission.EMPTY : fields;
		cc = cc == null ? List.of() : List.copyOf(cc);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		redactedSecrets = redactedSecrets == null ? List.of() : List.copyOf(redactedSecrets);
	}

	NewMessage from(String email, String name) {
		return new NewMessage(email, authorName == null ? name : authorName, channel, text, fields, reporterName,
				reporterPhone, cc, attachments, redactedSecrets, messageId);
	}

}
