package com.triagedesk.issues;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that changes anything else about an issue: assignee, priority,
 * escalation, participants removed, fields, a split or merge.
 *
 * @param changes the history types of what changed, e.g. {@code ASSIGNED}, {@code MERGED_FROM}
 */
public record IssueUpdated(IssueKey key, List<String> changes, Actor actor, Instant occurredAt) {
}
