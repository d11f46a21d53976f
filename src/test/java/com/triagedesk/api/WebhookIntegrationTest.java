package com.triagedesk.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;
import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end against a real HTTP receiver: subscriptions, signatures, a retry after a
 * 500, the delivery log, and switching off a subscription that keeps failing.
 */
@DirtiesContext
@TestPropertySource(properties = { "triage.webhooks.allow-http-localhost=true", "triage.webhooks.allow-private-addresses=true", "triage.webhooks.worker-enabled=false",
		"triage.webhooks.initial-backoff=100ms", "triage.webhooks.max-backoff=200ms",
		"triage.webhooks.disable-after=3" })
class WebhookIntegrationTest extends AppIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Received(Map<String, String> headers, String body) {
	}

	@Autowired
	ApiKeys keys;

	@Autowired
	WebhookWorker worker;

	@Autowired
	IssueManagement management;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failFirst = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"), "timestamp",
					exchange.getRequestHeaders().getFirst("webhook-timestamp"), "signature",
					exchange.getRequestHeaders().getFirst("webhook-signature")), body));
			int status = failFirst.getAndDecrement() > 0 ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
		// Deliveries of earlier tests' subscriptions are not this test's business.
		jdbc.sql("update webhook_subscription set active = false").update();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void aSignedDeliveryIsRetriedAfterA500AndTheLogShowsIt() throws Exception {
		String manager = keys.create("hooks", Set.of(ApiScope.WEBHOOKS_MANAGE), "test").key();
		TestHttp.Response created = http.postJson("/api/v1/webhooks", """
				{"url": "%s", "events": ["issue.created", "issue.message_added"], "description": "CRM"}"""
			.formatted(url()), "Authorization", "Bearer " + manager);
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("secret").asString();
		String id = created.json().get("id").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(http.get("/api/v1/webhooks", "Authorization", "Bearer " + manager).body()).doesNotContain(secret);
		failFirst.set(1);

		String key = http.postJson("/api/v1/requests", """
				{"subject": "Capture fails", "description": "It fails.", "reporter": {"email": "hook@acme-shop.no"}}""")
			.json().get("issueKey").asString();
		management.note(key, "internal only", Actor.staff("anne", Channel.STAFF));
		worker.runOnce();
		Thread.sleep(250);
		worker.runOnce();

		assertThat(received).hasSize(2);
		assertThat(received.get(0).headers().get("id")).isEqualTo(received.get(1).headers().get("id"));
		Received delivery = received.get(1);
		String expected = "v1," + WebhookWorker.sign(secret,
				delivery.headers().get("id") + "." + delivery.headers().get("timestamp") + "." + delivery.body());
		assertThat(delivery.headers().get("signature")).isEqualTo(expected);
		JsonNode event = JSON.readTree(delivery.body());
		assertThat(event.get("type").asString()).isEqualTo("issue.created");
		assertThat(event.get("data").get("issueKey").asString()).isEqualTo(key);
		assertThat(received).noneMatch(r -> r.body().contains("NOTE"));

		JsonNode log = http.get("/api/v1/webhooks/" + id + "/deliveries", "Authorization", "Bearer " + manager).json();
		assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("select string_agg(coalesce(status_code, 0)::text, ',' order by attempted_at) from webhook_attempt a "
				+ "join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = ?::uuid").param(id)
			.query(String.class).single()).isEqualTo("500,204");
	}

	@Test
	void aSubscriptionThatKeepsFailingIsSwitchedOff() throws Exception {
		String manager = keys.create("hooks", Set.of(ApiScope.WEBHOOKS_MANAGE), "test").key();
		String id = http.postJson("/api/v1/webhooks", "{\"url\": \"" + url() + "\", \"events\": [\"issue.created\"]}",
				"Authorization", "Bearer " + manager).json().get("id").asString();
		failFirst.set(100);
		http.postJson("/api/v1/requests", """
				{"subject": "Capture fails", "description": "It fails.", "reporter": {"email": "hook2@acme-shop.no"}}""");

		for (int i = 0; i < 5; i++) {
			worker.runOnce();
			Thread.sleep(250);
		}

		assertThat(received).hasSize(3);
		JsonNode subscription = http.get("/api/v1/webhooks", "Authorization", "Bearer " + manager).json()
			.valueStream().filter(s -> s.get("id").asString().equals(id)).findFirst().orElseThrow();
		assertThat(subscription.get("active").asBoolean()).isFalse();
		assertThat(subscription.get("disabledReason").asString()).contains("3 failed deliveries");
	}

	@Test
	void subscriptionsNeedTheScopeAnHttpsUrlAndKnownEvents() {
		String manager = keys.create("hooks", Set.of(ApiScope.WEBHOOKS_MANAGE), "test").key();
		String reader = keys.create("reader", Set.of(ApiScope.ISSUES_READ), "test").key();
		String body = "{\"url\": \"https://crm.example.com/hook\", \"events\": [\"issue.created\"]}";

		assertThat(http.postJson("/api/v1/webhooks", body).status()).isEqualTo(401);
		assertThat(http.postJson("/api/v1/webhooks", body, "Authorization", "Bearer " + reader).status()).isEqualTo(403);
		assertThat(http.postJson("/api/v1/webhooks", "{\"url\": \"http://crm.example.com/hook\", \"events\": [\"issue.created\"]}",
				"Authorization", "Bearer " + manager).status()).isEqualTo(400);
		assertThat(http.postJson("/api/v1/webhooks", "{\"url\": \"https://u:p@crm.example.com/\", \"events\": [\"issue.created\"]}",
				"Authorization", "Bearer " + manager).status()).isEqualTo(400);
		assertThat(http.postJson("/api/v1/webhooks", "{\"url\": \"https://crm.example.com/\", \"events\": [\"issue.deleted\"]}",
				"Authorization", "Bearer " + manager).status()).isEqualTo(400);
		assertThat(http.postJson("/api/v1/webhooks", body, "Authorization", "Bearer " + manager).status()).isEqualTo(201);
	}

	private String url() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

}
