package com.triagedesk.mail;

import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import com.triagedesk.Rounds;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Claims a batch, sends each mail with its fixed Message-ID, and
 * records the outcome; a failure waits for an exponentially growing backoff, up to a cap, and
 * after the last attempt the mail is marked {@code FAILED} (it stays visible, it is not dropped).
 * Without an SMTP server ({@code spring.mail.host}) mail simply waits.
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> senders;

	private final MailProperties properties;

	private final Clock clock;

	private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	private final AtomicBoolean warnedNoSender = new AtomicBoolean();

	private final Rounds rounds = new Rounds();

	OutboxWorker(Outbox outbox, ObjectProvider<JavaMailSender> senders, MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.senders = senders;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One round: claims due mails and sends them.
	 *
	 * @return how many were sent
	 */
	int runOnce() {
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			if (warnedNoSender.compareAndSet(false, true)) {
				log.warn("No SMTP server configured (spring.mail.host): mail stays in the outbox until one is");
			}
			return 0;
		}
		int sent = 0;
		List<Outbox.Claimed> claimed;
		do {
			claimed = outbox.claim(name, properties.batchSize(), properties.lease(), clock.instant());
			sent += deliver(sender, claimed);
		}
		while (claimed.size() == properties.batchSize() && isRunningOrManual());
		return sent;
	}

	/**
	 * Sends a batch one mail at a time, each right after renewing its lease and recorded right
	 * after it went: however slow the SMTP server, no other worker can take a mail that is being
	 * sent, and a crash can repeat at most the one mail in flight (with the same Message-ID).
	 */
	private int deliver(JavaMailSender sender, List<Outbox.Claimed> batch) {
		int sent = 0;
		for (Outbox.Claimed mail : batch) {
			if (!outbox.renew(mail.id(), name, properties.lease(), clock.instant())) {
				continue;
			}
			try {
				sender.send(toMime(sender, mail));
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
				failed(mail, ex);
				continue;
			}
			outbox.sent(mail.id(), name, clock.instant());
			sent++;
		}
		return sent;
	}

	private void failed(Outbox.Claimed mail, Exception ex) {
		Instant now = clock.instant();
		boolean giveUp = mail.attempts() >= properties.maxAttempts();
		outbox.failed(mail.id(), name, describe(ex), now.plus(properties.backoff(mail.attempts())), giveUp, now);
		if (giveUp) {
			log.error("Gave up on mail {} ({} of {}) after {} attempts: {}", mail.messageId(), mail.kind(),
					mail.issueKey(), mail.attempts(), describe(ex));
		}
		else {
			log.warn("Mail {} ({} of {}) not sent, attempt {}: {}", mail.messageId(), mail.kind(), mail.issueKey(),
					mail.attempts(), describe(ex));
		}
	}

	/**
	 * The MIME message for an outbox row.
	 */
	MimeMessage toMime(JavaMailSender sender, Outbox.Claimed mail)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new FixedIdMimeMessage(session(sender), mail.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
		helper.setFrom(properties.supportAddress(), properties.supportName());
		helper.setReplyTo(properties.supportAddress(), properties.supportName());
		helper.setTo(mail.to());
		if (!mail.cc().isEmpty()) {
			helper.setCc(mail.cc().toArray(String[]::new));
		}
		helper.setSubject(Headers.subject(mail.subject()));
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
		helper.setSentDate(java.util.Date.from(clock.instant()));
		if (mail.autoSubmitted() != null) {
			// RFC 3834, and the Exchange header that keeps out-of-office replies from coming back.
			message.setHeader("Auto-Submitted", mail.autoSubmitted());
			message.setHeader("X-Auto-Response-Suppress", "All");
		}
		message.setHeader("X-Loop", properties.supportAddress());
		if (mail.issueKey() != null) {
			message.setHeader("X-Triage-Desk-Issue", mail.issueKey());
		}
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.inReplyTo());
		}
		if (!mail.references().isEmpty()) {
			message.setHeader("References", String.join(" ", mail.references()));
		}
		return message;
	}

	private static Session session(JavaMailSender sender) {
		return sender instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl ? impl.getSession()
				: Session.getInstance(new java.util.Properties());
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName());
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				text.append(": ").append(cause.getMessage());
				break;
			}
		}
		String line = Headers.oneLine(text.toString());
		return line.length() > 1000 ? line.substring(0, 1000) : line;
	}

	// ---- lifecycle: poll while the application runs ----------------------------------------

	@Override
	public void start() {
		if (!properties.workerEnabled()) {
			log.info("Outbox worker disabled (triage.mail.worker-enabled=false)");
			return;
		}
		rounds.start("outbox-worker", properties.poll(), this::poll);
	}

	private void poll() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.warn("Outbox round failed: {}", ex.getClass().getName());
		}
	}

	@Override
	public void stop() {
		rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return rounds.running();
	}

	private boolean isRunningOrManual() {
		return !rounds.stopping();
	}

}
