package com.triagedesk.issues;

import java.time.Instant;

/**
 * Published in the transaction that stores a new issue. Carries the key, not the issue.
 */
public record IssueCreated(IssueKey key, IssueStatus status, Channel channel, Instant occurredAt) {
}
