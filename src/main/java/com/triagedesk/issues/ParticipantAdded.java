package com.triagedesk.issues;

import java.time.Instant;

/**
 * Published in the transaction that adds someone to an existing issue (those present at creation
 * come with {@link IssueCreated}).
 */
public record ParticipantAdded(IssueKey key, String email, Actor actor, Instant occurredAt) {
}
