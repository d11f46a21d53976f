package com.triagedesk.issues;

/**
 * What staff change about an issue in one go; null fields stay as they are.
 *
 * @param assignee the new assignee; an empty string unassigns
 * @param escalated true with {@code escalationReason} to escalate, false to take it back
 */
public record IssueUpdate(IssueStatus status, String assignee, Priority priority, Boolean escalated,
		String escalationReason) {
}
