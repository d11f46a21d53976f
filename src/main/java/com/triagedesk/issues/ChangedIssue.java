package com.triagedesk.issues;

/**
 * An issue after a change: enough to answer the caller and to send a fresh ETag.
 */
public record ChangedIssue(IssueKey key, IssueStatus status, long version, boolean changed) {
}
