package com.triagedesk.issues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corners an independent review found: corrections by follow-up, what the reporter may see,
 * races between staff operations, merges across key lengths, and replies to closed issues.
 */
class IssueEdgeCasesIntegrationTest extends IssuesModuleTest {

	@Test
	void sendingTheMissingResponseKeepsTheRequestSentEarlier() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		management.receive(key(issue), Access.token(issue.followUpToken()), new NewMessage(null, null, Channel.API,
				"Here is the response again.", new Submission(null, null, null, null, null, null, null, List.of(), "  ",
						"HTTP/1.1 500 Internal Server Error", null, null), null, null, List.of(), List.of()));

		Submission now = staffView(issue).submission();
		assertThat(now.httpRequest()).isEqualTo(IssueRequests.HTTP_REQUEST);
		assertThat(now.httpResponse()).isEqualTo("HTTP/1.1 500 Internal Server Error");
	}

	@Test
	void aWrongDateIsCorrectedByAFollowUpAndTheIssueOpens() {
		NewIssue future = IssueRequests.complete(evaluator, yesterday().plusDays(30), List.of());
		OpenedIssue issue = management.open(future);
		assertThat(issue.status()).isEqualTo(IssueStatus.NEEDS_INFO);
		assertThat(staffView(issue).checklist().missing()).extracting(IssueDetails.Item::key).containsExactly("DATES");

		Received received = management.receive(key(issue), Access.token(issue.followUpToken()),
				new NewMessage(null, null, Channel.API, "Sorry, it was yesterday.", new Submission(null, null, null,
						null, null, null, null, List.of(yesterday().toString()), null, null, null, null), null, null,
						List.of(), List.of()));

		assertThat(received.status()).isEqualTo(IssueStatus.OPEN);
		assertThat(staffView(issue).submission().occurredOn()).containsExactly(yesterday().toString());
	}

	@Test
	void addressesThatDifferOnlyInLetterCaseAreOneParticipantInEveryAlphabet() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		management.receive(key(issue), Access.token(issue.followUpToken()),
				new NewMessage(null, null, Channel.API, "Adding our team.", null, null, null,
						List.of("İnfo@acme-shop.no", "info@acme-shop.no", "ÅSE@acme-shop.no", "åse@acme-shop.no"),
						List.of()));

		assertThat(staffView(issue).participants()).hasSizeBetween(3, 5);
	}

	@Test
	void theReporterDoesNotSeeHowStaffHandleTheCase() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		management.update(key(issue), null,
				new IssueUpdate(null, "anne", Priority.URGENT, true, "Merchant threatens lawyers"), AGENT);

		IssueDetails reporter = queries.findForReporter(key(issue), issue.followUpToken()).orElseThrow();

		assertThat(reporter.assignee()).isNull();
		assertThat(reporter.priority()).isNull();
		assertThat(reporter.escalation()).isNull();
		assertThat(reporter.history()).extracting(IssueDetails.HistoryEntry::type)
			.doesNotContain("ASSIGNED", "PRIORITY_CHANGED", "ESCALATED");
		assertThat(reporter.toString()).doesNotContain("lawyers").doesNotContain("staff:anne");
		assertThat(staffView(issue).escalation().reason()).isEqualTo("Merchant threatens lawyers");
	}

	@Test
	void afterAMergeNobodySeesTheOtherReportersPhoneNumber() {
		OpenedIssue target = issueIn(IssueStatus.OPEN);
		OpenedIssue source = issueIn(IssueStatus.OPEN);
		management.merge(key(source), key(target), AGENT);

		IssueDetails seenBySource = queries.findForReporter(key(source), source.followUpToken()).orElseThrow();

		assertThat(seenBySource.participants()).allSatisfy(p -> assertThat(p.phone()).isNull());
	}

	@Test
	void concurrentSplitsAndMergesOfOneIssueFailCleanlyOrSucceed() throws Exception {
		for (int round = 0; round < 5; round++) {
			OpenedIssue issue = issueIn(IssueStatus.OPEN);
			OpenedIssue other = issueIn(IssueStatus.OPEN);
			management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Second problem."));
			long moved = staffView(issue).messages().get(1).id();
			CyclicBarrier start = new CyclicBarrier(3);
			List<Callable<Object>> operations = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				operations.add(() -> {
					start.await();
					return management.split(key(issue), new SplitRequest("Split", null, Set.of(moved)), AGENT);
				});
			}
			operations.add(() -> {
				start.await();
				return management.merge(key(issue), key(other), AGENT);
			});

			List<Object> outcomes = IssueLifecycleIntegrationTest.race(operations);

			assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfAny(OpenedIssue.class,
					ChangedIssue.class, IssueConflictException.class));
			assertThat(outcomes).filteredOn(OpenedIssue.class::isInstance).hasSizeLessThanOrEqualTo(1);
		}
	}

	@Test
	void aMergeAcrossSixAndSevenDigitKeysKeepsEverything() {
		Long current = jdbc.sql("select last_value from issue_key_seq").query(Long.class).single();
		if (current < 999_998) {
			jdbc.sql("select setval('issue_key_seq', 999998)").query(Long.class).single();
		}
		OpenedIssue origin = issueIn(IssueStatus.OPEN);
		management.receive(key(origin), Access.token(origin.followUpToken()), IssueRequests.reply("Also refunds."));
		long moved = staffView(origin).messages().get(1).id();
		OpenedIssue part = management.split(key(origin), new SplitRequest("Refunds", null, Set.of(moved)), AGENT);
		management.receive(part.key().value(), Access.token(origin.followUpToken()),
				new NewMessage(null, null, Channel.API, "The transaction id.", new Submission(null, null, null, null,
						null, "tx-77", null, List.of(), null, null, null, null), null, null, List.of(), List.of()));

		management.merge(part.key().value(), key(origin), AGENT);

		IssueDetails merged = staffView(origin);
		assertThat(merged.history()).extracting(IssueDetails.HistoryEntry::type).contains("MERGED_FROM");
		assertThat(merged.submission().transactionId()).isEqualTo("tx-77");
		assertThat(merged.messages()).hasSize(3);
	}

	@Test
	void theTokenOfAMergedIssueOpensTheIssueItWasMergedInto() {
		OpenedIssue target = issueIn(IssueStatus.OPEN);
		OpenedIssue source = issueIn(IssueStatus.OPEN);
		management.merge(key(source), key(target), AGENT);

		Received reply = management.receive(key(target), Access.token(source.followUpToken()),
				IssueRequests.reply("Thanks for merging."));

		assertThat(reply.key()).isEqualTo(target.key());
		assertThat(queries.findForReporter(key(target), source.followUpToken())).isPresent();
	}

	@Test
	void resolvingWithoutAReplyStopsTheClockButDoesNotMeetTheTarget() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		CLOCK.setOslo("2026-11-25T10:00");
		management.update(key(issue), null, status(IssueStatus.RESOLVED), AGENT);

		IssueDetails.Sla stopped = staffView(issue).sla();
		assertThat(stopped.state()).isEqualTo("STOPPED");
		assertThat(stopped.firstRespondedAt()).isNull();

		CLOCK.setOslo("2026-11-26T09:00");
		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Not fixed."));
		IssueDetails.Sla resumed = staffView(issue).sla();
		assertThat(resumed.state()).isEqualTo("RUNNING");
		assertThat(resumed.firstResponseDueAt()).isEqualTo(com.triagedesk.MutableClock.oslo("2026-11-26T12:00"));
	}

	@Test
	void anIssueHasAtMostFiftyParticipants() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		for (int i = 1; i < Issue.MAX_PARTICIPANTS; i++) {
			management.addParticipant(key(issue), "cc" + i + "@acme-shop.no", AGENT);
		}

		assertThatThrownBy(() -> management.addParticipant(key(issue), "one-too-many@acme-shop.no", AGENT))
			.isInstanceOf(IssueConflictException.class)
			.hasMessageContaining("409");
		assertThatThrownBy(() -> management.receive(key(issue), Access.token(issue.followUpToken()),
				new NewMessage(null, null, Channel.API, "More people.", null, null, null,
						List.of("another@acme-shop.no"), List.of())))
			.isInstanceOf(IssueConflictException.class);
		assertThat(staffView(issue).participants()).hasSize(Issue.MAX_PARTICIPANTS);
	}

	@Test
	void aReporterCannotPutBackSomeoneStaffRemoved() {
		OpenedIssue issue = management
			.open(IssueRequests.complete(evaluator, yesterday(), List.of("ex-employee@acme-shop.no")));
		management.removeParticipant(key(issue), "ex-employee@acme-shop.no", AGENT);

		management.receive(key(issue), Access.token(issue.followUpToken()), new NewMessage(null, null, Channel.API,
				"Copying everyone.", null, null, null, List.of("ex-employee@acme-shop.no"), List.of()));

		assertThat(staffView(issue).participants()).filteredOn(p -> p.email().equals("ex-employee@acme-shop.no"))
			.singleElement()
			.satisfies(p -> assertThat(p.active()).isFalse());
		management.addParticipant(key(issue), "ex-employee@acme-shop.no", AGENT);
		assertThat(staffView(issue).participants()).filteredOn(p -> p.email().equals("ex-employee@acme-shop.no"))
			.singleElement()
			.satisfies(p -> assertThat(p.active()).isTrue());
	}

	@Test
	void furtherRepliesToAClosedIssueJoinItsFollowUp() {
		OpenedIssue closed = issueIn(IssueStatus.CLOSED);

		Received first = management.receive(key(closed), Access.token(closed.followUpToken()),
				IssueRequests.reply("It is back."));
		Received second = management.receive(key(closed), Access.token(closed.followUpToken()),
				IssueRequests.reply("And here is a new trace id."));

		assertThat(first.outcome()).isEqualTo(Received.FOLLOW_UP_CREATED);
		assertThat(second.outcome()).isEqualTo(Received.APPENDED);
		assertThat(second.key()).isEqualTo(first.key());
		assertThat(second.followUpOf()).isEqualTo(closed.key());
		assertThat(staffView(closed).links().followUps()).containsExactly(first.key().value());
	}

}
