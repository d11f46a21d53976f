package com.triagedesk.issues;

import java.time.Instant;

/**
 * Published in the transaction that changes an issue's status.
 */
public record IssueStatusChanged(IssueKey key, IssueStatus from, IssueStatus to, Actor actor, String reason,
		Instant occurredAt) {
}
