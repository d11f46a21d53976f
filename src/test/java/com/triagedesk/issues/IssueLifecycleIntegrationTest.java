package com.triagedesk.issues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The issue lifecycle through its façades on real PostgreSQL: transitions, follow-ups, participants,
 * split and merge, history, events and races.
 */
class IssueLifecycleIntegrationTest extends IssuesModuleTest {

	// ---- transitions -------------------------------------------------------------------

	static Stream<Arguments> everyPairOfStatuses() {
		return Stream.of(IssueStatus.values())
			.flatMap(from -> Stream.of(IssueStatus.values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("everyPairOfStatuses")
	void staffMoveIssuesOnlyAlongTheAllowedTransitions(IssueStatus from, IssueStatus to) {
		OpenedIssue issue = issueIn(from);
		IssueDetails before = staffView(issue);

		if (from == to) {
			ChangedIssue result = management.update(key(issue), null, status(to), AGENT);
			assertThat(result.changed()).isFalse();
			assertThat(staffView(issue).history()).hasSameSizeAs(before.history());
		}
		else if (allowed(from, to)) {
			ChangedIssue result = management.update(key(issue), before.version(), status(to), AGENT);
			assertThat(result.status()).isEqualTo(to);
			IssueDetails after = staffView(issue);
			assertThat(after.status()).isEqualTo(to.name());
			assertThat(after.history()).filteredOn(entry -> entry.type().equals("STATUS_CHANGED")).last()
				.satisfies(entry -> assertThat(List.of(entry.from(), entry.to(), entry.actor()))
					.containsExactly(from.name(), to.name(), "staff:anne"));
		}
		else {
			IssueConflictException refused = catchThrowableOfType(IssueConflictException.class,
					() -> management.update(key(issue), before.version(), status(to), AGENT));
			assertThat(refused.getStatusCode().value()).isEqualTo(409);
			assertThat(refused.getBody().getType()).isEqualTo(IssueConflictException.ILLEGAL_TRANSITION);
			assertThat(refused.getBody().getDetail()).contains(from.name()).contains(to.name());
			IssueDetails after = staffView(issue);
			assertThat(after.status()).isEqualTo(from.name());
			assertThat(after.version()).isEqualTo(before.version());
			assertThat(after.history()).hasSameSizeAs(before.history());
		}
	}

	private static boolean allowed(IssueStatus from, IssueStatus to) {
		// Written out again on purpose: the test states the rules instead of reading them from the code.
		return switch (from) {
			case NEEDS_INFO -> Set.of(IssueStatus.OPEN, IssueStatus.PENDING, IssueStatus.RESOLVED).contains(to);
			case OPEN -> Set.of(IssueStatus.NEEDS_INFO, IssueStatus.PENDING, IssueStatus.RESOLVED).contains(to);
			case PENDING -> Set.of(IssueStatus.NEEDS_INFO, IssueStatus.OPEN, IssueStatus.RESOLVED).contains(to);
			case RESOLVED -> Set.of(IssueStatus.OPEN, IssueStatus.CLOSED).contains(to);
			case CLOSED -> false;
		};
	}

	@Test
	void aReplyFromTheReporterReopensAResolvedIssue() {
		OpenedIssue issue = issueIn(IssueStatus.RESOLVED);

		Received received = management.receive(key(issue), Access.token(issue.followUpToken()),
				IssueRequests.reply("It happens again."));

		assertThat(received.outcome()).isEqualTo(Received.APPENDED);
		assertThat(received.previousStatus()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(received.status()).isEqualTo(IssueStatus.OPEN);
		IssueDetails details = staffView(issue);
		assertThat(details.resolvedAt()).isNull();
		assertThat(details.history()).filteredOn(e -> e.type().equals("STATUS_CHANGED")).last()
			.satisfies(e -> assertThat(e.detail()).isEqualTo("Reopened by a reply"));
	}

	@Test
	void aReplyFromTheReporterBringsAPendingIssueBackToStaff() {
		OpenedIssue issue = issueIn(IssueStatus.PENDING);

		Received received = management.receive(key(issue), Access.token(issue.followUpToken()),
				IssueRequests.reply("Here is what you asked for."));

		assertThat(received.status()).isEqualTo(IssueStatus.OPEN);
	}

	@Test
	void aFollowUpThatSuppliesTheMissingMsnOpensTheIssueByItself() {
		OpenedIssue issue = management.open(IssueRequests.withoutMsn(evaluator, yesterday(), List.of()));
		assertThat(issue.status()).isEqualTo(IssueStatus.NEEDS_INFO);
		assertThat(staffView(issue).checklist().missing()).extracting(IssueDetails.Item::key)
			.containsExactly("MERCHANT_SERIAL_NUMBER");

		Received received = management.receive(key(issue), Access.token(issue.followUpToken()),
				IssueRequests.msn("123456"));

		assertThat(received.status()).isEqualTo(IssueStatus.OPEN);
		assertThat(received.checklist().complete()).isTrue();
		IssueDetails details = staffView(issue);
		assertThat(details.submission().merchantSerialNumber()).isEqualTo("123456");
		assertThat(details.messages()).extracting(IssueDetails.Message::kind).containsExactly("INBOUND", "INBOUND");
		assertThat(details.messages().get(1).fields()).containsEntry("merchantSerialNumber", "123456");
		assertThat(details.history()).extracting(IssueDetails.HistoryEntry::type)
			.containsSubsequence("MESSAGE_ADDED", "FIELD_CHANGED", "CHECKLIST_EVALUATED", "STATUS_CHANGED");
		assertThat(details.history()).filteredOn(e -> e.type().equals("STATUS_CHANGED")).singleElement()
			.satisfies(e -> assertThat(List.of(e.actor(), e.channel(), e.detail()))
				.containsExactly("system", "SYSTEM", "The checklist is complete"));
	}

	@Test
	void aFollowUpThatLeavesSomethingMissingKeepsTheIssueWaitingAndSaysWhat() {
		OpenedIssue issue = management.open(IssueRequests.withoutMsn(evaluator, yesterday(), List.of()));

		Received received = management.receive(key(issue), Access.token(issue.followUpToken()),
				IssueRequests.reply("I will look for the number."));

		assertThat(received.status()).isEqualTo(IssueStatus.NEEDS_INFO);
		assertThat(received.checklist().missing()).extracting(IssueDetails.Item::key)
			.containsExactly("MERCHANT_SERIAL_NUMBER");
	}

	@Test
	void aWrongOrMissingFollowUpTokenIsRefusedAndAddsNothing() {
		OpenedIssue issue = issueIn(IssueStatus.NEEDS_INFO);
		OpenedIssue other = issueIn(IssueStatus.NEEDS_INFO);

		for (String token : new String[] { null, "", "not-the-token", other.followUpToken() }) {
			assertThatThrownBy(() -> management.receive(key(issue), Access.token(token), IssueRequests.msn("123456")))
				.isInstanceOf(FollowUpRefusedException.class);
		}
		assertThat(staffView(issue).messages()).hasSize(1);
		assertThat(staffView(issue).status()).isEqualTo("NEEDS_INFO");
	}

	@Test
	void aReplyToAClosedIssueOpensALinkedFollowUpWithTheSameParticipants() {
		OpenedIssue closed = management
			.open(IssueRequests.complete(evaluator, yesterday(), List.of("ola@acme-shop.no", "per@acme-shop.no")));
		management.removeParticipant(key(closed), "per@acme-shop.no", AGENT);
		management.update(key(closed), null, status(IssueStatus.RESOLVED), AGENT);
		management.update(key(closed), null, status(IssueStatus.CLOSED), AGENT);

		Received received = management.receive(key(closed), Access.token(closed.followUpToken()),
				IssueRequests.reply("The same error is back since this morning."));

		assertThat(received.outcome()).isEqualTo(Received.FOLLOW_UP_CREATED);
		assertThat(received.followUpOf()).isEqualTo(closed.key());
		assertThat(received.key()).isNotEqualTo(closed.key());
		assertThat(received.followUpToken()).isNotBlank();
		IssueDetails followUp = queries.find(received.key().value()).orElseThrow();
		assertThat(followUp.links().followUpOf()).isEqualTo(key(closed));
		assertThat(followUp.description()).isEqualTo("The same error is back since this morning.");
		assertThat(followUp.submission().merchantSerialNumber()).isEqualTo("123456");
		assertThat(followUp.participants()).extracting(IssueDetails.Participant::email)
			.containsExactly("kari@acme-shop.no", "ola@acme-shop.no");
		IssueDetails original = staffView(closed);
		assertThat(original.status()).isEqualTo("CLOSED");
		assertThat(original.links().followUps()).containsExactly(received.key().value());
		assertThat(original.messages()).hasSize(1);
		// The original token keeps working for the follow-up: the reporter has one case.
		assertThat(management.receive(received.key().value(), Access.token(closed.followUpToken()),
				IssueRequests.reply("More detail.")).outcome()).isEqualTo(Received.APPENDED);
	}

	// ---- races -------------------------------------------------------------------------

	@Test
	void twoStaffChangesOfTheSameVersionAtOnceOneWinsTheOtherIsRefused() throws Exception {
		for (int round = 0; round < 10; round++) {
			OpenedIssue issue = issueIn(IssueStatus.OPEN);
			long version = staffView(issue).version();
			CyclicBarrier start = new CyclicBarrier(2);
			List<Callable<ChangedIssue>> changes = List.of(() -> {
				start.await();
				return management.update(key(issue), version, status(IssueStatus.PENDING), AGENT);
			}, () -> {
				start.await();
				return management.update(key(issue), version, new IssueUpdate(null, "bob", null, null, null),
						Actor.staff("bob", Channel.STAFF));
			});
			List<Object> outcomes = race(changes);

			assertThat(outcomes).filteredOn(ChangedIssue.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(IssueConflictException.class::isInstance).singleElement()
				.satisfies(e -> assertThat(((IssueConflictException) e).getStatusCode().value()).isIn(409, 412));
			IssueDetails after = staffView(issue);
			assertThat(after.version()).isEqualTo(version + 1);
			assertThat(after.status().equals("PENDING") ^ "bob".equals(after.assignee())).isTrue();
		}
	}

	@Test
	void aChangeMadeOnAnOldVersionIsRefusedWith412() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		long seen = staffView(issue).version();
		management.update(key(issue), seen, new IssueUpdate(null, "anne", null, null, null), AGENT);

		IssueConflictException stale = catchThrowableOfType(IssueConflictException.class,
				() -> management.update(key(issue), seen, status(IssueStatus.RESOLVED), AGENT));

		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		assertThat(stale.getBody().getType()).isEqualTo(IssueConflictException.STALE_VERSION);
		assertThat(staffView(issue).status()).isEqualTo("OPEN");
	}

	@Test
	void followUpsArrivingTogetherAllLand() throws Exception {
		OpenedIssue issue = issueIn(IssueStatus.NEEDS_INFO);
		CyclicBarrier start = new CyclicBarrier(6);
		List<Callable<Received>> followUps = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String text = "Detail number " + i;
			followUps.add(() -> {
				start.await();
				return management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply(text));
			});
		}

		assertThat(race(followUps)).allMatch(Received.class::isInstance);
		assertThat(staffView(issue).messages()).hasSize(7);
	}

	// ---- participants ------------------------------------------------------------------

	@Test
	void participantsAreAddedAndRemovedWithWhoWhenAndHow() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		management.addParticipant(key(issue), " Lise@Acme-Shop.no ", AGENT);
		assertThat(management.addParticipant(key(issue), "lise@acme-shop.no", AGENT).changed()).isFalse();
		CLOCK.advance(java.time.Duration.ofMinutes(5));
		management.removeParticipant(key(issue), "LISE@acme-shop.no", AGENT);

		IssueDetails details = staffView(issue);
		assertThat(details.participants()).filteredOn(p -> p.email().equals("Lise@Acme-Shop.no")).singleElement()
			.satisfies(p -> {
				assertThat(p.active()).isFalse();
				assertThat(p.addedBy()).isEqualTo("staff:anne");
				assertThat(p.addedVia()).isEqualTo("STAFF");
				assertThat(p.removedBy()).isEqualTo("staff:anne");
				assertThat(p.removedAt()).isEqualTo(p.addedAt().plusSeconds(300));
			});
		assertThat(details.history()).extracting(IssueDetails.HistoryEntry::type)
			.containsSubsequence("PARTICIPANT_ADDED", "PARTICIPANT_REMOVED");

		management.addParticipant(key(issue), "lise@acme-shop.no", AGENT);
		assertThat(staffView(issue).participants()).filteredOn(p -> p.email().equalsIgnoreCase("lise@acme-shop.no"))
			.singleElement()
			.satisfies(p -> assertThat(p.active()).isTrue());
	}

	@Test
	void theReporterCannotBeRemovedAndStrangersCannotBeRemoved() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		assertThatThrownBy(() -> management.removeParticipant(key(issue), "kari@acme-shop.no", AGENT))
			.isInstanceOf(IssueConflictException.class)
			.hasMessageContaining("409");
		assertThatThrownBy(() -> management.removeParticipant(key(issue), "nobody@example.com", AGENT))
			.isInstanceOf(IssueConflictException.class);
		assertThatThrownBy(() -> management.addParticipant(key(issue), "not an address", AGENT))
			.isInstanceOf(IssueInputException.class);
	}

	@Test
	void aColleagueWhoRepliesBecomesAParticipantAndTheirCcsToo() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		management.receive(key(issue), new Access.Trusted(Actor.participant("ola@acme-shop.no", Channel.EMAIL)),
				new NewMessage("ola@acme-shop.no", "Ola", Channel.EMAIL, "I see it too.", null, null, null,
						List.of("cto@acme-shop.no"), List.of()));

		assertThat(staffView(issue).participants()).extracting(IssueDetails.Participant::email)
			.containsExactly("kari@acme-shop.no", "ola@acme-shop.no", "cto@acme-shop.no");
	}

	// ---- split and merge ---------------------------------------------------------------

	@Test
	void aSplitMovesTheChosenMessagesIntoALinkedIssueAndKeepsEveryMessage() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		management.receive(key(issue), Access.token(issue.followUpToken()),
				IssueRequests.reply("Also: refunds fail with 500 since yesterday."));
		management.note(key(issue), "That is a second problem.", AGENT);
		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Any news?"));
		List<IssueDetails.Message> before = staffView(issue).messages();
		long refunds = before.get(1).id();

		OpenedIssue part = management.split(key(issue),
				new SplitRequest("Refunds fail with HTTP 500", null, Set.of(refunds)), AGENT);

		IssueDetails original = staffView(issue);
		IssueDetails split = queries.find(part.key().value()).orElseThrow();
		assertThat(split.subject()).isEqualTo("Refunds fail with HTTP 500");
		assertThat(split.description()).isEqualTo("Also: refunds fail with 500 since yesterday.");
		assertThat(split.links().splitFrom()).isEqualTo(key(issue));
		assertThat(original.links().splitInto()).containsExactly(part.key().value());
		assertThat(split.messages()).extracting(IssueDetails.Message::id).containsExactly(refunds);
		assertThat(split.messages().get(0).movedFrom()).isEqualTo(key(issue));
		assertThat(split.participants()).extracting(IssueDetails.Participant::email).containsExactly("kari@acme-shop.no");
		assertThat(original.messages().size() + split.messages().size()).isEqualTo(before.size());
		assertThat(original.messages()).extracting(IssueDetails.Message::id).doesNotContain(refunds);
		assertThat(original.history()).extracting(IssueDetails.HistoryEntry::type).contains("SPLIT_INTO");
	}

	@Test
	void theRequestItselfStaysWithItsIssue() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		long request = staffView(issue).messages().get(0).id();

		assertThatThrownBy(() -> management.split(key(issue), new SplitRequest("x", null, Set.of(request)), AGENT))
			.isInstanceOf(IssueConflictException.class)
			.hasMessageContaining("409");
		assertThatThrownBy(() -> management.split(key(issue), new SplitRequest("x", null, Set.of(-1L)), AGENT))
			.isInstanceOf(IssueConflictException.class);
		assertThat(staffView(issue).messages()).hasSize(1);
	}

	@Test
	void aSplitWithItsOwnDescriptionSeparatesTwoProblemsInOneMessage() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		OpenedIssue part = management.split(key(issue),
				new SplitRequest("Capture fails", "Second problem from the request: capture returns 409.", Set.of()),
				AGENT);

		IssueDetails split = queries.find(part.key().value()).orElseThrow();
		assertThat(split.messages()).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Second problem from the request: capture returns 409."));
	}

	@Test
	void aMergeMovesEveryMessageAndTheMergedKeyResolvesToTheTarget() {
		OpenedIssue target = issueIn(IssueStatus.OPEN);
		OpenedIssue source = management
			.open(IssueRequests.withoutMsn(evaluator, yesterday(), List.of("ola@acme-shop.no")));
		management.receive(key(source), Access.token(source.followUpToken()), IssueRequests.reply("Same here."));
		int total = staffView(target).messages().size() + staffView(source).messages().size();

		ChangedIssue merged = management.merge(key(source), key(target), AGENT);

		assertThat(merged.key()).isEqualTo(target.key());
		IssueDetails viaOldKey = queries.find(key(source)).orElseThrow();
		assertThat(viaOldKey.key()).isEqualTo(key(target));
		assertThat(viaOldKey.requestedKey()).isEqualTo(key(source));
		assertThat(viaOldKey.messages()).hasSize(total);
		assertThat(viaOldKey.links().mergedFrom()).containsExactly(key(source));
		assertThat(viaOldKey.participants()).extracting(IssueDetails.Participant::email).contains("ola@acme-shop.no");
		assertThat(jdbc.sql("select status from issue where issue_key = ?").param(key(source)).query(String.class)
			.single()).isEqualTo("CLOSED");
		// The source's reporter keeps access with their own token, and their replies land on the target.
		Received reply = management.receive(key(source), Access.token(source.followUpToken()),
				IssueRequests.reply("Thanks."));
		assertThat(reply.key()).isEqualTo(target.key());
		assertThat(queries.findForReporter(key(source), source.followUpToken()).orElseThrow().key())
			.isEqualTo(key(target));
	}

	@Test
	void mergingIntoItselfAClosedIssueOrAMergedOneIsRefused() {
		OpenedIssue a = issueIn(IssueStatus.OPEN);
		OpenedIssue b = issueIn(IssueStatus.OPEN);
		OpenedIssue closed = issueIn(IssueStatus.CLOSED);

		assertThatThrownBy(() -> management.merge(key(a), key(a), AGENT)).isInstanceOf(IssueConflictException.class);
		assertThatThrownBy(() -> management.merge(key(a), key(closed), AGENT))
			.isInstanceOf(IssueConflictException.class);
		management.merge(key(a), key(b), AGENT);
		assertThatThrownBy(() -> management.merge(key(a), key(b), AGENT)).isInstanceOf(IssueConflictException.class);
		assertThat(staffView(b).messages()).hasSize(2);
	}

	// ---- history and events --------------------------------------------------------------

	@Test
	void everyChangeIsAHistoryRowInOrderThatCannotBeRewritten() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		management.update(key(issue), null, new IssueUpdate(IssueStatus.PENDING, "anne", Priority.HIGH, true,
				"Merchant losing sales"), AGENT);

		assertThat(staffView(issue).history()).extracting(IssueDetails.HistoryEntry::type)
			.containsSubsequence("CREATED", "PARTICIPANT_ADDED", "MESSAGE_ADDED", "CHECKLIST_EVALUATED",
					"STATUS_CHANGED", "STATUS_CHANGED", "ASSIGNED", "PRIORITY_CHANGED", "ESCALATED");
		assertThat(staffView(issue).escalation().reason()).isEqualTo("Merchant losing sales");
		assertThatThrownBy(() -> jdbc.sql("update issue_event set actor = 'mallory'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from issue_event").update()).hasMessageContaining("append-only");
	}

	@Test
	void internalNotesAreNeverShownToTheReporter() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		management.note(key(issue), "Merchant is on the watch list.", AGENT);
		management.reply(key(issue), "We are looking at it.", AGENT);

		IssueDetails reporter = queries.findForReporter(key(issue), issue.followUpToken()).orElseThrow();

		assertThat(reporter.messages()).extracting(IssueDetails.Message::kind).containsExactly("INBOUND", "REPLY");
		assertThat(reporter.history()).noneMatch(e -> "NOTE".equals(e.to()));
		assertThat(reporter.toString()).doesNotContain("watch list");
		assertThat(staffView(issue).messages()).extracting(IssueDetails.Message::kind)
			.containsExactly("INBOUND", "NOTE", "REPLY");
	}

	@Test
	void changesAreAnnouncedInTheirTransaction(AssertablePublishedEvents events) {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		management.update(key(issue), null, status(IssueStatus.PENDING), AGENT);
		management.addParticipant(key(issue), "ola@acme-shop.no", AGENT);
		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Done."));

		assertThat(events).contains(IssueStatusChanged.class)
			.matching(IssueStatusChanged::key, issue.key())
			.matching(IssueStatusChanged::to, IssueStatus.PENDING);
		assertThat(events).contains(IssueStatusChanged.class)
			.matching(IssueStatusChanged::from, IssueStatus.PENDING)
			.matching(IssueStatusChanged::to, IssueStatus.OPEN);
		assertThat(events).contains(ParticipantAdded.class).matching(ParticipantAdded::email, "ola@acme-shop.no");
		assertThat(events).contains(MessageAdded.class)
			.matching(MessageAdded::key, issue.key())
			.matching(MessageAdded::kind, MessageKind.INBOUND);
	}

	@Test
	void aRefusedChangeAnnouncesNothing(AssertablePublishedEvents events) {
		OpenedIssue issue = issueIn(IssueStatus.CLOSED);
		long before = count(events.ofType(IssueStatusChanged.class).matching(e -> e.key().equals(issue.key())));

		assertThatThrownBy(() -> management.update(key(issue), null, status(IssueStatus.OPEN), AGENT))
			.isInstanceOf(IssueConflictException.class);

		assertThat(before).isEqualTo(2);
		assertThat(count(events.ofType(IssueStatusChanged.class).matching(e -> e.key().equals(issue.key()))))
			.isEqualTo(before);
	}

	// ---- helpers -----------------------------------------------------------------------

	private static long count(Iterable<?> events) {
		return java.util.stream.StreamSupport.stream(events.spliterator(), false).count();
	}

	static <T> List<Object> race(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			tasks.forEach(task -> futures.add(pool.submit(task)));
			List<Object> outcomes = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					outcomes.add(future.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
