package com.triagedesk.issues;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of issues for other modules and the API.
 */
@Service
@Transactional(readOnly = true)
public class IssueQueries {

	private final Issues issues;

	private final HistoryEntries history;

	private final BusinessHours hours;

	private final Clock clock;

	private final JdbcClient jdbc;

	IssueQueries(Issues issues, HistoryEntries history, BusinessHours hours, Clock clock, JdbcClient jdbc) {
		this.issues = issues;
		this.history = history;
		this.hours = hours;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Issues matching the filter, most recently changed first, a page at a time. The cursor names
	 * the last issue of the previous page, so pages stay stable while issues are added.
	 *
	 * @throws IllegalArgumentException for a cursor this service did not hand out
	 */
	public IssuePage list(IssueFilter filter, String cursor, int limit) {
		int size = Math.max(1, Math.min(limit, 200));
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.parse(cursor);
		// The filters, on issue i; with q they narrow each way of matching (below) instead.
		StringBuilder sql = new StringBuilder();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("now", java.sql.Timestamp.from(clock.instant()));
		if (!filter.statuses().isEmpty()) {
			sql.append(" and i.status in (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.assignee() != null && !filter.assignee().isBlank()) {
			sql.append(" and i.assignee = :assignee");
			params.put("assignee", filter.assignee().strip());
		}
		if (filter.organizationNumber() != null && !filter.organizationNumber().isBlank()) {
			sql.append(" and i.organization_number = :org");
			params.put("org", filter.organizationNumber().replace(" ", ""));
		}
		if (filter.merchantSerialNumber() != null && !filter.merchantSerialNumber().isBlank()) {
			sql.append(" and i.merchant_serial_number = :msn");
			params.put("msn", filter.merchantSerialNumber().strip());
		}
		if (filter.updatedSince() != null) {
			sql.append(" and i.updated_at >= :since");
			params.put("since", java.sql.Timestamp.from(filter.updatedSince()));
		}
		if (filter.route() != null && !filter.route().isBlank()) {
			sql.append(" and (i.route = :route or i.route_suggested = :route)");
			params.put("route", filter.route().strip());
		}
		if (after != null) {
			sql.append(" and (i.updated_at, i.id) < (:afterAt, :afterId)");
			params.put("afterAt", java.sql.Timestamp.from(after.updatedAt()));
			params.put("afterId", after.id());
		}
		String newestFirst = " order by i.updated_at desc, i.id desc limit :limit";
		params.put("limit", size + 1);
		String query;
		if (filter.q() != null && !filter.q().isBlank()) {
			// Subject and description, every message of the thread, or an orderId given exactly: each
			// way of matching takes its own page, newest first, and the page is the newest of those.
			// Apart, each can use its index (full text for a rare word, the order of the list for a
			// common one); joined by OR, a rare word made PostgreSQL read every issue.
			params.put("q", filter.q().strip());
			String matching = "select i.id from issue i where true" + sql;
			query = SUMMARY_SELECT + " and i.id in ((" + matching
					+ " and i.search @@ websearch_to_tsquery('simple', :q)" + newestFirst + ") union all (" + matching
					+ " and i.order_id = :q" + newestFirst + ") union all (" + matching
					+ inMessages(filter.q().strip(), params) + newestFirst + "))" + newestFirst;
		}
		else {
			query = SUMMARY_SELECT + sql + newestFirst;
		}
		record Row(IssueSummary summary, long id) {
		}
		List<Row> rows = jdbc.sql(query)
			.params(params)
			.query((rs, n) -> new Row(summary(rs), rs.getLong("id")))
			.list();
		boolean more = rows.size() > size;
		List<Row> page = more ? rows.subList(0, size) : rows;
		String next = more ? new Cursor(page.get(page.size() - 1).summary().updatedAt(), page.get(page.size() - 1).id())
			.encode() : null;
		return new IssuePage(page.stream().map(Row::summary).toList(), next);
	}

	/** Up to this many messages that hold the words, the issues they belong to are named. */
	static final int FEW_MESSAGES = 5_000;

	/** A word PostgreSQL's statistics put in this share of the messages or more is walked for at once. */
	static final double COMMON_SHARE = 0.01;

	/**
	 * The condition for issues one of whose messages holds the words. A common word is found soon
	 * walking the issues in the list's order; a rare one from the full-text index, issue by issue.
	 * PostgreSQL chose between them by its estimate, which for a word outside its statistics is
	 * thousands of messages where there may be none: with a million issues it walked them all for a
	 * word found nowhere (2.3 s). V24's {@code issue_ids_in_messages} looks the messages up in the
	 * index unless the statistics call the word common, and names their issues when they are few.
	 * (Two statements: a message stored between them is found by the next search.)
	 */
	private String inMessages(String q, java.util.Map<String, Object> params) {
		// one row, whose value is null for a common word (list: single() refuses a null)
		Long[] found = jdbc.sql("select issue_ids_in_messages(:q, :few, :share)")
			.param("q", q)
			.param("few", FEW_MESSAGES)
			.param("share", COMMON_SHARE)
			.query((rs, n) -> rs.getArray(1) == null ? null : (Long[]) rs.getArray(1).getArray())
			.list()
			.get(0);
		if (found == null) {
			return " and exists (select 1 from message m where m.issue_id = i.id"
					+ " and m.search @@ websearch_to_tsquery('simple', :q))";
		}
		if (found.length == 0) {
			return " and false";
		}
		// One array, not a list of up to 5,000 parameters: the statement's text stays the same
		params.put("inMessages", "{" + String.join(",",
				new java.util.LinkedHashSet<>(List.of(found)).stream().map(String::valueOf).toList()) + "}");
		return " and i.id = any(cast(:inMessages as bigint[]))";
	}

	/**
	 * A file of an issue, for staff: its name, type and content. Empty when the issue or the file
	 * is unknown, or the file belongs to another issue.
	 */
	public java.util.Optional<StoredFile> attachment(String key, long id) {
		return IssueKey.parse(key).flatMap(k -> jdbc.sql("""
				select a.filename, a.content_type, a.kind, a.content from attachment a join issue i on i.id = a.issue_id
				where i.issue_key = ? and a.id = ?""")
			.params(k.value(), id)
			.query((rs, n) -> new StoredFile(rs.getString("filename"), rs.getString("content_type"), rs.getString("kind"),
					rs.getBytes("content")))
			.optional());
	}

	/**
	 * @param kind {@code IMAGE} (a screenshot, recognised by its content) or {@code TEXT} (redacted)
	 */
	public record StoredFile(String filename, String contentType, String kind, byte[] content) {
	}

	/**
	 * The work queue: issues in these statuses, the one whose first response is due soonest first
	 * (those without a running clock after them, oldest first), at most {@code limit}.
	 */
	public List<IssueSummary> queue(java.util.Set<IssueStatus> statuses, int limit) {
		return queue(statuses, null, null, limit);
	}

	/**
	 * The work queue, narrowed to one assignee ({@code ""} for unassigned issues) and one route.
	 */
	public List<IssueSummary> queue(java.util.Set<IssueStatus> statuses, String assignee, String route, int limit) {
		return jdbc.sql(SUMMARY_SELECT + """
				 and i.status in (:statuses) and i.merged_into_id is null
				 and (cast(:assignee as text) is null or coalesce(i.assignee, '') = :assignee)
				 and (cast(:route as text) is null or i.route = :route or i.route_suggested = :route)
				order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
				limit :limit""")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("assignee", assignee)
			.param("route", route == null || route.isBlank() ? null : route)
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> summary(rs))
			.list();
	}

	/**
	 * How many issues are in each status (merged ones not counted): the running totals that the
	 * issue table's triggers keep (see {@link IssueStatusCounts}), not a count of every issue.
	 */
	public java.util.Map<IssueStatus, Long> countByStatus() {
		java.util.Map<IssueStatus, Long> counts = new java.util.EnumMap<>(IssueStatus.class);
		for (IssueStatus status : IssueStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select status, sum(issues) as n from issue_status_count group by status")
			.query((rs, n) -> counts.put(IssueStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	private static final String SUMMARY_SELECT = """
				select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
				       i.assignee, i.escalated,
				       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
				       i.first_responded_at, i.created_at, i.updated_at, i.id,
				       (coalesce(i.first_response_breached, false)
				        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
				        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < :now))
				           as breached,
				       m.issue_key as merged_into
				from issue i
				join participant p on p.issue_id = i.id and p.role = 'REPORTER'
				left join issue m on m.id = i.merged_into_id
				where true
				""";

	private static IssueSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new IssueSummary(rs.getString("issue_key"), rs.getString("status"),
				rs.getString("subject"), rs.getString("reporter"), rs.getString("route"),
				rs.getString("route_suggested"), Priority.valueOf(rs.getString("priority")),
				rs.getString("assignee"), rs.getBoolean("escalated"), rs.getBoolean("checklist_complete"),
				rs.getString("organization_number"), rs.getString("merchant_serial_number"),
				instant(rs.getTimestamp("first_response_due_at")), instant(rs.getTimestamp("first_responded_at")),
				rs.getBoolean("breached"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getString("merged_into"));
	}

	private static java.time.Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * Where a page ended: the last issue's change time and id, opaque to clients.
	 */
	record Cursor(java.time.Instant updatedAt, long id) {

		String encode() {
			String plain = updatedAt.toString() + "|" + id;
			return java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

		static Cursor parse(String cursor) {
			try {
				String plain = new String(java.util.Base64.getUrlDecoder().decode(cursor.strip()),
						java.nio.charset.StandardCharsets.UTF_8);
				int bar = plain.indexOf('|');
				Cursor parsed = new Cursor(java.time.Instant.parse(plain.substring(0, bar)),
						Long.parseLong(plain.substring(bar + 1)));
				if (!com.triagedesk.TimeBounds.sane(parsed.updatedAt())) {
					throw new IllegalArgumentException("out of range");
				}
				return parsed;
			}
			catch (RuntimeException ex) {
				throw new IssueInputException("The cursor is not one this service handed out; start again without it.");
			}
		}

	}

	/**
	 * The issue with this key as staff see it, thread, notes and history included; a merged
	 * issue's key gives the issue it was merged into. Empty for an unknown or malformed key.
	 */
	public Optional<IssueDetails> find(String key) {
		return lookUp(key).map(issue -> details(key, issue, true));
	}

	/**
	 * The issue as its reporter sees it (no internal notes), when the follow-up token is theirs.
	 *
	 * @throws FollowUpRefusedException when the token is missing or belongs to another issue
	 */
	public Optional<IssueDetails> findForReporter(String key, String followUpToken) {
		return lookUp(key).map(issue -> {
			if (followUpToken == null || followUpToken.isBlank() || followUpToken.length() > 200) {
				throw new FollowUpRefusedException(followUpToken != null && !followUpToken.isBlank());
			}
			if (!Tokens.accepted(issue, FollowUpTokens.hash(followUpToken.strip()), issues)) {
				throw new FollowUpRefusedException(true);
			}
			return details(key, issue, false);
		});
	}

	/**
	 * Checks a follow-up token before anything is done with what came with it: an unknown key is a
	 * 404, a missing or wrong token a 401.
	 */
	public void checkFollowUpToken(String key, String followUpToken) {
		Issue issue = lookUp(key).orElseThrow(() -> new IssueNotFoundException(key == null ? "" : key));
		if (followUpToken == null || followUpToken.isBlank() || followUpToken.length() > 200) {
			throw new FollowUpRefusedException(followUpToken != null && !followUpToken.isBlank());
		}
		if (!Tokens.accepted(issue, FollowUpTokens.hash(followUpToken.strip()), issues)) {
			throw new FollowUpRefusedException(true);
		}
	}

	private Optional<Issue> lookUp(String key) {
		return IssueKey.parse(key).flatMap(k -> issues.findByKey(k.value()));
	}

	private IssueDetails details(String requested, Issue addressed, boolean staffView) {
		Issue issue = addressed;
		while (issue.mergedInto().isPresent()) {
			issue = issue.mergedInto().get();
		}
		List<IssueDetails.HistoryEntry> entries = history.findByIssueIdOrderByOccurredAtAscIdAsc(issue.id())
			.stream()
			.filter(entry -> staffView || !entry.isInternal())
			.map(HistoryEntry::toView)
			.toList();
		IssueDetails.Links links = issue.links(issues.followUpsOf(issue.id()), issues.splitsOf(issue.id()),
				issues.mergedInto(issue.id()));
		return issue.toDetails(IssueKey.parse(requested).map(IssueKey::value).orElse(requested),
				issues.attachmentsOf(issue.id()), entries, links, staffView, clock.instant(), hours);
	}

}
