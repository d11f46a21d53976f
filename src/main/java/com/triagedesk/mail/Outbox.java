package com.triagedesk.mail;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox in PostgreSQL. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * so any number of workers (in any number of instances) share the queue and each mail is sent by
 * one of them; a worker that dies leaves its rows to be retried when the lease runs out.
 */
@Repository
class Outbox {

	/**
	 * A mail to write. Every address and header value is already checked and one line.
	 */
	record NewMail(String kind, String issueKey, String to, List<String> cc, String subject, String text, String html,
			String inReplyTo, List<String> references, String autoSubmitted, String language) {

		NewMail {
			cc = cc == null ? List.of() : List.copyOf(cc);
			references = references == null ? List.of() : List.copyOf(references);
		}

	}

	/**
	 * A mail a worker has claimed and must now send.
	 */
	record Claimed(UUID id, String messageId, String kind, String issueKey, String to, List<String> cc, String subject,
			String text, String html, String inReplyTo, List<String> references, String autoSubmitted, int attempts) {
	}

	/**
	 * A row as the outbox view shows it.
	 */
	record Entry(UUID id, String messageId, String kind, String issueKey, String to, List<String> cc, String subject,
			String status, String suppressedReason, int attempts, Instant nextAttemptAt, String lastError,
			Instant createdAt, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a mail, in the caller's transaction.
	 *
	 * @param suppressedReason when not null the mail is kept but never sent (the loop guard)
	 * @return the mail's Message-ID
	 */
	String enqueue(NewMail mail, String messageIdDomain, String suppressedReason, Instant now) {
		UUID id = UUID.randomUUID();
		String messageId = "<" + id + "@" + messageIdDomain + ">";
		jdbc.sql("""
				insert into mail_outbox (id, message_id, kind, issue_key, to_address, cc_addresses, subject, body_text,
				    body_html, in_reply_to, reference_ids, auto_submitted, language, status, suppressed_reason,
				    next_attempt_at, created_at)
				values (:id, :messageId, :kind, :issueKey, :to, :cc, :subject, :text, :html, :inReplyTo, :references,
				    :autoSubmitted, :language, :status, :suppressedReason, :now, :now)""")
			.param("id", id)
			.param("messageId", messageId)
			.param("kind", mail.kind())
			.param("issueKey", mail.issueKey())
			.param("to", mail.to())
			.param("cc", mail.cc().toArray(String[]::new))
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("inReplyTo", mail.inReplyTo())
			.param("references", mail.references().toArray(String[]::new))
			.param("autoSubmitted", mail.autoSubmitted())
			.param("language", mail.language())
			.param("status", suppressedReason == null ? "PENDING" : "SUPPRESSED")
			.param("suppressedReason", suppressedReason)
			.param("now", Timestamp.from(now))
			.update();
		return messageId;
	}

	/**
	 * The loop guard's question: the automatic mails to an address (To or Cc, in any case) in the
	 * hour since a time, counted up to a limit. The recipients' index (V23) holds each address with
	 * the hour of the mail, so the answer reads two hours of one address's mail, however busy the
	 * service or long the address's history; the limit bounds it for an address that gets many.
	 */
	static final String AUTOMATIC_SINCE = """
			select count(*) from (
			    select 1 from mail_outbox
			    where mail_recipient_keys(to_address, cc_addresses, created_at)
			              && mail_recipient_keys_within_hour(:address, :since)
			      and auto_submitted is not null and status <> 'SUPPRESSED' and created_at > :since
			    limit :limit) recent""";

	/**
	 * How many automatic mails went, or are going, to this address since then (at most an hour
	 * ago), as To or Cc; at most {@code limit}.
	 */
	int automaticSince(String address, Instant since, int limit) {
		return jdbc.sql(AUTOMATIC_SINCE)
			.param("address", address)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query(Integer.class)
			.single();
	}

	/**
	 * A mail of an issue's thread: its Message-ID and when it was written.
	 */
	record ThreadId(String messageId, Instant at) {
	}

	/**
	 * The mails we sent for an issue so far, oldest first.
	 */
	List<ThreadId> threadOf(String issueKey) {
		return jdbc.sql("select message_id, created_at from mail_outbox where issue_key = ? and status <> 'SUPPRESSED' "
				+ "order by created_at, message_id")
			.param(issueKey)
			.query((rs, n) -> new ThreadId(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
	}

	/**
	 * Claims due mails for one worker until the lease ends; others skip them meanwhile.
	 */
	List<Claimed> claim(String worker, int batchSize, Duration lease, Instant now) {
		return jdbc.sql("""
				update mail_outbox o set lease_until = :until, leased_by = :worker, attempts = o.attempts + 1
				from (select id from mail_outbox
				      where status = 'PENDING' and next_attempt_at <= :now and (lease_until is null or lease_until < :now)
				      order by next_attempt_at, created_at
				      limit :batch
				      for update skip locked) due
				where o.id = due.id
				returning o.id, o.message_id, o.kind, o.issue_key, o.to_address, o.cc_addresses, o.subject, o.body_text,
				          o.body_html, o.in_reply_to, o.reference_ids, o.auto_submitted, o.attempts""")
			.param("until", Timestamp.from(now.plus(lease)))
			.param("worker", worker)
			.param("now", Timestamp.from(now))
			.param("batch", batchSize)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("message_id"),
					rs.getString("kind"), rs.getString("issue_key"), rs.getString("to_address"),
					strings(rs, "cc_addresses"), rs.getString("subject"), rs.getString("body_text"),
					rs.getString("body_html"), rs.getString("in_reply_to"), strings(rs, "reference_ids"),
					rs.getString("auto_submitted"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Extends this worker's lease on a mail it is about to send; false when the lease ran out and
	 * another worker has the mail now.
	 */
	boolean renew(UUID id, String worker, Duration lease, Instant now) {
		return jdbc.sql("update mail_outbox set lease_until = ? where id = ? and leased_by = ? and status = 'PENDING'")
			.param(Timestamp.from(now.plus(lease)))
			.param(id)
			.param(worker)
			.update() == 1;
	}

	void sent(UUID id, String worker, Instant now) {
		jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, lease_until = null, last_error = null where id = ?")
			.param(Timestamp.from(now))
			.param(id)
			.update();
		attempt(id, worker, "SENT", null, now);
	}

	/**
	 * Records a failed attempt and when to try again, or that we give up.
	 */
	void failed(UUID id, String worker, String error, Instant nextAttempt, boolean giveUp, Instant now) {
		jdbc.sql("""
				update mail_outbox set status = ?, next_attempt_at = ?, lease_until = null, last_error = ?
				where id = ?""")
			.param(giveUp ? "FAILED" : "PENDING")
			.param(Timestamp.from(nextAttempt))
			.param(error)
			.param(id)
			.update();
		attempt(id, worker, "FAILED", error, now);
	}

	private void attempt(UUID id, String worker, String outcome, String error, Instant now) {
		jdbc.sql("insert into mail_attempt (outbox_id, attempted_at, worker, outcome, error) values (?, ?, ?, ?, ?)")
			.param(id)
			.param(Timestamp.from(now))
			.param(worker)
			.param(outcome)
			.param(error)
			.update();
	}

	/**
	 * The newest mails, optionally of one status or issue.
	 */
	List<Entry> list(String status, String issueKey, int limit) {
		return jdbc.sql("""
				select id, message_id, kind, issue_key, to_address, cc_addresses, subject, status, suppressed_reason,
				       attempts, next_attempt_at, last_error, created_at, sent_at
				from mail_outbox
				where (cast(:status as text) is null or status = :status)
				  and (cast(:issueKey as text) is null or issue_key = :issueKey)
				order by created_at desc
				limit :limit""")
			.param("status", status)
			.param("issueKey", issueKey)
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("kind"),
					rs.getString("issue_key"), rs.getString("to_address"), strings(rs, "cc_addresses"),
					rs.getString("subject"), rs.getString("status"), rs.getString("suppressed_reason"),
					rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
					instant(rs, "created_at"), instant(rs, "sent_at")))
			.list();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
