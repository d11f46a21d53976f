package com.triagedesk.issues;

/**
 * What became of new information sent to an issue.
 *
 * @param outcome {@code APPENDED} to the issue, or {@code FOLLOW_UP_CREATED} when the issue was
 * closed and a new, linked one was opened
 * @param key the issue that holds the message now (the follow-up, or the merge target)
 * @param previousStatus the status before the message (null for a new follow-up issue)
 * @param followUpOf the closed issue, for {@code FOLLOW_UP_CREATED}
 * @param followUpToken the new issue's token, for {@code FOLLOW_UP_CREATED}; shown once
 */
public record Received(String outcome, IssueKey key, IssueStatus status, IssueStatus previousStatus,
		IssueKey followUpOf, String followUpToken, long messageId, IssueDetails.Checklist checklist) {

	public static final String APPENDED = "APPENDED";

	public static final String FOLLOW_UP_CREATED = "FOLLOW_UP_CREATED";

}
