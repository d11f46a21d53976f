package com.triagedesk.issues;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.triagedesk.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-response clock of real issues: 4 business hours, Monday–Friday 08:00–16:00 in Oslo
 * without Norwegian public holidays, waiting while information is missing or the reporter owes an
 * answer, stopped by the first staff reply.
 */
class FirstResponseClockIntegrationTest extends IssuesModuleTest {

	@ParameterizedTest(name = "opened {0} → due {1}")
	@CsvSource({
			// A Wednesday morning: the same day.
			"2026-11-25T09:00, 2026-11-25T13:00",
			// Friday afternoon: two hours on Friday, two on Monday.
			"2026-11-27T14:00, 2026-11-30T10:00",
			// Saturday: the clock starts on Monday at 08:00.
			"2026-11-28T11:00, 2026-11-30T12:00",
			// The day before Easter: Maundy Thursday, Good Friday and Easter Monday are holidays.
			"2026-04-01T14:00, 2026-04-07T10:00",
			// 17 May 2027 is a Monday.
			"2027-05-14T14:00, 2027-05-18T10:00",
			// Christmas Eve is a working day; the 25th and 26th are not.
			"2026-12-24T14:00, 2026-12-28T10:00",
			// New Year's Eve, then 1 January 2027 (a Friday) and the weekend.
			"2026-12-31T14:00, 2027-01-04T10:00" })
	void theDeadlineCountsOnlyBusinessHours(String opened, String due) {
		CLOCK.setOslo(opened);

		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		IssueDetails.Sla sla = staffView(issue).sla();
		assertThat(sla.state()).isEqualTo("RUNNING");
		assertThat(sla.firstResponseDueAt()).isEqualTo(MutableClock.oslo(due));
		assertThat(sla.target()).isEqualTo("PT4H");
		assertThat(sla.timeLeft()).isEqualTo("PT4H");
	}

	@Test
	void timeLeftShrinksOnlyInBusinessHours() {
		CLOCK.setOslo("2026-11-27T14:00");
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		CLOCK.setOslo("2026-11-28T20:00");
		assertThat(staffView(issue).sla().timeLeft()).isEqualTo("PT2H");
		CLOCK.setOslo("2026-11-30T09:00");
		assertThat(staffView(issue).sla().timeLeft()).isEqualTo("PT1H");
	}

	@Test
	void theClockWaitsWhilePendingAndResumesWithWhatWasLeft() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		CLOCK.setOslo("2026-11-25T10:00");
		management.update(key(issue), null, status(IssueStatus.PENDING), AGENT);

		CLOCK.setOslo("2026-11-25T15:00");
		IssueDetails.Sla paused = staffView(issue).sla();
		assertThat(paused.state()).isEqualTo("PAUSED");
		assertThat(paused.firstResponseDueAt()).isNull();
		assertThat(paused.timeLeft()).isEqualTo("PT3H");
		assertThat(paused.breached()).isFalse();

		CLOCK.setOslo("2026-11-26T09:00");
		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Here it is."));

		IssueDetails.Sla resumed = staffView(issue).sla();
		assertThat(resumed.state()).isEqualTo("RUNNING");
		assertThat(resumed.firstResponseDueAt()).isEqualTo(MutableClock.oslo("2026-11-26T12:00"));
	}

	@Test
	void theClockWaitsUntilTheChecklistIsComplete() {
		OpenedIssue issue = issueIn(IssueStatus.NEEDS_INFO);

		CLOCK.setOslo("2026-11-26T15:00");
		IssueDetails.Sla waiting = staffView(issue).sla();
		assertThat(waiting.state()).isEqualTo("PAUSED");
		assertThat(waiting.timeLeft()).isEqualTo("PT4H");

		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.msn("123456"));

		IssueDetails.Sla running = staffView(issue).sla();
		assertThat(running.state()).isEqualTo("RUNNING");
		// One hour on Thursday, three on Friday.
		assertThat(running.firstResponseDueAt()).isEqualTo(MutableClock.oslo("2026-11-27T11:00"));
	}

	@Test
	void aFirstReplyInTimeMeetsTheTargetAndStopsTheClock() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		CLOCK.setOslo("2026-11-25T12:30");

		management.reply(key(issue), "We are looking at it.", AGENT);

		CLOCK.setOslo("2026-12-01T12:00");
		IssueDetails details = staffView(issue);
		assertThat(details.sla().state()).isEqualTo("MET");
		assertThat(details.sla().breached()).isFalse();
		assertThat(details.sla().firstRespondedAt()).isEqualTo(MutableClock.oslo("2026-11-25T12:30"));
		assertThat(details.sla().timeLeft()).isEqualTo("PT30M");
		assertThat(details.history()).filteredOn(e -> e.type().equals("FIRST_RESPONSE")).singleElement()
			.satisfies(e -> assertThat(e.to()).isEqualTo("MET"));
	}

	@Test
	void aRunningClockPastItsDeadlineIsBreachedAndALateReplyStaysBreached() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		CLOCK.setOslo("2026-11-25T15:00");
		IssueDetails.Sla late = staffView(issue).sla();
		assertThat(late.state()).isEqualTo("BREACHED");
		assertThat(late.breached()).isTrue();
		assertThat(late.timeLeftSeconds()).isEqualTo(-Duration.ofHours(2).toSeconds());

		management.reply(key(issue), "Sorry for the wait.", AGENT);
		CLOCK.setOslo("2026-11-26T09:00");
		assertThat(staffView(issue).sla().state()).isEqualTo("BREACHED");
	}

	@Test
	void aDeadlinePassedAfterHoursIsBreachedAlthoughNoBusinessTimeIsLeftToLose() {
		CLOCK.setOslo("2026-11-25T12:00");
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		CLOCK.setOslo("2026-11-25T18:00");
		management.reply(key(issue), "Evening answer.", AGENT);

		IssueDetails.Sla sla = staffView(issue).sla();
		assertThat(sla.firstResponseDueAt()).isEqualTo(MutableClock.oslo("2026-11-25T16:00"));
		assertThat(sla.state()).isEqualTo("BREACHED");
	}

	@Test
	void laterRepliesAndReopeningDoNotRestartTheClock() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);
		management.reply(key(issue), "First answer.", AGENT);
		management.update(key(issue), null, status(IssueStatus.RESOLVED), AGENT);
		CLOCK.setOslo("2026-12-01T09:00");

		management.receive(key(issue), Access.token(issue.followUpToken()), IssueRequests.reply("Not fixed."));

		IssueDetails details = staffView(issue);
		assertThat(details.status()).isEqualTo("OPEN");
		assertThat(details.sla().state()).isEqualTo("MET");
		assertThat(details.history()).filteredOn(e -> e.type().equals("FIRST_RESPONSE")).hasSize(1);
	}

	@Test
	void theTargetIsKeptWithEachIssue() {
		OpenedIssue issue = issueIn(IssueStatus.OPEN);

		assertThat(jdbc.sql("select sla_target_seconds from issue where issue_key = ?").param(key(issue))
			.query(Long.class).single()).isEqualTo(4 * 3600L);
		assertThat(staffView(issue).sla().businessHours()).contains("08:00").contains("16:00").contains("Europe/Oslo");
		assertThat(List.of(staffView(issue).sla().state())).containsExactly("RUNNING");
	}

}
