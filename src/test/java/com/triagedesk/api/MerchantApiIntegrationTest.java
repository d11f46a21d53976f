package com.triagedesk.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant directory over the API: imported from the CRM's CSV export all or nothing, kept up
 * to date one merchant at a time, searched, and used by routing at once.
 */
class MerchantApiIntegrationTest extends AppIntegrationTest {

	@Autowired
	ApiKeys keys;

	@Test
	void anImportedMerchantIsFoundAndRoutesRequestsToItsPsp() {
		String writer = keys.create("crm sync", Set.of(ApiScope.ISSUES_WRITE, ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response imported = send("POST", "/api/v1/merchants/import", "text/csv", """
				msn;organization_number;name;psp;psp_contact;kam;kam_email
				551100;914778271;"Sykkelbua AS";"Nordic PSP";help@nordicpsp.example;"Per KAM";per@provider.example
				551101;;"Sykkelbua AS Outlet";"Nordic PSP";help@nordicpsp.example;;
				""", writer);
		TestHttp.Response found = send("GET", "/api/v1/merchants?q=Sykkelbua%20AS&limit=1", null, null, writer);
		// The Link header keeps the search as sent (one search for "Sykkelbua AS", not "%20").
		String next = found.header("Link").substring(1, found.header("Link").indexOf('>'));
		TestHttp.Response page2 = http.send(HttpRequest.newBuilder(URI.create(next))
			.header("Authorization", "Bearer " + writer)
			.build());
		TestHttp.Response routed = http.postJson("/api/v1/requests/check", """
				{"subject": "Payments declined", "description": "All payments are declined today in our bike shop.",
				 "reporter": {"email": "owner@sykkelbua.no"}, "merchantSerialNumber": "551100"}""");

		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
		assertThat(found.json().get("items").get(0).get("name").asString()).isEqualTo("Sykkelbua AS");
		assertThat(found.json().get("items").get(0).get("keyAccountManagerEmail").asString()).isEqualTo("per@provider.example");
		assertThat(page2.json().get("items").get(0).get("merchantSerialNumber").asString()).isEqualTo("551101");
		assertThat(page2.json().get("nextCursor").isNull()).isTrue();
		assertThat(routed.json().get("route").get("destination").asString()).isEqualTo("PSP");
		assertThat(routed.json().get("route").get("contact").get("name").asString()).isEqualTo("Nordic PSP");
	}

	@Test
	void aMerchantIsAddedReplacedAndRemovedByMsn() {
		String writer = keys.create("crm sync", Set.of(ApiScope.ISSUES_WRITE, ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response added = send("PUT", "/api/v1/merchants/552200", "application/json",
				"{\"name\": \"Kafe Sentrum AS\", \"posVendor\": \"Kasse AS\"}", writer);
		TestHttp.Response replaced = send("PUT", "/api/v1/merchants/552200", "application/json",
				"{\"name\": \"Kafe Sentrum AS\", \"partner\": \"Webshop Partner AS\"}", writer);
		TestHttp.Response read = send("GET", "/api/v1/merchants/552200", null, null, writer);
		TestHttp.Response removed = send("DELETE", "/api/v1/merchants/552200", null, null, writer);
		TestHttp.Response gone = send("GET", "/api/v1/merchants/552200", null, null, writer);

		assertThat(added.status()).isEqualTo(201);
		assertThat(added.header("Location")).endsWith("/api/v1/merchants/552200");
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(read.json().get("partner").asString()).isEqualTo("Webshop Partner AS");
		assertThat(read.json().get("posVendor").isNull()).isTrue();
		assertThat(removed.status()).isEqualTo(204);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:not-found");
		assertThat(send("DELETE", "/api/v1/merchants/552200", null, null, writer).status()).isEqualTo(404);
	}

	@Test
	void aBrokenFileChangesNothingAndSaysWhatIsWrong() {
		String writer = keys.create("crm sync", Set.of(ApiScope.ISSUES_WRITE, ApiScope.ISSUES_READ), "test").key();
		long before = count("merchant");

		TestHttp.Response misspelt = send("POST", "/api/v1/merchants/import", "text/csv",
				"msn,name,kam_mail\n553300,Frisør AS,kam@provider.example\n", writer);
		TestHttp.Response noKey = send("POST", "/api/v1/merchants/import", "text/csv", "name,psp\nFrisør AS,Acme\n", writer);
		TestHttp.Response halfGood = send("POST", "/api/v1/merchants/import", "text/csv",
				"msn,name\n553301,Good AS\n553302,\"Bad\u0000Name AS\"\n", writer);
		TestHttp.Response twice = send("POST", "/api/v1/merchants/import", "text/csv",
				"msn,name\n553304,First AS\n553304,Second AS\n", writer);
		TestHttp.Response nameless = send("POST", "/api/v1/merchants/import", "text/csv", "msn,name\n,Nobody AS\n", writer);
		TestHttp.Response badMsn = send("POST", "/api/v1/merchants/import", "text/csv", "msn,name\na/b,Slash AS\n", writer);
		TestHttp.Response headerOnly = send("POST", "/api/v1/merchants/import", "text/csv", "msn,name\n", writer);
		TestHttp.Response latin1 = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/merchants/import")))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + writer)
			.POST(HttpRequest.BodyPublishers.ofByteArray("msn,name\n553305,Fris\u00f8r AS\n"
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
			.build());
		TestHttp.Response spaceMsn = send("PUT", "/api/v1/merchants/%20", "application/json", "{\"name\": \"Blank AS\"}", writer);
		TestHttp.Response badEmail = send("PUT", "/api/v1/merchants/553303", "application/json",
				"{\"keyAccountManagerEmail\": \"not an address\"}", writer);

		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.json().get("detail").asString()).contains("kam_mail");
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(halfGood.status()).isEqualTo(400);
		assertThat(halfGood.json().get("detail").asString()).contains("Row 3");
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(twice.json().get("detail").asString()).contains("Rows 2 and 3").contains("553304");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(badMsn.json().get("detail").asString()).contains("Row 2").contains("4 to 7 digits");
		assertThat(headerOnly.status()).isEqualTo(400);
		assertThat(latin1.json().get("detail").asString()).contains("UTF-8");
		assertThat(spaceMsn.status()).isEqualTo(400);
		assertThat(count("merchant")).isEqualTo(before);
	}

	@Test
	void excelsByteOrderMarkIsFineAndAReplaceClearsWhatIsLeftOut() {
		String writer = keys.create("crm sync", Set.of(ApiScope.ISSUES_WRITE, ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response imported = send("POST", "/api/v1/merchants/import", "text/csv",
				"\uFEFFmsn,organization_number,name\n556600,914778271,Excel AS\n", writer);
		send("PUT", "/api/v1/merchants/556600", "application/json", "{\"name\": \"Excel AS\"}", writer);

		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		assertThat(send("GET", "/api/v1/merchants/556600", null, null, writer).json().get("organizationNumber").isNull())
			.isTrue();
	}

	@Test
	void concurrentFirstSavesOfOneMerchantAddItOnce() throws Exception {
		String writer = keys.create("crm sync", Set.of(ApiScope.ISSUES_WRITE), "test").key();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Integer>> saves = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				saves.add(pool.submit(() -> send("PUT", "/api/v1/merchants/557700", "application/json",
						"{\"name\": \"Race AS\"}", writer).status()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var save : saves) {
				statuses.add(save.get());
			}
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void badParametersAre400sThatNameThem() {
		String reader = keys.create("reader", Set.of(ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response zero = send("GET", "/api/v1/merchants?limit=0", null, null, reader);
		TestHttp.Response undecodable = send("GET", "/api/v1/merchants?q=%FF", null, null, reader);
		TestHttp.Response nul = send("GET", "/api/v1/merchants?q=a%00b", null, null, reader);

		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(undecodable.status()).isEqualTo(400);
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
	}

	@Test
	void readingNeedsIssuesReadAndChangingNeedsIssuesWrite() {
		String reader = keys.create("reader", Set.of(ApiScope.ISSUES_READ), "test").key();

		TestHttp.Response anonymous = send("POST", "/api/v1/merchants/import", "text/csv", "msn,name\n554400,X AS\n", null);
		TestHttp.Response readOnly = send("POST", "/api/v1/merchants/import", "text/csv", "msn,name\n554400,X AS\n", reader);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("requiredScope").asString()).isEqualTo("issues:write");
		assertThat(readOnly.status()).isEqualTo(403);
		assertThat(readOnly.json().get("requiredScope").asString()).isEqualTo("issues:write");
		assertThat(send("GET", "/api/v1/merchants", null, null, null).status()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/merchants/554400", null, null, reader).status()).isEqualTo(404);
	}

	private TestHttp.Response send(String method, String path, String contentType, String body, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return http.send(request.build());
	}

}
