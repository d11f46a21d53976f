package com.triagedesk.issues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.bean.override.convention.TestBean;

import com.triagedesk.MutableClock;
import com.triagedesk.checklist.ChecklistEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issues module with the checklist and routing on real PostgreSQL, on a clock the tests move.
 * Subclasses share one application context.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
abstract class IssuesModuleTest {

	static final MutableClock CLOCK = new MutableClock(MutableClock.oslo("2026-11-25T09:00"));

	static final Actor AGENT = Actor.staff("anne", Channel.STAFF);

	@TestBean(name = "clock", methodName = "com.triagedesk.issues.IssuesModuleTest#testClock")
	Clock clock;

	static Clock testClock() {
		return CLOCK;
	}

	@Autowired
	IssueManagement management;

	@Autowired
	IssueQueries queries;

	@Autowired
	ChecklistEvaluator evaluator;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A Wednesday morning in Oslo, inside business hours.
	 */
	@BeforeEach
	void wednesdayMorning() {
		CLOCK.setOslo("2026-11-25T09:00");
	}

	OpenedIssue issueIn(IssueStatus status) {
		if (status == IssueStatus.NEEDS_INFO) {
			return management.open(IssueRequests.withoutMsn(evaluator, yesterday(), List.of()));
		}
		OpenedIssue issue = management.open(IssueRequests.complete(evaluator, yesterday(), List.of()));
		assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
		switch (status) {
			case PENDING, RESOLVED -> management.update(key(issue), null, status(status), AGENT);
			case CLOSED -> {
				management.update(key(issue), null, status(IssueStatus.RESOLVED), AGENT);
				management.update(key(issue), null, status(IssueStatus.CLOSED), AGENT);
			}
			default -> {
			}
		}
		return issue;
	}

	static LocalDate yesterday() {
		return LocalDate.ofInstant(CLOCK.instant(), MutableClock.OSLO).minusDays(1);
	}

	static IssueUpdate status(IssueStatus status) {
		return new IssueUpdate(status, null, null, null, null);
	}

	static String key(OpenedIssue issue) {
		return issue.key().value();
	}

	IssueDetails staffView(OpenedIssue issue) {
		return queries.find(key(issue)).orElseThrow();
	}

}
