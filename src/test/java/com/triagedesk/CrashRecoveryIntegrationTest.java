package com.triagedesk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process is killed with SIGKILL under load and started again on the same database: every
 * request it acknowledged with 201 exists whole, and every mail and webhook it had queued is
 * delivered after the restart. A delivery that was on the wire at the moment of the kill may
 * arrive a second time, and then with the same Message-ID or {@code webhook-id}, so the receiver
 * sees one message; the test holds the duplicates to those the killed process had leased.
 */
@Tag("fault")
class CrashRecoveryIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void afterAKillUnderLoadEveryAcknowledgedRequestExistsAndEveryQueuedMailAndWebhookGoesOut() throws Exception {
		try (OutsideWorld world = OutsideWorld.start()) {
			Map<String, String> properties = world.appProperties(dir.resolve("data"), Duration.ofSeconds(10));
			List<Load.Outcome> outcomes;
			long leasedAtKill;
			try (ChildApp first = ChildApp.start("first", dir, properties)) {
				TestHttp.Response subscribed = first.http().postJson("/api/v1/webhooks", """
						{"url": "%s", "events": ["issue.created"], "description": "crash test"}""".formatted(world.webhookUrl()),
						"Authorization", "Bearer " + OutsideWorld.API_KEY);
				assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

				Load load = Load.start(List.of(first.http()), 4, "crash");
				awaitAcknowledged(load, 60, Duration.ofSeconds(90));
				first.kill();
				outcomes = load.stop();
				leasedAtKill = world.count("select count(*) from mail_outbox where status = 'PENDING' and lease_until is not null")
						+ world.count("select count(*) from webhook_delivery where status = 'PENDING' and lease_until is not null");
			}
			long pendingAtKill = world.count("select count(*) from mail_outbox where status = 'PENDING'")
					+ world.count("select count(*) from webhook_delivery where status = 'PENDING'");

			try (ChildApp second = ChildApp.start("second", dir, properties)) {
				world.awaitDrained(Duration.ofSeconds(120));

				List<Load.Outcome> acknowledged = outcomes.stream().filter(o -> o.status() == 201).toList();
				assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(201, -1));
				Set<String> stored = Set.copyOf(world.jdbc().sql("select issue_key from issue").query(String.class).list());
				assertThat(stored).containsAll(acknowledged.stream().map(Load.Outcome::issueKey).toList());
				// Requests cut off without an answer are stored whole or not at all.
				assertThat(world.count("""
						select count(*) from issue i
						 where not exists (select 1 from message m where m.issue_id = i.id)
						    or not exists (select 1 from participant p where p.issue_id = i.id)
						    or not exists (select 1 from issue_event e where e.issue_id = i.id)
						    or not exists (select 1 from mail_outbox o where o.issue_key = i.issue_key)
						    or not exists (select 1 from webhook_delivery d where d.payload like '%' || i.issue_key || '%')""")).isZero();
				// Each issue appears in the API of the new instance.
				assertThat(second.http().get("/api/v1/issues/" + acknowledged.getLast().issueKey(), "Authorization",
						"Bearer " + OutsideWorld.API_KEY).status()).isEqualTo(200);

				Set<String> queuedMail = Set.copyOf(world.jdbc().sql("select message_id from mail_outbox where status = 'SENT'")
					.query(String.class).list().stream().map(CrashRecoveryIntegrationTest::bare).toList());
				Map<String, Long> mails = world.mailsByMessageId();
				assertThat(world.count("select count(*) from mail_outbox where status <> 'SENT'")).isZero();
				assertThat(mails.keySet()).isEqualTo(queuedMail);
				Set<String> queuedHooks = Set.copyOf(world.jdbc().sql("select 'msg_' || id from webhook_delivery where status = 'DELIVERED'")
					.query(String.class).list());
				assertThat(world.count("select count(*) from webhook_delivery where status <> 'DELIVERED'")).isZero();
				Map<String, Long> hooks = world.webhooksById();
				assertThat(hooks.keySet()).isEqualTo(queuedHooks);
				long duplicates = mails.values().stream().mapToLong(n -> n - 1).sum()
						+ hooks.values().stream().mapToLong(n -> n - 1).sum();
				assertThat(duplicates).isLessThanOrEqualTo(leasedAtKill);

				System.out.printf("Crash recovery: %d requests, %d acknowledged before SIGKILL, %d cut off; %d issues stored; "
						+ "%d deliveries pending at the kill (%d leased); after restart %d mails and %d webhooks delivered, "
						+ "%d repeated with the same id%n", outcomes.size(), acknowledged.size(),
						outcomes.size() - acknowledged.size(), stored.size(), pendingAtKill, leasedAtKill, mails.size(),
						hooks.size(), duplicates);
			}
		}
	}

	private static void awaitAcknowledged(Load load, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (load.acknowledged() < count) {
			assertThat(System.nanoTime()).as("%d acknowledged within %s", count, timeout).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static String bare(String messageId) {
		return messageId.replaceAll("^<|>$", "");
	}

}
