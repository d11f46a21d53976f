package com.triagedesk.issues;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.Hibernate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;

/**
 * Every change to issues goes through here, one transaction each: the aggregate checks and makes
 * the change, this writes its history and publishes its events in the same transaction.
 */
@Service
@Transactional
public class IssueManagement {

	private final Issues issues;

	private final HistoryEntries history;

	private final ChecklistEvaluator evaluator;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final JdbcClient jdbc;

	private final BusinessHours hours;

	private final SlaProperties sla;

	private final Clock clock;

	IssueManagement(Issues issues, HistoryEntries history, ChecklistEvaluator evaluator,
			ApplicationEventPublisher events, EntityManager entityManager, JdbcClient jdbc, BusinessHours hours,
			SlaProperties sla, Clock clock) {
		this.issues = issues;
		this.history = history;
		this.evaluator = evaluator;
		this.events = events;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.hours = hours;
		this.sla = sla;
		this.clock = clock;
	}

	/**
	 * Stores a new issue with its participants and first message under the next key and announces it.
	 */
	public OpenedIssue open(NewIssue request) {
		return open(request, "INTEGRATION_SERVICES", null);
	}

	/**
	 * Opens an issue and keeps where the router sent it and, when unsure, where it might belong.
	 */
	public OpenedIssue open(NewIssue request, String route, String suggestedRoute) {
		Instant now = clock.instant();
		IssueKey key = IssueKey.of(issues.nextKeyNumber());
		String token = FollowUpTokens.generate();
		Issue opened = Issue.open(key, request, FollowUpTokens.hash(token), slaTarget(), now, hours);
		opened.routed(route, suggestedRoute);
		Issue issue = issues.save(opened);
		commit(issue, now, true);
		events.publishEvent(
				new IssueCreated(key, issue.status(), request.channel(), null, null, request.redactedSecrets(), now));
		return new OpenedIssue(key, issue.status(), token);
	}

	/**
	 * New information for an issue from its reporter (or, trusted, from whoever the caller
	 * vouches for). The checklist is re-evaluated over everything received. A message for a
	 * merged issue lands on the issue it was merged into; one for a closed issue opens a linked
	 * follow-up issue.
	 */
	public Received receive(String key, Access access, NewMessage message) {
		Issue addressed = issues.findAndLockByKey(parse(key).value()).orElseThrow(() -> new IssueNotFoundException(key));
		Actor actor = authorize(addressed, access, message);
		NewMessage from = message.authorEmail() == null
				? message.from(addressed.reporter().email(), addressed.reporter().name()) : message;
		Issue issue = addressed;
		while (issue.mergedInto().isPresent()) {
			issue = issues.findAndLockByKey(issue.mergedInto().get().key().value()).orElseThrow();
		}
		IssueKey closedKey = null;
		if (issue.status() == IssueStatus.CLOSED) {
			Optional<String> open = issues.openFollowUpOf(issue.id());
			if (open.isEmpty()) {
				return followUp(issue, from, actor, clock.instant());
			}
			// A second reply to a closed issue joins the follow-up the first one opened.
			closedKey = issue.key();
			issue = issues.findAndLockByKey(open.get()).orElseThrow();
		}
		// Read the time once the lock is held, so the thread and history stay in order.
		Instant now = clock.instant();
		IssueStatus before = issue.status();
		Message added = issue.receive(from, actor, now, hours);
		added.redactedSecrets(from.redactedSecrets());
		reevaluate(issue, now);
		commit(issue, now, false);
		return new Received(Received.APPENDED, issue.key(), issue.status(), before, closedKey, null, added.id(),
				issue.checklistView());
	}

	private Received followUp(Issue closed, NewMessage message, Actor actor, Instant now) {
		IssueKey key = IssueKey.of(issues.nextKeyNumber());
		String token = FollowUpTokens.generate();
		Issue followUp = issues
			.save(closed.openFollowUp(key, message, FollowUpTokens.hash(token), slaTarget(), now, actor));
		reevaluate(followUp, now);
		commit(followUp, now, true);
		commit(closed, now, false);
		events.publishEvent(new IssueCreated(key, followUp.status(), message.channel(), closed.key(), null,
				message.redactedSecrets(), now));
		return new Received(Received.FOLLOW_UP_CREATED, key, followUp.status(), null, closed.key(), token,
				followUp.messages().get(0).id(), followUp.checklistView());
	}

	private Actor authorize(Issue issue, Access access, NewMessage message) {
		return switch (access) {
			case Access.FollowUpToken(String token) -> {
				if (token == null || token.isBlank() || token.length() > 200) {
					throw new FollowUpRefusedException(token != null && !token.isBlank());
				}
				if (!Tokens.accepted(issue, FollowUpTokens.hash(token.strip()), issues)) {
					throw new FollowUpRefusedException(true);
				}
				yield Actor.participant(issue.reporter().email(), message.channel());
			}
			case Access.Trusted(Actor actor) -> actor;
		};
	}

	/**
	 * Changes status, assignee, priority and escalation together, or nothing.
	 *
	 * @param expectedVersion the version the caller last saw (from an ETag), or null not to check
	 */
	public ChangedIssue update(String key, Long expectedVersion, IssueUpdate update, Actor actor) {
		Instant now = clock.instant();
		Issue issue = load(key, expectedVersion);
		boolean changed = false;
		if (update.status() != null) {
			changed |= issue.moveTo(update.status(), actor, now, hours);
		}
		if (update.assignee() != null) {
			changed |= issue.assign(update.assignee(), actor, now);
		}
		if (update.priority() != null) {
			changed |= issue.prioritize(update.priority(), actor, now);
		}
		if (update.escalated() != null) {
			changed |= issue.escalate(update.escalated(), update.escalationReason(), actor, now);
		}
		commit(issue, now, false);
		return new ChangedIssue(issue.key(), issue.status(), issue.version(), changed);
	}

	/**
	 * A staff reply to every participant.
	 */
	public PostedMessage reply(String key, String text, Actor actor) {
		Instant now = clock.instant();
		Issue issue = load(key, null);
		Message message = issue.reply(requireText(text), actor, now, hours);
		commit(issue, now, false);
		return new PostedMessage(issue.key(), message.id(), MessageKind.REPLY, issue.status(), issue.version());
	}

	/**
	 * An internal note, for staff only.
	 */
	public PostedMessage note(String key, String text, Actor actor) {
		Instant now = clock.instant();
		Issue issue = load(key, null);
		Message message = issue.note(requireText(text), actor, now);
		commit(issue, now, false);
		return new PostedMessage(issue.key(), message.id(), MessageKind.NOTE, issue.status(), issue.version());
	}

	public ChangedIssue addParticipant(String key, String email, Actor actor) {
		Instant now = clock.instant();
		Issue issue = load(key, null);
		boolean changed = issue.addParticipant(requireAddress(issue, email), actor, now);
		commit(issue, now, false);
		return new ChangedIssue(issue.key(), issue.status(), issue.version(), changed);
	}

	public ChangedIssue removeParticipant(String key, String email, Actor actor) {
		Instant now = clock.instant();
		Issue issue = load(key, null);
		boolean changed = issue.removeParticipant(email == null ? "" : email, actor, now);
		commit(issue, now, false);
		return new ChangedIssue(issue.key(), issue.status(), issue.version(), changed);
	}

	/**
	 * Moves the chosen messages into a new issue linked to this one.
	 */
	public OpenedIssue split(String key, SplitRequest request, Actor actor) {
		// Locked like a merge, so a split and a merge of the same issue wait for each other instead
		// of deadlocking on its messages.
		Issue issue = issues.findAndLockByKey(parse(key).value()).orElseThrow(() -> new IssueNotFoundException(key));
		Instant now = clock.instant();
		IssueKey newKey = IssueKey.of(issues.nextKeyNumber());
		String token = FollowUpTokens.generate();
		Issue part = issues.save(issue.split(newKey, request.subject(), request.description(), request.messageIds(),
				FollowUpTokens.hash(token), slaTarget(), actor, now));
		reevaluate(part, now);
		reevaluate(issue, now);
		commit(part, now, true);
		commit(issue, now, false);
		events.publishEvent(new IssueCreated(newKey, part.status(), actor.channel(), null, issue.key(), List.of(), now));
		return new OpenedIssue(newKey, part.status(), token);
	}

	/**
	 * Merges {@code sourceKey} into {@code targetKey}: every message, file and participant moves
	 * over, the source closes, and its key resolves to the target from then on.
	 */
	public ChangedIssue merge(String sourceKey, String targetKey, Actor actor) {
		Instant now = clock.instant();
		IssueKey source = parse(sourceKey);
		IssueKey target = parse(targetKey);
		// Lock both in number order, so two merges of the same pair in opposite directions cannot deadlock.
		List<IssueKey> order = source.number() <= target.number() ? List.of(source, target) : List.of(target, source);
		List<Issue> locked = new ArrayList<>();
		for (IssueKey k : order) {
			// Real instances, not lazy proxies: the merge changes both sides' private state.
			locked.add((Issue) Hibernate.unproxy(
					issues.findAndLockByKey(k.value()).orElseThrow(() -> new IssueNotFoundException(k.value()))));
		}
		Issue from = locked.get(order.indexOf(source));
		Issue into = locked.get(order.indexOf(target));
		from.mergeInto(into, actor, now, hours);
		flush(into);
		issues.moveAttachments(from, into);
		reevaluate(into, now);
		commit(from, now, false);
		commit(into, now, false);
		return new ChangedIssue(into.key(), into.status(), into.version(), true);
	}

	private Issue load(String key, Long expectedVersion) {
		Issue issue = issues.findByKey(parse(key).value()).orElseThrow(() -> new IssueNotFoundException(key));
		if (expectedVersion != null && expectedVersion != issue.version()) {
			throw IssueConflictException.staleVersion(issue.key(), expectedVersion, issue.version());
		}
		return issue;
	}

	private static IssueKey parse(String key) {
		return IssueKey.parse(key).orElseThrow(() -> new IssueNotFoundException(key == null ? "" : key));
	}

	private void reevaluate(Issue issue, Instant now) {
		flush(issue);
		List<ChecklistInput.Attachment> files = jdbc.sql("""
				select filename, content_type, size_bytes, case when kind = 'TEXT' then content end as content
				from attachment where issue_id = ? order by id""")
			.param(issue.id())
			.query((rs, n) -> {
				byte[] content = rs.getBytes("content");
				return new ChecklistInput.Attachment(rs.getString("filename"), rs.getString("content_type"),
						rs.getLong("size_bytes"), content == null ? null : new String(content, StandardCharsets.UTF_8));
			})
			.list();
		issue.evaluated(Checklists.of(evaluator.evaluate(issue.checklistInput(files))), Actor.SYSTEM, now, hours);
	}

	/**
	 * Writes the aggregate's changes to the history and announces them, all in this transaction.
	 */
	private void commit(Issue issue, Instant now, boolean created) {
		flush(issue);
		List<String> updates = new ArrayList<>();
		Actor lastActor = Actor.SYSTEM;
		for (Issue.Change change : issue.drainChanges()) {
			String detail = change.message() != null ? "message " + change.message().id() : change.detail();
			history.save(new HistoryEntry(issue.id(), now, change.actor(), change.type(), change.from(), change.to(),
					detail));
			lastActor = change.actor();
			if (created) {
				continue;
			}
			switch (change.type()) {
				case STATUS_CHANGED -> events.publishEvent(new IssueStatusChanged(issue.key(),
						IssueStatus.valueOf(change.from()), IssueStatus.valueOf(change.to()), change.actor(),
						change.detail(), now));
				case MESSAGE_ADDED -> events.publishEvent(new MessageAdded(issue.key(), change.message().id(),
						MessageKind.valueOf(change.to()), change.actor(), change.message().redactedSecrets(), now));
				case PARTICIPANT_ADDED ->
					events.publishEvent(new ParticipantAdded(issue.key(), change.to(), change.actor(), now));
				case CREATED, CHECKLIST_EVALUATED, FIRST_RESPONSE -> {
				}
				default -> updates.add(change.type().name());
			}
		}
		if (!updates.isEmpty()) {
			events.publishEvent(new IssueUpdated(issue.key(), List.copyOf(updates), lastActor, now));
		}
	}

	/**
	 * Flushing here turns a lost race into a clear 409 instead of a failure at commit.
	 */
	private void flush(Issue issue) {
		try {
			entityManager.flush();
		}
		catch (OptimisticLockException | PessimisticLockException | LockTimeoutException
				| ObjectOptimisticLockingFailureException | PessimisticLockingFailureException ex) {
			throw IssueConflictException.concurrentUpdate(issue.key().value());
		}
	}

	private Duration slaTarget() {
		return sla.firstResponse();
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new IssueInputException("A message needs text.");
		}
		return text;
	}

	private static String requireAddress(Issue issue, String email) {
		if (!Addresses.plausible(email)) {
			throw new IssueInputException("Not an e-mail address a participant can receive mail at.");
		}
		return email.strip();
	}

}
