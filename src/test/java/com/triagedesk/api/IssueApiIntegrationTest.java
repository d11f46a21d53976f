package com.triagedesk.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues over HTTP for staff tools and integrations: API keys and scopes, ETag and If-Match,
 * status transitions as problems, replies, notes, participants, split and merge.
 */
class IssueApiIntegrationTest extends AppIntegrationTest {

	// A new reporter each time: the loop guard caps automatic mail per address and hour.
	private static final String REQUEST = """
			{"subject": "Capture fails with HTTP 500", "description": "1. We capture. 2. We get 500.",
			 "reporter": {"email": "kari.%s@acme-shop.no"}, "cc": ["ola@acme-shop.no"]}""";

	@Autowired
	ApiKeys keys;

	@Test
	void staffReadTheFullIssueWithAnETagReportersTheirView() {
		JsonNode created = create();
		String key = created.get("issueKey").asString();
		String admin = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);
		post("/api/v1/issues/" + key + "/notes", "{\"text\": \"Merchant is on the watch list.\"}", admin);

		TestHttp.Response staff = get("/api/v1/issues/" + key, admin);
		TestHttp.Response reporter = http.get("/api/v1/issues/" + key, "Follow-Up-Token",
				created.get("followUpToken").asString());

		assertThat(staff.status()).isEqualTo(200);
		assertThat(staff.header("ETag")).isEqualTo("\"" + staff.json().get("version").asLong() + "\"");
		assertThat(staff.body()).contains("watch list");
		assertThat(reporter.status()).isEqualTo(200);
		assertThat(reporter.body()).doesNotContain("watch list");
		assertThat(reporter.header("ETag")).isNull();
	}

	@Test
	void aKeyThatIsWrongOrRevokedIsRefusedNotTreatedAsAnonymous() {
		String key = create().get("issueKey").asString();
		ApiKeys.CreatedKey revoked = keys.create("old", Set.of(ApiScope.ISSUES_READ), "test");
		keys.revoke(revoked.prefix(), "test");

		for (String credential : new String[] { "td_abcdefgh_" + "x".repeat(43), revoked.key(), "nonsense" }) {
			TestHttp.Response response = get("/api/v1/issues/" + key, credential);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:unauthorized");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/issues/" + key)))
			.header("Authorization", "Basic a2FyaTpodW50ZXIy")
			.build()).status()).isEqualTo(401);
	}

	@Test
	void theStatusChangesWithIfMatchAndAnIllegalTransitionIsA409Problem() {
		String key = create().get("issueKey").asString();
		String writer = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);
		String etag = get("/api/v1/issues/" + key, writer).header("ETag");

		TestHttp.Response missing = patch(key, "{\"status\": \"RESOLVED\"}", writer, null);
		TestHttp.Response resolved = patch(key, "{\"status\": \"RESOLVED\"}", writer, etag);
		TestHttp.Response stale = patch(key, "{\"assignee\": \"anne\"}", writer, etag);
		TestHttp.Response pending = patch(key, "{\"status\": \"PENDING\"}", writer, resolved.header("ETag"));
		TestHttp.Response closed = patch(key, "{\"status\": \"CLOSED\"}", writer, resolved.header("ETag"));
		TestHttp.Response reopen = patch(key, "{\"status\": \"OPEN\"}", writer, closed.header("ETag"));

		assertThat(missing.status()).isEqualTo(428);
		assertThat(missing.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:precondition-required");
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.header("ETag")).isNotEqualTo(etag);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:stale-version");
		assertThat(pending.status()).isEqualTo(409);
		assertThat(pending.header("Content-Type")).startsWith("application/problem+json");
		assertThat(pending.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:illegal-transition");
		assertThat(pending.json().get("allowed").valueStream().map(JsonNode::asString)).containsExactly("OPEN", "CLOSED");
		assertThat(closed.status()).isEqualTo(200);
		assertThat(reopen.status()).isEqualTo(409);
		assertThat(reopen.json().get("detail").asString()).contains("A closed issue stays closed");
	}

	@Test
	void aSecretPastedIntoAStaffReplyIsCutBeforeItIsStoredOrMailed() {
		String key = create().get("issueKey").asString();
		String secret = "Xq8~vR2.nT5_kW9-pL3~mZ7.bY4_cF6-hJ1";

		TestHttp.Response reply = post("/api/v1/issues/" + key + "/replies",
				"{\"text\": \"Try again with client_secret: " + secret + "\"}", key(ApiScope.ISSUES_WRITE));

		assertThat(reply.status()).isEqualTo(201);
		String stored = jdbc.sql("select string_agg(body, ' ') from message m join issue i on i.id = m.issue_id "
				+ "where i.issue_key = ?").param(key).query(String.class).single()
				+ jdbc.sql("select string_agg(body_text, ' ') from mail_outbox where issue_key = ?").param(key)
					.query(String.class).single();
		assertThat(stored).contains("client_secret").doesNotContain(secret);
	}

	@Test
	void ifMatchStarOverwritesKnowinglyAndAWeakTagIsRefused() {
		String key = create().get("issueKey").asString();
		String writer = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);
		String etag = get("/api/v1/issues/" + key, writer).header("ETag");

		assertThat(patch(key, "{\"assignee\": \"anne\"}", writer, "W/" + etag).status()).isEqualTo(412);
		assertThat(patch(key, "{\"assignee\": \"anne\"}", writer, "*").status()).isEqualTo(200);
	}

	@Test
	void anIntegrationWithIssuesWriteMayPassOnAFollowUp() {
		String key = create().get("issueKey").asString();

		TestHttp.Response response = post("/api/v1/issues/" + key + "/messages",
				"{\"text\": \"From our chat bot: MSN 123456\", \"merchantSerialNumber\": \"123456\"}",
				key(ApiScope.ISSUES_WRITE));
		TestHttp.Response reader = post("/api/v1/issues/" + key + "/messages", "{\"text\": \"hi\"}",
				key(ApiScope.ISSUES_READ));

		assertThat(response.status()).isEqualTo(201);
		// A key without issues:write gets the same 403 as anywhere else, naming the scope.
		assertThat(reader.status()).isEqualTo(403);
		assertThat(reader.json().get("requiredScope").asString()).isEqualTo("issues:write");
		assertThat(jdbc.sql("select actor from issue_event e join issue i on i.id = e.issue_id where i.issue_key = ? "
				+ "and e.type = 'MESSAGE_ADDED' order by e.id desc limit 1").param(key).query(String.class).single())
			.startsWith("api-key:");
	}

	@Test
	void badUpdatesAre400ProblemsThatChangeNothing() {
		String key = create().get("issueKey").asString();
		String writer = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);
		String etag = get("/api/v1/issues/" + key, writer).header("ETag");

		assertThat(patch(key, "{\"status\": \"DONE\"}", writer, etag).status()).isEqualTo(400);
		assertThat(patch(key, "{\"priority\": 7}", writer, etag).status()).isEqualTo(400);
		assertThat(patch(key, "{\"assignee\": \"a\\u0000b\"}", writer, etag).status()).isEqualTo(400);
		assertThat(patch(key, "{\"escalated\": true}", writer, etag).status()).isEqualTo(409);
		assertThat(patch(key, "{\"status\": \"OPEN\"}", writer, "\"not-a-version\"").status()).isEqualTo(412);
		assertThat(get("/api/v1/issues/" + key, writer).header("ETag")).isEqualTo(etag);
	}

	@Test
	void twoUpdatesWithTheSameETagAtOnceOneWinsTheOtherIsRefused() throws Exception {
		String key = create().get("issueKey").asString();
		String writer = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);
		String etag = get("/api/v1/issues/" + key, writer).header("ETag");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (String body : List.of("{\"assignee\": \"anne\"}", "{\"assignee\": \"bob\"}")) {
				results.add(pool.submit(() -> {
					start.await();
					return patch(key, body, writer, etag).status();
				}));
			}
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).containsOnlyOnce(200);
		assertThat(statuses).anySatisfy(status -> assertThat(status).isIn(409, 412));
	}

	@Test
	void staffReplyNoteAddAndRemoveParticipantsSplitAndMerge() {
		JsonNode created = create();
		String key = created.get("issueKey").asString();
		String writer = key(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE);

		TestHttp.Response reply = post("/api/v1/issues/" + key + "/replies", "{\"text\": \"Which MSN?\"}", writer);
		TestHttp.Response added = post("/api/v1/issues/" + key + "/participants", "{\"email\": \"dev@acme-shop.no\"}",
				writer);
		TestHttp.Response again = post("/api/v1/issues/" + key + "/participants", "{\"email\": \"dev@acme-shop.no\"}",
				writer);
		TestHttp.Response removed = send("DELETE", "/api/v1/issues/" + key + "/participants/ola@acme-shop.no", null,
				writer);
		TestHttp.Response reporter = send("DELETE", "/api/v1/issues/" + key + "/participants/"
				+ reporterOf(get("/api/v1/issues/" + key, writer).json()), null, writer);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("kind").asString()).isEqualTo("REPLY");
		assertThat(added.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(removed.status()).isEqualTo(204);
		assertThat(reporter.status()).isEqualTo(409);
		JsonNode issue = get("/api/v1/issues/" + key, writer).json();
		assertThat(issue.get("sla").get("state").asString()).isIn("MET", "BREACHED");
		assertThat(issue.get("participants").valueStream()
			.filter(p -> p.get("removedAt").isNull())
			.map(p -> p.get("email").asString())).containsExactly(reporterOf(issue), "dev@acme-shop.no");

		long replyId = reply.json().get("messageId").asLong();
		TestHttp.Response split = post("/api/v1/issues/" + key + "/split",
				"{\"subject\": \"Second problem\", \"description\": \"Refunds fail too.\", \"messageIds\": ["
						+ replyId + "]}", writer);
		assertThat(split.status()).isEqualTo(201);
		String part = split.json().get("issueKey").asString();
		assertThat(split.header("Location")).endsWith("/api/v1/issues/" + part);

		TestHttp.Response merged = post("/api/v1/issues/" + part + "/merge", "{\"into\": \"" + key + "\"}", writer);
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.json().get("key").asString()).isEqualTo(key);
		assertThat(merged.json().get("messages").size()).isEqualTo(3);
		TestHttp.Response viaOld = get("/api/v1/issues/" + part, writer);
		assertThat(viaOld.json().get("key").asString()).isEqualTo(key);
		assertThat(viaOld.header("Content-Location")).endsWith("/api/v1/issues/" + key);
	}

	static Stream<Arguments> protectedEndpoints() {
		return Stream.of(Arguments.of("GET", "/api/v1/issues/%s", null, ApiScope.ISSUES_READ),
				Arguments.of("PATCH", "/api/v1/issues/%s", "{\"assignee\": \"anne\"}", ApiScope.ISSUES_WRITE),
				Arguments.of("POST", "/api/v1/issues/%s/replies", "{\"text\": \"hi\"}", ApiScope.ISSUES_WRITE),
				Arguments.of("POST", "/api/v1/issues/%s/notes", "{\"text\": \"hi\"}", ApiScope.ISSUES_WRITE),
				Arguments.of("POST", "/api/v1/issues/%s/participants", "{\"email\": \"x@acme-shop.no\"}",
						ApiScope.ISSUES_WRITE),
				Arguments.of("DELETE", "/api/v1/issues/%s/participants/ola@acme-shop.no", null, ApiScope.ISSUES_WRITE),
				Arguments.of("POST", "/api/v1/issues/%s/split", "{\"description\": \"x\"}", ApiScope.ISSUES_WRITE),
				Arguments.of("POST", "/api/v1/issues/%s/merge", "{\"into\": \"VSD-999999999\"}", ApiScope.ISSUES_WRITE),
				Arguments.of("GET", "/api/v1/outbox", null, ApiScope.ISSUES_READ),
				Arguments.of("GET", "/api/v1/issues?q=%s", null, ApiScope.ISSUES_READ),
				Arguments.of("GET", "/api/v1/inbound-email?issueKey=%s", null, ApiScope.ISSUES_READ),
				Arguments.of("POST", "/api/v1/inbound-email?x=%s", "From: kari@acme-shop.no\r\nSubject: hi\r\n\r\nhi\r\n",
						ApiScope.MAIL_INGEST));
	}

	@ParameterizedTest(name = "{0} {1} needs {3}")
	@MethodSource("protectedEndpoints")
	void everyStaffEndpointRefusesAnonymousCallersAndKeysWithoutItsScope(String method, String path, String body,
			ApiScope scope) {
		String key = create().get("issueKey").asString();
		String url = path.formatted(key);
		EnumSet<ApiScope> others = EnumSet.complementOf(EnumSet.of(scope));
		String withoutScope = key(others.toArray(ApiScope[]::new));
		long before = count("issue_event") + count("message") + count("participant");

		TestHttp.Response anonymous = send(method, url, body, null);
		TestHttp.Response unscoped = send(method, url, body, withoutScope);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(unscoped.status()).isEqualTo(403);
		assertThat(unscoped.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:missing-scope");
		assertThat(unscoped.json().get("requiredScope").asString()).isEqualTo(scope.value());
		assertThat(count("issue_event") + count("message") + count("participant")).isEqualTo(before);
	}

	@Test
	void issuesAreListedWithFiltersSearchAndStableCursorPages() {
		String org = "9" + String.valueOf(System.nanoTime()).substring(5, 13);
		String word = "zebra" + java.util.UUID.randomUUID().toString().substring(0, 6);
		List<String> keysMade = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			keysMade.add(http.postJson("/api/v1/requests", """
					{"subject": "Capture fails %s %d", "description": "1. We capture. 2. We get 500.",
					 "reporter": {"email": "list.%s@acme-shop.no"}, "organizationNumber": "%s"}"""
				.formatted(word, i, word, org)).json().get("issueKey").asString());
		}
		String reader = key(ApiScope.ISSUES_READ);

		List<String> seen = new ArrayList<>();
		String next = "/api/v1/issues?organizationNumber=" + org + "&limit=2";
		int pages = 0;
		while (next != null) {
			TestHttp.Response page = get(next, reader);
			assertThat(page.status()).isEqualTo(200);
			page.json().get("items").valueStream().forEach(item -> seen.add(item.get("key").asString()));
			String cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
			if (cursor != null) {
				assertThat(page.header("Link")).contains("cursor=" + cursor).endsWith("rel=\"next\"");
			}
			next = cursor == null ? null : "/api/v1/issues?organizationNumber=" + org + "&limit=2&cursor=" + cursor;
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(keysMade.reversed());
		assertThat(get("/api/v1/issues?q=" + word + "&status=NEEDS_INFO", reader).json().get("items").size()).isEqualTo(5);
		assertThat(get("/api/v1/issues?q=" + word + "&status=OPEN", reader).json().get("items").size()).isZero();
		assertThat(get("/api/v1/issues?status=LOST", reader).status()).isEqualTo(400);
		assertThat(get("/api/v1/issues?cursor=bm9wZQ", reader).status()).isEqualTo(400);
		assertThat(get("/api/v1/issues?limit=0", reader).status()).isEqualTo(400);
		assertThat(get("/api/v1/issues?updatedSince=yesterday", reader).status()).isEqualTo(400);
	}

	@Test
	void theListFindsIssuesByTheRouteTheyMayBelongTo() {
		String word = "zq" + java.util.UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "k");
		String uncertain = http.postJson("/api/v1/requests", """
				{"subject": "Settlement report API returns 500 %s",
				 "description": "When we fetch the settlement file for our payout we get HTTP 500 from the API.",
				 "reporter": {"email": "route.%s@shop.no"}}""".formatted(word, word)).json().get("issueKey").asString();
		String plain = http.postJson("/api/v1/requests", """
				{"subject": "Capture returns HTTP 500 %s", "description": "1. We capture. 2. We get 500.",
				 "reporter": {"email": "route.%s@shop.no"}}""".formatted(word, word)).json().get("issueKey").asString();
		String reader = key(ApiScope.ISSUES_READ);

		JsonNode settlements = get("/api/v1/issues?q=" + word + "&route=SETTLEMENTS", reader).json().get("items");
		JsonNode support = get("/api/v1/issues?q=" + word + "&route=INTEGRATION_SERVICES", reader).json().get("items");

		assertThat(settlements.valueStream().map(i -> i.get("key").asString())).containsExactly(uncertain);
		assertThat(settlements.get(0).get("suggestedRoute").asString()).isEqualTo("SETTLEMENTS");
		assertThat(support.valueStream().map(i -> i.get("key").asString())).containsExactlyInAnyOrder(uncertain, plain);
		assertThat(get("/api/v1/issues/" + uncertain, reader).json().get("suggestedRoute").asString())
			.isEqualTo("SETTLEMENTS");
	}

	@Test
	void theOutboxShowsWhatWaitsForAnSmtpServer() {
		String key = create().get("issueKey").asString();

		TestHttp.Response outbox = get("/api/v1/outbox?issueKey=" + key, key(ApiScope.ISSUES_READ));

		assertThat(outbox.status()).isEqualTo(200);
		assertThat(outbox.json().valueStream().map(m -> m.get("kind").asString() + "/" + m.get("status").asString()))
			.containsExactly("AUTO_REPLY/PENDING");
		assertThat(get("/api/v1/outbox?status=LOST", key(ApiScope.ISSUES_READ)).status()).isEqualTo(400);
	}

	@Test
	void theBootstrapKeyIsCreatedOnceWithEveryScope() {
		String bootstrap = "td_boot1234_" + "b".repeat(40);

		assertThat(keys.ensure(bootstrap, "bootstrap")).isPresent();
		assertThat(keys.ensure(bootstrap, "bootstrap")).isEmpty();
		assertThat(keys.authenticate(bootstrap)).get()
			.satisfies(k -> assertThat(k.scopes()).containsExactlyInAnyOrder(ApiScope.values()));
		assertThat(jdbc.sql("select count(*) from api_key where key_hash = ? or prefix = 'boot1234'")
			.param(bootstrap).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select string_agg(key_hash || prefix || name, ',') from api_key").query(String.class)
			.single()).doesNotContain(bootstrap);
	}

	// ---- helpers -----------------------------------------------------------------------

	private static String reporterOf(JsonNode issue) {
		return issue.get("participants").get(0).get("email").asString();
	}

	private JsonNode create() {
		TestHttp.Response response = http.postJson("/api/v1/requests",
				REQUEST.formatted(java.util.UUID.randomUUID().toString().substring(0, 8)));
		assertThat(response.status()).isEqualTo(201);
		return response.json();
	}

	private String key(ApiScope... scopes) {
		return keys.create("test", Set.of(scopes), "test").key();
	}

	private TestHttp.Response get(String path, String apiKey) {
		return send("GET", path, null, apiKey);
	}

	private TestHttp.Response post(String path, String body, String apiKey) {
		return send("POST", path, body, apiKey);
	}

	private TestHttp.Response patch(String key, String body, String apiKey, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url("/api/v1/issues/" + key)))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + apiKey)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return http.send(request.build());
	}

	private TestHttp.Response send(String method, String path, String body, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", path.contains("inbound-email") ? "message/rfc822" : "application/json");
		}
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		if ("PATCH".equals(method)) {
			request.header("If-Match", "\"0\"");
		}
		return http.send(request.build());
	}

}
