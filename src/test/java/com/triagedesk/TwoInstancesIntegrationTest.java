package com.triagedesk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app on one database, both under intake load at once: every request gets
 * its own key, and each mail and each webhook delivery leaves exactly once, whichever instance's
 * worker takes it ({@code FOR UPDATE SKIP LOCKED} with a lease).
 */
class TwoInstancesIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void twoInstancesUnderLoadGiveNoDuplicateKeyAndSendEachMailAndWebhookOnce() throws Exception {
		try (OutsideWorld world = OutsideWorld.start()) {
			Map<String, String> properties = world.appProperties(dir.resolve("data"), Duration.ofSeconds(60));
			try (ChildApp one = ChildApp.start("one", dir, properties);
					ChildApp two = ChildApp.start("two", dir, properties)) {
				TestHttp.Response subscribed = one.http().postJson("/api/v1/webhooks", """
						{"url": "%s", "events": ["issue.created"], "description": "two instances"}""".formatted(world.webhookUrl()),
						"Authorization", "Bearer " + OutsideWorld.API_KEY);
				assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

				Load load = Load.start(List.of(one.http(), two.http()), 3, "pair");
				long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
				while (load.acknowledged() < 100 && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				List<Load.Outcome> outcomes = load.stop();
				assertThat(outcomes).hasSizeGreaterThanOrEqualTo(100);
				world.awaitDrained(Duration.ofSeconds(120));

				assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(201));
				List<String> keys = outcomes.stream().map(Load.Outcome::issueKey).toList();
				assertThat(Set.copyOf(keys)).hasSameSizeAs(keys);
				assertThat(world.count("select count(*) from issue")).isEqualTo(keys.size());
				assertThat(outcomes.stream().map(Load.Outcome::instance).distinct()).containsExactlyInAnyOrder(0, 1);

				Set<String> queuedMail = Set.copyOf(world.jdbc().sql("select message_id from mail_outbox").query(String.class).list()
					.stream().map(id -> id.replaceAll("^<|>$", "")).toList());
				assertThat(world.count("select count(*) from mail_outbox where status <> 'SENT'")).isZero();
				Map<String, Long> mails = world.mailsByMessageId();
				assertThat(mails.keySet()).isEqualTo(queuedMail);
				assertThat(mails.values()).allMatch(sent -> sent == 1);

				Set<String> queuedHooks = Set.copyOf(world.jdbc().sql("select 'msg_' || id from webhook_delivery").query(String.class).list());
				assertThat(queuedHooks).hasSameSizeAs(keys);
				Map<String, Long> hooks = world.webhooksById();
				assertThat(hooks.keySet()).isEqualTo(queuedHooks);
				assertThat(hooks.values()).allMatch(sent -> sent == 1);
				long workers = world.count("select count(distinct worker) from mail_attempt");

				System.out.printf("Two instances: %d requests acknowledged (%d by the first, %d by the second), %d distinct keys, "
						+ "%d mails and %d webhooks each delivered once, mail sent by %d workers%n", keys.size(),
						outcomes.stream().filter(o -> o.instance() == 0).count(),
						outcomes.stream().filter(o -> o.instance() == 1).count(), Set.copyOf(keys).size(), mails.size(),
						hooks.size(), workers);
			}
		}
	}

}
