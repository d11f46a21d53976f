package com.triagedesk.issues;

import java.util.List;
import java.util.Objects;

/**
 * What it takes to open an issue. Everything here has already been redacted by the caller.
 *
 * @param complete whether the checklist found every required item, which decides the first status
 */
public record NewIssue(String subject, String description, Contact reporter, List<String> cc, Submission submission,
		List<NewAttachment> attachments, boolean complete, Channel channel) {

	public NewIssue {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(reporter, "reporter");
		Objects.requireNonNull(channel, "channel");
		cc = cc == null ? List.of() : List.copyOf(cc);
		submission = submission == null ? Submission.EMPTY : submission;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
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
