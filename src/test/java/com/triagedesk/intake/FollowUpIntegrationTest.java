package com.triagedesk.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.Multipart;
import com.triagedesk.TestHttp;
import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueUpdate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups without e-mail, as a developer with curl sends them: the token from the first answer
 * in the {@code Follow-Up-Token} header, the missing items in the body.
 */
class FollowUpIntegrationTest extends AppIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CLIENT_SECRET = "Xq8~vR2.nT5_kW9-pL3~mZ7.bY4_cF6-hJ1";

	@Autowired
	IssueManagement management;

	@Test
	void aFollowUpThatSuppliesTheMissingMsnOpensTheIssue() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		assertThat(created.get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(ChecklistJson.state(created, "MERCHANT_SERIAL_NUMBER")).isEqualTo("MISSING");
		String key = created.get("issueKey").asString();
		String token = created.get("followUpToken").asString();

		TestHttp.Response response = http.postJson("/api/v1/issues/" + key + "/messages", """
				{"text": "Sorry, here is our MSN.", "merchantSerialNumber": "123456"}
				""", "Follow-Up-Token", token);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Location")).endsWith("/api/v1/issues/" + key);
		JsonNode body = response.json();
		assertThat(body.get("outcome").asString()).isEqualTo("APPENDED");
		assertThat(body.get("previousStatus").asString()).isEqualTo("NEEDS_INFO");
		assertThat(body.get("status").asString()).isEqualTo("OPEN");
		assertThat(body.get("checklist").get("complete").asBoolean()).isTrue();
		assertThat(body.get("missing").size()).isZero();
		assertThat(body.get("message").asString()).contains("now OPEN");

		JsonNode issue = http.get("/api/v1/issues/" + key, "Follow-Up-Token", token).json();
		assertThat(issue.get("status").asString()).isEqualTo("OPEN");
		assertThat(issue.get("submission").get("merchantSerialNumber").asString()).isEqualTo("123456");
		assertThat(issue.get("messages").valueStream().map(m -> m.get("body").asString()))
			.endsWith("Sorry, here is our MSN.")
			.hasSize(2);
		assertThat(issue.get("sla").get("state").asString()).isEqualTo("RUNNING");
		assertThat(issue.get("history").valueStream().map(e -> e.get("type").asString())).contains("STATUS_CHANGED");
	}

	@Test
	void aFollowUpThatIsStillIncompleteSaysWhatIsMissing() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();

		JsonNode body = http.postJson("/api/v1/issues/" + created.get("issueKey").asString() + "/messages",
				"{\"text\": \"I am asking our accountant for the number.\"}", "Follow-Up-Token",
				created.get("followUpToken").asString()).json();

		assertThat(body.get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(body.get("missing").valueStream().map(i -> i.get("key").asString()))
			.containsExactly("MERCHANT_SERIAL_NUMBER");
		assertThat(body.get("message").asString()).contains("Still missing: MERCHANT_SERIAL_NUMBER");
	}

	@Test
	void withoutTheRightTokenNothingIsAddedAndNothingIsShown() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		JsonNode other = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		String path = "/api/v1/issues/" + created.get("issueKey").asString();
		long messages = count("message");

		TestHttp.Response none = http.postJson(path + "/messages", "{\"merchantSerialNumber\": \"123456\"}");
		TestHttp.Response wrong = http.postJson(path + "/messages", "{\"merchantSerialNumber\": \"123456\"}",
				"Follow-Up-Token", other.get("followUpToken").asString());

		for (TestHttp.Response refused : new TestHttp.Response[] { none, wrong }) {
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.header("WWW-Authenticate")).startsWith("Follow-Up-Token");
			assertThat(refused.json().get("type").asString())
				.isEqualTo("urn:triage-desk:problem:follow-up-token-required");
		}
		assertThat(count("message")).isEqualTo(messages);
		assertThat(http.get(path).status()).isEqualTo(401);
		assertThat(http.get(path, "Follow-Up-Token", other.get("followUpToken").asString()).status()).isEqualTo(401);
		assertThat(http.get(path, "Follow-Up-Token", created.get("followUpToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void badFollowUpsAreClearProblemsThatStoreNothing() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		String path = "/api/v1/issues/" + created.get("issueKey").asString() + "/messages";
		String token = created.get("followUpToken").asString();
		long messages = count("message");

		assertThat(http.postJson(path, "{}", "Follow-Up-Token", token).status()).isEqualTo(400);
		assertThat(http.postJson(path, "{\"text\": \"   \"}", "Follow-Up-Token", token).status()).isEqualTo(400);
		assertThat(http.postJson(path, "{\"text\": ", "Follow-Up-Token", token).status()).isEqualTo(400);
		assertThat(http.postJson(path, "{\"text\": \"hi\", \"cc\": [\"not an address\"]}", "Follow-Up-Token", token)
			.json().get("errors").get(0).get("field").asString()).isEqualTo("cc[0]");
		assertThat(http.postJson(path, "{\"text\": \"a\u0000b\"}", "Follow-Up-Token", token).status()).isEqualTo(400);
		TestHttp.Response unknown = http.postJson("/api/v1/issues/VSD-999999999/messages", "{\"text\": \"hi\"}",
				"Follow-Up-Token", token);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:issue-not-found");
		assertThat(count("message")).isEqualTo(messages);
	}

	@Test
	void anUnknownFieldOrAnAddressChangeIsRefusedByName() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		String path = "/api/v1/issues/" + created.get("issueKey").asString() + "/messages";
		String token = created.get("followUpToken").asString();

		TestHttp.Response email = http.postJson(path, "{\"reporter\": {\"email\": \"evil@example.com\"}}",
				"Follow-Up-Token", token);
		TestHttp.Response misspelt = http.postJson(path, "{\"msn\": \"123456\"}", "Follow-Up-Token", token);

		assertThat(email.status()).isEqualTo(400);
		assertThat(email.json().get("detail").asString()).contains("'reporter.email' is not known here");
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.json().get("detail").asString()).contains("'msn'");
	}

	@Test
	void addressesInAnyAlphabetNeverCauseAServerError() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();

		TestHttp.Response response = http.postJson("/api/v1/issues/" + created.get("issueKey").asString() + "/messages",
				"{\"text\": \"Team\", \"cc\": [\"İnfo@acme-shop.no\", \"info@acme-shop.no\", \"İNFO@acme-shop.no\"]}",
				"Follow-Up-Token", created.get("followUpToken").asString());

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void secretsInAFollowUpAreCutBeforeAnythingIsStored() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		String key = created.get("issueKey").asString();

		TestHttp.Response response = http.postJson("/api/v1/issues/" + key + "/messages", """
				{"text": "Our token call: curl -d 'client_secret=%s' https://apitest.vipps.no/accesstoken/get",
				 "merchantSerialNumber": "123456"}
				""".formatted(CLIENT_SECRET), "Follow-Up-Token", created.get("followUpToken").asString());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.body()).doesNotContain(CLIENT_SECRET);
		assertThat(response.json().get("redactionCount").asInt()).isEqualTo(1);
		assertThat(response.json().get("warnings").get(0).get("code").asString()).isEqualTo("SECRET_REDACTED");
		String stored = jdbc.sql("select string_agg(row_to_json(m)::text, ',') from message m "
				+ "join issue i on i.id = m.issue_id where i.issue_key = ?").param(key).query(String.class).single()
				+ jdbc.sql("select string_agg(row_to_json(e)::text, ',') from issue_event e "
						+ "join issue i on i.id = e.issue_id where i.issue_key = ?").param(key).query(String.class).single();
		assertThat(stored).doesNotContain(CLIENT_SECRET).contains("client_secret");
	}

	@Test
	void ccRecipientsAndContactDetailsCanBeAddedLater() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		String key = created.get("issueKey").asString();
		String token = created.get("followUpToken").asString();

		http.postJson("/api/v1/issues/" + key + "/messages", """
				{"text": "Adding our developer.", "cc": ["dev@acme-shop.no"], "reporter": {"phone": "+47 400 00 000"}}
				""", "Follow-Up-Token", token);

		JsonNode issue = http.get("/api/v1/issues/" + key, "Follow-Up-Token", token).json();
		assertThat(issue.get("participants").valueStream().map(p -> p.get("email").asString()))
			.containsExactly("kari@acme-shop.no", "dev@acme-shop.no");
		assertThat(issue.get("participants").get(0).get("phone").asString()).isEqualTo("+47 400 00 000");
	}

	@Test
	void aScreenshotAloneIsAFollowUp() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		assertThat(ChecklistJson.state(created, "SCREENSHOTS")).isEqualTo("RECOMMENDED");
		Multipart multipart = new Multipart().part("files", "error.png", "image/png",
				AttachmentIntakeIntegrationTest.PNG);

		TestHttp.Response response = http.send(HttpRequest
			.newBuilder(URI.create(http.url("/api/v1/issues/" + created.get("issueKey").asString() + "/messages")))
			.header("Content-Type", multipart.contentType())
			.header("Follow-Up-Token", created.get("followUpToken").asString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("checklist").get("items").valueStream()
			.filter(i -> i.get("key").asString().equals("SCREENSHOTS"))
			.map(i -> i.get("state").asString())).containsExactly("OK");
	}

	@Test
	void aReplyToAClosedIssueOpensALinkedFollowUpAndSaysSo() {
		JsonNode created = http.postJson("/api/v1/requests", requestWithMsn()).json();
		String key = created.get("issueKey").asString();
		Actor agent = Actor.staff("anne", Channel.STAFF);
		management.update(key, null, new IssueUpdate(IssueStatus.RESOLVED, null, null, null, null), agent);
		management.update(key, null, new IssueUpdate(IssueStatus.CLOSED, null, null, null, null), agent);

		TestHttp.Response response = http.postJson("/api/v1/issues/" + key + "/messages",
				"{\"text\": \"The 400 is back since this morning.\"}", "Follow-Up-Token",
				created.get("followUpToken").asString());

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String followUp = body.get("issueKey").asString();
		assertThat(body.get("outcome").asString()).isEqualTo("FOLLOW_UP_CREATED");
		assertThat(followUp).isNotEqualTo(key);
		assertThat(body.get("followUpOf").asString()).isEqualTo(key);
		assertThat(body.get("message").asString()).contains(key + " is closed").contains(followUp);
		assertThat(response.header("Location")).endsWith("/api/v1/issues/" + followUp);
		JsonNode issue = http.get("/api/v1/issues/" + followUp, "Follow-Up-Token", body.get("followUpToken").asString())
			.json();
		assertThat(issue.get("links").get("followUpOf").asString()).isEqualTo(key);
		assertThat(issue.get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void aMergedIssueKeyLeadsToTheIssueItWasMergedInto() {
		JsonNode source = http.postJson("/api/v1/requests", requestWithoutMsn()).json();
		JsonNode target = http.postJson("/api/v1/requests", requestWithMsn()).json();
		management.merge(source.get("issueKey").asString(), target.get("issueKey").asString(),
				Actor.staff("anne", Channel.STAFF));

		TestHttp.Response response = http.get("/api/v1/issues/" + source.get("issueKey").asString(), "Follow-Up-Token",
				source.get("followUpToken").asString());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("key").asString()).isEqualTo(target.get("issueKey").asString());
		assertThat(response.json().get("requestedKey").asString()).isEqualTo(source.get("issueKey").asString());
		assertThat(response.header("Content-Location")).endsWith("/api/v1/issues/" + target.get("issueKey").asString());
	}

	private static String requestWithMsn() {
		return request(true);
	}

	private static String requestWithoutMsn() {
		return request(false);
	}

	private static String request(boolean withMsn) {
		try {
			JsonNode sample = JSON.readTree(FollowUpIntegrationTest.class
				.getResourceAsStream("/samples/requests/complete-epayment-400.json")
				.readAllBytes()).get("request");
			ObjectNode request = (ObjectNode) sample;
			request.putArray("occurredOn").add(LocalDate.now().minusDays(1).toString());
			if (!withMsn) {
				request.remove("merchantSerialNumber");
				ObjectNode exchange = (ObjectNode) request.get("httpExchange");
				exchange.put("request", exchange.get("request").asString().replace("Merchant-Serial-Number: 123456\n", ""));
			}
			return request.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
