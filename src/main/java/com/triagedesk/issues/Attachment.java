package com.triagedesk.issues;

import java.time.Instant;

import jakarta.persistence.Column;
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

/**
 * A file kept with an issue. Its content is loaded only when asked for.
 */
@Entity
@Table(name = "attachment")
class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_id")
	@SequenceGenerator(name = "attachment_id", sequenceName = "attachment_id_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "issue_id")
	private Issue issue;

	@Column(nullable = false)
	private String filename;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NewAttachment.Kind kind;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(nullable = false)
	private byte[] content;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected Attachment() {
	}

	Attachment(Issue issue, NewAttachment attachment, Instant addedAt) {
		this.issue = issue;
		this.filename = attachment.filename();
		this.contentType = attachment.contentType();
		this.kind = attachment.kind();
		this.size = attachment.content().length;
		this.content = attachment.content();
		this.addedAt = addedAt;
	}

}
