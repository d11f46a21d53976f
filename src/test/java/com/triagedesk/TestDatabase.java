package com.triagedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL 17 that every test needing a database shares, started once per test run:
 * the server in {@code TRIAGE_TEST_DATABASE_URL} when set, a Testcontainers {@code postgres:17}
 * where Docker runs, the embedded one otherwise. Never H2.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static Map<String, String> properties;

	private TestDatabase() {
	}

	/**
	 * Spring properties that point a context at the shared database, starting it on first use.
	 */
	public static synchronized Map<String, String> properties() {
		if (properties == null) {
			properties = start();
		}
		return properties;
	}

	private static Map<String, String> start() {
		String url = System.getenv("TRIAGE_TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			log.info("Tests use the PostgreSQL server at TRIAGE_TEST_DATABASE_URL");
			return Map.of("spring.datasource.url", url, "spring.datasource.username",
					System.getenv().getOrDefault("TRIAGE_TEST_DATABASE_USERNAME", "postgres"),
					"spring.datasource.password", System.getenv().getOrDefault("TRIAGE_TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			log.info("Tests use Testcontainers postgres:17 at {}", container.getJdbcUrl());
			return Map.of("spring.datasource.url", container.getJdbcUrl(), "spring.datasource.username",
					container.getUsername(), "spring.datasource.password", container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			log.info("Tests use an embedded PostgreSQL 17 on port {}", postgres.getPort());
			return Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded test PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		if ("false".equalsIgnoreCase(System.getenv("TRIAGE_TEST_DOCKER"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
