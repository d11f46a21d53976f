package com.triagedesk.issues;

/**
 * The result of opening an issue.
 *
 * @param followUpToken lets the reporter add information without e-mail; shown once, stored only as a hash
 */
public record OpenedIssue(IssueKey key, IssueStatus status, String followUpToken) {
}
