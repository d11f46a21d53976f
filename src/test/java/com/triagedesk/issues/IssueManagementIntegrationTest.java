package com.triagedesk.issues;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import com.triagedesk.checklist.ChecklistEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issues module on its own, on real PostgreSQL.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class IssueManagementIntegrationTest {

	@Autowired
	IssueManagement management;

	@Autowired
	IssueQueries queries;

	@Autowired
	ChecklistEvaluator evaluator;

	@Test
	void openingAnIssueAnnouncesItWithItsKey(AssertablePublishedEvents events) {
		OpenedIssue opened = management.open(request(false, List.of()));

		assertThat(events).contains(IssueCreated.class)
			.matching(IssueCreated::key, opened.key())
			.matching(IssueCreated::status, IssueStatus.NEEDS_INFO);
	}

	@Test
	void aCompleteRequestOpensAsOpenAnIncompleteOneAsNeedsInfo() {
		assertThat(management.open(request(true, List.of())).status()).isEqualTo(IssueStatus.OPEN);
		assertThat(management.open(request(false, List.of())).status()).isEqualTo(IssueStatus.NEEDS_INFO);
	}

	@Test
	void keysFollowEachOtherAndAreNeverReused() {
		long first = number(management.open(request(false, List.of())).key());
		long second = number(management.open(request(false, List.of())).key());

		assertThat(first).isGreaterThanOrEqualTo(100001);
		assertThat(second).isGreaterThan(first);
	}

	@Test
	void theFollowUpTokenIsNotStoredInTheClear() {
		OpenedIssue opened = management.open(request(false, List.of()));

		assertThat(opened.followUpToken()).hasSize(43);
		assertThat(FollowUpTokens.hash(opened.followUpToken())).hasSize(64).isNotEqualTo(opened.followUpToken());
	}

	@Test
	void ccRecipientsAreAddedOnceEachAndNeverDuplicateTheReporter() {
		OpenedIssue opened = management
			.open(request(false, List.of("Ola@Shop.no", " ola@shop.no", "kari@shop.no", "per@shop.no")));

		IssueDetails issue = queries.find(opened.key().value()).orElseThrow();

		assertThat(issue.participants()).extracting(IssueDetails.Participant::email)
			.containsExactly("kari@shop.no", "Ola@Shop.no", "per@shop.no");
		assertThat(issue.participants()).extracting(IssueDetails.Participant::role)
			.containsExactly("REPORTER", "CC", "CC");
	}

	@Test
	void anUnknownOrMalformedKeyFindsNothing() {
		assertThat(queries.find("VSD-999999999")).isEmpty();
		assertThat(queries.find("'; drop table issue; --")).isEmpty();
		assertThat(queries.find(null)).isEmpty();
	}

	private static long number(IssueKey key) {
		return Long.parseLong(key.value().substring("VSD-".length()));
	}

	private NewIssue request(boolean complete, List<String> cc) {
		java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
		NewIssue evaluated = complete ? IssueRequests.complete(evaluator, yesterday, List.of())
				: IssueRequests.withoutMsn(evaluator, yesterday, List.of());
		return new NewIssue(evaluated.subject(), evaluated.description(),
				new NewIssue.Contact("Kari", "kari@shop.no", "+47 912 34 567"), cc, evaluated.submission(), null,
				evaluated.evaluation(), Channel.API);
	}

}
