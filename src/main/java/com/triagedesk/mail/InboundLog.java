package com.triagedesk.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intake log: one row per inbound mail, with what became of it and why.
 */
@Repository
class InboundLog {

	record Entry(UUID id, String messageId, String via, String from, String subject, String outcome, String reason,
			String issueKey, long size, Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	InboundLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param content what the sender wrote, already redacted (null for duplicates and unreadable mail)
	 */
	void record(String messageId, String via, String from, String subject, String inReplyTo, String outcome,
			String reason, String issueKey, String content, long size, Instant now) {
		jdbc.sql("""
				insert into inbound_mail (id, message_id, received_via, from_address, subject, in_reply_to, outcome, reason,
				    issue_key, size_bytes, content, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), messageId, via, from, subject, inReplyTo, outcome, reason, issueKey, size, content,
					Timestamp.from(now))
			.update();
	}

	/**
	 * The first processing of this Message-ID, if there was one.
	 */
	Optional<Entry> processed(String messageId) {
		return jdbc.sql("select * from inbound_mail where message_id = ? and outcome <> 'DUPLICATE'")
			.param(messageId)
			.query((rs, n) -> entry(rs))
			.optional();
	}

	/**
	 * The issue a mail with one of these Message-IDs belongs to: one we received, or one we sent.
	 */
	Optional<String> issueOf(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		List<String> ids = messageIds.size() > 100 ? messageIds.subList(0, 100) : messageIds;
		return jdbc.sql("""
				select issue_key from (
				    select issue_key, received_at as at from inbound_mail
				    where message_id in (:ids) and issue_key is not null and outcome <> 'DUPLICATE'
				    union all
				    select issue_key, created_at as at from mail_outbox where message_id in (:ids) and issue_key is not null
				) known order by at desc limit 1""")
			.param("ids", ids)
			.query(String.class)
			.optional();
	}

	int fromSenderSince(String address, Instant since) {
		// Copies of one mail (duplicates) are not more mail from the sender.
		return jdbc.sql("select count(*) from inbound_mail where lower(from_address) = lower(?) and received_at > ? "
				+ "and outcome <> 'DUPLICATE'")
			.param(address)
			.param(Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	List<Entry> list(String outcome, String issueKey, int limit) {
		return jdbc.sql("""
				select * from inbound_mail
				where (cast(:outcome as text) is null or outcome = :outcome)
				  and (cast(:issueKey as text) is null or issue_key = :issueKey)
				order by received_at desc limit :limit""")
			.param("outcome", outcome)
			.param("issueKey", issueKey)
			.param("limit", limit)
			.query((rs, n) -> entry(rs))
			.list();
	}

	private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("received_via"),
				rs.getString("from_address"), rs.getString("subject"), rs.getString("outcome"), rs.getString("reason"),
				rs.getString("issue_key"), rs.getLong("size_bytes"), rs.getTimestamp("received_at").toInstant());
	}

}
