package com.triagedesk.api;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.ErrorResponseException;

/**
 * Webhook subscriptions and their deliveries in PostgreSQL.
 */
@Repository
public class Webhooks {

	public static final Set<String> EVENTS = Set.of("issue.created", "issue.updated", "issue.message_added",
			"issue.status_changed");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Schema(name = "WebhookSubscription")
	public record Subscription(UUID id, String url, List<String> events, String description, boolean active,
			int consecutiveFailures, String disabledReason, Instant createdAt) {
	}

	@Schema(name = "CreatedWebhook")
	public record Created(UUID id, String url, List<String> events, String description, String secret) {
	}

	record Due(UUID id, UUID subscriptionId, String url, String secret, String eventType, String payload, int attempts) {
	}

	@Schema(name = "WebhookDelivery")
	public record Delivery(UUID id, String eventType, String status, int attempts, Integer lastStatus, String lastError,
			Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WebhookProperties properties;

	Webhooks(JdbcClient jdbc, Clock clock, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	public Created subscribe(String url, List<String> events, String description, String createdBy) {
		URI target = checkedUrl(url);
		List<String> unknown = events.stream().filter(e -> !EVENTS.contains(e)).toList();
		if (events.isEmpty() || !unknown.isEmpty()) {
			throw invalid("Events must be some of " + EVENTS.stream().sorted().toList()
					+ (unknown.isEmpty() ? "" : "; unknown: " + unknown));
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + Base64.getEncoder().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		List<String> sorted = events.stream().distinct().sorted().toList();
		jdbc.sql("""
				insert into webhook_subscription (id, url, events, secret, description, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, target.toString(), sorted.toArray(String[]::new), secret, description,
					Timestamp.from(clock.instant()), createdBy)
			.update();
		return new Created(id, target.toString(), sorted, description, secret);
	}

	/**
	 * https only (http to localhost when allowed for development), a host, no credentials in it.
	 */
	private URI checkedUrl(String url) {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
			boolean local = host.equals("localhost") || host.equals("127.0.0.1");
			if (host.isEmpty() || uri.getUserInfo() != null || url.length() > 2000
					|| !(scheme.equals("https") || (scheme.equals("http") && local && properties.allowHttpLocalhost()))) {
				throw invalid("A webhook URL is an https URL with a host and no user name or password.");
			}
			if (!properties.allowPrivateAddresses()) {
				WebhookTargets.refusal(uri).ifPresent(reason -> {
					throw invalid("Webhooks go to public addresses only: " + reason + ".");
				});
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw invalid("The webhook URL is not a URL.");
		}
	}

	private static ErrorResponseException invalid(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("urn:triage-desk:problem:invalid-request"));
		problem.setTitle("Invalid request");
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	public List<Subscription> list() {
		return jdbc.sql("select * from webhook_subscription order by created_at").query((rs, n) -> subscription(rs)).list();
	}

	public boolean unsubscribe(UUID id) {
		return jdbc.sql("update webhook_subscription set active = false, disabled_reason = 'Deleted' where id = ? and active")
			.param(id)
			.update() == 1;
	}

	/**
	 * Queues one delivery per active subscription to this event, in the caller's transaction.
	 */
	void enqueue(String eventType, String payload) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into webhook_delivery (id, subscription_id, event_type, payload, next_attempt_at, created_at)
				select gen_random_uuid(), id, :type, :payload, :now, :now
				from webhook_subscription where active and :type = any(events)""")
			.param("type", eventType)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Due> claim(String worker, int batch, Duration lease, Instant now) {
		return jdbc.sql("""
				update webhook_delivery d set lease_until = :until, leased_by = :worker, attempts = d.attempts + 1
				from (select w.id from webhook_delivery w join webhook_subscription s on s.id = w.subscription_id
				      where w.status = 'PENDING' and s.active and w.next_attempt_at <= :now
				        and (w.lease_until is null or w.lease_until < :now)
				      order by w.next_attempt_at limit :batch for update of w skip locked) due, webhook_subscription s
				where d.id = due.id and s.id = d.subscription_id
				returning d.id, d.subscription_id, s.url, s.secret, d.event_type, d.payload, d.attempts""")
			.param("until", Timestamp.from(now.plus(lease)))
			.param("worker", worker)
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	void delivered(Due due, String worker, int status, long millis, Instant now) {
		jdbc.sql("update webhook_delivery set status = 'DELIVERED', delivered_at = ?, last_status = ?, last_error = null, "
				+ "lease_until = null where id = ?").params(Timestamp.from(now), status, due.id()).update();
		jdbc.sql("update webhook_subscription set consecutive_failures = 0 where id = ?").param(due.subscriptionId())
			.update();
		attempt(due, worker, status, null, millis, now);
	}

	/**
	 * A failed attempt: retried after the backoff, given up after the last attempt; a subscription
	 * failing again and again is switched off.
	 */
	void failed(Due due, String worker, Integer status, String error, long millis, Instant now) {
		boolean giveUp = due.attempts() >= properties.maxAttempts();
		jdbc.sql("update webhook_delivery set status = ?, next_attempt_at = ?, last_status = ?, last_error = ?, "
				+ "lease_until = null where id = ?")
			.params(giveUp ? "FAILED" : "PENDING", Timestamp.from(now.plus(properties.backoff(due.attempts()))), status,
					error, due.id())
			.update();
		jdbc.sql("""
				update webhook_subscription set consecutive_failures = consecutive_failures + 1,
				    active = consecutive_failures + 1 < :limit,
				    disabled_reason = case when consecutive_failures + 1 >= :limit
				        then 'Switched off after ' || (consecutive_failures + 1) || ' failed deliveries in a row' end
				where id = :id""")
			.param("limit", properties.disableAfter())
			.param("id", due.subscriptionId())
			.update();
		attempt(due, worker, status, error, millis, now);
	}

	private void attempt(Due due, String worker, Integer status, String error, long millis, Instant now) {
		jdbc.sql("insert into webhook_attempt (delivery_id, attempted_at, worker, status_code, error, duration_ms) "
				+ "values (?, ?, ?, ?, ?, ?)").params(due.id(), Timestamp.from(now), worker, status, error, millis).update();
	}

	Optional<Subscription> find(UUID id) {
		return jdbc.sql("select * from webhook_subscription where id = ?").param(id).query((rs, n) -> subscription(rs))
			.optional();
	}

	public List<Delivery> deliveries(UUID subscription, int limit) {
		return jdbc.sql("select * from webhook_delivery where subscription_id = ? order by created_at desc limit ?")
			.params(subscription, Math.max(1, Math.min(limit, 500)))
			.query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("event_type"),
					rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_status"),
					rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("next_attempt_at"))))
			.list();
	}

	private static Subscription subscription(ResultSet rs) throws SQLException {
		Array events = rs.getArray("events");
		return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList((String[]) events.getArray()), rs.getString("description"), rs.getBoolean("active"),
				rs.getInt("consecutive_failures"), rs.getString("disabled_reason"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
