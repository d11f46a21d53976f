package com.triagedesk.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as others read it: what was sent, what waits (and why), what failed.
 */
@Service
@Transactional(readOnly = true)
public class MailOutbox {

	/**
	 * One outgoing mail.
	 *
	 * @param status {@code PENDING}, {@code SENT}, {@code FAILED} (given up) or {@code SUPPRESSED}
	 * (loop guard)
	 */
	@Schema(name = "OutboxEntry")
	public record Entry(UUID id, String messageId, String kind, String issueKey, String to, List<String> cc,
			String subject, String status, String suppressedReason, int attempts, Instant nextAttemptAt,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	private final Outbox outbox;

	MailOutbox(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * The newest mails first.
	 *
	 * @param status only this status, or null for all
	 * @param issueKey only this issue's, or null for all
	 */
	public List<Entry> list(String status, String issueKey, int limit) {
		return outbox.list(status, issueKey, Math.max(1, Math.min(limit, 500)))
			.stream()
			.map(e -> new Entry(e.id(), e.messageId(), e.kind(), e.issueKey(), e.to(), e.cc(), e.subject(), e.status(),
					e.suppressedReason(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.createdAt(), e.sentAt()))
			.toList();
	}

}
