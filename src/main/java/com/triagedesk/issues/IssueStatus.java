package com.triagedesk.issues;

/**
 * Where an issue stands. {@code NEEDS_INFO} means the checklist is not complete yet.
 */
public enum IssueStatus {

	NEEDS_INFO, OPEN, PENDING, RESOLVED, CLOSED

}
