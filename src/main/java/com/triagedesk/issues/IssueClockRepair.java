package com.triagedesk.issues;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a due time to running first-response clocks that have none: issues migrated from before
 * the clock existed. Business hours need Java, so a migration cannot do it. Idempotent, and safe
 * when several instances start at once (they compute the same value).
 */
@Component
class IssueClockRepair implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IssueClockRepair.class);

	private final JdbcClient jdbc;

	private final BusinessHours hours;

	IssueClockRepair(JdbcClient jdbc, BusinessHours hours) {
		this.jdbc = jdbc;
		this.hours = hours;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		record Clock(long id, Timestamp since, long target, long used) {
		}
		List<Clock> clocks = jdbc.sql("""
				select id, sla_running_since, sla_target_seconds, sla_used_seconds from issue
				where sla_running_since is not null and first_response_due_at is null""")
			.query((rs, n) -> new Clock(rs.getLong(1), rs.getTimestamp(2), rs.getLong(3), rs.getLong(4)))
			.list();
		for (Clock clock : clocks) {
			jdbc.sql("update issue set first_response_due_at = ? where id = ? and first_response_due_at is null")
				.param(Timestamp.from(hours.plus(clock.since().toInstant(),
						Duration.ofSeconds(Math.max(0, clock.target() - clock.used())))))
				.param(clock.id())
				.update();
		}
		if (!clocks.isEmpty()) {
			log.info("Gave {} running first-response clocks their due time", clocks.size());
		}
	}

}
