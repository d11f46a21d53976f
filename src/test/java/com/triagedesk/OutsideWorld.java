package com.triagedesk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a running app talks to, for tests that run the app in other processes: its own
 * PostgreSQL 17, an SMTP server (GreenMail) and a webhook receiver that records every delivery.
 */
final class OutsideWorld implements AutoCloseable {

	/** An API key with every scope, given to the app as {@code triage.bootstrap-api-key}. */
	static final String API_KEY = "td_crashtst_0123456789abcdefghijklmnopqrstuvwxyz";

	private final EmbeddedPostgres postgres;

	private final GreenMail smtp;

	private final HttpServer receiver;

	private final List<String> webhookIds = new CopyOnWriteArrayList<>();

	private final JdbcClient jdbc;

	private OutsideWorld(EmbeddedPostgres postgres, GreenMail smtp, HttpServer receiver) {
		this.postgres = postgres;
		this.smtp = smtp;
		this.receiver = receiver;
		this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
	}

	static OutsideWorld start() throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		GreenMail smtp = new GreenMail(new ServerSetup(ChildApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		OutsideWorld world = new OutsideWorld(postgres, smtp, receiver);
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			world.webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		return world;
	}

	/**
	 * Spring properties for an app instance: this database, SMTP, short polls and the given lease on
	 * mails and webhook deliveries. A short lease lets work a killed instance held be taken over within
	 * seconds instead of the production two minutes; it must stay well above the longest send (SMTP
	 * timeouts here are 2–3 s per step), or a slow send is taken over and repeated.
	 */
	Map<String, String> appProperties(java.nio.file.Path dataDir, Duration lease) {
		return Map.ofEntries(Map.entry("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres"),
				Map.entry("spring.datasource.username", "postgres"), Map.entry("spring.datasource.password", ""),
				Map.entry("triage.data-dir", dataDir.toString()), Map.entry("triage.bootstrap-api-key", API_KEY),
				Map.entry("spring.mail.host", "127.0.0.1"), Map.entry("spring.mail.port", String.valueOf(smtp.getSmtp().getPort())),
				Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "2000"),
				Map.entry("spring.mail.properties.mail.smtp.timeout", "3000"),
				Map.entry("spring.mail.properties.mail.smtp.writetimeout", "3000"),
				Map.entry("triage.mail.support-address", "support@triage.example"), Map.entry("triage.mail.poll", "200ms"),
				Map.entry("triage.mail.lease", lease.toMillis() + "ms"), Map.entry("triage.mail.initial-backoff", "200ms"),
				Map.entry("triage.mail.max-backoff", "1s"), Map.entry("triage.webhooks.allow-http-localhost", "true"),
				Map.entry("triage.webhooks.allow-private-addresses", "true"), Map.entry("triage.webhooks.poll", "200ms"),
				Map.entry("triage.webhooks.lease", lease.toMillis() + "ms"), Map.entry("triage.webhooks.timeout", "3s"),
				Map.entry("triage.webhooks.initial-backoff", "200ms"), Map.entry("triage.webhooks.max-backoff", "1s"),
				Map.entry("triage.rate-limit.store", "postgres"));
	}

	String webhookUrl() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * Waits until nothing is left to send: no mail and no webhook delivery pending.
	 */
	void awaitDrained(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count("select count(*) from mail_outbox where status = 'PENDING'")
				+ count("select count(*) from webhook_delivery where status = 'PENDING'") > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still pending after " + timeout + ": "
						+ count("select count(*) from mail_outbox where status = 'PENDING'") + " mails, "
						+ count("select count(*) from webhook_delivery where status = 'PENDING'") + " webhooks");
			}
			Thread.sleep(200);
		}
	}

	/**
	 * How many times each mail (by Message-ID, without angle brackets) was sent to the SMTP server.
	 * GreenMail keeps a copy per recipient, so the copies are divided by the mail's recipients.
	 */
	Map<String, Long> mailsByMessageId() {
		Map<String, List<MimeMessage>> copies = List.of(smtp.getReceivedMessages()).stream()
			.collect(Collectors.groupingBy(message -> messageId(message).replaceAll("^<|>$", "")));
		return copies.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				entry -> (long) Math.ceilDiv(entry.getValue().size(), recipients(entry.getValue().getFirst()))));
	}

	private static int recipients(MimeMessage message) {
		try {
			return Math.max(1, message.getAllRecipients().length);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How many times each webhook delivery id arrived at the receiver. */
	Map<String, Long> webhooksById() {
		return webhookIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		receiver.stop(0);
		smtp.stop();
		postgres.close();
	}

}
