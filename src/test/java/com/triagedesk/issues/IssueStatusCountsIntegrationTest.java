package com.triagedesk.issues;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts per status come from running totals that triggers keep; they must
 * always equal a count of the issues themselves (merged ones not counted), also after folding.
 */
class IssueStatusCountsIntegrationTest extends IssuesModuleTest {

	@Autowired
	IssueStatusCounts counts;

	@Test
	void theCountsFollowEveryNewIssueChangeAndMerge() {
		Map<IssueStatus, Long> before = queries.countByStatus();
		assertThat(before).isEqualTo(counted());

		OpenedIssue waiting = issueIn(IssueStatus.NEEDS_INFO);
		OpenedIssue open = issueIn(IssueStatus.OPEN);
		OpenedIssue duplicate = issueIn(IssueStatus.OPEN);
		issueIn(IssueStatus.CLOSED);
		management.update(key(waiting), null, status(IssueStatus.PENDING), AGENT);
		management.merge(key(duplicate), key(open), AGENT);

		Map<IssueStatus, Long> after = queries.countByStatus();
		assertThat(after).isEqualTo(counted());
		assertThat(after.get(IssueStatus.NEEDS_INFO)).isEqualTo(before.get(IssueStatus.NEEDS_INFO));
		assertThat(after.get(IssueStatus.PENDING)).isEqualTo(before.get(IssueStatus.PENDING) + 1);
		assertThat(after.get(IssueStatus.OPEN)).isEqualTo(before.get(IssueStatus.OPEN) + 1);
		// The merged duplicate is closed but not counted; the other closed issue is.
		assertThat(after.get(IssueStatus.CLOSED)).isEqualTo(before.get(IssueStatus.CLOSED) + 1);
	}

	@Test
	void foldingKeepsTheCountsAndLeavesOneRowPerStatus() {
		issueIn(IssueStatus.RESOLVED);
		issueIn(IssueStatus.PENDING);
		Map<IssueStatus, Long> before = queries.countByStatus();

		// The rounds in the background may fold first; either way the result is the same.
		counts.compact();

		assertThat(queries.countByStatus()).isEqualTo(before).isEqualTo(counted());
		assertThat(jdbc.sql("select count(*) from issue_status_count").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(distinct status) from issue_status_count").query(Long.class).single());
		assertThat(counts.compact()).as("nothing left to fold").isZero();
	}

	private Map<IssueStatus, Long> counted() {
		Map<IssueStatus, Long> counted = new EnumMap<>(IssueStatus.class);
		for (IssueStatus status : IssueStatus.values()) {
			counted.put(status, jdbc.sql("select count(*) from issue where status = ? and merged_into_id is null")
				.param(status.name())
				.query(Long.class)
				.single());
		}
		return counted;
	}

}
