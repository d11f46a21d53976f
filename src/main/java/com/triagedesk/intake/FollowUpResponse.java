package com.triagedesk.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.triagedesk.checklist.Warning;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.Received;
import com.triagedesk.secrets.Redaction;

/**
 * What a developer gets back for a follow-up: where the message went, the status now and the
 * checklist over everything sent so far.
 *
 * @param outcome {@code APPENDED}, or {@code FOLLOW_UP_CREATED} when the issue was closed
 * @param followUpOf the closed issue, when a new one was opened for the message
 * @param followUpToken the new issue's token, when one was opened; shown once
 * @param message what to tell the developer, in words
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record FollowUpResponse(String outcome, String issueKey, String status, String previousStatus, String followUpOf,
		String followUpToken, long messageId, String message, IssueDetails.Checklist checklist,
		List<IssueDetails.Item> missing, List<IntakeResponse.RedactionView> redactions, int redactionCount,
		List<Warning> warnings) {

	static FollowUpResponse of(Received received, List<Redaction> redactions, List<Warning> warnings) {
		boolean followUp = Received.FOLLOW_UP_CREATED.equals(received.outcome());
		return new FollowUpResponse(received.outcome(), received.key().value(), received.status().name(),
				received.previousStatus() == null ? null : received.previousStatus().name(),
				received.followUpOf() == null ? null : received.followUpOf().value(), received.followUpToken(),
				received.messageId(),
				describe(received, followUp), received.checklist(), received.checklist().missing(),
				IntakeResponse.RedactionView.of(redactions), redactions.size(), warnings);
	}

	private static String describe(Received received, boolean followUp) {
		if (followUp) {
			return received.followUpOf() + " is closed, so your message opened a new issue, " + received.key()
					+ ", linked to it. Use the new key and followUpToken from now on.";
		}
		String where = received.followUpOf() != null
				? received.followUpOf() + " is closed, so your message was added to its follow-up, " + received.key() + "."
				: "Added to " + received.key() + ".";
		if (received.checklist().complete()) {
			return where + (received.previousStatus() != received.status()
					? " It is now " + received.status() + "." : " Its status stays " + received.status() + ".");
		}
		return where + " Still missing: " + String.join(", ",
				received.checklist().missing().stream().map(IssueDetails.Item::key).toList()) + ".";
	}

}
