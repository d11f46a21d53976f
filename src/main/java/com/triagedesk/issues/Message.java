package com.triagedesk.issues;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One entry of an issue's thread. Its text never changes; a split or merge moves it to another
 * issue and remembers where it came from.
 */
@Entity
@Table(name = "message")
class Message {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_id")
	@SequenceGenerator(name = "message_id", sequenceName = "message_id_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "issue_id")
	private Issue issue;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private MessageKind kind;

	@Column(nullable = false, updatable = false)
	private String author;

	@Column(name = "author_name", updatable = false)
	private String authorName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Channel channel;

	@Column(nullable = false, updatable = false)
	private String body;

	@Convert(converter = JsonColumns.FieldsConverter.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(nullable = false, updatable = false, columnDefinition = "jsonb")
	private Map<String, String> fields = new LinkedHashMap<>();

	@Column(name = "http_request", updatable = false)
	private String httpRequest;

	@Column(name = "http_response", updatable = false)
	private String httpResponse;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "moved_from_issue_id")
	private Issue movedFrom;

	@Column(name = "external_id", updatable = false)
	private String externalId;

	// Only for the event of this request: which secrets were cut, so the sender is told to rotate them.
	@jakarta.persistence.Transient
	private java.util.List<String> redactedSecrets = java.util.List.of();

	protected Message() {
	}

	void redactedSecrets(java.util.List<String> kinds) {
		redactedSecrets = java.util.List.copyOf(kinds);
	}

	java.util.List<String> redactedSecrets() {
		return redactedSecrets;
	}

	Message(Issue issue, MessageKind kind, String author, String authorName, Channel channel, String body,
			Map<String, String> fields, String httpRequest, String httpResponse, Instant createdAt) {
		this.issue = issue;
		this.kind = kind;
		this.author = author;
		this.authorName = authorName;
		this.channel = channel;
		this.body = body;
		this.fields = new LinkedHashMap<>(fields);
		this.httpRequest = httpRequest;
		this.httpResponse = httpResponse;
		this.createdAt = createdAt;
	}

	Long id() {
		return id;
	}

	/**
	 * Keeps the e-mail Message-ID this message came with, for threading our answers.
	 */
	Message withExternalId(String messageId) {
		this.externalId = messageId;
		return this;
	}

	MessageKind kind() {
		return kind;
	}

	String body() {
		return body;
	}

	Instant createdAt() {
		return createdAt;
	}

	/**
	 * Moves the message to another issue, keeping the first issue it was moved from.
	 */
	void moveTo(Issue target) {
		if (movedFrom == null) {
			movedFrom = issue;
		}
		issue = target;
	}

	IssueDetails.Message toView() {
		return new IssueDetails.Message(id, kind.name(), author, authorName, channel.name(), body, Map.copyOf(fields),
				httpRequest, httpResponse, createdAt, movedFrom == null ? null : movedFrom.key().value(), externalId);
	}

}
