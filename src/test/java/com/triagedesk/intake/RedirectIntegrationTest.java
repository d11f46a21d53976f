package com.triagedesk.intake;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.triagedesk.TestHttp;
import com.triagedesk.routing.MerchantDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not for developer support: answered with where to go, kept as redirects, and
 * turned into issues by staff when misrouted. The merchant directory is loaded from a CSV file at
 * start-up, as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "triage.routing.merchant-directory=src/test/resources/merchants.csv")
class RedirectIntegrationTest {

	static final String PLUGIN_REQUEST = """
			{"subject": "WooCommerce plugin: order stays on hold after payment",
			 "description": "We use the Vipps MobilePay plugin for WooCommerce (version 4.0.3). After the customer pays, the order stays on hold. Which settings should we change?",
			 "reporter": {"name": "Kari Nordmann", "email": "kari@acme-shop.no", "phone": "+47 912 34 567"}}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerchantDirectory directory;

	TestHttp http;

	@BeforeEach
	void setUp() {
		http = new TestHttp(port);
	}

	@Test
	void aPluginProblemIsRedirectedToThePluginsOwnSupportAndKept() {
		long issues = count("issue");

		TestHttp.Response response = http.postJson("/api/v1/requests", PLUGIN_REQUEST);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("outcome").asString()).isEqualTo("REDIRECTED");
		assertThat(body.get("issueKey").isNull()).isTrue();
		JsonNode route = body.get("route");
		assertThat(route.get("destination").asString()).isEqualTo("PLUGIN_VENDOR");
		assertThat(route.get("name").asString()).isNotBlank();
		assertThat(route.get("link").asString()).startsWith("https://");
		assertThat(route.get("instructions").asString()).contains("WP Hosting");
		assertThat(route.get("contact").get("name").asString()).isEqualTo("WP Hosting");
		assertThat(count("issue")).isEqualTo(issues);
		assertThat(jdbc.sql("select destination from redirect where id = ?::uuid")
			.param(body.get("redirectId").asString())
			.query(String.class)
			.single()).isEqualTo("PLUGIN_VENDOR");
	}

	@Test
	void staffTurnAMisroutedRequestIntoAnIssueOnce() {
		String redirectId = http.postJson("/api/v1/requests", PLUGIN_REQUEST).json().get("redirectId").asString();

		TestHttp.Response converted = convert("/api/v1/redirects/" + redirectId + "/issue");

		assertThat(converted.status()).isEqualTo(201);
		String key = converted.json().get("issueKey").asString();
		assertThat(key).matches("VSD-\\d{6,}");
		assertThat(converted.header("Location")).endsWith("/api/v1/issues/" + key);
		assertThat(http.get("/api/v1/issues/" + key, "Follow-Up-Token", converted.json().get("followUpToken").asString())
			.json()
			.get("subject")
			.asString())
			.isEqualTo("WooCommerce plugin: order stays on hold after payment");

		TestHttp.Response again = convert("/api/v1/redirects/" + redirectId + "/issue");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:redirect-already-converted");
		assertThat(again.json().get("issueKey").asString()).isEqualTo(key);
	}

	@Test
	void anUnknownOrMalformedRedirectIsAProblem() {
		TestHttp.Response unknown = convert("/api/v1/redirects/" + UUID.randomUUID() + "/issue");
		TestHttp.Response malformed = convert("/api/v1/redirects/not-a-uuid/issue");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:redirect-not-found");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aMerchantInTheDirectoryIsSentToItsPartnerByName() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "Payments fail in our shop", "description": "Customers cannot complete payments since this morning. MSN 778899.",
				 "reporter": {"name": "Ola", "email": "ola@fjellsport.no"}}
				""");

		assertThat(response.status()).isEqualTo(200);
		JsonNode route = response.json().get("route");
		assertThat(route.get("destination").asString()).isEqualTo("PARTNER");
		assertThat(route.get("contact").get("name").asString()).isEqualTo("Webshop Partner AS");
		assertThat(route.get("contact").get("channel").asString()).isEqualTo("support@webshoppartner.no");
		assertThat(route.get("instructions").asString()).contains("Webshop Partner AS");
	}

	@Test
	void aMerchantOfAPspFoundByOrganizationNumberIsSentToThePsp() {
		TestHttp.Response response = http.postJson("/api/v1/requests/check", """
				{"subject": "Payments declined", "description": "All payments are declined today.",
				 "reporter": {"email": "owner@kaffebar.no"}, "organizationNumber": "971234563"}
				""");

		assertThat(response.json().get("route").get("destination").asString()).isEqualTo("PSP");
		assertThat(response.json().get("route").get("contact").get("name").asString()).isEqualTo("Acme PSP");
	}

	@Test
	void theDirectoryIsUpdatedByImport() {
		int written = directory.importCsv(new StringReader("""
				msn,name,psp,psp_contact
				990011,Ny Butikk AS,Other PSP,help@otherpsp.example
				"""));

		assertThat(written).isEqualTo(1);
		assertThat(directory.find("990011", null)).hasValueSatisfying(m -> assertThat(m.psp()).isEqualTo("Other PSP"));

		directory.importCsv(new StringReader("msn,name,psp\n990011,Ny Butikk AS,Third PSP\n"));

		assertThat(directory.find("990011", null)).hasValueSatisfying(m -> assertThat(m.psp()).isEqualTo("Third PSP"));
	}

	@Test
	void aMerchantIsFoundByItsSerialNumberBeforeAnotherByOrganizationNumber() {
		directory.importCsv(new StringReader("""
				msn,organization_number,name
				,923609016,Butikken uten MSN AS
				990021,923609016,Første Butikk AS
				990022,923609016,Andre Butikk AS
				"""));

		// Fjellsport's MSN with Kaffebar's organization number: the MSN decides
		assertThat(directory.find("778899", "971234563")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Fjellsport AS"));
		// an unknown MSN: the organization number's first merchant, one without an MSN too
		assertThat(directory.find("000001", "923609016")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Butikken uten MSN AS"));
		assertThat(directory.find(null, "923609016")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Butikken uten MSN AS"));
		assertThat(directory.find("990022", null)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Andre Butikk AS"));
		assertThat(directory.find("000001", "000000000")).isEmpty();
		assertThat(directory.find(null, null)).isEmpty();
	}

	@Test
	void strictHandlingDoesNotRefuseARedirect() {
		TestHttp.Response response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", "application/json")
			.header("Prefer", "handling=strict")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(PLUGIN_REQUEST))
			.build());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("outcome").asString()).isEqualTo("REDIRECTED");
	}

	@Test
	void anUncertainRouteCreatesTheIssueAndSuggestsTheOtherDestination() {
		TestHttp.Response response = http.postJson("/api/v1/requests", """
				{"subject": "Settlement report API returns 500",
				 "description": "When we fetch the settlement file for our payout we get HTTP 500 from the API.",
				 "reporter": {"email": "dev@shop.no"}}
				""");

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("route").get("destination").asString()).isEqualTo("INTEGRATION_SERVICES");
		assertThat(body.get("route").get("suggested").asString()).isEqualTo("SETTLEMENTS");
		assertThat(body.get("warnings").valueStream().map(w -> w.get("code").asString())).contains("ROUTE_UNCERTAIN");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@org.springframework.beans.factory.annotation.Autowired
	com.triagedesk.api.ApiKeys keys;

	@Test
	void onlyStaffWithIssuesWriteMayTurnARedirectIntoAnIssue() {
		String redirectId = http.postJson("/api/v1/requests", PLUGIN_REQUEST).json().get("redirectId").asString();
		String reader = keys.create("reader", java.util.Set.of(com.triagedesk.api.ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response anonymous = http.post("/api/v1/redirects/" + redirectId + "/issue", "application/json", "");
		TestHttp.Response unscoped = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(http.url("/api/v1/redirects/" + redirectId + "/issue")))
			.header("Authorization", "Bearer " + reader)
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(unscoped.status()).isEqualTo(403);
		assertThat(jdbc.sql("select issue_key from redirect where id = ?::uuid").param(redirectId).query(String.class)
			.optional()).isEmpty();
	}

	private TestHttp.Response convert(String path) {
		String writer = keys.create("staff", java.util.Set.of(com.triagedesk.api.ApiScope.ISSUES_WRITE), "test").key();
		return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url(path)))
			.header("Authorization", "Bearer " + writer)
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
	}

	@Test
	void staffReadRedirectsNewestFirstAPageAtATimeWithTheSubmissionRedacted() {
		String secret = "Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef";
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(http.postJson("/api/v1/requests", PLUGIN_REQUEST.replace("Which settings should we change?",
					"Which settings should we change? Attempt " + i + ". " + secret))
				.json()
				.get("redirectId")
				.asString());
		}
		String reader = keys.create("reader", java.util.Set.of(com.triagedesk.api.ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response first = http.get("/api/v1/redirects?destination=PLUGIN_VENDOR&converted=false&limit=2",
				"Authorization", "Bearer " + reader);
		String next = first.json().get("nextCursor").asString();
		TestHttp.Response second = http.get("/api/v1/redirects?destination=PLUGIN_VENDOR&converted=false&limit=2&cursor="
				+ next, "Authorization", "Bearer " + reader);
		TestHttp.Response one = http.get("/api/v1/redirects/" + ids.get(2), "Authorization", "Bearer " + reader);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Link")).contains("cursor=" + next).contains("rel=\"next\"");
		assertThat(first.json().get("items").valueStream().map(item -> item.get("id").asString()))
			.containsExactly(ids.get(2), ids.get(1));
		assertThat(second.json().get("items").get(0).get("id").asString()).isEqualTo(ids.get(0));
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().get("destination").asString()).isEqualTo("PLUGIN_VENDOR");
		assertThat(one.json().get("reporterEmail").asString()).isEqualTo("kari@acme-shop.no");
		assertThat(one.json().get("submission").get("description").asString()).contains("Attempt 2");
		assertThat(one.body()).doesNotContain("0123456789abcdef0123456789abcdef");
		assertThat(http.get("/api/v1/redirects?cursor=bm90LWEtY3Vyc29y", "Authorization", "Bearer " + reader).status())
			.isEqualTo(400);
		assertThat(http.get("/api/v1/redirects?destination=NOWHERE", "Authorization", "Bearer " + reader).status())
			.isEqualTo(400);
		assertThat(http.get("/api/v1/redirects/" + UUID.randomUUID(), "Authorization", "Bearer " + reader).status())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/redirects").status()).isEqualTo(401);
		// Times PostgreSQL cannot hold are the caller's mistake, in the filter or a forged cursor.
		assertThat(http.get("/api/v1/redirects?since=%2B999999999-01-01T00:00:00Z", "Authorization", "Bearer " + reader)
			.status()).isEqualTo(400);
		String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				("+300000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(http.get("/api/v1/redirects?cursor=" + forged, "Authorization", "Bearer " + reader).status())
			.isEqualTo(400);
	}

}
