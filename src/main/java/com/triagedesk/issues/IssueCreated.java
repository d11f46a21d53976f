package com.triagedesk.issues;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that stores a new issue. Carries the key, not the issue.
 *
 * @param followUpOf the closed issue this one follows up, or null
 * @param splitFrom the issue it was split from, or null
 * @param redactedSecrets kinds of live secret cut from the request (the reporter must rotate them)
 */
public record IssueCreated(IssueKey key, IssueStatus status, Channel channel, IssueKey followUpOf, IssueKey splitFrom,
		List<String> redactedSecrets, Instant occurredAt) {

	public IssueCreated {
		redactedSecrets = redactedSecrets == null ? List.of() : List.copyOf(redactedSecrets);
	}
}
