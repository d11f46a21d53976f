package com.triagedesk.issues;

import java.time.Instant;

/**
 * Published in the transaction that adds a message to an issue's thread. Notes are announced too;
 * listeners that mail or call out must skip {@link MessageKind#NOTE}.
 */
public record MessageAdded(IssueKey key, long messageId, MessageKind kind, Actor actor, Instant occurredAt) {
}
