package com.triagedesk.issues;

import java.time.Instant;

/**
 * An issue as a list shows it.
 */
public record IssueSummary(String key, String status, String subject, String reporter, String route,
		String suggestedRoute, Priority priority,
		String assignee, boolean escalated, boolean checklistComplete, String organizationNumber,
		String merchantSerialNumber, Instant firstResponseDueAt, Instant firstRespondedAt, boolean breached,
		Instant createdAt, Instant updatedAt, String mergedInto) {
}
