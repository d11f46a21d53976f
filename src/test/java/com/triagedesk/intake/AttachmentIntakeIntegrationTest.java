package com.triagedesk.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import com.triagedesk.Multipart;
import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests with files, as {@code curl -F request=@req.json;type=application/json -F files=@x.har}.
 */
class AttachmentIntakeIntegrationTest extends AppIntegrationTest {

	static final String REQUEST = """
			{"subject": "Checkout session fails with HTTP 400", "description": "1. We open checkout. 2. The session call fails with 400, see the HAR file.",
			 "reporter": {"name": "Kari Nordmann", "email": "kari@shop.no", "phone": "+47 912 34 567"}}
			""";

	static final String SECRET = "5e48532634114fe999a6979ce0d63a64";

	static final String HAR = """
			{"log": {"version": "1.2", "entries": [{
			  "request": {"method": "POST", "url": "https://apitest.vipps.no/checkout/v3/session",
			              "headers": [{"name": "Ocp-Apim-Subscription-Key", "value": "%s"},
			                          {"name": "Merchant-Serial-Number", "value": "123456"}],
			              "postData": {"text": "{\\"reference\\": \\"order-98765\\"}"}},
			  "response": {"status": 400, "statusText": "Bad Request", "headers": [], "content": {"text": "{}"}}
			}]}}
			""".formatted(SECRET);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	private TestHttp.Response post(String path, Multipart multipart) {
		return http.send(HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build());
	}

	@Test
	void screenshotsAndHarFilesAreReadRedactedAndKept() {
		TestHttp.Response response = post("/api/v1/requests", new Multipart().json("request", REQUEST)
			.part("files", "error.png", "image/png", PNG)
			.part("files", "session.har", "application/octet-stream", HAR.getBytes(StandardCharsets.UTF_8)));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.toString()).doesNotContain(SECRET);
		assertThat(ChecklistJson.state(body, "SCREENSHOTS")).isEqualTo("OK");
		assertThat(ChecklistJson.state(body, "HTTP_EXCHANGE")).isEqualTo("OK");
		assertThat(ChecklistJson.state(body, "MERCHANT_SERIAL_NUMBER")).isEqualTo("OK");
		assertThat(body.get("facts").get("product").asString()).isEqualTo("CHECKOUT");
		assertThat(body.get("redactions").get(0).get("location").asString()).isEqualTo("attachment session.har");
		assertThat(body.get("redactions").get(0).get("kind").asString()).isEqualTo("SUBSCRIPTION_KEY");

		String key = body.get("issueKey").asString();
		JsonNode issue = http.get("/api/v1/issues/" + key, "Follow-Up-Token", body.get("followUpToken").asString()).json();
		assertThat(issue.get("attachments").valueStream().map(a -> a.get("filename").asString() + " " + a.get("kind").asString()))
			.containsExactly("error.png IMAGE", "session.har TEXT");
		String stored = jdbc.sql("select convert_from(content, 'UTF8') from attachment a join issue i on i.id = a.issue_id "
				+ "where i.issue_key = ? and a.kind = 'TEXT'").param(key).query(String.class).single();
		assertThat(stored).doesNotContain(SECRET).contains("…3a64");
	}

	@Test
	void checkReadsFilesAndStoresNothing() {
		long before = count("attachment");

		TestHttp.Response response = post("/api/v1/requests/check",
				new Multipart().json("request", REQUEST).part("files", "error.png", "image/png", PNG));

		assertThat(response.status()).isEqualTo(200);
		assertThat(ChecklistJson.state(response.json(), "SCREENSHOTS")).isEqualTo("OK");
		assertThat(count("attachment")).isEqualTo(before);
	}

	@Test
	void aFileThatClaimsToBeAnImageButIsNotIsRefused() {
		TestHttp.Response response = post("/api/v1/requests", new Multipart().json("request", REQUEST)
			.part("files", "error.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-attachment");
	}

	@Test
	void aFileWhoseSecretsCannotBeCutIsRefused() {
		TestHttp.Response response = post("/api/v1/requests", new Multipart().json("request", REQUEST)
			.part("files", "logs.zip", "application/zip", new byte[] { 'P', 'K', 3, 4, 0, 0 }));

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:unsupported-attachment");
	}

	@Test
	void aTextFileThatIsNotUtf8IsRefused() {
		TestHttp.Response response = post("/api/v1/requests", new Multipart().json("request", REQUEST)
			.part("files", "server.log", "text/plain", new byte[] { 'a', (byte) 0xc3, (byte) 0x28 }));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-attachment");
	}

	@Test
	void pathTricksInFileNamesAreCut() {
		TestHttp.Response response = post("/api/v1/requests", new Multipart().json("request", REQUEST)
			.part("files", "../../etc/passwd.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));

		assertThat(response.status()).isEqualTo(201);
		String key = response.json().get("issueKey").asString();
		assertThat(http.get("/api/v1/issues/" + key, "Follow-Up-Token", response.json().get("followUpToken").asString())
			.json()
			.get("attachments").get(0).get("filename").asString())
			.isEqualTo("passwd.txt");
	}

	@Test
	void aMultipartRequestWithoutItsRequestPartIsA400Problem() {
		TestHttp.Response response = post("/api/v1/requests",
				new Multipart().part("files", "error.png", "image/png", PNG));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anInvalidRequestPartIsA400NamingTheField() {
		TestHttp.Response response = post("/api/v1/requests",
				new Multipart().json("request", "{\"subject\": \"s\", \"reporter\": {\"email\": \"kari@shop.no\"}}"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
	}

}
