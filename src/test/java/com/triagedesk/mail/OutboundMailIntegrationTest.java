package com.triagedesk.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueUpdate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound mail end to end: requests through the API, mails through the outbox and a real SMTP
 * conversation with GreenMail. The background worker is off here; each test runs the worker's
 * rounds itself, so faults can be placed exactly between claiming, sending and recording.
 */
// Its own configuration (mail servers): closed after the class instead of idling in the context
// cache, where its workers would only slow down the end of the run.
@org.springframework.test.annotation.DirtiesContext
class OutboundMailIntegrationTest extends AppIntegrationTest {

	private static final int SMTP_PORT = freePort();

	private static final GreenMail SMTP = startedSmtp();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Actor AGENT = Actor.staff("anne", Channel.STAFF);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("triage.mail.worker-enabled", () -> "false");
		registry.add("triage.mail.support-address", () -> "support@triage.example");
		registry.add("triage.mail.initial-backoff", () -> "100ms");
		registry.add("triage.mail.max-backoff", () -> "200ms");
		registry.add("triage.mail.max-attempts", () -> "1000");
		registry.add("triage.mail.batch-size", () -> "25");
	}

	@Autowired
	OutboxWorker worker;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboundMail outboundMail;

	@Autowired
	JavaMailSender sender;

	@Autowired
	MailProperties properties;

	@Autowired
	IssueManagement management;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		// Mail queued by other test classes goes out in the first round; it is addressed elsewhere.
		worker.runOnce();
		SMTP.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void theAutoReplyReachesTheReporterAndEveryCcWithTheKeyAndWhatIsMissing() throws Exception {
		String reporter = unique("kari");
		JsonNode created = create(request(reporter, false, List.of("ola@acme-shop.no", "per@acme-shop.no")));
		String key = created.get("issueKey").asString();

		worker.runOnce();

		List<MimeMessage> received = mailsOf(key);
		assertThat(received).hasSize(3);
		for (String address : List.of(reporter, "ola@acme-shop.no", "per@acme-shop.no")) {
			assertThat(inbox(address, key)).as(address).hasSize(1);
		}
		MimeMessage mail = inbox(reporter, key).get(0);
		assertThat(mail.getSubject()).isEqualTo("[" + key + "] POST /epayment/v1/payments gives HTTP 400 (4040 Invalid amount)");
		assertThat(addresses(mail, Message.RecipientType.TO)).containsExactly(reporter);
		assertThat(addresses(mail, Message.RecipientType.CC)).containsExactly("ola@acme-shop.no", "per@acme-shop.no");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Developer Support <support@triage.example>");
		assertThat(mail.getReplyTo()[0].toString()).isEqualTo("Developer Support <support@triage.example>");
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-replied");
		assertThat(mail.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
		String body = text(mail);
		assertThat(body).contains("registered as " + key)
			.contains("Merchant serial number (MSN)")
			.contains("keep \"" + key + "\" in the subject")
			.contains("/api/v1/issues/" + key + "/messages")
			.doesNotContain(created.get("followUpToken").asString());
		assertThat(GreenMailUtil.getBody(mail)).contains("<strong>" + key + "</strong>");
		assertThat(mail.getMessageID()).isEqualTo(jdbc.sql("select message_id from mail_outbox where issue_key = ?")
			.param(key).query(String.class).single());
		assertThat(status(key, "AUTO_REPLY")).isEqualTo("SENT");
	}

	@Test
	void aStaffReplyReachesEveryParticipantInTheSameThread() throws Exception {
		String reporter = unique("kari");
		String key = create(request(reporter, true, List.of("ola@acme-shop.no"))).get("issueKey").asString();
		worker.runOnce();
		String autoReply = mailsOf(key).get(0).getMessageID();
		management.addParticipant(key, "lise@acme-shop.no", AGENT);

		management.reply(key, "Your amount must be in øre: 49900 is NOK 499.00. Send value 49900, not 499.", AGENT);
		worker.runOnce();

		for (String address : List.of(reporter, "ola@acme-shop.no", "lise@acme-shop.no")) {
			assertThat(inbox(address, key).stream().filter(m -> header(m, "Auto-Submitted") == null)).as(address)
				.hasSize(1);
		}
		MimeMessage reply = inbox(reporter, key).stream().filter(m -> header(m, "Auto-Submitted") == null)
			.findFirst().orElseThrow();
		assertThat(addresses(reply, Message.RecipientType.CC)).containsExactly("ola@acme-shop.no", "lise@acme-shop.no");
		assertThat(addresses(reply, Message.RecipientType.TO)).containsExactly(reporter);
		assertThat(reply.getSubject()).startsWith("[" + key + "] ");
		assertThat(header(reply, "In-Reply-To")).isEqualTo(autoReply);
		assertThat(header(reply, "References")).contains(autoReply);
		assertThat(text(reply)).contains("in øre").contains("keep \"" + key + "\" in the subject");
	}

	@Test
	void internalNotesAreNeverMailed() throws Exception {
		String key = create(request(unique("kari"), true, List.of())).get("issueKey").asString();
		worker.runOnce();
		int before = mailsOf(key).size();

		management.note(key, "Merchant is on the watch list.", AGENT);
		worker.runOnce();

		assertThat(mailsOf(key)).hasSize(before);
	}

	@Test
	void aNorwegianRequestIsAnsweredInNorwegian() throws Exception {
		ObjectNode request = request(unique("kari"), false, List.of());
		request.put("subject", "Betalingen feiler med HTTP 400");
		request.put("description", "Hei! Vi får feil 400 når vi oppretter betaling. 1. Vi sender forespørselen. "
				+ "2. Vi får 400 tilbake. Det har skjedd hele dagen, og vi har ikke endret noe hos oss.");
		String key = create(request).get("issueKey").asString();

		worker.runOnce();

		String body = text(mailsOf(key).get(0));
		assertThat(body).contains("Henvendelsen din er registrert som " + key).contains("Salgsstednummer (MSN)");
	}

	@Test
	void anIssueThatBecomesCompleteIsAcknowledgedAndStatusChangesReachEveryone() throws Exception {
		JsonNode created = create(request(unique("kari"), false, List.of("ola@acme-shop.no")));
		String key = created.get("issueKey").asString();
		http.postJson("/api/v1/issues/" + key + "/messages", "{\"merchantSerialNumber\": \"123456\"}",
				"Follow-Up-Token", created.get("followUpToken").asString());
		management.update(key, null, new IssueUpdate(IssueStatus.RESOLVED, null, null, null, null), AGENT);

		worker.runOnce();

		Map<String, List<MimeMessage>> byKind = mailsOf(key).stream()
			.collect(Collectors.groupingBy(m -> kindOf(m), java.util.LinkedHashMap::new, Collectors.toList()));
		assertThat(byKind.keySet()).containsExactly("AUTO_REPLY", "COMPLETE", "STATUS");
		assertThat(text(byKind.get("COMPLETE").get(0))).contains("now has everything we need");
		MimeMessage resolved = byKind.get("STATUS").get(0);
		assertThat(text(resolved)).contains("is now resolved").contains("reply to this e-mail and the issue opens again");
		assertThat(resolved.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(byKind.get("STATUS")).hasSize(2);
	}

	@Test
	void aRedirectedRequestIsToldWhereToGo() throws Exception {
		String reporter = unique("shop");
		ObjectNode request = request(reporter, false, List.of());
		request.put("subject", "Where is my settlement report?");
		request.put("description", "We cannot find the settlement report for last week's payouts in the portal.");
		request.remove("httpExchange");
		JsonNode answer = http.postJson("/api/v1/requests", request.toString()).json();
		assertThat(answer.get("outcome").asString()).isEqualTo("REDIRECTED");

		worker.runOnce();

		assertThat(inbox(reporter, null)).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).isEqualTo("Re: Where is my settlement report?");
			assertThat(text(mail)).contains("not something developer support can help with")
				.contains(answer.get("route").get("name").asString());
			assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-replied");
		});
	}

	@Test
	void aRedactedSecretBringsARotationWarningToTheSenderAlone() throws Exception {
		String secret = "Xq8~vR2.nT5_kW9-pL3~mZ7.bY4_cF6-hJ1";
		String reporter = unique("kari");
		ObjectNode request = request(reporter, true, List.of("ola@acme-shop.no"));
		request.put("additionalInfo", "Token call: curl -d 'client_secret=" + secret + "' https://apitest.vipps.no/accesstoken/get");
		String key = create(request).get("issueKey").asString();

		worker.runOnce();

		assertThat(inbox("ola@acme-shop.no", key)).noneMatch(m -> "ROTATION".equals(kindOf(m)));
		List<MimeMessage> rotation = inbox(reporter, key).stream().filter(m -> "ROTATION".equals(kindOf(m))).toList();
		assertThat(rotation).singleElement().satisfies(mail -> {
			assertThat(addresses(mail, Message.RecipientType.TO)).containsExactly(reporter);
			assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
			assertThat(mail.getSubject()).startsWith("Rotate your credentials: [" + key + "]");
			assertThat(text(mail)).contains("client secret");
		});
		for (MimeMessage mail : mailsOf(key)) {
			assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain(secret);
		}
	}

	@Test
	void aSubjectOrAddressWithCrLfCannotAddAHeader() throws Exception {
		String key = "VSD-" + (900000 + (int) (Math.random() * 99999));
		String sneaky = "Payment fails\r\nBcc: attacker@evil.example\r\nX-Injected: yes";
		List<String> cc = List.of("ola@acme-shop.no\r\nBcc: attacker@evil.example", "per@acme-shop.no");

		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> outboundMail.send("STAFF_REPLY", key,
				unique("kari") + "\r\nBcc: attacker@evil.example", cc, sneaky, "body", null, null, Language.EN, List.of()));
		transaction.executeWithoutResult(status -> outboundMail.send("STAFF_REPLY", key, unique("kari"), cc, sneaky,
				"body", null, null, Language.EN, List.of()));
		worker.runOnce();

		assertThat(SMTP.getReceivedMessagesForDomain("evil.example")).isEmpty();
		assertThat(inbox("attacker@evil.example", null)).isEmpty();
		List<MimeMessage> received = mailsOf(key);
		assertThat(received).hasSize(2);
		for (MimeMessage mail : received) {
			assertThat(mail.getHeader("Bcc")).isNull();
			assertThat(mail.getHeader("X-Injected")).isNull();
			assertThat(mail.getSubject()).isEqualTo("Payment fails Bcc: attacker@evil.example X-Injected: yes");
			assertThat(addresses(mail, Message.RecipientType.CC)).doesNotContain("attacker@evil.example");
		}
		// Even a row written past the guard is cleaned on its way out.
		MimeMessage built = worker.toMime(sender, new Outbox.Claimed(UUID.randomUUID(), "<x@triage.example>", "T", key,
				"kari@acme-shop.no", List.of(), sneaky, "body", null, null, List.of(), null, 1));
		assertThat(built.getHeader("X-Injected")).isNull();
		assertThat(built.getSubject()).doesNotContain("\r").doesNotContain("\n");
	}

	@Test
	void automaticMailToOneAddressIsCappedPerHour() {
		String recipient = unique("loop");
		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		for (int i = 0; i < properties.maxAutomaticPerRecipientPerHour() + 3; i++) {
			transaction.executeWithoutResult(status -> outboundMail.send("AUTO_REPLY", null, recipient, List.of(),
					"Out of office", "body", null, "auto-replied", Language.EN, List.of()));
		}

		Map<String, Long> statuses = jdbc.sql("select status from mail_outbox where to_address = ?")
			.param(recipient)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(statuses).containsEntry("PENDING", (long) properties.maxAutomaticPerRecipientPerHour())
			.containsEntry("SUPPRESSED", 3L);
	}

	@Test
	void automaticMailOnCopyCountsTowardsTheCapWhateverTheLetterCase() {
		String watched = unique("copied");
		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		for (int i = 0; i < properties.maxAutomaticPerRecipientPerHour(); i++) {
			String reporter = unique("reporter");
			String copy = i % 2 == 0 ? watched : watched.toUpperCase(java.util.Locale.ROOT);
			transaction.executeWithoutResult(status -> outboundMail.send("AUTO_REPLY", null, reporter, List.of(copy),
					"Auto-reply", "body", null, "auto-replied", Language.EN, List.of()));
		}

		// The cap is reached on copy alone: the next mail to the address is kept but not sent, and
		// the next copy leaves it off.
		transaction.executeWithoutResult(status -> outboundMail.send("AUTO_REPLY", null, watched.toUpperCase(java.util.Locale.ROOT),
				List.of(), "Auto-reply", "body", null, "auto-replied", Language.EN, List.of()));
		String other = unique("reporter");
		transaction.executeWithoutResult(status -> outboundMail.send("AUTO_REPLY", null, other, List.of(watched),
				"Auto-reply", "body", null, "auto-replied", Language.EN, List.of()));

		assertThat(jdbc.sql("select status from mail_outbox where lower(to_address) = lower(?)")
			.param(watched)
			.query(String.class)
			.single()).isEqualTo("SUPPRESSED");
		assertThat(jdbc.sql("select cardinality(cc_addresses) from mail_outbox where to_address = ?")
			.param(other)
			.query(Integer.class)
			.single()).isZero();
		// A person's mail is never capped.
		transaction.executeWithoutResult(status -> outboundMail.send("STAFF_REPLY", null, watched, List.of(), "Reply",
				"body", null, null, Language.EN, List.of()));
		assertThat(jdbc.sql("select status from mail_outbox where to_address = ? and kind = 'STAFF_REPLY'")
			.param(watched)
			.query(String.class)
			.single()).isEqualTo("PENDING");
	}

	@Test
	void theLoopGuardCountsOnlyTheLastHoursMailThatWasSentUpToTheLimit() {
		String address = unique("counted");
		Instant now = Instant.now();
		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> {
			automaticMail(address, "SENT", now.minus(Duration.ofMinutes(59)));
			automaticMail(address.toUpperCase(java.util.Locale.ROOT), "PENDING", now.minus(Duration.ofMinutes(1)));
			automaticMail(address, "SUPPRESSED", now.minus(Duration.ofMinutes(5)));
			automaticMail(address, "SENT", now.minus(Duration.ofMinutes(61)));
			automaticMail(address, "SENT", now.minus(Duration.ofDays(3)));
			status.setRollbackOnly();

			Instant hourAgo = now.minus(Duration.ofHours(1));
			assertThat(outbox.automaticSince(address, hourAgo, 30)).isEqualTo(2);
			assertThat(outbox.automaticSince(address, hourAgo, 1)).isEqualTo(1);
			assertThat(outbox.automaticSince("someone-else@shop.example", hourAgo, 30)).isZero();
		});
	}

	@Test
	void theLoopGuardFindsAnAddressByItsIndexAmongAnHoursTrafficOfAutomaticMail() {
		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			// 20,000 automatic mails to others within the hour, seen by this transaction only; no
			// ANALYZE (it would leave the row count behind): the planner sees the table's pages.
			jdbc.sql("""
					insert into mail_outbox (id, message_id, kind, to_address, cc_addresses, subject, body_text,
					    auto_submitted, status, next_attempt_at, created_at)
					select gen_random_uuid(), '<plan-' || n || '-' || gen_random_uuid() || '@localhost>', 'AUTO_REPLY',
					    'reporter' || n || '@shop.example', array['cc' || n || '@shop.example'], 'Auto-reply', 'body',
					    'auto-replied', 'SENT', now(), now() - (n % 3600) * interval '1 second'
					from generate_series(1, 20000) n""").update();
			java.sql.Timestamp hourAgo = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
			String custom = jdbc.sql("explain (format json) " + Outbox.AUTOMATIC_SINCE)
				.param("address", "CC77@shop.example")
				.param("since", hourAgo)
				.param("limit", properties.maxAutomaticPerRecipientPerHour())
				.query(String.class)
				.single();
			assertThat(custom).contains("mail_outbox_recipient_hour_idx").doesNotContain("Seq Scan");
			// The plan the driver switches to after a statement's fifth run knows no values.
			jdbc.sql("prepare loop_guard(text, timestamptz, int) as " + Outbox.AUTOMATIC_SINCE
				.replace(":address", "$1").replace(":since", "$2").replace(":limit", "$3")).update();
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			String generic = String.join("\n",
					jdbc.sql("explain execute loop_guard('cc77@shop.example', now() - interval '1 hour', 30)")
						.query(String.class)
						.list());
			jdbc.sql("deallocate loop_guard").update();
			assertThat(generic).contains("mail_outbox_recipient_hour_idx").doesNotContain("Seq Scan");
			assertThat(outbox.automaticSince("CC77@shop.example", hourAgo.toInstant(), 30)).isEqualTo(1);
		});
	}

	private void automaticMail(String to, String status, Instant at) {
		jdbc.sql("""
				insert into mail_outbox (id, message_id, kind, to_address, subject, body_text, auto_submitted, status,
				    next_attempt_at, created_at)
				values (gen_random_uuid(), '<' || gen_random_uuid() || '@localhost>', 'AUTO_REPLY', ?, 'Auto-reply', 'body',
				    'auto-replied', ?, ?, ?)""")
			.params(to, status, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.update();
	}

	// ---- faults ------------------------------------------------------------------------

	@Test
	@Tag("fault")
	void mailQueuedWhileSmtpIsDownIsDeliveredOnceWhenItReturns() throws Exception {
		SMTP.stop();
		List<String> keys = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				JsonNode created = create(request(unique("down"), true, List.of()));
				keys.add(created.get("issueKey").asString());
			}
			worker.runOnce();
			assertThat(jdbc.sql("select count(*) from mail_outbox where issue_key in (:keys) and status = 'PENDING' "
					+ "and attempts >= 1 and last_error is not null").param("keys", keys).query(Long.class).single())
				.isEqualTo(50);
		}
		finally {
			SMTP.start();
		}

		Instant deadline = Instant.now().plusSeconds(30);
		while (pending(keys) > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(150);
			worker.runOnce();
		}

		Map<String, Long> copies = received().stream()
			.filter(m -> keys.contains(header(m, "X-Triage-Desk-Issue")))
			.collect(Collectors.groupingBy(OutboundMailIntegrationTest::messageId, Collectors.counting()));
		assertThat(copies).hasSize(50).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from mail_attempt a join mail_outbox o on o.id = a.outbox_id "
				+ "where o.issue_key in (:keys) and a.outcome = 'FAILED'").param("keys", keys).query(Long.class).single())
			.isGreaterThanOrEqualTo(50);
	}

	@Test
	@Tag("fault")
	void aMailSentJustBeforeACrashGoesAgainWithTheSameMessageId() throws Exception {
		String key = create(request(unique("crash"), true, List.of())).get("issueKey").asString();
		// An instance claims the mail and sends it, then dies before recording that it did.
		List<Outbox.Claimed> claimed = outbox.claim("doomed-instance", 1000, Duration.ofMillis(300), Instant.now());
		Outbox.Claimed mail = claimed.stream().filter(c -> key.equals(c.issueKey())).findFirst().orElseThrow();
		sender.send(worker.toMime(sender, mail));
		claimed.stream().filter(c -> c != mail).forEach(c -> {
			try {
				sender.send(worker.toMime(sender, c));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		Thread.sleep(400);
		worker.runOnce();

		List<MimeMessage> copies = mailsOf(key);
		assertThat(copies).hasSize(2);
		assertThat(copies.stream().map(OutboundMailIntegrationTest::messageId).distinct()).containsExactly(mail.messageId());
		assertThat(jdbc.sql("select status || '/' || attempts from mail_outbox where message_id = ?")
			.param(mail.messageId()).query(String.class).single()).isEqualTo("SENT/2");
	}

	@Test
	@Tag("fault")
	void twoWorkersOnOneDatabaseSendEachMailOnce() throws Exception {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			keys.add(create(request(unique("pair"), true, List.of())).get("issueKey").asString());
		}
		OutboxWorker second = new OutboxWorker(outbox, new org.springframework.beans.factory.support.StaticListableBeanFactory(
				Map.of("sender", sender)).getBeanProvider(JavaMailSender.class), properties, java.time.Clock.systemUTC());
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (OutboxWorker w : List.of(worker, second)) {
				rounds.add(pool.submit(() -> {
					start.await();
					return w.runOnce();
				}));
			}
			int sent = 0;
			for (Future<Integer> round : rounds) {
				sent += round.get();
			}
			assertThat(sent).isGreaterThanOrEqualTo(60);
		}
		finally {
			pool.shutdownNow();
		}

		Map<String, Long> copies = received().stream()
			.filter(m -> keys.contains(header(m, "X-Triage-Desk-Issue")))
			.collect(Collectors.groupingBy(OutboundMailIntegrationTest::messageId, Collectors.counting()));
		assertThat(copies).hasSize(60).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		assertThat(jdbc.sql("select count(distinct a.worker) from mail_attempt a join mail_outbox o on o.id = a.outbox_id "
				+ "where o.issue_key in (:keys)").param("keys", keys).query(Long.class).single()).isEqualTo(2);
	}

	// ---- helpers -----------------------------------------------------------------------

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	private long pending(List<String> keys) {
		return jdbc.sql("select count(*) from mail_outbox where issue_key in (:keys) and status <> 'SENT'")
			.param("keys", keys)
			.query(Long.class)
			.single();
	}

	private String status(String key, String kind) {
		return jdbc.sql("select status from mail_outbox where issue_key = ? and kind = ?").param(key).param(kind)
			.query(String.class).single();
	}

	private JsonNode create(ObjectNode request) {
		var response = http.postJson("/api/v1/requests", request.toString());
		assertThat(response.status()).isEqualTo(201);
		return response.json();
	}

	private static ObjectNode request(String reporter, boolean withMsn, List<String> cc) {
		try {
			ObjectNode request = (ObjectNode) JSON.readTree(OutboundMailIntegrationTest.class
				.getResourceAsStream("/samples/requests/complete-epayment-400.json").readAllBytes()).get("request");
			request.putArray("occurredOn").add(LocalDate.now().minusDays(1).toString());
			((ObjectNode) request.get("reporter")).put("email", reporter);
			var ccs = request.putArray("cc");
			cc.forEach(ccs::add);
			if (!withMsn) {
				request.remove("merchantSerialNumber");
				ObjectNode exchange = (ObjectNode) request.get("httpExchange");
				exchange.put("request", exchange.get("request").asString().replace("Merchant-Serial-Number: 123456\n", ""));
			}
			return request;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@acme-shop.no";
	}

	private static List<MimeMessage> received() {
		return Arrays.asList(SMTP.getReceivedMessages());
	}

	/**
	 * The copies GreenMail delivered for an issue (one per recipient), oldest first.
	 */
	private static List<MimeMessage> mailsOf(String key) {
		return received().stream().filter(m -> key.equals(header(m, "X-Triage-Desk-Issue"))).toList();
	}

	private String kindOf(MimeMessage mail) {
		return jdbc.sql("select kind from mail_outbox where message_id = ?").param(messageId(mail)).query(String.class)
			.single();
	}

	private static String messageId(MimeMessage mail) {
		return header(mail, "Message-ID");
	}

	private static String header(MimeMessage mail, String name) {
		try {
			String[] values = mail.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What reached one mailbox, for one issue (or, with a null key, all of it).
	 */
	private static List<MimeMessage> inbox(String address, String key) {
		com.icegreen.greenmail.user.GreenMailUser user = SMTP.getUserManager().getUserByEmail(address);
		if (user == null) {
			return List.of();
		}
		try {
			return SMTP.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
				.map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage)
				.filter(m -> key == null || key.equals(header(m, "X-Triage-Desk-Issue")))
				.toList();
		}
		catch (com.icegreen.greenmail.store.FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> addresses(MimeMessage mail, Message.RecipientType type) throws MessagingException {
		var addresses = mail.getRecipients(type);
		return addresses == null ? List.of()
				: Arrays.stream(addresses).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
	}

	/**
	 * The plain-text part, decoded.
	 */
	private static String text(jakarta.mail.Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = text(multipart.getBodyPart(i));
					if (text != null) {
						return text;
					}
				}
			}
			return null;
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static GreenMail startedSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

}
