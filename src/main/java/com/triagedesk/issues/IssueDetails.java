package com.triagedesk.issues;

import java.time.Instant;
import java.util.List;

/**
 * An issue as read by other modules and the API.
 */
public record IssueDetails(String key, String status, String subject, String description, String channel,
		List<Participant> participants, List<Attachment> attachments, Submission submission, Instant createdAt, Instant updatedAt, long version) {

	public record Attachment(long id, String filename, String contentType, String kind, long size, Instant addedAt) {
	}

	public record Participant(String email, String name, String phone, String role, Instant addedAt,
			String addedVia) {
	}

}
