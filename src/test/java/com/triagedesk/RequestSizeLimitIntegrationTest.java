package com.triagedesk;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over the configured limit are refused with a 413 problem, announced or chunked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "triage.http.max-request-size=64KB")
class RequestSizeLimitIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aBodyAnnouncedAsTooLargeIsA413Problem() {
		TestHttp http = new TestHttp(port);

		TestHttp.Response response = http.postJson("/api/v1/requests", body(100_000));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:payload-too-large");
	}

	@Test
	void aChunkedBodyThatGrowsTooLargeIsA413Problem() {
		TestHttp http = new TestHttp(port);
		byte[] bytes = body(100_000).getBytes();

		TestHttp.Response response = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:payload-too-large");
	}

	@Test
	void aBodyUnderTheLimitIsAccepted() {
		TestHttp.Response response = new TestHttp(port).postJson("/api/v1/requests", body(30_000));

		assertThat(response.status()).isEqualTo(201);
	}

	private static String body(int descriptionLength) {
		return """
				{"subject": "Capture fails", "description": "%s", "reporter": {"email": "kari@shop.no"}}
				""".formatted("a".repeat(descriptionLength));
	}

}
