package com.triagedesk.issues;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An issue as read by other modules and the API. Internal notes, and history about them, are
 * only in the staff view.
 *
 * @param requestedKey the key asked for when it differs from {@code key}: a merged issue resolves to
 * the issue it was merged into
 * @param suggestedRoute where the router thought it might belong instead, when it was unsure
 */
public record IssueDetails(String key, String requestedKey, String status, String subject, String description,
		String channel, String route, String suggestedRoute, Priority priority, String assignee, Escalation escalation, Checklist checklist, Sla sla,
		Links links, List<Participant> participants, List<Attachment> attachments, Submission submission,
		List<Message> messages, List<HistoryEntry> history, Instant createdAt, Instant updatedAt,
		Instant resolvedAt, Instant closedAt, long version) {

	@Schema(name = "IssueAttachment")
	public record Attachment(long id, String filename, String contentType, String kind, long size, Instant addedAt) {
	}

	/**
	 * A participant; removed ones are listed with when and by whom, and receive nothing more.
	 */
	@Schema(name = "IssueParticipant")
	public record Participant(String email, String name, String phone, String role, Instant addedAt,
			String addedVia, String addedBy, Instant removedAt, String removedBy) {

		public boolean active() {
			return removedAt == null;
		}

	}

	@Schema(name = "IssueEscalation")
	public record Escalation(boolean escalated, String reason) {
	}

	/**
	 * The checklist as last evaluated over everything the reporter sent.
	 */
	@Schema(name = "IssueChecklist")
	public record Checklist(boolean complete, List<Item> items, List<Notice> warnings) {

		public Checklist {
			items = items == null ? List.of() : List.copyOf(items);
			warnings = warnings == null ? List.of() : List.copyOf(warnings);
		}

		public List<Item> missing() {
			return items.stream().filter(Item::blocking).toList();
		}

	}

	@Schema(name = "IssueChecklistItem")
	public record Item(int number, String key, String state, boolean required, String message, String value,
			String source) {

		boolean blocking() {
			return required && ("MISSING".equals(state) || "INVALID".equals(state) || "INSUFFICIENT".equals(state));
		}

	}

	@Schema(name = "ChecklistNotice")
	public record Notice(String code, String message) {
	}

	/**
	 * The first-response clock.
	 *
	 * @param state {@code RUNNING}, {@code PAUSED} (in NEEDS_INFO or PENDING), {@code MET} or
	 * {@code BREACHED}
	 * @param firstResponseDueAt when the clock runs out if it keeps running; null while paused
	 * @param timeLeft business time left (ISO-8601, negative once breached)
	 */
	@Schema(name = "IssueSla")
	public record Sla(String target, String state, Instant firstResponseDueAt, boolean breached, String timeLeft,
			long timeLeftSeconds, Instant firstRespondedAt, String businessHours) {
	}

	/**
	 * How this issue is tied to others.
	 */
	@Schema(name = "IssueLinks")
	public record Links(String followUpOf, String splitFrom, String mergedInto, List<String> followUps,
			List<String> splitInto, List<String> mergedFrom) {
	}

	/**
	 * @param externalId the e-mail Message-ID it came with, if it came by e-mail
	 */
	@Schema(name = "IssueMessage")
	public record Message(long id, String kind, String author, String authorName, String channel, String body,
			Map<String, String> fields, String httpRequest, String httpResponse, Instant createdAt, String movedFrom,
			String externalId) {
	}

	@Schema(name = "IssueHistoryEntry")
	public record HistoryEntry(Instant at, String actor, String channel, String type, String from, String to,
			String detail) {
	}

	public Participant reporter() {
		return participants.stream().filter(p -> "REPORTER".equals(p.role())).findFirst().orElseThrow();
	}

}
