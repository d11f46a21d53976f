package com.triagedesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Puts one mail in the outbox, in the caller's transaction: header values made safe, the thread
 * headers of its issue, and the loop guard for automatic mail.
 */
@Component
class OutboundMail {

	private static final Logger log = LoggerFactory.getLogger(OutboundMail.class);

	/** At most this many on copy of one mail: an issue has at most 50 participants. */
	private static final int MAX_COPIES = 49;

	/** References kept in a reply: the thread's first mail and the latest ones. */
	private static final int MAX_REFERENCES = 10;

	private final Outbox outbox;

	private final MailProperties properties;

	private final Clock clock;

	OutboundMail(Outbox outbox, MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param autoSubmitted {@code auto-replied}, {@code auto-generated}, or null for a person's mail
	 * @return the Message-ID, or null when there is no one to send it to
	 */
	String send(String kind, String issueKey, String to, List<String> cc, String subject, String text, String html,
			String autoSubmitted, Language language, List<Outbox.ThreadId> received) {
		String recipient = address(to);
		if (recipient == null) {
			log.warn("No valid recipient for {} mail of {}; nothing queued", kind, issueKey);
			return null;
		}
		Instant now = clock.instant();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		int limit = properties.maxAutomaticPerRecipientPerHour();
		List<String> copies = new ArrayList<>();
		for (String address : cc) {
			String valid = address(address);
			if (valid == null || valid.equalsIgnoreCase(recipient) || copies.stream().anyMatch(valid::equalsIgnoreCase)
					|| copies.size() >= MAX_COPIES) {
				continue;
			}
			// The loop guard holds for everyone on copy too, or anyone could have us mail a victim.
			if (autoSubmitted != null
					&& outbox.automaticSince(valid, hourAgo, limit) >= limit) {
				log.warn("Left {} off the copy of a {} mail: the hourly limit of automatic mail is reached", valid, kind);
				continue;
			}
			copies.add(valid);
		}
		// The thread: mails we received for the issue and mails we sent, in the order they were written.
		List<String> thread = java.util.stream.Stream
			.concat(received.stream(), issueKey == null ? java.util.stream.Stream.empty() : outbox.threadOf(issueKey).stream())
			.sorted(java.util.Comparator.comparing(Outbox.ThreadId::at))
			.map(Outbox.ThreadId::messageId)
			.distinct()
			.toList();
		List<String> references = thread.size() <= MAX_REFERENCES ? thread
				: concat(thread.get(0), thread.subList(thread.size() - MAX_REFERENCES + 1, thread.size()));
		String suppressed = null;
		if (autoSubmitted != null && outbox.automaticSince(recipient, hourAgo, limit) >= limit) {
			suppressed = "More than " + limit + " automatic mails to this address within an hour (a mail loop?)";
			log.warn("Suppressed {} mail of {}: {} automatic mails to one recipient within an hour", kind, issueKey,
					limit);
		}
		return outbox.enqueue(new Outbox.NewMail(kind, issueKey, recipient, copies, Headers.subject(subject), text,
				html, thread.isEmpty() ? null : thread.get(thread.size() - 1), references, autoSubmitted,
				language.tag()), properties.messageIdDomain(), suppressed, now);
	}

	/**
	 * The address in its plain form when it is one we can send to; never our own address, which
	 * would make a loop.
	 */
	private String address(String candidate) {
		if (candidate == null) {
			return null;
		}
		String line = Headers.oneLine(candidate);
		if (!line.equals(candidate.strip())) {
			return null;
		}
		try {
			InternetAddress parsed = new InternetAddress(line, true);
			String plain = parsed.getAddress();
			return plain.equalsIgnoreCase(properties.supportAddress()) ? null : plain;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}

}
