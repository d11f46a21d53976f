package com.triagedesk.issues;

import java.time.Instant;

/**
 * Published in the transaction that stores a new issue. Carries the key, not the issue.
 *
 * @param followUpOf the closed issue this one follows up, or null
 * @param splitFrom the issue it was split from, or null
 */
public record IssueCreated(IssueKey key, IssueStatus status, Channel channel, IssueKey followUpOf, IssueKey splitFrom,
		Instant occurredAt) {
}
