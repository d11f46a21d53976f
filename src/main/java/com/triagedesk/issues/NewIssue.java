package com.triagedesk.issues;

import java.util.List;
import java.util.Objects;

import com.triagedesk.checklist.Evaluation;

/**
 * What it takes to open an issue. Everything here has already been redacted by the caller.
 *
 * @param evaluation the checklist verdict on the request, which decides the first status
 * @param redactedSecrets the kinds of live secret cut from the request, which the reporter must rotate
 * @param messageId the e-mail Message-ID of the request, when it came by e-mail
 */
public record NewIssue(String subject, String description, Contact reporter, List<String> cc, Submission submission,
		List<NewAttachment> attachments, Evaluation evaluation, Channel channel, List<String> redactedSecrets,
		String messageId) {

	public NewIssue(String subject, String description, Contact reporter, List<String> cc, Submission submission,
			List<NewAttachment> attachments, Evaluation evaluation, Channel channel) {
		this(subject, description, reporter, cc, submission, attachments, evaluation, channel, List.of(), null);
	}

	public NewIssue(String subject, String description, Contact reporter, List<String> cc, Submission submission,
			List<NewAttachment> attachments, Evaluation evaluation, Channel channel, List<String> redactedSecrets) {
		this(subject, description, reporter, cc, submission, attachments, evaluation, channel, redactedSecrets, null);
	}

	public NewIssue {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(reporter, "reporter");
		Objects.requireNonNull(evaluation, "evaluation");
		Objects.requireNonNull(channel, "channel");
		cc = cc == null ? List.of() : List.copyOf(cc);
		submission = submission == null ? Submission.EMPTY : submission;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		redactedSecrets = redactedSecrets == null ? List.of() : List.copyOf(redactedSecrets);
	}

	public boolean complete() {
		return evaluation.complete();
	}

	/**
	 * A person as the reporter gave it; only the e-mail address is required.
	 */
	public record Contact(String name, String email, String phone) {

		public Contact {
			Objects.requireNonNull(email, "email");
		}

	}

}
