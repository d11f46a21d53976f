package com.triagedesk.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.Multipart;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on POST: a retry gets the first answer, a concurrent duplicate 409, the
 * same key with another body 422; keys belong to their caller.
 */
class IdempotencyIntegrationTest extends AppIntegrationTest {

	@Autowired
	ApiKeys keys;

	@Test
	void aRetryGetsTheFirstAnswerAndCreatesNothingNew() {
		String key = UUID.randomUUID().toString();
		String body = request("retry");
		long before = count("issue");

		TestHttp.Response first = http.postJson("/api/v1/requests", body, "Idempotency-Key", key);
		TestHttp.Response retry = http.postJson("/api/v1/requests", body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.json().get("issueKey").asString()).isEqualTo(first.json().get("issueKey").asString());
		assertThat(count("issue")).isEqualTo(before + 1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA422() {
		String key = UUID.randomUUID().toString();
		http.postJson("/api/v1/requests", request("one"), "Idempotency-Key", key);

		TestHttp.Response other = http.postJson("/api/v1/requests", request("two"), "Idempotency-Key", key);

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:idempotency-key-reused");
	}

	@Test
	void concurrentDuplicatesCreateOneIssueAndTheOthersWaitOrReplay() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = request("race");
		long before = count("issue");
		CyclicBarrier start = new CyclicBarrier(6);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<TestHttp.Response> responses = new ArrayList<>();
		try {
			List<Future<TestHttp.Response>> sent = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				sent.add(pool.submit(() -> {
					start.await();
					return http.postJson("/api/v1/requests", body, "Idempotency-Key", key);
				}));
			}
			for (Future<TestHttp.Response> response : sent) {
				responses.add(response.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses).filteredOn(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).hasSize(1);
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
		assertThat(responses).filteredOn(r -> r.status() == 409)
			.allSatisfy(r -> assertThat(r.json().get("type").asString())
				.isEqualTo("urn:triage-desk:problem:idempotency-key-in-use"));
		assertThat(count("issue")).isEqualTo(before + 1);
	}

	@Test
	void keysBelongToTheirCaller() {
		String key = UUID.randomUUID().toString();
		String apiKey = keys.create("crm", Set.of(ApiScope.REQUESTS_WRITE), "test").key();

		TestHttp.Response anonymous = http.postJson("/api/v1/requests", request("a"), "Idempotency-Key", key);
		TestHttp.Response integration = http.postJson("/api/v1/requests", request("b"), "Idempotency-Key", key,
				"Authorization", "Bearer " + apiKey);

		assertThat(anonymous.status()).isEqualTo(201);
		assertThat(integration.status()).isEqualTo(201);
		assertThat(integration.json().get("issueKey").asString()).isNotEqualTo(anonymous.json().get("issueKey").asString());
	}

	@Test
	void aBadRequestIsRememberedTooAndABadKeyRefused() {
		String key = UUID.randomUUID().toString();

		TestHttp.Response first = http.postJson("/api/v1/requests", "{\"subject\": \"\"}", "Idempotency-Key", key);
		TestHttp.Response retry = http.postJson("/api/v1/requests", "{\"subject\": \"\"}", "Idempotency-Key", key);
		TestHttp.Response badKey = http.postJson("/api/v1/requests", request("x"), "Idempotency-Key", "two words");

		assertThat(first.status()).isEqualTo(400);
		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(badKey.status()).isEqualTo(400);
		assertThat(badKey.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:invalid-idempotency-key");
	}

	@Test
	void multipartRequestsWithFilesAreIdempotentToo() {
		String key = UUID.randomUUID().toString();
		Multipart multipart = new Multipart().json("request", request("files")).part("files", "error.png", "image/png",
				com.triagedesk.intake.AttachmentIntakeIntegrationTestSupport.png());

		TestHttp.Response first = post(multipart, key);
		TestHttp.Response retry = post(multipart, key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().get("issueKey").asString()).isEqualTo(first.json().get("issueKey").asString());
	}

	private TestHttp.Response post(Multipart multipart, String key) {
		return http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", multipart.contentType())
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build());
	}

	private static String request(String tag) {
		return """
				{"subject": "Capture fails with HTTP 500 (%s)", "description": "1. We capture. 2. We get 500.",
				 "reporter": {"email": "idem.%s@acme-shop.no"}}""".formatted(tag, UUID.randomUUID().toString().substring(0, 8));
	}

}
