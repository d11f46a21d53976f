package com.triagedesk.intake;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.triagedesk.routing.RequestRedirected;
import com.triagedesk.routing.Route;

/**
 * Requests that were sent elsewhere: what was asked (redacted), where it went and why.
 */
@Repository
class Redirects {

	record Stored(UUID id, String destination, SupportRequest request, String issueKey) {
	}

	/**
	 * A redirected request as staff and integrations see it; the submission is the redacted one.
	 *
	 * @param issueKey the issue staff turned it into, or null
	 */
	@Schema(name = "Redirect")
	record View(UUID id, String destination, double confidence, List<String> reasons, String subject,
			String reporterEmail, String organizationNumber, String merchantSerialNumber, Instant createdAt,
			String issueKey, SupportRequest submission) {
	}

	/**
	 * One page of redirects, newest first.
	 *
	 * @param nextCursor pass it back for the next page; null on the last one
	 */
	@Schema(name = "RedirectPage")
	record Page(List<View> items, String nextCursor) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/**
	 * Reads stored submissions leniently: a field a later version no longer knows must not make
	 * old redirects unreadable.
	 */
	private final JsonMapper stored;

	Redirects(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.stored = json.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Keeps the redirected request and announces it in the same transaction, so the reporter is
	 * told where to go exactly when the redirect is stored.
	 */
	@Transactional
	UUID record(SupportRequest request, Route route, String organizationNumber, String merchantSerialNumber) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into redirect (id, destination, confidence, reasons, subject, reporter_email, organization_number,
				                      merchant_serial_number, submission, created_at)
				values (:id, :destination, :confidence, :reasons, :subject, :email, :org, :msn, cast(:submission as jsonb), :at)
				""")
			.param("id", id)
			.param("destination", route.destination().name())
			.param("confidence", route.confidence())
			.param("reasons", route.reasons().toArray(String[]::new))
			.param("subject", request.subject())
			.param("email", request.reporter().email())
			.param("org", organizationNumber)
			.param("msn", merchantSerialNumber)
			.param("submission", json.writeValueAsString(request))
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new RequestRedirected(id, request.subject(), request.description(),
				request.reporter().email(), request.reporter().name(), request.cc(), route, clock.instant()));
		return id;
	}

	/**
	 * Redirects, newest first, optionally only to one destination, since a time, or only those
	 * (not) turned into issues.
	 */
	@Transactional(readOnly = true)
	Page list(String destination, Instant since, Boolean converted, String cursor, int limit) {
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.parse(cursor);
		StringBuilder where = new StringBuilder("where true");
		Map<String, Object> params = new HashMap<>();
		if (destination != null) {
			where.append(" and destination = :destination");
			params.put("destination", destination);
		}
		if (since != null) {
			where.append(" and created_at >= :since");
			params.put("since", Timestamp.from(since));
		}
		if (converted != null) {
			where.append(converted ? " and issue_key is not null" : " and issue_key is null");
		}
		if (after != null) {
			where.append(" and (created_at, id) < (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(after.createdAt()));
			params.put("afterId", after.id());
		}
		params.put("limit", limit + 1);
		List<View> rows = jdbc.sql("select *, submission::text as submission_text from redirect " + where
				+ " order by created_at desc, id desc limit :limit")
			.params(params)
			.query(this::toView)
			.list();
		boolean more = rows.size() > limit;
		List<View> page = more ? rows.subList(0, limit) : rows;
		String next = more ? new Cursor(page.get(limit - 1).createdAt(), page.get(limit - 1).id()).encode() : null;
		return new Page(List.copyOf(page), next);
	}

	@Transactional(readOnly = true)
	Optional<View> view(UUID id) {
		return jdbc.sql("select *, submission::text as submission_text from redirect where id = ?")
			.param(id)
			.query(this::toView)
			.optional();
	}

	private View toView(ResultSet rs, int row) throws SQLException {
		return new View(rs.getObject("id", UUID.class), rs.getString("destination"), rs.getDouble("confidence"),
				List.of((String[]) rs.getArray("reasons").getArray()), rs.getString("subject"),
				rs.getString("reporter_email"), rs.getString("organization_number"),
				rs.getString("merchant_serial_number"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("issue_key"), stored.readValue(rs.getString("submission_text"), SupportRequest.class));
	}

	/**
	 * Where a page ended, opaque to clients.
	 */
	record Cursor(Instant createdAt, UUID id) {

		String encode() {
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
		}

		static Cursor parse(String cursor) {
			try {
				String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
				int bar = plain.indexOf('|');
				Cursor parsed = new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
				if (!com.triagedesk.TimeBounds.sane(parsed.createdAt())) {
					throw new IllegalArgumentException("out of range");
				}
				return parsed;
			}
			catch (RuntimeException ex) {
				throw new InvalidCursorException();
			}
		}

	}

	Map<String, Long> countsSince(Instant since) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("select destination, count(*) as n from redirect where created_at >= ? group by 1 order by 2 desc")
			.param(Timestamp.from(since))
			.query((rs, row) -> counts.put(rs.getString("destination"), rs.getLong("n")))
			.list();
		return counts;
	}

	Optional<Stored> find(UUID id) {
		return jdbc.sql("select id, destination, submission::text as submission, issue_key from redirect where id = ?")
			.param(id)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("destination"),
					json.readValue(rs.getString("submission"), SupportRequest.class), rs.getString("issue_key")))
			.optional();
	}

	/**
	 * Marks a redirect as turned into an issue; false when someone else did it first.
	 */
	boolean converted(UUID id, String issueKey) {
		return jdbc.sql("update redirect set issue_key = ? where id = ? and issue_key is null")
			.param(issueKey)
			.param(id)
			.update() == 1;
	}

}
