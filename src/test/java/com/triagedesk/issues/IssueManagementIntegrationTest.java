package com.triagedesk.issues;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issues module on its own, on real PostgreSQL.
 */
@ApplicationModuleTest
class IssueManagementIntegrationTest {

	@Autowired
	IssueManagement management;

	@Autowired
	IssueQueries queries;

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

	private static NewIssue request(boolean complete, List<String> cc) {
		return new NewIssue("POST /epayment/v1/payments gives HTTP 400", "1. We call it. 2. It fails.",
				new NewIssue.Contact("Kari", "kari@shop.no", "+47 912 34 567"), cc, null, null, complete, Channel.API);
	}

}
