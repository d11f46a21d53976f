package com.triagedesk.issues;

import java.time.Instant;
import java.util.Set;

/**
 * Which issues a list shows; null or empty means "any".
 *
 * @param q words to find in subject, description or any message (PostgreSQL full text, any language), or an
 * orderId exactly
 * @param route a destination: issues routed there or suggested for it
 */
public record IssueFilter(Set<IssueStatus> statuses, String assignee, String organizationNumber,
		String merchantSerialNumber, Instant updatedSince, String q, String route) {

	public IssueFilter {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
	}

}
