package com.triagedesk.mail;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound mail ({@code triage.mail.*}). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} mail waits in the outbox.
 *
 * @param supportAddress the address every mail comes from and replies go to; set it to the real,
 * monitored support mailbox
 * @param supportName the display name next to it
 * @param publicUrl where developers reach this service, for the follow-up links in mails
 * @param maxAutomaticPerRecipientPerHour automatic mails (auto-replies, status updates) one address
 * receives per hour at most; more are kept as {@code SUPPRESSED}, which breaks mail loops
 * @param poll how often the worker looks for mail to send
 * @param batchSize how many mails one worker claims at a time
 * @param lease how long a claimed mail is left to its worker before another may retry it
 * @param maxAttempts attempts before a mail is given up as {@code FAILED}
 * @param initialBackoff wait after the first failure; doubled after each further failure
 * @param maxBackoff the longest wait between attempts
 * @param inboundMaxSize larger inbound mails are logged as {@code REJECTED_TOO_LARGE} and the sender told
 * @param inboundPerSenderPerHour more mails than this from one sender within an hour are quarantined
 * @param imap the support mailbox to poll
 */
@ConfigurationProperties("triage.mail")
record MailProperties(@DefaultValue("support@localhost") String supportAddress,
		@DefaultValue("Developer Support") String supportName,
		@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("30") int maxAutomaticPerRecipientPerHour, @DefaultValue("true") boolean workerEnabled,
		@DefaultValue("2s") Duration poll, @DefaultValue("20") int batchSize, @DefaultValue("2m") Duration lease,
		@DefaultValue("12") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("20MB") DataSize inboundMaxSize,
		@DefaultValue("20") int inboundPerSenderPerHour, @DefaultValue Imap imap) {

	/**
	 * The support mailbox to poll; polling is off while {@code host} is empty.
	 *
	 * @param protocol {@code imaps} (TLS, the default) or {@code imap}
	 * @param processedFolder where handled mail is moved; empty to only mark it read
	 */
	record Imap(@DefaultValue("") String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol,
			@DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("INBOX") String folder, @DefaultValue("") String processedFolder,
			@DefaultValue("30s") Duration poll) {

		boolean enabled() {
			return host != null && !host.isBlank();
		}

	}

	MailProperties {
		try {
			new InternetAddress(supportAddress, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("triage.mail.support-address is not an e-mail address: " + supportAddress);
		}
		if (supportName.chars().anyMatch(c -> c == '\r' || c == '\n')) {
			throw new IllegalArgumentException("triage.mail.support-name must be one line");
		}
		publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		if (maxAutomaticPerRecipientPerHour < 1 || batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("triage.mail limits must be at least 1");
		}
	}

	/**
	 * The domain our Message-IDs end in: the support address's.
	 */
	String messageIdDomain() {
		return supportAddress.substring(supportAddress.lastIndexOf('@') + 1);
	}

	/**
	 * The wait before attempt {@code attempts + 1}: doubling from the initial backoff up to the cap.
	 */
	Duration backoff(int attempts) {
		Duration wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

}
