package com.triagedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops in the middle of intake under load and comes back: every request is answered
 * 201 or a 503 problem with {@code Retry-After}, every 201 is stored whole, every 503 left nothing,
 * and the app recovers by itself without a restart. Runs the app on its own PostgreSQL 17, which
 * the test stops ({@code pg_ctl stop -m fast}, aborting open transactions) and restarts on the same
 * data directory and port.
 */
@Tag("fault")
class DatabaseOutageIntegrationTest {

	private static final int WRITERS = 4;

	@TempDir
	Path dir;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void intakeAnswers503WhileTheDatabaseIsDownStoresNothingHalfAndRecoversByItself() throws Exception {
		Path data = Files.createDirectories(dir.resolve("pg"));
		int dbPort = freePort();
		postgres = startPostgres(data, dbPort);
		app = new SpringApplicationBuilder(TriageDeskApplication.class).properties(Map.of(
				"spring.datasource.url", "jdbc:postgresql://localhost:" + dbPort + "/postgres",
				"spring.datasource.username", "postgres", "spring.datasource.password", "",
				// Fail fast while the server is gone, so the test does not wait 5 s per request.
				"spring.datasource.hikari.connection-timeout", "1000", "server.port", "0",
				"triage.data-dir", dir.resolve("app").toString()))
			.run();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		TestHttp http = new TestHttp(port);
		JdbcClient jdbc = app.getBean(JdbcClient.class);

		ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sequence = new AtomicInteger();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		for (int i = 0; i < WRITERS; i++) {
			writers.submit(() -> {
				while (running.get()) {
					outcomes.add(submit(http, "outage-" + sequence.incrementAndGet()));
				}
			});
		}
		awaitStatus(outcomes, 201, Duration.ofSeconds(30));

		postgres.close();
		postgres = null;
		int before = outcomes.size();
		awaitStatus(outcomes, 503, Duration.ofSeconds(30));
		TestHttp.Response health = http.get("/actuator/health");
		TestHttp.Response read = http.get("/api/v1/issues/VSD-100000", "Follow-Up-Token", "nothing");
		Thread.sleep(2000);

		postgres = startPostgres(data, dbPort);
		long restarted = System.nanoTime();
		int atRestart = outcomes.size();
		awaitNewStatus(outcomes, atRestart, 201, Duration.ofSeconds(60));
		Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
		running.set(false);
		writers.shutdown();
		assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		List<Outcome> all = new ArrayList<>(outcomes);
		assertThat(all).allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.toString()).isIn(201, 503));
		List<Outcome> refused = all.stream().filter(o -> o.status() == 503).toList();
		List<Outcome> stored = all.stream().filter(o -> o.status() == 201).toList();
		assertThat(refused).isNotEmpty().allSatisfy(outcome -> {
			assertThat(outcome.contentType()).startsWith("application/problem+json");
			assertThat(outcome.retryAfter()).isEqualTo("5");
			assertThat(outcome.body()).contains("\"status\":503").doesNotContain("Exception").doesNotContain("\tat ");
		});
		assertThat(health.status()).isEqualTo(503);
		assertThat(read.status()).isEqualTo(503);
		assertThat(read.header("Content-Type")).startsWith("application/problem+json");
		assertThat(read.header("Retry-After")).isEqualTo("5");

		for (Outcome outcome : refused) {
			assertThat(jdbc.sql("select count(*) from issue where subject = ?").param(outcome.subject())
				.query(Long.class).single()).as("refused %s left nothing", outcome.subject()).isZero();
		}
		for (Outcome outcome : stored) {
			Map<String, Object> row = jdbc.sql("""
					select (select count(*) from issue where issue_key = :key and subject = :subject) as issues,
					       (select count(*) from participant p join issue i on i.id = p.issue_id where i.issue_key = :key) as participants,
					       (select count(*) from message m join issue i on i.id = m.issue_id where i.issue_key = :key) as messages,
					       (select count(*) from issue_event e join issue i on i.id = e.issue_id where i.issue_key = :key) as events,
					       (select count(*) from mail_outbox where issue_key = :key) as mails""")
				.param("key", outcome.issueKey()).param("subject", outcome.subject()).query().singleRow();
			assertThat(row).as("acknowledged %s is stored whole", outcome.issueKey())
				.containsEntry("issues", 1L).containsEntry("messages", 1L).containsEntry("mails", 1L);
			assertThat((Long) row.get("participants")).isPositive();
			assertThat((Long) row.get("events")).isPositive();
		}
		// Nothing stored without an acknowledgement either: every issue of this run was answered 201.
		assertThat(jdbc.sql("select count(*) from issue where subject like 'outage-%'").query(Long.class).single())
			.isEqualTo(stored.size());
		assertThat(http.get("/actuator/health").status()).isEqualTo(200);
		System.out.printf("Database outage: %d requests, %d answered 201, %d answered 503 (%d during the outage), "
				+ "recovered %d ms after the database returned%n", all.size(), stored.size(), refused.size(),
				atRestart - before, recovery.toMillis());
	}

	private static Outcome submit(TestHttp http, String subject) {
		try {
			TestHttp.Response response = http.postJson("/api/v1/requests", """
					{"subject": "%s", "description": "Capture returns 500 since this morning.",
					 "reporter": {"email": "dev@acme-shop.no"}}""".formatted(subject));
			String key = response.status() == 201 ? response.json().get("issueKey").asString() : null;
			return new Outcome(subject, response.status(), key, response.header("Content-Type"),
					response.header("Retry-After"), response.body());
		}
		catch (UncheckedIOException ex) {
			return new Outcome(subject, -1, null, null, null, ex.toString());
		}
	}

	private static void awaitStatus(ConcurrentLinkedQueue<Outcome> outcomes, int status, Duration timeout)
			throws InterruptedException {
		awaitNewStatus(outcomes, 0, status, timeout);
	}

	private static void awaitNewStatus(ConcurrentLinkedQueue<Outcome> outcomes, int skip, int status, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (outcomes.stream().skip(skip).noneMatch(o -> o.status() == status)) {
			assertThat(System.nanoTime()).as("no %d within %s", status, timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Outcome(String subject, int status, String issueKey, String contentType, String retryAfter, String body) {

		@Override
		public String toString() {
			return subject + " -> " + status + " " + contentType + " " + body.substring(0, Math.min(body.length(), 300));
		}

	}

}
