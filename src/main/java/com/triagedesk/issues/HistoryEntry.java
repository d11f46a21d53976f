package com.triagedesk.issues;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One change in an issue's history. Written once, never updated or deleted (the table refuses it).
 */
@Entity
@Immutable
@Table(name = "issue_event")
class HistoryEntry {

	/**
	 * What happened.
	 */
	enum Type {

		CREATED, STATUS_CHANGED, CHECKLIST_EVALUATED, FIELD_CHANGED, MESSAGE_ADDED, PARTICIPANT_ADDED,
		PARTICIPANT_REMOVED, ASSIGNED, PRIORITY_CHANGED, ESCALATED, DEESCALATED, SPLIT_INTO, SPLIT_FROM,
		MERGED_INTO, MERGED_FROM, FOLLOW_UP_OPENED, FOLLOW_UP_OF, FIRST_RESPONSE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issue_event_id")
	@SequenceGenerator(name = "issue_event_id", sequenceName = "issue_event_id_seq", allocationSize = 50)
	private Long id;

	@Column(name = "issue_id", nullable = false)
	private Long issueId;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false)
	private String actor;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Type type;

	@Column(name = "from_value")
	private String from;

	@Column(name = "to_value")
	private String to;

	private String detail;

	protected HistoryEntry() {
	}

	HistoryEntry(Long issueId, Instant occurredAt, Actor actor, Type type, String from, String to, String detail) {
		this.issueId = issueId;
		this.occurredAt = occurredAt;
		this.actor = actor.id();
		this.channel = actor.channel();
		this.type = type;
		this.from = from;
		this.to = to;
		this.detail = detail;
	}

	Type type() {
		return type;
	}

	/**
	 * Whether only staff may see this entry: notes, and how staff handle the case.
	 */
	boolean isInternal() {
		return switch (type) {
			case MESSAGE_ADDED -> MessageKind.NOTE.name().equals(to);
			case ASSIGNED, PRIORITY_CHANGED, ESCALATED, DEESCALATED -> true;
			default -> false;
		};
	}

	IssueDetails.HistoryEntry toView() {
		return new IssueDetails.HistoryEntry(occurredAt, actor, channel.name(), type.name(), from, to, detail);
	}

}
