package com.triagedesk.api;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits with the buckets in PostgreSQL (as with several instances): per client address for
 * anonymous callers, per API key for integrations.
 */
@DirtiesContext
@TestPropertySource(properties = { "triage.rate-limit.store=postgres", "triage.rate-limit.anonymous-per-minute=5",
		"triage.rate-limit.api-key-per-minute=3" })
class RateLimitIntegrationTest extends AppIntegrationTest {

	private static final String CHECK = """
			{"subject": "Capture fails", "description": "It fails.", "reporter": {"email": "rate@acme-shop.no"}}""";

	@Autowired
	ApiKeys keys;

	@Test
	void theSixthAnonymousRequestInAMinuteIsA429WithRetryAfter() {
		jdbc.sql("delete from rate_limit_bucket").update();
		TestHttp.Response last = null;
		for (int i = 1; i <= 5; i++) {
			last = http.postJson("/api/v1/requests/check", CHECK);
			assertThat(last.status()).as("request " + i).isEqualTo(200);
			assertThat(last.header("RateLimit-Limit")).isEqualTo("5");
			assertThat(last.header("RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
		}

		TestHttp.Response limited = http.postJson("/api/v1/requests/check", CHECK);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
		assertThat(limited.json().get("type").asString()).isEqualTo("urn:triage-desk:problem:rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(count("rate_limit_bucket")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void eachApiKeyHasItsOwnBucket() {
		String first = keys.create("one", Set.of(ApiScope.ISSUES_READ), "test").key();
		String second = keys.create("two", Set.of(ApiScope.ISSUES_READ), "test").key();

		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/v1/outbox?limit=1", "Authorization", "Bearer " + first).status()).isEqualTo(200);
		}

		assertThat(http.get("/api/v1/outbox?limit=1", "Authorization", "Bearer " + first).status()).isEqualTo(429);
		assertThat(http.get("/api/v1/outbox?limit=1", "Authorization", "Bearer " + second).status()).isEqualTo(200);
	}

	@Test
	void wrongApiKeysCountAgainstTheAddressSoKeysCannotBeGuessedQuickly() {
		jdbc.sql("delete from rate_limit_bucket").update();
		for (int i = 0; i < 5; i++) {
			assertThat(http.get("/api/v1/outbox", "Authorization", "Bearer td_guess123_" + "x".repeat(40)).status())
				.isEqualTo(401);
		}

		TestHttp.Response limited = http.get("/api/v1/outbox", "Authorization", "Bearer td_guess123_" + "y".repeat(40));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
	}

	@Test
	void healthIsNeverLimited() {
		for (int i = 0; i < 10; i++) {
			assertThat(http.get("/actuator/health").status()).isEqualTo(200);
		}
	}

}
