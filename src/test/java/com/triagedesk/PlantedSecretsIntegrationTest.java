package com.triagedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jsoup.Jsoup;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run with planted secrets: every way a developer (or staff) can hand the app text — the
 * API as JSON and multipart with files, follow-ups, the public web form and its live check, e-mail
 * through the API and through SMTP and the IMAP poller, staff replies, notes, escalations and
 * splits, and requests that are refused — carries fresh secrets of every kind the redactor knows,
 * in every place they turn up in practice. Afterwards none of them may be in the log (every event
 * with its arguments and throwables, the application at DEBUG), in any row of any table, in any
 * mail sent, webhook queued or API answer given: not whole, not their middle, not base64- or
 * URL-encoded. Nor may the credentials the app hands out (API keys, follow-up tokens), which it
 * keeps only as hashes.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.com.triagedesk=DEBUG", "triage.mail.poll=300ms",
		"triage.mail.initial-backoff=200ms", "triage.mail.max-backoff=500ms", "triage.mail.inbound-max-size=200KB",
		"triage.mail.imap.poll=300ms", "triage.webhooks.allow-http-localhost=true",
		"triage.webhooks.allow-private-addresses=true",
		// Deliveries stay queued, each with its payload in the database dump: a worker of another
		// context in this JVM would refuse the local address and could switch the subscription off.
		"triage.webhooks.worker-enabled=false" })
// Its own mail servers and workers: closed after the class rather than idling in the context cache.
@DirtiesContext
class PlantedSecretsIntegrationTest extends AppIntegrationTest {

	private static final String SUPPORT = "support@planted.example";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SMTP_PORT = freePort();

	private static final int IMAP_PORT = freePort();

	private static final GreenMail MAIL = startedMail();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("triage.mail.support-address", () -> SUPPORT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("triage.mail.imap.host", () -> "127.0.0.1");
		registry.add("triage.mail.imap.port", () -> IMAP_PORT);
		registry.add("triage.mail.imap.protocol", () -> "imap");
		registry.add("triage.mail.imap.username", () -> SUPPORT);
		registry.add("triage.mail.imap.password", () -> "mailbox-password");
	}

	@Autowired
	ApiKeys keys;

	@Autowired
	StaffUsers staffUsers;

	private final PlantedSecrets secrets = new PlantedSecrets();

	private final Set<String> channels = new LinkedHashSet<>();

	/** Every answer the app gave, to be searched like the log. */
	private final List<String> answers = new ArrayList<>();

	private final Map<String, String> markers = new LinkedHashMap<>();

	/** The follow-up token of each issue opened through the API, by key. */
	private final Map<String, String> followUpTokens = new LinkedHashMap<>();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private LogRecorder log;

	private String writer;

	private String ingest;

	private String webhookSubscription;

	@BeforeEach
	void record() {
		log = LogRecorder.attach();
	}

	@AfterEach
	void stopRecording() {
		log.detach();
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Test
	void noPlantedSecretIsLoggedStoredMailedOrAnsweredAfterAFullRunThroughEveryChannel(CapturedOutput output)
			throws Exception {
		writer = keys.create("planted-staff-" + run,
				Set.of(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE, ApiScope.WEBHOOKS_MANAGE), "test").key();
		ingest = keys.create("planted-gateway-" + run, Set.of(ApiScope.MAIL_INGEST), "test").key();
		secrets.credential("API_KEY", "the staff key's Authorization header", writer);
		secrets.credential("API_KEY", "the mail gateway's Authorization header", ingest);
		subscribeWebhook();

		String jsonIssue = jsonRequest();
		String multipartIssue = multipartRequest();
		checkedOnly();
		redirectedAndConverted();
		followUps(jsonIssue, multipartIssue);
		webForm();
		String mailIssue = mailThroughTheApi();
		mailThroughSmtpAndImap(mailIssue);
		staff(jsonIssue);
		dashboard(multipartIssue);
		refused(jsonIssue);
		rawHttpThatTomcatRefuses();

		awaitOutbox();
		long webhooks = jdbc.sql("select count(*) from webhook_delivery where subscription_id = ?::uuid")
			.param(webhookSubscription).query(Long.class).single();
		List<String> sentMails = sentMails();
		DatabaseCopy.Dump dump;
		try (Connection connection = DatabaseCopy.open(TestDatabase.properties())) {
			dump = DatabaseCopy.dump(connection);
		}

		// What the searches see: the log at DEBUG, stored rows, decoded files, mails, webhook payloads.
		assertThat(log.count(Level.DEBUG)).as("DEBUG events recorded").isPositive();
		assertThat(output.getAll()).contains("IMAP mail processed");
		markers.forEach((where, marker) -> assertThat(dump.text()).as("marker %s in the dump", where).contains(marker));
		assertThat(sentMails).as("mails sent").hasSizeGreaterThanOrEqualTo(5);
		assertThat(String.join("\n", sentMails)).contains(markers.get("staff reply"));
		assertThat(webhooks).as("webhook deliveries queued").isPositive();

		// Every leak at once: each names the secret's kind, where it was planted and what surrounds it.
		SoftAssertions leaks = new SoftAssertions();
		leaks.assertThat(secrets.findIn(log.text())).as("planted secrets in the recorded log events").isEmpty();
		leaks.assertThat(secrets.findIn(output.getAll())).as("planted secrets in the console output").isEmpty();
		leaks.assertThat(secrets.findIn(dump.text())).as("planted secrets in the database dump").isEmpty();
		leaks.assertThat(secrets.findIn(String.join("\n", sentMails))).as("planted secrets in the mails sent").isEmpty();
		// The answers are the one place the app's own credentials belong: a new issue's token is shown once.
		leaks.assertThat(secrets.findIn(String.join("\n", answers), secret -> !secret.kind().equals("FOLLOW_UP_TOKEN")))
			.as("planted secrets in the answers")
			.isEmpty();
		leaks.assertAll();

		System.out.printf("Planted secrets: %d secrets of %d kinds through %d channels; log: %d events (%d DEBUG), "
				+ "%d console characters; database: %d tables, %d rows, %d bytes, %d bytea values decoded; "
				+ "%d mails sent, %d webhook deliveries, %d answers%n", secrets.all().size(), secrets.kinds(), channels.size(),
				log.events().size(), log.count(Level.DEBUG), output.getAll().length(), dump.tables(), dump.rows(),
				dump.bytes(), dump.byteaValues(), sentMails.size(), webhooks, answers.size());
	}

	// ---- the API ---------------------------------------------------------------------------

	/**
	 * A request with a secret in every field developers paste them into, sent twice with the same
	 * Idempotency-Key (the first answer is kept for the retry).
	 */
	private String jsonRequest() {
		String channel = channel("API JSON");
		String marker = marker("API JSON description");
		String body = requestJson(run + "-json", "Capture fails; our client secret is " + secrets.clientSecret(channel + " subject"),
				"1. We get a token. 2. We capture. 3. We get HTTP 500. " + marker + "\n"
						+ "curl -X POST https://apitest.vipps.no/accesstoken/get -H 'client_id: 0b3b1b2c-4d5e' -H 'client_secret: "
						+ secrets.clientSecret(channel + " curl -H") + "' -H 'Ocp-Apim-Subscription-Key: "
						+ secrets.subscriptionKey(channel + " curl -H") + "'\n"
						+ "curl -u 0b3b1b2c-4d5e:" + secrets.basicPassword(channel + " curl -u") + " https://apitest.vipps.no\n"
						+ "GET /report/v2/ledgers?subscription-key=" + secrets.subscriptionKey(channel + " query string")
						+ "&x=1\n"
						+ "Our database: jdbc:postgresql://shop:" + secrets.urlPassword(channel + " URL credentials")
						+ "@db.shop.example/orders\n"
						+ "webhook: {\"id\":\"c3f8\",\"secret\":\"" + secrets.webhookSecret(channel + " webhook JSON") + "\"}\n"
						+ "Authorization: Basic " + secrets.basicCredentials(channel + " Basic header") + "\n"
						+ "Passordet er " + secrets.password(channel + " Norwegian prose"),
				"Kari Nordmann", "POST /epayment/v1/payments/order-1/capture HTTP/1.1\nHost: apitest.vipps.no\n"
						+ "Authorization: Bearer " + secrets.jwt(channel + " httpExchange.request") + "\n"
						+ "Ocp-Apim-Subscription-Key: " + secrets.subscriptionKey(channel + " httpExchange.request")
						+ "\nMerchant-Serial-Number: 123456\n\n{\"modificationAmount\":{\"currency\":\"NOK\",\"value\":100}}",
				"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"token_type\":\"Bearer\",\"access_token\":\""
						+ secrets.jwt(channel + " httpExchange.response") + "\"}",
				"VIPPS_CLIENT_SECRET=" + secrets.clientSecret(channel + " additionalInfo .env") + "\nVIPPS_WEBHOOK_SECRET="
						+ secrets.webhookSecret(channel + " additionalInfo .env") + "\n"
						+ secrets.privateKey(channel + " additionalInfo PEM"));
		String idempotency = UUID.randomUUID().toString();
		TestHttp.Response first = answer(http.postJson("/api/v1/requests", body, "Idempotency-Key", idempotency));
		TestHttp.Response again = answer(http.postJson("/api/v1/requests", body, "Idempotency-Key", idempotency));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		JsonNode created = first.json();
		assertThat(created.get("redactionCount").asInt()).isGreaterThanOrEqualTo(12);
		// The retry has to give the token back, or a client that lost the first answer could never follow up.
		assertThat(again.json().get("followUpToken").asString()).isEqualTo(created.get("followUpToken").asString());
		followUpTokens.put(created.get("issueKey").asString(), secrets.credential("FOLLOW_UP_TOKEN",
				channel + " answer's followUpToken", created.get("followUpToken").asString()));
		return created.get("issueKey").asString();
	}

	/**
	 * Multipart with a HAR file and a log, and secrets in the query string of the address.
	 */
	private String multipartRequest() {
		String channel = channel("API multipart");
		String harMarker = marker("HAR attachment");
		String har = """
				{"log": {"version": "1.2", "creator": {"name": "%s", "version": "1"}, "entries": [{
				  "request": {"method": "POST", "url": "https://apitest.vipps.no/epayment/v1/payments?subscription-key=%s",
				    "headers": [{"name": "Authorization", "value": "Bearer %s"},
				                {"name": "Ocp-Apim-Subscription-Key", "value": "%s"},
				                {"name": "Cookie", "value": "session=%s"}],
				    "queryString": [{"name": "subscription-key", "value": "%s"}],
				    "postData": {"mimeType": "application/x-www-form-urlencoded",
				                 "text": "grant_type=client_credentials&client_secret=%s&scope=x"}},
				  "response": {"status": 401, "statusText": "Unauthorized",
				    "headers": [{"name": "Content-Type", "value": "application/json"}],
				    "content": {"mimeType": "application/json", "text": "{\\"access_token\\": \\"%s\\"}"}}}]}}
				""".formatted(harMarker, secrets.subscriptionKey(channel + " HAR url"), secrets.jwt(channel + " HAR header"),
				secrets.subscriptionKey(channel + " HAR header"), secrets.opaqueToken(channel + " HAR cookie"),
				secrets.subscriptionKey(channel + " HAR queryString"), secrets.clientSecret(channel + " HAR postData"),
				secrets.jwt(channel + " HAR response content"));
		String logMarker = marker("log attachment");
		String logFile = "2026-11-20 10:15:00 DEBUG " + logMarker + " POST https://kari:"
				+ secrets.urlPassword(channel + " log URL credentials") + "@api.shop.example/callback\n"
				+ "2026-11-20 10:15:01 DEBUG headers: {\"client_secret\":[\"" + secrets.clientSecret(channel + " log header dump")
				+ "\"]}\n2026-11-20 10:15:02 DEBUG password=" + secrets.password(channel + " log password") + "\n";
		Multipart multipart = new Multipart()
			.json("request", requestJson(run + "-multipart", "Payment creation fails with 401",
					"1. We create a payment. 2. We get HTTP 401. Ocp-Apim-Subscription-Key is "
							+ secrets.subscriptionKey(channel + " description prose"),
					"Ola", null, null, null))
			.part("files", "session.har", "application/json", har.getBytes(StandardCharsets.UTF_8))
			.part("files", "debug.log", "text/plain", logFile.getBytes(StandardCharsets.UTF_8));
		TestHttp.Response created = answer(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/requests?subscription-key="
				+ secrets.subscriptionKey(channel + " address query string") + "&access_token="
				+ secrets.jwt(channel + " address query string"))))
			.header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String key = created.json().get("issueKey").asString();
		followUpTokens.put(key, secrets.credential("FOLLOW_UP_TOKEN", channel + " answer's followUpToken",
				created.json().get("followUpToken").asString()));
		return key;
	}

	/**
	 * The lint: nothing stored, but it runs through redaction and must log nothing either.
	 */
	private void checkedOnly() {
		String channel = channel("API check");
		TestHttp.Response checked = answer(http.postJson("/api/v1/requests/check", requestJson(run + "-check",
				"Token fails", "Authorization: Bearer " + secrets.jwt(channel + " description") + "\nclient_secret="
						+ secrets.clientSecret(channel + " description") + "&grant_type=client_credentials",
				null, null, null, null)));
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
	}

	/**
	 * A request that belongs elsewhere is kept as a redirect, and staff turn it into an issue.
	 */
	private void redirectedAndConverted() {
		String channel = channel("API redirect");
		String body = requestJson(run + "-redirect", "Settlement report is missing payouts",
				"Our settlement report is missing the payouts for last week, the fees look wrong too. Our password="
						+ secrets.password(channel + " description") + " and client_secret: "
						+ secrets.clientSecret(channel + " description"),
				null, null, null, null);
		TestHttp.Response redirected = answer(http.postJson("/api/v1/requests", body));
		assertThat(redirected.status()).as(redirected.body()).isEqualTo(200);
		assertThat(redirected.json().get("outcome").asString()).isEqualTo("REDIRECTED");
		TestHttp.Response converted = answer(http.postJson("/api/v1/redirects/"
				+ redirected.json().get("redirectId").asString() + "/issue", "", "Authorization", "Bearer " + writer));
		assertThat(converted.status()).as(converted.body()).isIn(200, 201);
	}

	/**
	 * Follow-ups with the token, as JSON and as multipart with a file.
	 */
	private void followUps(String jsonIssue, String multipartIssue) {
		String channel = channel("API follow-up");
		String body = json(Map.of("text", "Here is the call again: curl -H \"Authorization: Bearer "
				+ secrets.jwt(channel + " text") + "\" https://apitest.vipps.no/epayment/v1/payments",
				"merchantSerialNumber", "123456",
				"httpExchange", Map.of("request", "GET /epayment/v1/payments/x HTTP/1.1\nOcp-Apim-Subscription-Key: "
						+ secrets.subscriptionKey(channel + " httpExchange.request")),
				"additionalInfo", "password: " + secrets.password(channel + " additionalInfo")));
		TestHttp.Response added = answer(http.postJson("/api/v1/issues/" + jsonIssue + "/messages", body,
				"Follow-Up-Token", followUpTokens.get(jsonIssue), "Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		String fileMarker = marker("follow-up file");
		Multipart multipart = new Multipart()
			.json("request", json(Map.of("text", "The .env we use is attached.")))
			.part("files", "app.env", "text/plain", (fileMarker + "\nVIPPS_CLIENT_SECRET="
					+ secrets.clientSecret(channel + " attached .env") + "\nVIPPS_SUBSCRIPTION_KEY="
					+ secrets.subscriptionKey(channel + " attached .env") + "\n").getBytes(StandardCharsets.UTF_8));
		TestHttp.Response withFile = answer(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/issues/"
				+ multipartIssue + "/messages")))
			.header("Content-Type", multipart.contentType())
			.header("Follow-Up-Token", followUpTokens.get(multipartIssue))
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build()));
		assertThat(withFile.status()).as(withFile.body()).isEqualTo(201);
	}

	// ---- the public web form ---------------------------------------------------------------

	private void webForm() throws Exception {
		String channel = channel("web form");
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String csrf = Jsoup.parse(page(browser, "/").body()).select("input[name=_csrf]").attr("value");
		assertThat(csrf).isNotBlank();

		HttpResponse<String> checked = browser.send(form("/check", Map.of("_csrf", csrf, "subject", "Token fails",
				"description", "Authorization: Bearer " + secrets.jwt(channel + " live check description"), "email",
				"kari." + run + "@acme-shop.example")), HttpResponse.BodyHandlers.ofString());
		assertThat(checked.statusCode()).isEqualTo(200);
		answers.add(checked.body());

		String marker = marker("web form description");
		Multipart multipart = new Multipart();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("subject", "Capture returns 500; client_secret: " + secrets.clientSecret(channel + " subject"));
		fields.put("description", "1. We capture. 2. We get HTTP 500. " + marker + "\nOur client secret is "
				+ secrets.clientSecret(channel + " description prose"));
		fields.put("name", "Web Reporter");
		fields.put("email", "web." + run + "@acme-shop.example");
		fields.put("httpRequest", "POST /epayment/v1/payments/x/capture HTTP/1.1\nAuthorization: Bearer "
				+ secrets.jwt(channel + " httpRequest"));
		fields.put("httpResponse", "HTTP/1.1 500 Internal Server Error\n\n{\"detail\":\"x\"}");
		fields.put("additionalInfo", "redis://:" + secrets.urlPassword(channel + " additionalInfo URL") + "@cache.shop.example:6379");
		fields.forEach((name, value) -> multipart.part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
		multipart.part("files", "console.txt", "text/plain", ("Ocp-Apim-Subscription-Key: "
				+ secrets.subscriptionKey(channel + " attached file")).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(http.url("/requests")))
			.header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		String status = sent.headers().firstValue("Location").orElseThrow();
		String path = URI.create(status).getRawPath();
		String token = java.net.URLDecoder.decode(status.substring(status.indexOf("token=") + 6), StandardCharsets.UTF_8);
		secrets.credential("FOLLOW_UP_TOKEN", channel + " status page token", token);
		answers.add(page(browser, status).body());

		HttpResponse<String> added = browser.send(form(path, Map.of("_csrf", csrf, "token", token, "text",
				"The token we got: {\"access_token\": \"" + secrets.jwt(channel + " status page follow-up") + "\"}")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(added.statusCode()).isEqualTo(302);
		answers.add(page(browser, status).body());

		// A refused form (the address is no address) is shown again to fix: nothing stored, nothing logged.
		HttpResponse<String> refused = browser.send(form("/requests", Map.of("_csrf", csrf, "subject", "Refund fails",
				"description", "password=" + secrets.password(channel + " refused form description"), "email",
				"not an address")), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
		URI address = path.startsWith("http") ? URI.create(path) : URI.create(http.url(path));
		return browser.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest form(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
			.append(encode(value)));
		return HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	// ---- e-mail ----------------------------------------------------------------------------

	/**
	 * A mail gateway posts a mail with secrets in the subject, the display names of sender and
	 * copy, a header, the body and two attached files.
	 */
	private String mailThroughTheApi() throws Exception {
		String channel = channel("inbound e-mail API");
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
		String sender = "mailer." + run + "@acme-shop.example";
		mail.setFrom(new InternetAddress(sender, "Kari Nordmann password: " + secrets.password(channel + " From display name"),
				"UTF-8"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setRecipients(Message.RecipientType.CC, new InternetAddress[] {
				new InternetAddress("ola." + run + "@acme-shop.example",
						"Ola client_secret: " + secrets.clientSecret(channel + " CC display name"), "UTF-8"),
				new InternetAddress("per." + run + "@acme-shop.example",
						"Per Bearer " + secrets.opaqueToken(channel + " CC display name"), "UTF-8") });
		mail.setSubject("Capture fails, Ocp-Apim-Subscription-Key: " + secrets.subscriptionKey(channel + " Subject"), "UTF-8");
		mail.setHeader("X-Client-Secret", secrets.clientSecret(channel + " X-Client-Secret header"));
		mail.setHeader("Message-ID", "<" + run + "-api@mail.acme-shop.example>");
		MimeBodyPart text = new MimeBodyPart();
		String bodyMarker = marker("mail body");
		text.setText("Hi,\n1. We capture. 2. We get HTTP 400. " + bodyMarker + "\nOur client secret is "
				+ secrets.clientSecret(channel + " body prose") + "\nAuthorization: Bearer " + secrets.jwt(channel + " body header")
				+ "\nhttps://kari:" + secrets.urlPassword(channel + " body URL credentials") + "@api.shop.example/x\n\n-- \nKari",
				"UTF-8", "plain");
		text.setHeader("Content-Transfer-Encoding", "quoted-printable");
		MimeBodyPart har = new MimeBodyPart();
		String harMarker = marker("mail HAR attachment");
		har.setDataHandler(new DataHandler(new ByteArrayDataSource(("{\"log\":{\"comment\":\"" + harMarker
				+ "\",\"entries\":[{\"request\":{\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer "
				+ secrets.jwt(channel + " attached HAR") + "\"}]}}]}}").getBytes(StandardCharsets.UTF_8), "application/json")));
		har.setFileName("session.har");
		har.setHeader("Content-Transfer-Encoding", "base64");
		MimeBodyPart logFile = new MimeBodyPart();
		logFile.setDataHandler(new DataHandler(new ByteArrayDataSource(("client_secret=" + secrets.clientSecret(channel
				+ " attached log") + "&grant_type=client_credentials").getBytes(StandardCharsets.UTF_8), "text/plain")));
		logFile.setFileName("token.log");
		logFile.setHeader("Content-Transfer-Encoding", "base64");
		mail.setContent(new MimeMultipart(text, har, logFile));
		mail.saveChanges();
		mail.setHeader("Message-ID", "<" + run + "-api@mail.acme-shop.example>");

		TestHttp.Response wrongScope = answer(postMail(raw(mail), writer));
		assertThat(wrongScope.status()).isEqualTo(403);
		TestHttp.Response ingested = answer(postMail(raw(mail), ingest));
		assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
		assertThat(ingested.json().get("outcome").asString()).isEqualTo("NEW_ISSUE");

		// Too large: logged with its subject (redacted) and refused.
		MimeMessage huge = simpleMail(sender, "Huge log, client_secret: " + secrets.clientSecret(channel + " too large Subject"),
				"<" + run + "-huge@mail.acme-shop.example>", "password=" + secrets.password(channel + " too large body")
						+ "\n" + "x".repeat(300_000));
		TestHttp.Response tooLarge = answer(postMail(raw(huge), ingest));
		assertThat(tooLarge.json().get("outcome").asString()).isEqualTo("REJECTED_TOO_LARGE");
		return ingested.json().get("issueKey").asString();
	}

	/**
	 * Through the mailbox: a new request, a reply on the issue from its reporter with quoted
	 * history, and an automatic reply that is quarantined.
	 */
	private void mailThroughSmtpAndImap(String mailIssue) throws Exception {
		String channel = channel("inbound e-mail SMTP/IMAP");
		String sender = "mailer." + run + "@acme-shop.example";
		MimeMessage fresh = simpleMail("imap." + run + "@acme-shop.example",
				"Token request gives 401, client_secret=" + secrets.clientSecret(channel + " Subject"),
				"<" + run + "-imap-new@mail.acme-shop.example>",
				"1. We ask for a token. 2. We get HTTP 401.\ncurl -X POST https://apitest.vipps.no/accesstoken/get -H 'client_secret: "
						+ secrets.clientSecret(channel + " body curl") + "' -H 'Ocp-Apim-Subscription-Key: "
						+ secrets.subscriptionKey(channel + " body curl") + "'");
		MimeMessage reply = simpleMail(sender, "Re: [" + mailIssue + "] Capture fails",
				"<" + run + "-imap-reply@mail.acme-shop.example>", "The token was Bearer "
						+ secrets.opaqueToken(channel + " reply text") + "\n\nDen tir. 1. des. 2026 kl. 10:20 skrev Developer Support <"
						+ SUPPORT + ">:\n> client_secret: " + secrets.clientSecret(channel + " quoted history") + "\n");
		MimeMessage automatic = simpleMail("robot." + run + "@acme-shop.example",
				"Automatic reply: password=" + secrets.password(channel + " quarantined Subject"),
				"<" + run + "-imap-auto@mail.acme-shop.example>",
				"I am away. " + marker("quarantined mail") + " Ocp-Apim-Subscription-Key: "
						+ secrets.subscriptionKey(channel + " quarantined body"));
		automatic.setHeader("Auto-Submitted", "auto-replied");
		Session smtp = Session.getInstance(smtpProperties());
		for (MimeMessage mail : List.of(fresh, reply, automatic)) {
			String id = mail.getMessageID();
			// Sent as written: Transport.send would give it a new Message-ID otherwise.
			MimeMessage sendable = new MimeMessage(smtp, new java.io.ByteArrayInputStream(raw(mail))) {

				@Override
				protected void updateMessageID() throws jakarta.mail.MessagingException {
					setHeader("Message-ID", id);
				}

			};
			Transport.send(sendable, new InternetAddress[] { new InternetAddress(SUPPORT) });
			await("inbound mail " + id, () -> jdbc.sql("select count(*) from inbound_mail where message_id = ?")
				.param(id).query(Long.class).single() > 0);
		}
		assertThat(jdbc.sql("select outcome from inbound_mail where message_id = ?")
			.param("<" + run + "-imap-reply@mail.acme-shop.example>").query(String.class).single()).isEqualTo("APPENDED");
		assertThat(jdbc.sql("select outcome from inbound_mail where message_id = ?")
			.param("<" + run + "-imap-auto@mail.acme-shop.example>").query(String.class).single())
			.isEqualTo("QUARANTINED_LOOP");
	}

	private MimeMessage simpleMail(String from, String subject, String messageId, String body) throws Exception {
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
		mail.setFrom(new InternetAddress(from, "Developer " + run, "UTF-8"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setSubject(subject, "UTF-8");
		mail.setText(body, "UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", messageId);
		return mail;
	}

	private TestHttp.Response postMail(byte[] raw, String key) {
		return http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/inbound-email")))
			.header("Content-Type", "message/rfc822")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw))
			.build());
	}

	// ---- staff -----------------------------------------------------------------------------

	/**
	 * Staff paste secrets too: in a reply (mailed to everyone), a note, an escalation reason and a
	 * split-off issue's subject and description.
	 */
	private void staff(String key) {
		String channel = channel("staff API");
		String marker = marker("staff reply");
		TestHttp.Response reply = answer(http.postJson("/api/v1/issues/" + key + "/replies", json(Map.of("text",
				"Thanks. " + marker + " Please rotate it: you sent client_secret: " + secrets.clientSecret(channel + " reply"))),
				"Authorization", "Bearer " + writer));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		TestHttp.Response note = answer(http.postJson("/api/v1/issues/" + key + "/notes", json(Map.of("text",
				"Checked with curl -H 'Authorization: Bearer " + secrets.jwt(channel + " note") + "'")),
				"Authorization", "Bearer " + writer));
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		TestHttp.Response issue = answer(http.get("/api/v1/issues/" + key, "Authorization", "Bearer " + writer));
		TestHttp.Response escalated = answer(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/issues/" + key)))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + writer)
			.header("If-Match", issue.header("ETag"))
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json(Map.of("escalated", true, "escalationReason",
					"Their live key leaked: Ocp-Apim-Subscription-Key: " + secrets.subscriptionKey(channel + " escalation reason"),
					"assignee", "agent." + run + "@provider.example"))))
			.build()));
		assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
		// The request stays with its issue; the reporter's follow-up moves.
		JsonNode messages = issue.json().get("messages");
		long messageId = messages.get(messages.size() - 1).get("id").asLong();
		for (JsonNode message : messages) {
			if (message.get("kind").asString().equals("INBOUND") && message != messages.get(0)) {
				messageId = message.get("id").asLong();
			}
		}
		TestHttp.Response split = answer(http.postJson("/api/v1/issues/" + key + "/split", json(Map.of("subject",
				"Token question, password: " + secrets.password(channel + " split subject"), "description",
				"Split off. Their token: Authorization: Bearer " + secrets.jwt(channel + " split description"), "messageIds",
				List.of(messageId))), "Authorization", "Bearer " + writer));
		assertThat(split.status()).as(split.body()).isEqualTo(201);
		TestHttp.Response participant = answer(http.postJson("/api/v1/issues/" + key + "/participants",
				json(Map.of("email", "lead." + run + "@acme-shop.example")), "Authorization", "Bearer " + writer));
		assertThat(participant.status()).as(participant.body()).isEqualTo(201);
	}

	/**
	 * The staff dashboard: a log-in with a wrong password first, then a reply, a note, an escalation
	 * and a split, each with a secret pasted in.
	 */
	private void dashboard(String key) throws Exception {
		String channel = channel("staff dashboard");
		String email = "agent." + run + "@provider.example";
		String password = secrets.password(channel + " staff password");
		staffUsers.create(email, "Agent " + run, StaffUsers.Role.AGENT, password);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String csrf = Jsoup.parse(page(browser, "/login").body()).select("input[name=_csrf]").attr("value");
		HttpResponse<String> wrong = browser.send(form("/login", Map.of("_csrf", csrf, "username", email, "password",
				secrets.password(channel + " wrong log-in password"))), HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.headers().firstValue("Location").orElse("")).contains("error");
		HttpResponse<String> loggedIn = browser.send(form("/login", Map.of("_csrf", csrf, "username", email, "password",
				password)), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String issuePage = "/dashboard/issues/" + key;
		org.jsoup.nodes.Document page = Jsoup.parse(page(browser, issuePage).body());
		csrf = page.select("input[name=_csrf]").attr("value");
		answers.add(page.outerHtml());

		for (Map.Entry<String, Map<String, String>> action : List.of(
				Map.entry("/reply", Map.of("text", "Please rotate: Ocp-Apim-Subscription-Key: "
						+ secrets.subscriptionKey(channel + " reply"))),
				Map.entry("/note", Map.of("text", "Their .env: VIPPS_CLIENT_SECRET=" + secrets.clientSecret(channel + " note"))))) {
			Map<String, String> fields = new LinkedHashMap<>(action.getValue());
			fields.put("_csrf", csrf);
			HttpResponse<String> done = browser.send(form(issuePage + action.getKey(), fields),
					HttpResponse.BodyHandlers.ofString());
			assertThat(done.statusCode()).as(action.getKey()).isEqualTo(302);
		}
		JsonNode issue = http.get("/api/v1/issues/" + key, "Authorization", "Bearer " + writer).json();
		HttpResponse<String> escalated = browser.send(form(issuePage + "/update", Map.of("_csrf", csrf, "version",
				issue.get("version").asString(), "escalate", "true", "escalationReason", "The merchant's password: "
						+ secrets.password(channel + " escalation reason"))), HttpResponse.BodyHandlers.ofString());
		assertThat(escalated.statusCode()).isEqualTo(302);
		long followUp = -1;
		JsonNode messages = issue.get("messages");
		for (int i = 1; i < messages.size(); i++) {
			if (messages.get(i).get("kind").asString().equals("INBOUND")) {
				followUp = messages.get(i).get("id").asLong();
			}
		}
		HttpResponse<String> split = browser.send(form(issuePage + "/split", Map.of("_csrf", csrf, "subject",
				"The .env question, client_secret: " + secrets.clientSecret(channel + " split subject"), "messageIds",
				String.valueOf(followUp))), HttpResponse.BodyHandlers.ofString());
		assertThat(split.statusCode()).isEqualTo(302);
		assertThat(split.headers().firstValue("Location").orElse("")).doesNotContain(key);
		answers.add(page(browser, issuePage).body());
	}

	private void subscribeWebhook() {
		TestHttp.Response subscribed = answer(http.postJson("/api/v1/webhooks", json(Map.of("url",
				"http://localhost:" + freePort() + "/hook", "events",
				List.of("issue.created", "issue.updated", "issue.message_added", "issue.status_changed"))),
				"Authorization", "Bearer " + writer));
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
		webhookSubscription = subscribed.json().get("id").asString();
	}

	// ---- refused -----------------------------------------------------------------------------

	/**
	 * Input that is refused is not stored, and must not be logged either: the refusal is where a
	 * framework likes to quote what it could not read.
	 */
	private void refused(String key) {
		String channel = channel("refused requests");
		List<TestHttp.Response> refusals = new ArrayList<>();
		refusals.add(http.postJson("/api/v1/requests", "{\"subject\": \"x\", \"description\": \"client_secret: "
				+ secrets.clientSecret(channel + " malformed JSON") + "\" \"reporter\": }"));
		refusals.add(http.postJson("/api/v1/requests", "{\"subject\": {\"client_secret\": \""
				+ secrets.clientSecret(channel + " wrong type") + "\"}, \"description\": \"d\", \"reporter\": {\"email\": \"a@b.no\"}}"));
		refusals.add(http.postJson("/api/v1/requests", "{\"subject\": \"s\", \"description\": \"d\", \"client_secret\": \""
				+ secrets.clientSecret(channel + " unknown field") + "\", \"reporter\": {\"email\": \"a@b.no\"}}"));
		refusals.add(http.postJson("/api/v1/requests", requestJson(run + "-bad-email", "Refund fails", "password="
				+ secrets.password(channel + " invalid request description"), null, null, null, null)
			.replace("\"refund." + run + "-bad-email@acme-shop.example\"", "\"password=" + secrets.password(channel
					+ " invalid e-mail address") + "\"")));
		refusals.add(http.postJson("/api/v1/requests", requestJson(run + "-nul", "Refund fails", "client_secret: "
				+ secrets.clientSecret(channel + " control character") + "\u0000", null, null, null, null)));
		refusals.add(http.postJson("/api/v1/requests", requestJson(run + "-strict", "It fails", "Bearer "
				+ secrets.opaqueToken(channel + " strict, incomplete"), null, null, null, null), "Prefer", "handling=strict"));
		refusals.add(http.post("/api/v1/requests", "text/plain", "client_secret=" + secrets.clientSecret(channel
				+ " unsupported media type")));
		Multipart pdf = new Multipart()
			.json("request", requestJson(run + "-pdf", "Logs attached", "See the PDF.", null, null, null, null))
			.part("files", "log.pdf", "application/pdf", ("%PDF-1.4\nclient_secret: " + secrets.clientSecret(channel
					+ " PDF attachment") + "\n%%EOF").getBytes(StandardCharsets.UTF_8));
		refusals.add(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", pdf.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(pdf.bytes()))
			.build()));
		refusals.add(http.postJson("/api/v1/issues/" + key + "/messages", json(Map.of("text", "password: "
				+ secrets.password(channel + " follow-up with a wrong token"))), "Follow-Up-Token",
				secrets.opaqueToken(channel + " wrong Follow-Up-Token")));
		refusals.add(http.postJson("/api/v1/requests", requestJson(run + "-bad-key", "It fails", "d", null, null, null, null),
				"Authorization", "Bearer " + secrets.jwt(channel + " invalid API key")));
		refusals.add(http.get("/api/v1/issues/" + key + "?access_token=" + secrets.jwt(channel + " query string, no key")));
		refusals.add(http.get("/api/v1/issues?q=x", "Authorization", "Basic " + secrets.basicCredentials(channel
				+ " Basic credentials as API key")));
		refusals.add(postMail(("From: x@y.example\r\nSubject: client_secret=" + secrets.clientSecret(channel
				+ " mail without a key") + "\r\n\r\nbody").getBytes(StandardCharsets.UTF_8), "td_nokey123_"
				+ secrets.opaqueToken(channel + " unknown API key")));
		for (TestHttp.Response refusal : refusals) {
			answers.add(refusal.body());
			assertThat(refusal.status()).as(refusal.body()).isBetween(400, 499);
		}
	}

	/**
	 * Requests Tomcat refuses before the app sees them: a request line with characters no address
	 * may hold after a secret in its query string, and a header with a control character.
	 */
	private void rawHttpThatTomcatRefuses() throws IOException {
		String channel = channel("raw HTTP");
		String badTarget = "GET /api/v1/issues?subscription-key=" + secrets.subscriptionKey(channel + " request target")
				+ "&x={|} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		String badHeader = "POST /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ secrets.jwt(channel + " header with a control character") + "\u0001\r\nContent-Length: 0\r\n"
				+ "Connection: close\r\n\r\n";
		String badCookie = "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: session=" + secrets.opaqueToken(channel
				+ " cookie with an invalid character") + "\\x; theme=dark\r\nConnection: close\r\n\r\n";
		String form = "_csrf=x&description=client_secret%3A+" + secrets.clientSecret(channel + " form with bad encoding")
				.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D") + "%zz";
		String badEncoding = "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form;
		for (String request : List.of(badTarget, badHeader, badCookie, badEncoding)) {
			String response = rawHttp(request);
			answers.add(response);
			assertThat(response).as("the answer to a raw request").matches("(?s)HTTP/1.1 [2-4].*");
		}
	}

	private String rawHttp(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	// ---- afterwards --------------------------------------------------------------------------

	private void awaitOutbox() {
		await("the outbox to be sent", () -> jdbc.sql("select count(*) from mail_outbox where status = 'PENDING' and "
				+ "(to_address like ? or subject like ?)").param("%" + run + "%").param("%" + run + "%")
			.query(Long.class).single() == 0);
	}

	/**
	 * Every mail the app sent (from the support address), as raw MIME and decoded text.
	 */
	private List<String> sentMails() throws Exception {
		List<String> sent = new ArrayList<>();
		for (MimeMessage mail : MAIL.getReceivedMessages()) {
			if (mail.getFrom() != null && mail.getFrom()[0].toString().contains(SUPPORT)) {
				sent.add(GreenMailUtil.getWholeMessage(mail) + "\n" + GreenMailUtil.getBody(mail));
			}
		}
		return sent;
	}

	// ---- helpers -----------------------------------------------------------------------------

	private String requestJson(String who, String subject, String description, String name, String httpRequest,
			String httpResponse, String additionalInfo) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("subject", subject);
		request.put("description", description);
		Map<String, Object> reporter = new LinkedHashMap<>();
		reporter.put("email", "refund." + who + "@acme-shop.example");
		if (name != null) {
			reporter.put("name", name + " (password: " + secrets.password(who + " reporter.name") + ")");
		}
		request.put("reporter", reporter);
		request.put("cc", List.of("cc." + who + "@acme-shop.example"));
		request.put("merchantSerialNumber", "123456");
		request.put("environment", "TEST");
		if (httpRequest != null || httpResponse != null) {
			Map<String, Object> exchange = new LinkedHashMap<>();
			exchange.put("request", httpRequest);
			exchange.put("response", httpResponse);
			request.put("httpExchange", exchange);
		}
		if (additionalInfo != null) {
			request.put("additionalInfo", additionalInfo);
		}
		return json(request);
	}

	private String channel(String name) {
		channels.add(name);
		return name + ":";
	}

	private String marker(String where) {
		String marker = secrets.marker(where.replace(' ', '-'));
		markers.put(where, marker);
		return marker;
	}

	private TestHttp.Response answer(TestHttp.Response response) {
		answers.add(response.body());
		return response;
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static byte[] raw(MimeMessage mail) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.writeTo(out);
		return out.toByteArray();
	}

	private static Properties smtpProperties() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
		return properties;
	}

	private static void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
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

	private static GreenMail startedMail() {
		GreenMail greenMail = new GreenMail(new ServerSetup[] {
				new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		greenMail.start();
		greenMail.setUser(SUPPORT, SUPPORT, "mailbox-password");
		return greenMail;
	}

}
