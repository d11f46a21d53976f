package com.triagedesk.issues;

/**
 * A staff reply or note as stored.
 */
public record PostedMessage(IssueKey key, long messageId, MessageKind kind, IssueStatus status, long version) {
}
