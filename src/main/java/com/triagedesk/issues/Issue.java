package com.triagedesk.issues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The issue aggregate: one developer-support case with its reporter, CC participants and the
 * request as submitted. Participants are only reached through it.
 */
@Entity
@Table(name = "issue")
class Issue {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issue_id")
	@SequenceGenerator(name = "issue_id", sequenceName = "issue_id_seq", allocationSize = 50)
	private Long id;

	@Column(name = "issue_key", nullable = false, unique = true, updatable = false)
	private String key;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private IssueStatus status;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Channel channel;

	@Column(name = "organization_number")
	private String organizationNumber;

	@Column(name = "merchant_serial_number")
	private String merchantSerialNumber;

	private String product;

	private String environment;

	@Column(name = "order_id")
	private String orderId;

	@Column(name = "transaction_id")
	private String transactionId;

	@Column(name = "context_id")
	private String contextId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "occurred_on", nullable = false)
	private List<String> occurredOn = new ArrayList<>();

	@Column(name = "http_request")
	private String httpRequest;

	@Column(name = "http_response")
	private String httpResponse;

	private String topic;

	@Column(name = "additional_info")
	private String additionalInfo;

	@Column(name = "follow_up_token_hash", nullable = false)
	private String followUpTokenHash;

	@OneToMany(mappedBy = "issue", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<Participant> participants = new ArrayList<>();

	@OneToMany(mappedBy = "issue", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<Attachment> attachments = new ArrayList<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Issue() {
	}

	private Issue(IssueKey key, NewIssue request, String followUpTokenHash, Instant now) {
		this.key = key.value();
		this.status = request.complete() ? IssueStatus.OPEN : IssueStatus.NEEDS_INFO;
		this.subject = request.subject();
		this.description = request.description();
		this.channel = request.channel();
		Submission submission = request.submission();
		this.organizationNumber = submission.organizationNumber();
		this.merchantSerialNumber = submission.merchantSerialNumber();
		this.product = submission.product();
		this.environment = submission.environment();
		this.orderId = submission.orderId();
		this.transactionId = submission.transactionId();
		this.contextId = submission.contextId();
		this.occurredOn = new ArrayList<>(submission.occurredOn());
		this.httpRequest = submission.httpRequest();
		this.httpResponse = submission.httpResponse();
		this.topic = submission.topic();
		this.additionalInfo = submission.additionalInfo();
		this.followUpTokenHash = followUpTokenHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Opens an issue with its reporter first and each distinct CC address once after it; a CC that
	 * repeats the reporter's address (in any letter case) is the reporter.
	 */
	static Issue open(IssueKey key, NewIssue request, String followUpTokenHash, Instant now) {
		Issue issue = new Issue(key, request, followUpTokenHash, now);
		NewIssue.Contact reporter = request.reporter();
		issue.participants.add(new Participant(issue, reporter.email().strip(), reporter.name(), reporter.phone(),
				Participant.Role.REPORTER, now, request.channel()));
		request.cc().forEach(address -> issue.addCc(address, now, request.channel()));
		request.attachments().forEach(a -> issue.attachments.add(new Attachment(issue, a, now)));
		return issue;
	}

	private void addCc(String address, Instant now, Channel via) {
		if (participants.stream().noneMatch(p -> p.hasAddress(address))) {
			participants.add(new Participant(this, address.strip(), null, null, Participant.Role.CC, now, via));
		}
	}

	IssueKey key() {
		return new IssueKey(key);
	}

	IssueStatus status() {
		return status;
	}

	List<Participant> participants() {
		return Collections.unmodifiableList(participants);
	}

	IssueDetails toDetails(List<IssueDetails.Attachment> attachmentViews) {
		return new IssueDetails(key, status.name(), subject, description, channel.name(),
				participants.stream().map(Participant::toView).toList(),
				attachmentViews,
				new Submission(organizationNumber, merchantSerialNumber, product, environment, orderId, transactionId,
						contextId, occurredOn, httpRequest, httpResponse, topic, additionalInfo),
				createdAt, updatedAt, version);
	}

}
