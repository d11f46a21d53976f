package com.triagedesk.intake;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app on a real port and a real PostgreSQL: what a developer with curl sees.
 */
class RequestIntakeIntegrationTest extends AppIntegrationTest {

	static final String VALID = """
			{
			  "subject": "POST /epayment/v1/payments gives HTTP 400",
			  "description": "1. We create a payment. 2. We get 400 back.",
			  "reporter": {"name": "Kari Nordmann", "email": "kari@shop.no", "phone": "+47 912 34 567"},
			  "cc": ["ola@shop.no", "KARI@shop.no", "ola@shop.no", "per@shop.no"],
			  "organizationNumber": "123456785",
			  "merchantSerialNumber": "123456",
			  "environment": "TEST",
			  "occurredOn": ["2026-11-20"],
			  "httpExchange": {"request": "POST /epayment/v1/payments HTTP/1.1\\nHost: apitest.vipps.no", "response": "HTTP/1.1 400 Bad Request"}
			}
			""";

	@Test
	void createsAnIssueWithAKeyLocationAndFollowUpToken() {
		TestHttp.Response response = http.postJson("/api/v1/requests", VALID);

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String key = body.get("issueKey").asString();
		assertThat(key).matches("VSD-\\d{6,}");
		assertThat(response.header("Location")).endsWith("/api/v1/issues/" + key);
		assertThat(body.get("outcome").asString()).isEqualTo("ISSUE_CREATED");
		assertThat(body.get("followUpToken").asString()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(body.get("route").get("destination").asString()).isEqualTo("INTEGRATION_SERVICES");
	}

	@Test
	void anIncompleteRequestIsStoredAsNeedsInfoWithTheTwelveItems() {
		JsonNode body = http.postJson("/api/v1/requests", VALID).json();

		assertThat(body.get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(body.get("checklist").get("complete").asBoolean()).isFalse();
		assertThat(body.get("checklist").get("items").valueStream().map(i -> i.get("number").asInt()))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(ChecklistJson.state(body, "DESCRIPTION")).isEqualTo("INSUFFICIENT");
		assertThat(ChecklistJson.state(body, "ORGANIZATION_NUMBER")).isEqualTo("OK");
	}

	@Test
	void aCompleteRequestIsStoredAsOpen() throws Exception {
		TestHttp.Response response = http.postJson("/api/v1/requests", sample("complete-epayment-400"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(response.json().get("checklist").get("complete").asBoolean()).isTrue();
		assertThat(response.json().get("suggestedSubject").asString())
			.isEqualTo("POST /epayment/v1/payments gives HTTP 400");
		String key = response.json().get("issueKey").asString();
		String token = response.json().get("followUpToken").asString();
		assertThat(http.get("/api/v1/issues/" + key, "Follow-Up-Token", token).json().get("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void strictHandlingRefusesAnIncompleteRequestWith422AndStoresNothing() {
		long before = count("issue");

		TestHttp.Response response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", "application/json")
			.header("Prefer", "return=minimal, handling=strict")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(VALID))
			.build());

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:triage-desk:problem:incomplete-request");
		assertThat(problem.get("missing").valueStream().map(m -> m.get("key").asString())).contains("DESCRIPTION");
		assertThat(problem.get("missing").valueStream().map(m -> m.get("message").asString()))
			.allSatisfy(message -> assertThat(message).isNotBlank());
		assertThat(count("issue")).isEqualTo(before);
	}

	@Test
	void strictHandlingAcceptsACompleteRequestAndSaysSo() throws Exception {
		TestHttp.Response response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", "application/json")
			.header("Prefer", "handling=strict")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(sample("complete-epayment-400")))
			.build());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Preference-Applied")).isEqualTo("handling=strict");
	}

	@Test
	void checkEvaluatesAndStoresNothing() {
		long before = count("issue");

		TestHttp.Response response = http.postJson("/api/v1/requests/check", VALID);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("issueKey").isNull()).isTrue();
		assertThat(response.json().get("followUpToken").isNull()).isTrue();
		assertThat(response.json().get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(response.json().get("checklist").get("items").size()).isEqualTo(12);
		assertThat(count("issue")).isEqualTo(before);
	}

	@Test
	void checkRefusesAnInvalidBodyLikeIntake() {
		TestHttp.Response response = http.postJson("/api/v1/requests/check", "{\"description\": \"d\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-request");
	}

	@Test
	void secretsInAnyFieldAreCutBeforeStorageAndTheReporterIsToldToRotateThem() {
		String secret = "Q3kzVGhpc0lzQVNlY3JldFZhbHVlMTIzNDU2Nzg5MA==";
		String body = """
				{"subject": "Token call fails", "description": "We send client_secret=%s and get 401.",
				 "reporter": {"email": "kari@shop.no"}, "additionalInfo": "password: Hemmelig2026!x",
				 "httpExchange": {"request": "POST /accesstoken/get HTTP/1.1\\nHost: apitest.vipps.no\\nclient_secret: %s"}}
				""".formatted(secret, secret);

		TestHttp.Response response = http.postJson("/api/v1/requests", body);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.body()).doesNotContain(secret).doesNotContain("Hemmelig2026!x");
		assertThat(response.json().get("redactions").valueStream().map(r -> r.get("location").asString()))
			.contains("description", "additionalInfo", "httpExchange.request");
		assertThat(response.json().get("warnings").get(0).get("code").asString()).isEqualTo("SECRET_REDACTED");
		String key = response.json().get("issueKey").asString();
		String stored = jdbc.sql("select row_to_json(i)::text from issue i where issue_key = ?").param(key)
			.query(String.class).single();
		assertThat(stored).doesNotContain(secret).doesNotContain("Hemmelig2026!x").contains("…MA==");
	}

	@Test
	void storesReporterAndEachDistinctCcRecipientOnce() {
		JsonNode created = http.postJson("/api/v1/requests", VALID).json();
		String key = created.get("issueKey").asString();

		TestHttp.Response issue = http.get("/api/v1/issues/" + key, "Follow-Up-Token", created.get("followUpToken").asString());

		assertThat(issue.status()).isEqualTo(200);
		JsonNode participants = issue.json().get("participants");
		assertThat(participants.valueStream().map(p -> p.get("email").asString() + "/" + p.get("role").asString()))
			.containsExactly("kari@shop.no/REPORTER", "ola@shop.no/CC", "per@shop.no/CC");
		assertThat(issue.json().get("submission").get("merchantSerialNumber").asString()).isEqualTo("123456");
		assertThat(issue.json().get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(issue.json().has("followUpToken")).isFalse();
	}

	@Test
	void issueKeysAreLookedUpWhateverTheLetterCase() {
		JsonNode created = http.postJson("/api/v1/requests", VALID).json();
		String key = created.get("issueKey").asString();

		assertThat(http.get("/api/v1/issues/" + key.toLowerCase(), "Follow-Up-Token", created.get("followUpToken").asString())
			.status()).isEqualTo(200);
	}

	@Test
	void twentyConcurrentRequestsGetTwentyDistinctKeys() throws Exception {
		Set<String> keys = ConcurrentHashMap.newKeySet();
		try (var executor = Executors.newFixedThreadPool(20)) {
			List<Future<Integer>> statuses = IntStream.range(0, 20).mapToObj(i -> executor.submit(() -> {
				TestHttp.Response response = http.postJson("/api/v1/requests", VALID);
				keys.add(response.json().get("issueKey").asString());
				return response.status();
			})).toList();
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		assertThat(keys).hasSize(20).allMatch(key -> key.matches("VSD-\\d{6,}"));
	}

	@Test
	void missingRequiredFieldsAreA400NamingEachFieldAndStoreNothing() {
		long before = count("issue");

		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"reporter": {"name": "Kari"}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-request");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("subject", "description", "reporter.email");
		assertThat(count("issue")).isEqualTo(before);
	}

	@Test
	void aMissingReporterIsNamed() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "s", "description": "d"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactly("reporter");
	}

	@Test
	void anInvalidEmailAddressIsA400NamingTheField() {
		for (String address : List.of("not-an-address", "kari@", "kari@shop", "ka ri@shop.no")) {
			TestHttp.Response response = http.postJson("/api/v1/requests", """
					{"subject": "s", "description": "d", "reporter": {"email": "%s"}}
					""".formatted(address));

			assertThat(response.status()).as(address).isEqualTo(400);
			assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.as(address)
				.containsExactly("reporter.email");
		}
	}

	@Test
	void anInvalidCcAddressIsNamedWithItsPosition() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "s", "description": "d", "reporter": {"email": "kari@shop.no"}, "cc": ["ok@shop.no", "nope"]}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cc[1]");
	}

	@Test
	void brokenJsonIsA400ProblemThatDoesNotEchoTheBody() {
		long before = count("issue");

		TestHttp.Response response = http.postJson("/api/v1/requests",
				"{\"subject\": \"client_secret: Q3kzVGhpc0lzQVNlY3JldA==\", \"description\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:malformed-body");
		assertThat(response.body()).doesNotContain("Q3kzVGhpc0lzQVNlY3JldA==").doesNotContain("Exception");
		assertThat(count("issue")).isEqualTo(before);
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "s", "description": "d", "reporter": {"email": "kari@shop.no"}, "cc": {"a": 1}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:malformed-body");
		assertThat(response.json().get("detail").asString()).contains("'cc'");
	}

	@Test
	void anEmptyBodyIsA400Problem() {
		TestHttp.Response response = http.postJson("/api/v1/requests", "");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:malformed-body");
	}

	@Test
	void anotherContentTypeIsA415Problem() {
		TestHttp.Response response = http.post("/api/v1/requests", "text/plain", "Help!");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:unsupported-media-type");
	}

	@Test
	void aWrongMethodIsA405Problem() {
		TestHttp.Response response = http.get("/api/v1/requests");

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:method-not-allowed");
		assertThat(response.header("Allow")).contains("POST");
	}

	@Test
	void anUnknownIssueKeyIsA404Problem() {
		TestHttp.Response response = http.get("/api/v1/issues/VSD-999999999");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:issue-not-found");
	}

	@Test
	void aMalformedIssueKeyIsA404Problem() {
		TestHttp.Response response = http.get("/api/v1/issues/DROP%20TABLE");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:issue-not-found");
	}

	@Test
	void anUnknownApiPathIsA404Problem() {
		TestHttp.Response response = http.get("/api/v1/nothing-here");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:not-found");
	}

	@Test
	void controlCharactersAndBrokenUnicodeAreA400AndStoreNothing() {
		long before = count("issue");
		for (String subject : List.of("a\\u0000b", "bell\\u0007", "half \\ud800 a pair")) {
			TestHttp.Response response = http.postJson("/api/v1/requests", """
					{"subject": "%s", "description": "d", "reporter": {"email": "kari@shop.no"}}
					""".formatted(subject));

			assertThat(response.status()).as(subject).isEqualTo(400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
		}
		assertThat(count("issue")).isEqualTo(before);
	}

	@Test
	void tabsAndLineBreaksAreFine() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "Capture\\tfails", "description": "1. a\\r\\n2. b", "reporter": {"email": "kari@shop.no"}}
				""");

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void aJsonArrayInsteadOfAnObjectIsA400() {
		TestHttp.Response response = http.postJson("/api/v1/requests", "[]");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("JSON object");
	}

	@Test
	void aMalformedMultipartBodyIsA400Problem() {
		TestHttp.Response response = http.post("/api/v1/requests", "multipart/form-data; boundary=xyz", "garbage");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aPathTomcatRefusesIsStillAProblem() {
		TestHttp.Response response = http.get("/api/v1/issues/%00");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-request");
	}

	@Test
	void theErrorPathItselfIsNotFound() {
		assertThat(http.get("/error").status()).isEqualTo(404);
	}

	@Test
	void infoDoesNotTellWhichJvmOrKernelRuns() {
		TestHttp.Response response = http.get("/actuator/info");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("java")).isFalse();
		assertThat(response.json().has("os")).isFalse();
	}

	@Test
	void healthIsUpWithTheDatabase() {
		TestHttp.Response response = http.get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
		assertThat(response.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
	}

	private static String sample(String name) throws Exception {
		String json = new String(RequestIntakeIntegrationTest.class.getResourceAsStream("/samples/requests/" + name + ".json")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).get("request").toString();
	}


}
