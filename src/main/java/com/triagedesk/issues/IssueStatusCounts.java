package com.triagedesk.issues;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.triagedesk.Rounds;

/**
 * Keeps the running totals of issues per status short. Triggers on the issue table (V22) add a row
 * to {@code issue_status_count} for every change of a count, and never update a shared row, so
 * concurrent changes do not wait on each other; the dashboard's counts are the sums of those rows.
 * Once a minute this folds them into one row per status, in one statement, so the sums stay exact
 * while it runs and when several instances run it at once.
 */
@Component
class IssueStatusCounts implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IssueStatusCounts.class);

	static final Duration EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Rounds rounds = new Rounds();

	IssueStatusCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Folds the rows into one per status (none for a status whose total is zero), when there is
	 * anything to fold.
	 *
	 * @return how many rows were folded
	 */
	int compact() {
		long foldable = jdbc.sql("select count(*) - count(distinct status) from issue_status_count")
			.query(Long.class)
			.single();
		if (foldable == 0) {
			return 0;
		}
		return jdbc.sql("""
				with folded as (delete from issue_status_count returning status, issues)
				insert into issue_status_count (status, issues)
				select status, sum(issues) from folded group by status having sum(issues) <> 0""")
			.update();
	}

	private void round() {
		try {
			compact();
		}
		catch (RuntimeException ex) {
			// The next round tries again; until then the sums stay exact, only longer to add up.
			log.warn("Could not fold the issue counts: {}", ex.getClass().getName());
		}
	}

	@Override
	public void start() {
		rounds.start("issue-status-counts", EVERY, this::round);
	}

	@Override
	public void stop() {
		rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return rounds.running();
	}

}
