package com.triagedesk.issues;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that adds a message to an issue's thread. Notes are announced too;
 * listeners that mail or call out must skip {@link MessageKind#NOTE}.
 */
public record MessageAdded(IssueKey key, long messageId, MessageKind kind, Actor actor, List<String> redactedSecrets,
		Instant occurredAt) {

	public MessageAdded {
		redactedSecrets = redactedSecrets == null ? List.of() : List.copyOf(redactedSecrets);
	}
}
