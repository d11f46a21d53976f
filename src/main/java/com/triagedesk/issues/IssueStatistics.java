package com.triagedesk.issues;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the insights page: how many issues arrive, where they were routed, how many were
 * complete when they arrived, and how long the first response took against the target.
 */
@Service
public class IssueStatistics {

	/**
	 * One day (in the business-hours zone).
	 *
	 * @param medianFirstResponseHours median business hours to the first response of issues first
	 * answered that day; null when none was
	 */
	public record Day(LocalDate day, long created, long answered, long breached, Double medianFirstResponseHours) {
	}

	/**
	 * @param completeAtIntake issues whose checklist was complete with the request itself
	 * @param targetHours the first-response target, in business hours
	 */
	public record Insights(List<Day> days, Map<String, Long> routes, long completeAtIntake, long incompleteAtIntake,
			double targetHours) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SlaProperties sla;

	IssueStatistics(JdbcClient jdbc, Clock clock, SlaProperties sla) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sla = sla;
	}

	@Transactional(readOnly = true)
	public Insights lastDays(int count) {
		int days = Math.max(1, Math.min(count, 366));
		String zone = sla.zone().getId();
		LocalDate today = LocalDate.ofInstant(clock.instant(), sla.zone());
		LocalDate first = today.minusDays(days - 1L);
		Instant since = first.atStartOfDay(sla.zone()).toInstant();
		Map<LocalDate, long[]> counts = new LinkedHashMap<>();
		Map<LocalDate, Double> medians = new LinkedHashMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			counts.put(day, new long[3]);
		}
		jdbc.sql("""
				select (created_at at time zone :zone)::date as day, count(*) as n from issue
				where created_at >= :since group by 1""")
			.param("zone", zone)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> add(counts, rs.getDate("day"), 0, rs.getLong("n")))
			.list();
		jdbc.sql("""
				select (first_responded_at at time zone :zone)::date as day, count(*) as n,
				       count(*) filter (where coalesce(first_response_breached, false)) as breached,
				       percentile_cont(0.5) within group (order by sla_used_seconds) / 3600.0 as median_hours
				from issue where first_responded_at >= :since group by 1""")
			.param("zone", zone)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> {
				add(counts, rs.getDate("day"), 1, rs.getLong("n"));
				add(counts, rs.getDate("day"), 2, rs.getLong("breached"));
				medians.put(rs.getDate("day").toLocalDate(), rs.getDouble("median_hours"));
				return null;
			})
			.list();
		Map<String, Long> routes = new LinkedHashMap<>();
		jdbc.sql("""
				select coalesce(route, 'INTEGRATION_SERVICES') as route, count(*) as n from issue
				where created_at >= :since group by 1 order by 2 desc""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> routes.put(rs.getString("route"), rs.getLong("n")))
			.list();
		long[] intake = new long[2];
		jdbc.sql("""
				select first.to_value, count(*) as n from (
				    select distinct on (e.issue_id) e.to_value from issue_event e join issue i on i.id = e.issue_id
				    where e.type = 'CHECKLIST_EVALUATED' and i.created_at >= :since order by e.issue_id, e.id) first
				group by 1""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> intake["COMPLETE".equals(rs.getString("to_value")) ? 0 : 1] += rs.getLong("n"))
			.list();
		List<Day> result = counts.entrySet()
			.stream()
			.map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], medians.get(e.getKey())))
			.toList();
		return new Insights(result, routes, intake[0], intake[1], sla.firstResponse().toSeconds() / 3600.0);
	}

	private static Object add(Map<LocalDate, long[]> counts, Date day, int index, long value) {
		long[] row = counts.get(day.toLocalDate());
		if (row != null) {
			row[index] += value;
		}
		return null;
	}

}
