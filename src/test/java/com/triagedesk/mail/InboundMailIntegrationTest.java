package com.triagedesk.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;
import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;
import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inbound e-mail through both doors: the support mailbox on GreenMail's IMAP server, polled by the
 * real poller, and {@code POST /api/v1/inbound-email}. A corpus of real-shaped mails
 * ({@code src/test/resources/mail/corpus}) with their expected outcomes, each threading rule, each
 * loop signal, duplicates, quoted history, and an IMAP outage.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
// Its own configuration (mail servers): closed after the class instead of idling in the context
// cache, where its workers would only slow down the end of the run.
@org.springframework.test.annotation.DirtiesContext
class InboundMailIntegrationTest extends AppIntegrationTest {

	private static final String SUPPORT = "support@triage.example";

	private static final int IMAP_PORT = freePort();

	private static GreenMail imap = started();

	private static final Session SESSION = Session.getInstance(new Properties());

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("triage.mail.support-address", () -> SUPPORT);
		registry.add("triage.mail.worker-enabled", () -> "false");
		registry.add("triage.mail.inbound-max-size", () -> "300KB");
		registry.add("triage.mail.imap.host", () -> "127.0.0.1");
		registry.add("triage.mail.imap.port", () -> IMAP_PORT);
		registry.add("triage.mail.imap.protocol", () -> "imap");
		registry.add("triage.mail.imap.username", () -> SUPPORT);
		registry.add("triage.mail.imap.password", () -> "secret");
		// Only the tests poll here, when they choose to.
		registry.add("triage.mail.imap.poll", () -> "1h");
	}

	@Autowired
	ImapPoller poller;

	@Autowired
	MailIntake intake;

	@Autowired
	IssueQueries issues;

	@Autowired
	IssueManagement management;

	@Autowired
	ApiKeys keys;

	@Autowired
	MailProperties properties;

	@Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void emptyMailbox() throws Exception {
		poller.pollOnce();
	}

	@AfterAll
	static void stopImap() {
		imap.stop();
	}

	// ---- the corpus ----------------------------------------------------------------------

	static Stream<Arguments> corpus() throws IOException {
		try (InputStream in = InboundMailIntegrationTest.class.getResourceAsStream("/mail/corpus/expected.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.split(","))
				.map(parts -> Arguments.of(parts[0], parts[1]))
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("corpus")
	void eachMailOfTheCorpusGetsItsOutcomeThroughImap(String file, String expected) throws Exception {
		String run = token();
		deliver(corpusFile(file, run));

		assertThat(poller.pollOnce()).isEqualTo(1);

		Map<String, Object> logged = jdbc.sql("select outcome, reason, issue_key from inbound_mail "
				+ "where (message_id like ? or subject like ?) and received_via = 'IMAP'")
			.param("%" + run + "%")
			.param("%" + run + "%")
			.query()
			.singleRow();
		assertThat(logged.get("outcome")).as(String.valueOf(logged.get("reason"))).isEqualTo(expected);
		if (expected.equals("NEW_ISSUE")) {
			IssueDetails issue = issues.find((String) logged.get("issue_key")).orElseThrow();
			assertThat(issue.channel()).isEqualTo("EMAIL");
			assertThat(issue.messages().get(0).body()).doesNotContain("<script>").doesNotContain("old quoted text");
		}
		else {
			assertThat(logged.get("issue_key")).isNull();
		}
		assertThat(unread()).isZero();
	}

	@Test
	void theCorpusHasAtLeastTwentyMails() throws IOException {
		assertThat(corpus().count()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void aNewRequestByMailBecomesAnIssueWithEveryoneOnCopyAndIsAnsweredInItsThread() throws Exception {
		String run = token();
		deliver(corpusFile("outlook-new-request.eml", run));
		poller.pollOnce();

		IssueDetails issue = issueOfMessage("<" + run + "-outlook-new-request@mail.example>");
		assertThat(issue.participants()).extracting(IssueDetails.Participant::email)
			.containsExactly("kari." + run + "@acme-shop.no", "ola." + run + "@acme-shop.no");
		assertThat(issue.reporter().name()).isEqualTo("Kari Nordmann");
		assertThat(issue.submission().organizationNumber()).isNull();
		assertThat(issue.checklist().items()).filteredOn(i -> i.key().equals("ORGANIZATION_NUMBER"))
			.singleElement()
			.satisfies(i -> assertThat(i.state()).isEqualTo("OK"));
		Map<String, Object> reply = jdbc.sql("select in_reply_to, to_address, subject from mail_outbox where issue_key = ? "
				+ "and kind = 'AUTO_REPLY'").param(issue.key()).query().singleRow();
		assertThat(reply.get("in_reply_to")).isEqualTo("<" + run + "-outlook-new-request@mail.example>");
		assertThat(reply.get("subject")).isEqualTo("[" + issue.key() + "] Capture on ePayment returns 400 in production");
	}

	@Test
	void aSecretInAnAttachedHarIsCutAndTheSenderToldToRotateIt() throws Exception {
		String run = token();
		deliver(corpusFile("with-screenshot-and-har.eml", run));
		poller.pollOnce();

		IssueDetails issue = issueOfMessage("<" + run + "-with-screenshot-and-har@mail.example>");
		assertThat(issue.attachments()).extracting(IssueDetails.Attachment::filename, IssueDetails.Attachment::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("error.png", "IMAGE"),
					org.assertj.core.groups.Tuple.tuple("session.har", "TEXT"));
		String stored = jdbc.sql("select string_agg(convert_from(content, 'UTF8'), '') from attachment a join issue i "
				+ "on i.id = a.issue_id where i.issue_key = ? and a.kind = 'TEXT'").param(issue.key()).query(String.class)
			.single();
		assertThat(stored).doesNotContain("0f14d0ab9605469cb5f1e1a1c0aa3a64").contains("…3a64");
		assertThat(jdbc.sql("select row_to_json(m)::text from inbound_mail m where message_id like ?")
			.param("%" + run + "%").query(String.class).single())
			.contains("session.har")
			.doesNotContain("0f14d0ab9605469cb5f1e1a1c0aa3a64");
		assertThat(jdbc.sql("select count(*) from mail_outbox where issue_key = ? and kind = 'ROTATION'")
			.param(issue.key()).query(Long.class).single()).isEqualTo(1);
	}

	// ---- threading -----------------------------------------------------------------------

	@Test
	void aReplyToOurAutoReplyJoinsTheIssueAndCanCompleteIt() throws Exception {
		String run = token();
		String reporter = "kari." + run + "@acme-shop.no";
		deliver(mail("Kari Nordmann <" + reporter + ">", "Capture fails with HTTP 400", "<" + run + "-first@mail.example>",
				null, "POST /epayment/v1/payments/x/capture returns HTTP 400 in test since 2026-11-30. Org 918713867.\n"
						+ "1. We reserve the payment. 2. We capture it ten minutes later. 3. We get 400 back.\n"
						+ "orderId: order-" + run + "\n\n"
						+ "POST /epayment/v1/payments/order-" + run + "/capture HTTP/1.1\nHost: apitest.vipps.no\n"
						+ "Content-Type: application/json\n\n{\"modificationAmount\":{\"currency\":\"NOK\",\"value\":100}}\n\n"
						+ "HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\"detail\":\"Cannot capture\"}\n\n"
						+ "-- \nKari Nordmann, +47 912 34 567"));
		poller.pollOnce();
		IssueDetails issue = issueOfMessage("<" + run + "-first@mail.example>");
		assertThat(issue.status()).isEqualTo("NEEDS_INFO");
		assertThat(issue.checklist().missing()).extracting(IssueDetails.Item::key).contains("MERCHANT_SERIAL_NUMBER");
		String autoReply = jdbc.sql("select message_id from mail_outbox where issue_key = ? and kind = 'AUTO_REPLY'")
			.param(issue.key()).query(String.class).single();

		deliver(mail("Kari Nordmann <" + reporter + ">", "Re: [" + issue.key() + "] Capture fails with HTTP 400",
				"<" + run + "-second@mail.example>",
				autoReply, "Our MSN is 654321.\n\nDen tir. 1. des. 2026 kl. 10:20 skrev Developer Support <" + SUPPORT + ">:\n"
						+ "> Before we can start, we need a few more things:\n> - Merchant serial number (MSN)\n"));
		poller.pollOnce();

		IssueDetails after = issues.find(issue.key()).orElseThrow();
		assertThat(after.status()).as(after.checklist().missing().toString()).isEqualTo("OPEN");
		assertThat(after.messages()).hasSize(2);
		assertThat(after.messages().get(1).body()).isEqualTo("Our MSN is 654321.");
		assertThat(outcome("<" + run + "-second@mail.example>")).isEqualTo("APPENDED");
	}

	@Test
	void aCcdColleagueReplyingToTheOriginalMailJoinsTheIssue() throws Exception {
		String run = token();
		deliver(corpusFile("outlook-new-request.eml", run));
		poller.pollOnce();
		IssueDetails issue = issueOfMessage("<" + run + "-outlook-new-request@mail.example>");
		String colleague = "ola." + run + "@acme-shop.no";

		deliver(mail(colleague, "RE: Capture on ePayment returns 400 in production", "<" + run + "-colleague@mail.example>",
				"<" + run + "-outlook-new-request@mail.example>", "It also happens for our other shop.\n\n"
						+ "From: Kari Nordmann <kari." + run + "@acme-shop.no>\nSent: Tuesday, December 1, 2026 10:15\n"
						+ "To: Developer Support\nSubject: Capture on ePayment returns 400 in production\n\nHi, ..."));
		poller.pollOnce();

		IssueDetails after = issues.find(issue.key()).orElseThrow();
		assertThat(after.messages()).hasSize(2);
		assertThat(after.messages().get(1).author()).isEqualTo(colleague);
		assertThat(after.messages().get(1).body()).isEqualTo("It also happens for our other shop.");
		assertThat(jdbc.sql("select count(*) from inbound_mail where message_id like ? and outcome = 'NEW_ISSUE'")
			.param("%" + run + "%").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theKeyInTheSubjectThreadsOnlyForParticipants() throws Exception {
		String run = token();
		deliver(corpusFile("auto-submitted-no.eml", run));
		poller.pollOnce();
		IssueDetails issue = issueOfMessage("<" + run + "-auto-submitted-no@mail.example>");
		String reporter = issue.reporter().email();

		deliver(mail(reporter, "More on " + issue.key(), "<" + run + "-participant@mail.example>", null,
				"It started at 09:12 today."));
		deliver(mail("someone." + run + "@elsewhere.example", "Re: [" + issue.key() + "] Refund returns HTTP 409",
				"<" + run + "-stranger@mail.example>", null, "Refund returns HTTP 409 for us too."));
		poller.pollOnce();

		assertThat(outcome("<" + run + "-participant@mail.example>")).isEqualTo("APPENDED");
		assertThat(outcome("<" + run + "-stranger@mail.example>")).isEqualTo("NEW_ISSUE");
		assertThat(issues.find(issue.key()).orElseThrow().messages()).hasSize(2);
	}

	@Test
	void theSameMailDeliveredTwiceMakesOneIssue() throws Exception {
		String run = token();
		byte[] mail = corpusFile("gmail-new-request-html.eml", run);
		deliver(mail);
		deliver(mail);

		assertThat(poller.pollOnce()).isEqualTo(2);

		assertThat(jdbc.sql("select outcome from inbound_mail where message_id = ? order by received_at")
			.param("<" + run + "-gmail-new-request-html@mail.example>").query(String.class).list())
			.containsExactlyInAnyOrder("NEW_ISSUE", "DUPLICATE");
		assertThat(jdbc.sql("select count(*) from issue where subject = 'Recurring agreement creation fails with HTTP 500' "
				+ "and id in (select i.id from issue i join participant p on p.issue_id = i.id where p.email = ?)")
			.param("per." + run + "@gmail.com").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aReplyToAClosedIssueOpensALinkedFollowUp() throws Exception {
		String run = token();
		deliver(corpusFile("auto-submitted-no.eml", run));
		poller.pollOnce();
		IssueDetails issue = issueOfMessage("<" + run + "-auto-submitted-no@mail.example>");
		Actor agent = Actor.staff("anne", Channel.STAFF);
		management.update(issue.key(), null, new IssueUpdate(IssueStatus.RESOLVED, null, null, null, null), agent);
		management.update(issue.key(), null, new IssueUpdate(IssueStatus.CLOSED, null, null, null, null), agent);

		deliver(mail(issue.reporter().email(), "Re: [" + issue.key() + "] Refund returns HTTP 409",
				"<" + run + "-after-close@mail.example>", null, "It is back today."));
		poller.pollOnce();

		Map<String, Object> logged = jdbc.sql("select outcome, issue_key from inbound_mail where message_id = ?")
			.param("<" + run + "-after-close@mail.example>").query().singleRow();
		assertThat(logged.get("outcome")).isEqualTo("FOLLOW_UP_OF_CLOSED");
		IssueDetails followUp = issues.find((String) logged.get("issue_key")).orElseThrow();
		assertThat(followUp.links().followUpOf()).isEqualTo(issue.key());
		assertThat(jdbc.sql("select count(*) from mail_outbox where issue_key = ? and kind = 'AUTO_REPLY'")
			.param(followUp.key()).query(Long.class).single()).isEqualTo(1);
	}

	// ---- limits, outages, the API door -----------------------------------------------------

	@Test
	void aMailTooLargeIsLoggedAndTheSenderToldButNothingElse() throws Exception {
		String run = token();
		String sender = "big." + run + "@shop.example";
		deliver(mail(sender, "Huge logs", "<" + run + "-big@mail.example>", null, "x".repeat(400_000)));

		poller.pollOnce();

		assertThat(outcome("<" + run + "-big@mail.example>")).isEqualTo("REJECTED_TOO_LARGE");
		assertThat(jdbc.sql("select count(*) from mail_outbox where to_address = ? and kind = 'TOO_LARGE'")
			.param(sender).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Tag("fault")
	void aMailProcessedButNotMarkedBeforeACrashIsNotProcessedTwice() throws Exception {
		String run = token();
		byte[] mail = corpusFile("base64-utf8-body.eml", run);
		deliver(mail);
		// The poller processed it and died before marking it read.
		assertThat(intake.ingest(mail, "IMAP").outcome()).isEqualTo("NEW_ISSUE");

		poller.pollOnce();

		assertThat(jdbc.sql("select outcome from inbound_mail where message_id = ? order by received_at")
			.param("<" + run + "-base64-utf8-body@mail.example>").query(String.class).list())
			.containsExactly("NEW_ISSUE", "DUPLICATE");
		assertThat(unread()).isZero();
	}

	@Test
	@Tag("fault")
	void whileTheImapServerIsDownNothingIsLostAndAfterwardsEverythingIsProcessedOnce() throws Exception {
		imap.stop();
		try {
			assertThatThrownBy(() -> poller.pollOnce()).isInstanceOf(jakarta.mail.MessagingException.class);
		}
		finally {
			imap = started();
		}
		String run = token();
		deliver(corpusFile("gmail-new-request-html.eml", run));
		deliver(corpusFile("auto-submitted-no.eml", run));

		assertThat(poller.pollOnce()).isEqualTo(2);
		assertThat(poller.pollOnce()).isZero();

		assertThat(jdbc.sql("select count(*) from inbound_mail where message_id like ? and outcome = 'NEW_ISSUE'")
			.param("%" + run + "%").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void noSecretOfAMailReachesTheDatabaseOrTheOutbox(org.springframework.boot.test.system.CapturedOutput output)
			throws Exception {
		String run = token();
		deliver(corpusFile("secret-in-body.eml", run));
		deliver(corpusFile("out-of-office-auto-submitted.eml", run));

		poller.pollOnce();

		String everything = jdbc.sql("select coalesce(string_agg(row_to_json(m)::text, ','), '') from inbound_mail m "
				+ "where message_id like ?").param("%" + run + "%").query(String.class).single()
				+ jdbc.sql("select coalesce(string_agg(row_to_json(o)::text, ','), '') from mail_outbox o "
						+ "where to_address like ?").param("%" + run + "%").query(String.class).single()
				+ jdbc.sql("select coalesce(string_agg(row_to_json(m)::text, ','), '') from message m "
						+ "where author like ?").param("%" + run + "%").query(String.class).single();
		assertThat(everything).contains("accesstoken")
			.doesNotContain("Xq8~vR2.nT5_kW9-pL3~mZ7.bY4_cF6-hJ1")
			.doesNotContain("0f14d0ab9605469cb5f1e1a1c0aa3a64");
		assertThat(output.getAll()).doesNotContain("Xq8~vR2.nT5_kW9").doesNotContain("0f14d0ab9605469cb5f1e1a1c0aa3a64");
	}

	@Test
	void hostileMailsAreLoggedAndNeverStopTheMailbox() throws Exception {
		String run = token();
		byte[] nul = mail("Kari \u0000Nordmann <nul." + run + "@shop.example>", "Capture fails\u0000 (" + run + ")",
				"<" + run + "-nul@x>", null, "POST /epayment/v1/payments/x/capture returns\u0000 HTTP 400.");
		byte[] longSender = mail("x".repeat(400) + "@shop.example", "Long sender (" + run + ")", "<" + run + "-long@x>",
				null, "Hello");
		StringBuilder bomb = new StringBuilder("From: bomb." + run + "@shop.example\r\nSubject: bomb\r\nMessage-ID: <" + run
				+ "-bomb@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
		for (int i = 0; i < 3000; i++) {
			bomb.append("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n");
		}
		byte[] hugeHeader = mail("head." + run + "@shop.example", "y".repeat(200_000), "<" + run + "-head@x>", null, "x");
		deliver(nul);
		deliver(longSender);
		deliver(bomb.toString().getBytes(StandardCharsets.UTF_8));
		deliver(hugeHeader);

		assertThat(poller.pollOnce()).isEqualTo(4);

		assertThat(outcome("<" + run + "-nul@x>")).isEqualTo("NEW_ISSUE");
		assertThat(issueOfMessage("<" + run + "-nul@x>").messages().get(0).body()).doesNotContain("\u0000");
		assertThat(outcome("<" + run + "-long@x>")).isEqualTo("QUARANTINED_LOOP");
		assertThat(jdbc.sql("select outcome, reason from inbound_mail where reason like '%boundaries%' or reason like '%headers%' "
				+ "order by received_at desc limit 2").query().listOfRows())
			.extracting(row -> row.get("outcome"))
			.containsOnly("FAILED");
		assertThat(unread()).isZero();
	}

	@Test
	void aUtf16LogFileIsReadAndItsSecretCut() throws Exception {
		String run = token();
		byte[] log = ("\uFEFFPOST /accesstoken/get HTTP/1.1\r\nclient_secret: Zx9aB3kLmN0pQrStUvWxYz12345678\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
		String body = "From: Kari Nordmann <u16." + run + "@shop.example>\r\nSubject: Token fails with 401\r\n"
				+ "Message-ID: <" + run + "-u16@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n"
				+ "--m\r\nContent-Type: text/plain\r\n\r\nThe token call returns HTTP 401, log attached.\r\n"
				+ "--m\r\nContent-Type: text/plain; name=request.log\r\nContent-Disposition: attachment; filename=request.log\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(log)
				+ "\r\n--m--\r\n";

		assertThat(intake.ingest(body.getBytes(StandardCharsets.UTF_8), "API").outcome()).isEqualTo("NEW_ISSUE");

		IssueDetails issue = issueOfMessage("<" + run + "-u16@x>");
		String stored = jdbc.sql("select convert_from(content, 'UTF8') from attachment a join issue i on i.id = a.issue_id "
				+ "where i.issue_key = ?").param(issue.key()).query(String.class).single();
		assertThat(stored).contains("client_secret").doesNotContain("Zx9aB3kLmN0pQrStUvWxYz12345678");
		assertThat(jdbc.sql("select count(*) from mail_outbox where issue_key = ? and kind = 'ROTATION'")
			.param(issue.key()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aNewRequestKeepsCurlsQuotedLinesAndAForwardedMail() {
		String run = token();
		String verbose = "POST /epayment/v1/payments returns HTTP 400 in test. curl -v output:\n"
				+ "> POST /epayment/v1/payments HTTP/1.1\n> Host: apitest.vipps.no\n> Content-Type: application/json\n>\n"
				+ "< HTTP/1.1 400 Bad Request\n\n---------- Forwarded message ---------\nFrom: Dev <dev@shop.example>\n"
				+ "Date: Mon, 30 Nov 2026\n\nThe developer's notes: it started after our release.";

		intake.ingest(mail("Kari Nordmann <curl." + run + "@shop.example>", "ePayment 400 (" + run + ")",
				"<" + run + "-curl@x>", null, verbose), "API");

		String body = issueOfMessage("<" + run + "-curl@x>").messages().get(0).body();
		assertThat(body).contains("> Host: apitest.vipps.no").contains("it started after our release");
	}

	@Test
	void theLoopGuardCountsEveryoneOnCopy() {
		String run = token();
		String victim = "victim." + run + "@elsewhere.example";
		for (int i = 0; i < 32; i++) {
			intake.ingest(("From: Sender " + i + " <s" + i + "." + run + "@shop.example>\r\nTo: " + SUPPORT + "\r\nCc: " + victim
					+ "\r\nSubject: Capture returns HTTP 400 (" + i + ")\r\nMessage-ID: <" + run + "-cc-" + i
					+ "@x>\r\n\r\nPOST /epayment/v1/payments/x/capture returns HTTP 400.\r\n").getBytes(StandardCharsets.UTF_8),
					"API");
		}

		long copies = jdbc.sql("select count(*) from mail_outbox where ? = any(cc_addresses) and auto_submitted is not null")
			.param(victim).query(Long.class).single();
		assertThat(copies).isEqualTo(30);
	}

	@Test
	void anHtmlMailKeepsBackslashesAsWritten() {
		String run = token();
		String html = "<html><body><p>Our body: {\"message\":\"line1\\nline2\"} and C:\\new\\test</p><p>Next</p></body></html>";
		String raw = "From: Kari Nordmann <html." + run + "@shop.example>\r\nSubject: HTML (" + run + ")\r\nMessage-ID: <" + run
				+ "-html@x>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n";

		intake.ingest(raw.getBytes(StandardCharsets.UTF_8), "API");

		String body = issueOfMessage("<" + run + "-html@x>").messages().get(0).body();
		assertThat(body).contains("line1\\nline2").contains("C:\\new\\test").contains("\nNext");
	}

	@Test
	void aSenderWhoFloodsTheMailboxIsQuarantinedAfterTheLimit() {
		String run = token();
		String sender = "flood." + run + "@shop.example";
		List<String> outcomes = new java.util.ArrayList<>();
		for (int i = 0; i < 22; i++) {
			outcomes.add(intake.ingest(mail(sender, "Refund returns HTTP 409, attempt " + i, "<" + run + "-" + i + "@x>", null,
					"POST /epayment/v1/payments/x/refund returns HTTP 409."), "API").outcome());
		}

		assertThat(outcomes.subList(0, 20)).doesNotContain("QUARANTINED_LOOP");
		assertThat(outcomes.subList(20, 22)).containsOnly("QUARANTINED_LOOP");
		assertThat(jdbc.sql("select reason from inbound_mail where message_id = ?").param("<" + run + "-21@x>")
			.query(String.class).single()).contains("within an hour");
	}

	@Test
	@Tag("fault")
	void twoPollersOnOneMailboxProcessEachMailOnce() throws Exception {
		String run = token();
		for (int i = 0; i < 8; i++) {
			deliver(mail("many." + run + "." + i + "@shop.example", "Cancel returns HTTP 400 (" + i + ")",
					"<" + run + "-many-" + i + "@x>", null, "POST /epayment/v1/payments/x/cancel returns HTTP 400."));
		}
		ImapPoller second = new ImapPoller(intake, properties, dataSource);
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var rounds = List.of(pool.submit(() -> {
				start.await();
				return poller.pollOnce();
			}), pool.submit(() -> {
				start.await();
				return second.pollOnce();
			}));
			int processed = rounds.get(0).get() + rounds.get(1).get();
			processed += poller.pollOnce();
			assertThat(processed).isEqualTo(8);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(jdbc.sql("select outcome from inbound_mail where message_id like ?").param("<" + run + "-many-%")
			.query(String.class).list()).hasSize(8).containsOnly("NEW_ISSUE");
	}

	@Test
	void mailGatewaysPostRawMessagesWithAMailIngestKey() throws Exception {
		String run = token();
		String key = keys.create("gateway", Set.of(ApiScope.MAIL_INGEST), "test").key();
		byte[] mail = corpusFile("gmail-new-request-html.eml", run);

		TestHttp.Response first = postRaw(mail, key);
		TestHttp.Response again = postRaw(mail, key);
		TestHttp.Response anonymous = postRaw(mail, null);
		TestHttp.Response wrongScope = postRaw(mail, keys.create("reader", Set.of(ApiScope.ISSUES_READ), "test").key());

		assertThat(first.status()).isEqualTo(200);
		JsonNode body = first.json();
		assertThat(body.get("outcome").asString()).isEqualTo("NEW_ISSUE");
		assertThat(body.get("issueKey").asString()).matches("VSD-\\d{6,}");
		assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(again.json().get("issueKey").asString()).isEqualTo(body.get("issueKey").asString());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(wrongScope.status()).isEqualTo(403);
		TestHttp.Response log = http.get("/api/v1/inbound-email?issueKey=" + body.get("issueKey").asString(),
				"Authorization", "Bearer " + keys.create("staff", Set.of(ApiScope.ISSUES_READ), "test").key());
		assertThat(log.json().valueStream().map(e -> e.get("outcome").asString())).containsExactlyInAnyOrder("NEW_ISSUE",
				"DUPLICATE");
	}

	// ---- helpers -----------------------------------------------------------------------

	private TestHttp.Response postRaw(byte[] mail, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url("/api/v1/inbound-email")))
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mail));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return http.send(request.build());
	}

	private IssueDetails issueOfMessage(String messageId) {
		String key = jdbc.sql("select issue_key from inbound_mail where message_id = ? and outcome <> 'DUPLICATE'")
			.param(messageId).query(String.class).single();
		return issues.find(key).orElseThrow();
	}

	private String outcome(String messageId) {
		return jdbc.sql("select outcome from inbound_mail where message_id = ? and outcome <> 'DUPLICATE'")
			.param(messageId).query(String.class).single();
	}

	private static byte[] mail(String from, String subject, String messageId, String inReplyTo, String body) {
		StringBuilder mail = new StringBuilder();
		mail.append("From: ").append(from).append("\r\nTo: ").append(SUPPORT).append("\r\nSubject: ").append(subject)
			.append("\r\nMessage-ID: ").append(messageId).append("\r\nDate: Tue, 1 Dec 2026 11:00:00 +0100\r\n");
		if (inReplyTo != null) {
			mail.append("In-Reply-To: ").append(inReplyTo).append("\r\nReferences: ").append(inReplyTo).append("\r\n");
		}
		mail.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
			.append(body.replace("\n", "\r\n"))
			.append("\r\n");
		return mail.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] corpusFile(String name, String run) throws IOException {
		try (InputStream in = InboundMailIntegrationTest.class.getResourceAsStream("/mail/corpus/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{RUN}}", run)
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	private static void deliver(byte[] raw) throws Exception {
		GreenMailUser support = imap.getUserManager().getUserByEmail(SUPPORT);
		support.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
	}

	private static long unread() throws Exception {
		GreenMailUser support = imap.getUserManager().getUserByEmail(SUPPORT);
		return imap.getManagers().getImapHostManager().getInbox(support).getMessages().stream()
			.filter(m -> !m.getFlags().contains(Flags.Flag.SEEN))
			.count();
	}

	private static String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static GreenMail started() {
		GreenMail greenMail = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		greenMail.start();
		greenMail.setUser(SUPPORT, SUPPORT, "secret");
		return greenMail;
	}

}
