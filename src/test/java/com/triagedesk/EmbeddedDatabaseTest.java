package com.triagedesk;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app as {@code ./mvnw spring-boot:run} starts it: no database configured, so it runs its own
 * PostgreSQL 17 in the data directory, and what was stored is there after a restart.
 */
class EmbeddedDatabaseTest {

	@Test
	void issuesSurviveARestartOfTheAppAndItsEmbeddedDatabase(@TempDir Path dataDir) throws Exception {
		String key;
		String token;
		try (ConfigurableApplicationContext app = start("--triage.data-dir=" + dataDir)) {
			TestHttp http = new TestHttp(port(app));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// This server holds the only copy of the issues: no test-database shortcuts.
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
			JsonNode created = http.postJson("/api/v1/requests", """
					{"subject": "Capture fails", "description": "It fails.", "reporter": {"email": "kari@shop.no"}}
					""").json();
			key = created.get("issueKey").asString();
			token = created.get("followUpToken").asString();
		}
		assertThat(Files.readString(dataDir.resolve("postgres/PG_VERSION")).strip()).isEqualTo("17");

		try (ConfigurableApplicationContext app = start("--triage.data-dir=" + dataDir)) {
			TestHttp.Response issue = new TestHttp(port(app)).get("/api/v1/issues/" + key, "Follow-Up-Token", token);

			assertThat(issue.status()).isEqualTo(200);
			assertThat(issue.json().get("subject").asString()).isEqualTo("Capture fails");
		}
	}

	@Test
	void aSecondAppOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext first = start("--triage.data-dir=" + dataDir)) {
			assertThatThrownBy(() -> start("--triage.data-dir=" + dataDir).close())
				.hasStackTraceContaining("is in use by another running Triage Desk");

			assertThat(new TestHttp(port(first)).get("/actuator/health").json().get("status").asString())
				.isEqualTo("UP");
		}
	}

	@Test
	void aConfiguredDatasourceUrlStartsNoEmbeddedDatabase(@TempDir Path dataDir) {
		var database = TestDatabase.properties();
		try (ConfigurableApplicationContext app = start("--triage.data-dir=" + dataDir,
				"--spring.datasource.url=" + database.get("spring.datasource.url"),
				"--spring.datasource.username=" + database.get("spring.datasource.username"),
				"--spring.datasource.password=" + database.get("spring.datasource.password"))) {
			assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
			assertThat(new TestHttp(port(app)).get("/actuator/health").status()).isEqualTo(200);
		}
		assertThat(dataDir.resolve("postgres")).doesNotExist();
	}

	private static ConfigurableApplicationContext start(String... args) {
		SpringApplication app = new SpringApplication(TriageDeskApplication.class);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return app.run(all);
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
