package com.triagedesk.issues;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.triagedesk.checklist.ChecklistInput;

/**
 * The issue aggregate: one developer-support case with its participants, thread, checklist verdict
 * and first-response clock. Every change goes through a method here that checks it is allowed and
 * records it for the history; nothing else writes these rows.
 */
@Entity
@Table(name = "issue")
class Issue {

	/**
	 * A change as the history will record it; {@code message} is set for MESSAGE_ADDED.
	 */
	record Change(HistoryEntry.Type type, Actor actor, String from, String to, String detail, Message message) {
	}

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

	@Column(nullable = false)
	private String route = "INTEGRATION_SERVICES";

	@Column(name = "route_suggested")
	private String routeSuggested;

	private String assignee;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Priority priority = Priority.NORMAL;

	@Column(nullable = false)
	private boolean escalated;

	@Column(name = "escalation_reason")
	private String escalationReason;

	@Column(name = "checklist_complete", nullable = false)
	private boolean checklistComplete;

	@Convert(converter = JsonColumns.ChecklistConverter.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(columnDefinition = "jsonb")
	private IssueDetails.Checklist checklist;

	@Column(name = "sla_target_seconds", nullable = false)
	private long slaTargetSeconds;

	@Column(name = "sla_used_seconds", nullable = false)
	private long slaUsedSeconds;

	@Column(name = "sla_running_since")
	private Instant slaRunningSince;

	@Column(name = "first_response_due_at")
	private Instant firstResponseDueAt;

	@Column(name = "first_responded_at")
	private Instant firstRespondedAt;

	@Column(name = "first_response_breached")
	private Boolean firstResponseBreached;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "merged_into_id")
	private Issue mergedInto;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "follow_up_of_id", updatable = false)
	private Issue followUpOf;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "split_from_id", updatable = false)
	private Issue splitFrom;

	@OneToMany(mappedBy = "issue", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<Participant> participants = new ArrayList<>();

	// No orphan removal: a merge or split moves attachments and messages, it never deletes them.
	@OneToMany(mappedBy = "issue", cascade = CascadeType.PERSIST)
	@OrderBy("id")
	private List<Attachment> attachments = new ArrayList<>();

	@OneToMany(mappedBy = "issue", cascade = CascadeType.PERSIST)
	@OrderBy("createdAt, id")
	private List<Message> messages = new ArrayList<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	@Transient
	private List<Change> changes = new ArrayList<>();

	/** Everyone here gets every update: more than this is a mailing list, not an issue. */
	static final int MAX_PARTICIPANTS = 50;

	protected Issue() {
	}

	private Issue(IssueKey key, String subject, String description, Channel channel, Submission submission,
			String followUpTokenHash, Duration slaTarget, Instant now) {
		this.key = key.value();
		this.status = IssueStatus.NEEDS_INFO;
		this.subject = subject;
		this.description = description;
		this.channel = channel;
		setSubmission(submission);
		this.followUpTokenHash = followUpTokenHash;
		this.slaTargetSeconds = slaTarget.toSeconds();
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Opens an issue with its reporter first and each distinct CC address once after it (a CC that
	 * repeats the reporter's address, in any letter case, is the reporter), and the request as the
	 * first message of the thread.
	 */
	static Issue open(IssueKey key, NewIssue request, String followUpTokenHash, Duration slaTarget, Instant now,
			BusinessHours hours) {
		NewIssue.Contact reporter = request.reporter();
		Actor actor = Actor.participant(reporter.email(), request.channel());
		Issue issue = new Issue(key, request.subject(), request.description(), request.channel(),
				request.submission(), followUpTokenHash, slaTarget, now);
		issue.record(HistoryEntry.Type.CREATED, actor, null, IssueStatus.NEEDS_INFO.name(), request.channel().name());
		issue.participants.add(new Participant(issue, reporter.email().strip(), blankToNull(reporter.name()),
				blankToNull(reporter.phone()), Participant.Role.REPORTER, now, actor));
		issue.record(HistoryEntry.Type.PARTICIPANT_ADDED, actor, null, reporter.email().strip(), "REPORTER");
		request.cc().forEach(address -> issue.addParticipant(address, actor, now));
		request.attachments().forEach(a -> issue.attachments.add(new Attachment(issue, a, now)));
		Submission s = request.submission();
		issue.addMessage(new Message(issue, MessageKind.INBOUND, reporter.email().strip(), blankToNull(reporter.name()),
				request.channel(), request.description(), Map.of(), s.httpRequest(), s.httpResponse(), now)
			.withExternalId(request.messageId()), actor);
		issue.evaluated(Checklists.of(request.evaluation()), actor, now, hours);
		return issue;
	}

	/**
	 * A new issue for a reply to this closed one: same reporter, participants and request fields,
	 * the reply as its request, and a link back.
	 */
	Issue openFollowUp(IssueKey newKey, NewMessage reply, String followUpTokenHash, Duration slaTarget, Instant now,
			Actor actor) {
		Issue followUp = new Issue(newKey, subject, reply.text().isBlank() ? "(no text)" : reply.text(),
				reply.channel(), submission(), followUpTokenHash, slaTarget, now);
		followUp.followUpOf = this;
		followUp.record(HistoryEntry.Type.CREATED, actor, null, IssueStatus.NEEDS_INFO.name(), reply.channel().name());
		followUp.record(HistoryEntry.Type.FOLLOW_UP_OF, actor, null, key, "Reply to " + key + ", which is closed");
		followUp.copyParticipantsOf(this, actor, now);
		followUp.addMessage(new Message(followUp, MessageKind.INBOUND, reply.authorEmail().strip(),
				blankToNull(reply.authorName()), reply.channel(), followUp.description, fieldsOf(reply.fields()),
				reply.fields().httpRequest(), reply.fields().httpResponse(), now).withExternalId(reply.messageId()), actor);
		followUp.receiveDetails(reply, actor, now);
		record(HistoryEntry.Type.FOLLOW_UP_OPENED, actor, null, newKey.value(), "A reply after closing opened " + newKey);
		return followUp;
	}

	/**
	 * New information from the reporter or a CC recipient: a reply reopens a resolved issue and
	 * brings a pending one back to staff. The caller re-evaluates the checklist afterwards.
	 */
	Message receive(NewMessage message, Actor actor, Instant now, BusinessHours hours) {
		requireNotClosed("add a message to");
		Message added = addMessage(new Message(this, MessageKind.INBOUND, message.authorEmail().strip(),
				blankToNull(message.authorName()), message.channel(), message.text(), fieldsOf(message.fields()),
				message.fields().httpRequest(), message.fields().httpResponse(), now).withExternalId(message.messageId()),
				actor);
		receiveDetails(message, actor, now);
		if (status == IssueStatus.PENDING || status == IssueStatus.RESOLVED) {
			transition(IssueStatus.OPEN, actor, now, hours,
					status == IssueStatus.RESOLVED ? "Reopened by a reply" : "The reporter replied");
		}
		touch(now);
		return added;
	}

	private void receiveDetails(NewMessage message, Actor actor, Instant now) {
		if (participant(message.authorEmail()).filter(Participant::active).isEmpty()) {
			addParticipant(message.authorEmail(), actor, now);
		}
		message.cc().forEach(address -> addParticipant(address, actor, now));
		if (reporter().hasAddress(message.authorEmail())) {
			String beforeName = reporter().name();
			String beforePhone = reporter().phone();
			reporter().correctContact(message.reporterName(), message.reporterPhone());
			fieldChanged("reporter.name", beforeName, reporter().name(), actor);
			fieldChanged("reporter.phone", beforePhone, reporter().phone(), actor);
		}
		applyFields(message.fields(), actor);
		message.attachments().forEach(a -> attachments.add(new Attachment(this, a, now)));
	}

	/**
	 * Takes the checklist's new verdict; an issue that was waiting for information and is now
	 * complete opens by itself.
	 */
	void evaluated(IssueDetails.Checklist verdict, Actor actor, Instant now, BusinessHours hours) {
		boolean changed = checklist == null || !checklist.equals(verdict);
		this.checklist = verdict;
		this.checklistComplete = verdict.complete();
		if (changed) {
			record(HistoryEntry.Type.CHECKLIST_EVALUATED, Actor.SYSTEM, null, verdict.complete() ? "COMPLETE" : "INCOMPLETE",
					verdict.complete() ? null : "Missing: " + verdict.missing().stream()
						.map(IssueDetails.Item::key).collect(Collectors.joining(", ")));
		}
		if (status == IssueStatus.NEEDS_INFO && verdict.complete()) {
			transition(IssueStatus.OPEN, Actor.SYSTEM, now, hours, "The checklist is complete");
		}
	}

	/**
	 * A status change asked for by staff; refused unless {@link IssueStatus#next()} allows it.
	 *
	 * @return whether anything changed (setting the current status again changes nothing)
	 */
	boolean moveTo(IssueStatus target, Actor actor, Instant now, BusinessHours hours) {
		Objects.requireNonNull(target, "target");
		if (target == status) {
			return false;
		}
		if (!status.canMoveTo(target)) {
			throw IssueConflictException.illegalTransition(key(), status, target);
		}
		transition(target, actor, now, hours, null);
		touch(now);
		return true;
	}

	private void transition(IssueStatus target, Actor actor, Instant now, BusinessHours hours, String why) {
		IssueStatus from = status;
		status = target;
		if (target == IssueStatus.RESOLVED) {
			resolvedAt = now;
		}
		if (target == IssueStatus.CLOSED) {
			closedAt = now;
		}
		if (from == IssueStatus.RESOLVED && target == IssueStatus.OPEN) {
			resolvedAt = null;
		}
		record(HistoryEntry.Type.STATUS_CHANGED, actor, from.name(), target.name(), why);
		clockAfterStatus(actor, now, hours);
	}

	/**
	 * A staff reply to every participant; the first one stops the first-response clock.
	 */
	Message reply(String text, Actor actor, Instant now, BusinessHours hours) {
		requireNotClosed("reply to");
		Message added = addMessage(new Message(this, MessageKind.REPLY, actor.id(), null, actor.channel(), text,
				Map.of(), null, null, now), actor);
		firstResponse(actor, now, hours, "Staff replied");
		touch(now);
		return added;
	}

	/**
	 * An internal note. Allowed on closed issues too: staff may annotate history.
	 */
	Message note(String text, Actor actor, Instant now) {
		Message added = addMessage(new Message(this, MessageKind.NOTE, actor.id(), null, actor.channel(), text,
				Map.of(), null, null, now), actor);
		touch(now);
		return added;
	}

	boolean assign(String newAssignee, Actor actor, Instant now) {
		requireNotClosed("assign");
		String normalized = blankToNull(newAssignee);
		if (Objects.equals(normalized, assignee)) {
			return false;
		}
		record(HistoryEntry.Type.ASSIGNED, actor, assignee, normalized, null);
		assignee = normalized;
		touch(now);
		return true;
	}

	boolean prioritize(Priority newPriority, Actor actor, Instant now) {
		requireNotClosed("change the priority of");
		Objects.requireNonNull(newPriority, "priority");
		if (newPriority == priority) {
			return false;
		}
		record(HistoryEntry.Type.PRIORITY_CHANGED, actor, priority.name(), newPriority.name(), null);
		priority = newPriority;
		touch(now);
		return true;
	}

	/**
	 * Escalates with a reason staff can act on, or takes the escalation back (reason ignored).
	 */
	boolean escalate(boolean escalate, String reason, Actor actor, Instant now) {
		requireNotClosed("escalate");
		if (escalate) {
			String why = blankToNull(reason);
			if (why == null) {
				throw IssueConflictException.refused(key(), "Say why " + key + " is escalated: a reason is required.");
			}
			if (escalated && why.equals(escalationReason)) {
				return false;
			}
			record(HistoryEntry.Type.ESCALATED, actor, escalationReason, why, null);
			escalated = true;
			escalationReason = why;
		}
		else {
			if (!escalated) {
				return false;
			}
			record(HistoryEntry.Type.DEESCALATED, actor, escalationReason, null, null);
			escalated = false;
			escalationReason = null;
		}
		touch(now);
		return true;
	}

	/**
	 * Adds a CC recipient, or brings back one removed earlier.
	 *
	 * @return whether anyone was added
	 */
	boolean addParticipant(String address, Actor actor, Instant now) {
		Optional<Participant> known = participant(address);
		if (known.isPresent() && known.get().active()) {
			return false;
		}
		if (known.isPresent() && known.get().removedByStaff() && !Actors.isStaff(actor)) {
			// Staff took them off; a reporter's CC line does not put them back.
			return false;
		}
		if (participants.stream().filter(Participant::active).count() >= MAX_PARTICIPANTS) {
			throw IssueConflictException.refused(key(), key + " has " + MAX_PARTICIPANTS
					+ " participants, the most an issue can have; remove someone first.");
		}
		if (known.isPresent()) {
			known.get().readd(actor, now);
		}
		else {
			participants.add(new Participant(this, address.strip(), null, null, Participant.Role.CC, now, actor));
		}
		record(HistoryEntry.Type.PARTICIPANT_ADDED, actor, null, address.strip(), "CC");
		touch(now);
		return true;
	}

	boolean removeParticipant(String address, Actor actor, Instant now) {
		Participant participant = participant(address).orElseThrow(
				() -> IssueConflictException.refused(key(), printable(address) + " is not a participant of " + key + "."));
		if (participant.role() == Participant.Role.REPORTER) {
			throw IssueConflictException.refused(key(),
					"The reporter of " + key + " cannot be removed: every update goes to them.");
		}
		if (!participant.active()) {
			return false;
		}
		participant.remove(actor, now);
		record(HistoryEntry.Type.PARTICIPANT_REMOVED, actor, participant.email(), null, null);
		touch(now);
		return true;
	}

	/**
	 * Merges this issue into {@code target}: the thread, files and participants move over, and this
	 * issue closes; its key keeps leading to the target.
	 */
	void mergeInto(Issue target, Actor actor, Instant now, BusinessHours hours) {
		if (target == this || target.id().equals(id)) {
			throw IssueConflictException.refused(key(), "An issue cannot be merged into itself.");
		}
		for (Issue issue : List.of(this, target)) {
			if (issue.mergedInto().isPresent()) {
				throw IssueConflictException.refused(List.of(key(), target.key()),
						issue.key() + " was already merged into " + issue.mergedInto().get().key() + ".");
			}
			if (issue.status() == IssueStatus.CLOSED) {
				throw IssueConflictException.refused(List.of(key(), target.key()),
						issue.key() + " is closed; closed issues are not merged.");
			}
		}
		List<Message> moving = new ArrayList<>(messages);
		messages.clear();
		target.takeOver(moving);
		for (Participant participant : participants) {
			if (participant.active()) {
				target.addParticipant(participant.email(), actor, now);
			}
		}
		target.absorbFields(submission(), actor);
		target.record(HistoryEntry.Type.MERGED_FROM, actor, null, key, moving.size() + " messages moved");
		target.touch(now);
		record(HistoryEntry.Type.MERGED_INTO, actor, null, target.key().value(), moving.size() + " messages moved");
		mergedInto = target;
		transition(IssueStatus.CLOSED, actor, now, hours, "Merged into " + target.key());
		touch(now);
	}

	/**
	 * Splits the chosen messages off into a new issue with the same reporter, participants and
	 * request fields; the request itself (the first message) stays.
	 */
	Issue split(IssueKey newKey, String newSubject, String newDescription, Set<Long> messageIds,
			String followUpTokenHash, Duration slaTarget, Actor actor, Instant now) {
		requireNotClosed("split");
		List<Message> moving = messages.stream().filter(m -> messageIds.contains(m.id())).toList();
		Set<Long> found = moving.stream().map(Message::id).collect(Collectors.toSet());
		if (!found.containsAll(messageIds)) {
			List<Long> unknown = messageIds.stream().filter(mid -> !found.contains(mid)).sorted().toList();
			throw IssueConflictException.refused(key(), "Messages " + unknown + " are not in " + key + ".");
		}
		if (!messages.isEmpty() && found.contains(messages.get(0).id())) {
			throw IssueConflictException.refused(key(), "The first message is the request of " + key
					+ " and stays with it; give the new issue a description instead.");
		}
		String description = blankToNull(newDescription);
		if (description == null) {
			description = moving.stream().filter(m -> m.kind() == MessageKind.INBOUND).map(Message::body)
				.findFirst().orElse(null);
		}
		if (description == null || description.isBlank()) {
			throw IssueConflictException.refused(key(),
					"A split needs a description, or at least one message from the reporter to move.");
		}
		Issue part = new Issue(newKey, blankToNull(newSubject) == null ? subject : newSubject.strip(), description,
				channel, submission(), followUpTokenHash, slaTarget, now);
		part.splitFrom = this;
		part.record(HistoryEntry.Type.CREATED, actor, null, IssueStatus.NEEDS_INFO.name(), actor.channel().name());
		part.record(HistoryEntry.Type.SPLIT_FROM, actor, null, key, moving.size() + " messages moved");
		part.copyParticipantsOf(this, actor, now);
		if (blankToNull(newDescription) != null) {
			part.addMessage(new Message(part, MessageKind.INBOUND, reporter().email(), reporter().name(), actor.channel(),
					description, Map.of(), null, null, now), actor);
		}
		messages.removeAll(moving);
		part.takeOver(moving);
		record(HistoryEntry.Type.SPLIT_INTO, actor, null, newKey.value(), moving.size() + " messages moved");
		touch(now);
		return part;
	}

	/**
	 * Messages moved here from another issue, placed in the thread by when they were written.
	 */
	private void takeOver(List<Message> moved) {
		for (Message message : moved) {
			message.moveTo(this);
			messages.add(message);
		}
		messages.sort(java.util.Comparator.comparing(Message::createdAt)
			.thenComparing(Message::id, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
	}

	private void copyParticipantsOf(Issue other, Actor actor, Instant now) {
		Participant reporter = other.reporter();
		participants.add(new Participant(this, reporter.email(), reporter.name(), reporter.phone(),
				Participant.Role.REPORTER, now, actor));
		record(HistoryEntry.Type.PARTICIPANT_ADDED, actor, null, reporter.email(), "REPORTER");
		other.participants().stream()
			.filter(p -> p.active() && p.role() == Participant.Role.CC)
			.forEach(p -> addParticipant(p.email(), actor, now));
	}

	// ---- first-response clock -------------------------------------------------------------

	private void clockAfterStatus(Actor actor, Instant now, BusinessHours hours) {
		// Resolving or closing is no answer: the clock stops there, and runs on if the issue reopens.
		if (firstRespondedAt != null) {
			return;
		}
		boolean running = slaRunningSince != null;
		if (running && !status.clockRuns()) {
			slaUsedSeconds += hours.between(slaRunningSince, now).toSeconds();
			slaRunningSince = null;
			firstResponseDueAt = null;
		}
		else if (!running && status.clockRuns()) {
			slaRunningSince = now;
			firstResponseDueAt = hours.plus(now, Duration.ofSeconds(Math.max(0, slaTargetSeconds - slaUsedSeconds)));
		}
	}

	private void firstResponse(Actor actor, Instant now, BusinessHours hours, String how) {
		if (firstRespondedAt != null) {
			return;
		}
		boolean breached;
		if (slaRunningSince != null) {
			slaUsedSeconds += hours.between(slaRunningSince, now).toSeconds();
			breached = now.isAfter(firstResponseDueAt);
			slaRunningSince = null;
		}
		else {
			breached = slaUsedSeconds >= slaTargetSeconds;
		}
		firstRespondedAt = now;
		firstResponseBreached = breached;
		record(HistoryEntry.Type.FIRST_RESPONSE, actor, null, breached ? "BREACHED" : "MET", how);
	}

	IssueDetails.Sla sla(Instant now, BusinessHours hours) {
		long used = slaUsedSeconds + (slaRunningSince == null ? 0 : hours.between(slaRunningSince, now).toSeconds());
		long left = slaTargetSeconds - used;
		String state;
		boolean breached;
		if (firstRespondedAt != null) {
			breached = Boolean.TRUE.equals(firstResponseBreached);
			state = breached ? "BREACHED" : "MET";
		}
		else if (slaRunningSince != null) {
			// A clock resumed after its target was used up is breached from the first moment.
			breached = now.isAfter(firstResponseDueAt) || slaUsedSeconds >= slaTargetSeconds;
			state = breached ? "BREACHED" : "RUNNING";
		}
		else {
			breached = used >= slaTargetSeconds;
			state = breached ? "BREACHED"
					: status == IssueStatus.RESOLVED || status == IssueStatus.CLOSED ? "STOPPED" : "PAUSED";
		}
		return new IssueDetails.Sla(Duration.ofSeconds(slaTargetSeconds).toString(), state, firstResponseDueAt,
				breached, Duration.ofSeconds(left).toString(), left, firstRespondedAt,
				"Mon–Fri " + hours.opens() + "–" + hours.closes() + " " + hours.zone() + ", Norwegian public holidays excluded");
	}

	// ---- request fields ------------------------------------------------------------------

	Submission submission() {
		return new Submission(organizationNumber, merchantSerialNumber, product, environment, orderId, transactionId,
				contextId, occurredOn, httpRequest, httpResponse, topic, additionalInfo);
	}

	private void setSubmission(Submission s) {
		organizationNumber = s.organizationNumber();
		merchantSerialNumber = s.merchantSerialNumber();
		product = s.product();
		environment = s.environment();
		orderId = s.orderId();
		transactionId = s.transactionId();
		contextId = s.contextId();
		occurredOn = new ArrayList<>(s.occurredOn());
		httpRequest = s.httpRequest();
		httpResponse = s.httpResponse();
		topic = s.topic();
		additionalInfo = s.additionalInfo();
	}

	/**
	 * Fields given later replace what was there: the reporter is correcting or completing it.
	 * Dates add up; an HTTP exchange replaces the previous one as a whole.
	 */
	private void applyFields(Submission given, Actor actor) {
		organizationNumber = replace("organizationNumber", organizationNumber, given.organizationNumber(), actor);
		merchantSerialNumber = replace("merchantSerialNumber", merchantSerialNumber, given.merchantSerialNumber(), actor);
		product = replace("product", product, given.product(), actor);
		environment = replace("environment", environment, given.environment(), actor);
		orderId = replace("orderId", orderId, given.orderId(), actor);
		transactionId = replace("transactionId", transactionId, given.transactionId(), actor);
		contextId = replace("contextId", contextId, given.contextId(), actor);
		topic = replace("topic", topic, given.topic(), actor);
		additionalInfo = replace("additionalInfo", additionalInfo, given.additionalInfo(), actor);
		List<String> dates = given.occurredOn().stream().filter(d -> d != null && !d.isBlank()).map(String::strip)
			.distinct().toList();
		if (!dates.isEmpty() && !dates.equals(occurredOn)) {
			// The dates given now replace the earlier ones: that is how a wrong date gets corrected.
			record(HistoryEntry.Type.FIELD_CHANGED, actor, String.join(", ", occurredOn), String.join(", ", dates),
					"occurredOn");
			occurredOn = new ArrayList<>(dates);
		}
		// Each half of the exchange is replaced only when given, so sending the missing response
		// keeps the request sent earlier.
		if (given.httpRequest() != null && !given.httpRequest().isBlank()) {
			httpRequest = given.httpRequest();
			record(HistoryEntry.Type.FIELD_CHANGED, actor, null, null, "httpExchange.request");
		}
		if (given.httpResponse() != null && !given.httpResponse().isBlank()) {
			httpResponse = given.httpResponse();
			record(HistoryEntry.Type.FIELD_CHANGED, actor, null, null, "httpExchange.response");
		}
	}

	/**
	 * After a merge the target keeps its own fields and takes only those it lacked.
	 */
	private void absorbFields(Submission other, Actor actor) {
		Submission missing = new Submission(organizationNumber == null ? other.organizationNumber() : null,
				merchantSerialNumber == null ? other.merchantSerialNumber() : null,
				product == null ? other.product() : null, environment == null ? other.environment() : null,
				orderId == null ? other.orderId() : null, transactionId == null ? other.transactionId() : null,
				contextId == null ? other.contextId() : null, other.occurredOn(),
				httpRequest == null && httpResponse == null ? other.httpRequest() : null,
				httpRequest == null && httpResponse == null ? other.httpResponse() : null,
				topic == null ? other.topic() : null, additionalInfo == null ? other.additionalInfo() : null);
		applyFields(missing, actor);
	}

	private String replace(String field, String current, String given, Actor actor) {
		if (given == null || given.isBlank() || given.equals(current)) {
			return current;
		}
		record(HistoryEntry.Type.FIELD_CHANGED, actor, current, given, field);
		return given;
	}

	private void fieldChanged(String field, String before, String after, Actor actor) {
		if (!Objects.equals(before, after)) {
			record(HistoryEntry.Type.FIELD_CHANGED, actor, before, after, field);
		}
	}

	private static Map<String, String> fieldsOf(Submission s) {
		Map<String, String> fields = new LinkedHashMap<>();
		putIfPresent(fields, "organizationNumber", s::organizationNumber);
		putIfPresent(fields, "merchantSerialNumber", s::merchantSerialNumber);
		putIfPresent(fields, "product", s::product);
		putIfPresent(fields, "environment", s::environment);
		putIfPresent(fields, "orderId", s::orderId);
		putIfPresent(fields, "transactionId", s::transactionId);
		putIfPresent(fields, "contextId", s::contextId);
		putIfPresent(fields, "topic", s::topic);
		putIfPresent(fields, "additionalInfo", s::additionalInfo);
		if (!s.occurredOn().isEmpty()) {
			fields.put("occurredOn", String.join(", ", s.occurredOn()));
		}
		return fields;
	}

	private static void putIfPresent(Map<String, String> fields, String name, Supplier<String> value) {
		String v = value.get();
		if (v != null && !v.isBlank()) {
			fields.put(name, v);
		}
	}

	/**
	 * Everything received so far, as the checklist reads it: every message from the reporter's
	 * side in order, the latest fields and exchange, and every file.
	 */
	ChecklistInput checklistInput(List<ChecklistInput.Attachment> files) {
		// A follow-up of a closed issue continues that case: "it is back" needs no new steps.
		String received = followUpOf == null ? receivedText()
				: (followUpOf.receivedText() + "\n\n" + receivedText()).strip();
		Participant reporter = reporter();
		return new ChecklistInput(subject, received.isBlank() ? description : received, reporter.name(),
				reporter.email(), reporter.phone(), organizationNumber, merchantSerialNumber, product, environment,
				orderId, transactionId, contextId, occurredOn, httpRequest, httpResponse, additionalInfo, files);
	}

	/**
	 * Everything the reporter's side wrote, in order.
	 */
	String receivedText() {
		return messages.stream()
			.filter(m -> m.kind() == MessageKind.INBOUND)
			.map(Message::body)
			.filter(body -> !body.isBlank())
			.collect(Collectors.joining("\n\n"));
	}

	// ---- internals -----------------------------------------------------------------------

	private Message addMessage(Message message, Actor actor) {
		messages.add(message);
		changes.add(new Change(HistoryEntry.Type.MESSAGE_ADDED, actor, null, message.kind().name(), null, message));
		return message;
	}

	private void record(HistoryEntry.Type type, Actor actor, String from, String to, String detail) {
		changes.add(new Change(type, actor, from, to, detail, null));
	}

	private void requireNotClosed(String action) {
		if (status == IssueStatus.CLOSED) {
			throw IssueConflictException.refused(key(), "Cannot " + action + " " + key + ": it is closed"
					+ (mergedInto != null ? " (merged into " + mergedInto.key() + ")." : "."));
		}
	}

	private void touch(Instant now) {
		updatedAt = now;
	}

	private Optional<Participant> participant(String address) {
		return participants.stream().filter(p -> p.hasAddress(address)).findFirst();
	}

	Participant reporter() {
		return participants.stream().filter(p -> p.role() == Participant.Role.REPORTER).findFirst().orElseThrow();
	}

	/**
	 * The changes made since the last call, for the history and the events; then forgotten.
	 */
	List<Change> drainChanges() {
		List<Change> drained = List.copyOf(changes);
		changes.clear();
		return drained;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String printable(String text) {
		String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
		StringBuilder out = new StringBuilder(cut.length());
		cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c)
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE ? '?' : c));
		return out.toString();
	}

	Long id() {
		return id;
	}

	IssueKey key() {
		return new IssueKey(key);
	}

	IssueStatus status() {
		return status;
	}

	long version() {
		return version;
	}

	void routed(String destination, String suggested) {
		this.route = destination == null ? "INTEGRATION_SERVICES" : destination;
		this.routeSuggested = suggested;
	}

	IssueDetails.Checklist checklistView() {
		return checklist;
	}

	IssueDetails.Links links(List<String> followUps, List<String> splitInto, List<String> mergedFrom) {
		// Related issues may be lazy proxies: read them through methods, never their fields.
		return new IssueDetails.Links(followUpOf == null ? null : followUpOf.key().value(),
				splitFrom == null ? null : splitFrom.key().value(),
				mergedInto == null ? null : mergedInto.key().value(), followUps, splitInto, mergedFrom);
	}

	/**
	 * Whether the token was handed out for this issue, or for the issue it was split from or
	 * follows up: the reporter keeps one token for the whole case.
	 */
	boolean acceptsToken(String tokenHash) {
		for (Issue issue = this; issue != null; issue = issue.origin()) {
			if (issue.tokenMatches(tokenHash)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The issue this one was split from or follows up, if any.
	 */
	Issue origin() {
		return splitFrom != null ? splitFrom : followUpOf;
	}

	Optional<Issue> mergedInto() {
		return Optional.ofNullable(mergedInto);
	}

	boolean tokenMatches(String tokenHash) {
		return java.security.MessageDigest.isEqual(followUpTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	List<Participant> participants() {
		return Collections.unmodifiableList(participants);
	}

	List<Message> messages() {
		return Collections.unmodifiableList(messages);
	}

	IssueDetails toDetails(String requestedKey, List<IssueDetails.Attachment> attachmentViews,
			List<IssueDetails.HistoryEntry> history, IssueDetails.Links links, boolean staffView, Instant now,
			BusinessHours hours) {
		List<IssueDetails.Message> thread = messages.stream()
			.filter(m -> staffView || m.kind() != MessageKind.NOTE)
			.map(Message::toView)
			.toList();
		boolean merged = !key.equals(requestedKey);
		// The reporter sees their case, not how staff handle it (assignee, priority, escalation), nor
		// the phone numbers of others (after a merge, another reporter's).
		List<IssueDetails.Participant> people = participants.stream()
			.map(Participant::toView)
			.map(p -> staffView || (p.role().equals("REPORTER") && !merged) ? p
					: new IssueDetails.Participant(p.email(), p.name(), null, p.role(), p.addedAt(), p.addedVia(),
							staffView ? p.addedBy() : null, p.removedAt(), staffView ? p.removedBy() : null))
			.toList();
		return new IssueDetails(key, merged ? requestedKey : null, status.name(), subject, description,
				channel.name(), route, staffView ? routeSuggested : null, staffView ? priority : null, staffView ? assignee : null,
				staffView ? new IssueDetails.Escalation(escalated, escalationReason) : null, checklist, sla(now, hours),
				links, people, attachmentViews, submission(), thread, history, createdAt, updatedAt, resolvedAt,
				closedAt, version);
	}

}
