package com.triagedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore, the two ways the README describes for the database: a logical backup (every
 * table's rows through COPY, the protocol pg_dump uses, read in one snapshot) restored into a fresh
 * database whose schema Flyway made; and a file-system-level backup of a stopped embedded server's
 * data directory, started again from the copy. Both on servers of their own, next to the shared
 * test database. Each restore must hold every issue, message and participant — every row of every
 * table — exactly as it was backed up, and be ready for the next issue.
 */
class BackupRestoreIntegrationTest extends AppIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FLYWAY_HISTORY = "select version, description, script, checksum, success "
			+ "from flyway_schema_history order by installed_rank";

	@Autowired
	ApiKeys keys;

	@TempDir
	Path temp;

	@Test
	void aBackupRestoredIntoAFreshDatabaseHasEveryIssueMessageAndParticipantAsTheyWere() throws Exception {
		List<String> created = issuesWithThreadsAndParticipants();
		Map<String, List<String>> backedUp = new HashMap<>();
		List<List<Object>> history = new ArrayList<>();
		DatabaseCopy.Backup backup;
		try (Connection source = DatabaseCopy.open(TestDatabase.properties())) {
			backup = DatabaseCopy.backup(source, snapshot -> {
				backedUp.putAll(DatabaseCopy.rows(snapshot));
				history.addAll(rows(snapshot, FLYWAY_HISTORY));
			});
		}
		assertThat(backedUp.get("\"public\".\"issue\"")).as("issues backed up")
			.anySatisfy(row -> assertThat(row).contains(created.get(0)));

		Path original = temp.resolve("restored");
		try (EmbeddedPostgres fresh = server(original)) {
			Flyway.configure().dataSource(fresh.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
			try (Connection target = fresh.getPostgresDatabase().getConnection()) {
				assertThat(DatabaseCopy.rows(target).get("\"public\".\"issue\"")).as("a fresh database").isEmpty();
				assertThat(schemaVersion(target)).isEqualTo(backup.schemaVersion());
				DatabaseCopy.restore(backup, target);
				assertSameAsBackedUp(target, backedUp, history, created);
			}
		}

		// The file-system-level backup: the server stopped cleanly, its directory copied, a new
		// server started on the copy.
		Path copy = temp.resolve("copy");
		copyDirectory(original, copy);
		try (EmbeddedPostgres fromCopy = server(copy); Connection restored = fromCopy.getPostgresDatabase().getConnection()) {
			assertSameAsBackedUp(restored, backedUp, history, created);
			assertTheNextIssueGetsANewKey(restored, backedUp);
		}

		System.out.printf("Backup and restore: %d tables, %d rows, %d bytes in COPY's binary format, %d sequences; "
				+ "%d issues, %d messages, %d participants compared row for row%n", backup.tables().size(), backup.rows(),
				backup.bytes(), backup.sequences().size(), backedUp.get("\"public\".\"issue\"").size(),
				backedUp.get("\"public\".\"message\"").size(), backedUp.get("\"public\".\"participant\"").size());
	}

	private void assertSameAsBackedUp(Connection restored, Map<String, List<String>> backedUp, List<List<Object>> history,
			List<String> created) throws SQLException {
		Map<String, List<String>> rows = DatabaseCopy.rows(restored);
		// Flyway's history is the target's own (its install times differ); the migrations are the same.
		assertThat(rows(restored, FLYWAY_HISTORY)).isEqualTo(history);
		rows.remove("\"public\".\"flyway_schema_history\"");
		Map<String, List<String>> expected = new HashMap<>(backedUp);
		expected.remove("\"public\".\"flyway_schema_history\"");
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (String table : List.of("\"public\".\"issue\"", "\"public\".\"message\"", "\"public\".\"participant\"")) {
			assertThat(rows.get(table)).as(table).isNotEmpty().containsExactlyElementsOf(expected.get(table));
		}
		expected.forEach((table, tableRows) -> assertThat(rows.get(table)).as(table).containsExactlyElementsOf(tableRows));
		for (String key : created) {
			assertThat(count(restored, "select count(*) from message m join issue i on i.id = m.issue_id where i.issue_key = '"
					+ key + "'")).as("messages of %s", key).isGreaterThanOrEqualTo(3);
			assertThat(count(restored, "select count(*) from participant p join issue i on i.id = p.issue_id "
					+ "where i.issue_key = '" + key + "'")).as("participants of %s", key).isGreaterThanOrEqualTo(4);
		}
	}

	/**
	 * The sequences came along: the next issue key is past every restored one.
	 */
	private void assertTheNextIssueGetsANewKey(Connection restored, Map<String, List<String>> backedUp) throws SQLException {
		long highest = backedUp.get("\"public\".\"issue\"")
			.stream()
			.map(row -> JSON.readTree(row).get("issue_key").asString())
			.mapToLong(key -> Long.parseLong(key.substring(key.indexOf('-') + 1)))
			.max()
			.orElseThrow();
		assertThat(count(restored, "select nextval('issue_key_seq')")).isGreaterThan(highest);
	}

	// ---- the issues --------------------------------------------------------------------------

	/**
	 * Three issues through the API, each with a follow-up, a staff reply and a note, CC recipients,
	 * a participant added and one removed, and a file.
	 */
	private List<String> issuesWithThreadsAndParticipants() {
		String writer = keys.create("backup-staff", Set.of(ApiScope.ISSUES_READ, ApiScope.ISSUES_WRITE), "test").key();
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> issueKeys = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String who = run + "-" + i;
			String request = json(Map.of("subject", "Capture fails with HTTP 500 (" + who + ")", "description",
					"1. We capture. 2. We get HTTP 500. Æøå – “quotes” \\ backslash\ttab", "reporter",
					Map.of("name", "Kari Nordmann " + i, "email", "kari." + who + "@acme-shop.example"), "cc",
					List.of("ola." + who + "@acme-shop.example", "per." + who + "@acme-shop.example")));
			Multipart multipart = new Multipart().json("request", request)
				.part("files", "debug.log", "text/plain", ("log line " + who).getBytes(StandardCharsets.UTF_8));
			TestHttp.Response created = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/requests")))
				.header("Content-Type", multipart.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
				.build());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String key = created.json().get("issueKey").asString();
			String token = created.json().get("followUpToken").asString();
			assertThat(http.postJson("/api/v1/issues/" + key + "/messages", json(Map.of("text", "Our MSN is 123456.",
					"merchantSerialNumber", "123456", "cc", List.of("lise." + who + "@acme-shop.example"))),
					"Follow-Up-Token", token).status()).isEqualTo(201);
			assertThat(http.postJson("/api/v1/issues/" + key + "/replies", json(Map.of("text", "We are looking at it.")),
					"Authorization", "Bearer " + writer).status()).isEqualTo(201);
			assertThat(http.postJson("/api/v1/issues/" + key + "/notes", json(Map.of("text", "Internal: see the log.")),
					"Authorization", "Bearer " + writer).status()).isEqualTo(201);
			assertThat(http.postJson("/api/v1/issues/" + key + "/participants",
					json(Map.of("email", "lead." + who + "@acme-shop.example")), "Authorization", "Bearer " + writer)
				.status()).isEqualTo(201);
			assertThat(http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/issues/" + key + "/participants/per."
					+ who + "@acme-shop.example")))
				.header("Authorization", "Bearer " + writer)
				.DELETE()
				.build()).status()).isEqualTo(204);
			JsonNode issue = http.get("/api/v1/issues/" + key, "Authorization", "Bearer " + writer).json();
			assertThat(issue.get("messages").size()).isGreaterThanOrEqualTo(3);
			issueKeys.add(key);
		}
		return issueKeys;
	}

	// ---- helpers -----------------------------------------------------------------------------

	/**
	 * An embedded PostgreSQL 17 of its own whose data stays in the directory (initialised on first
	 * use), as the app runs its own.
	 */
	private static EmbeddedPostgres server(Path directory) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			// The library's 10 seconds are short on a busy CI machine; the app allows 60 too.
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	/**
	 * {@code cp -a}: owner and permissions kept, which PostgreSQL checks (its directory must be the
	 * server user's, mode 0700).
	 */
	private static void copyDirectory(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			files.forEach(file -> {
				try {
					// Parents come first in a walk; a directory is copied without its content.
					Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		return rows(connection, "select max(version::int)::text from flyway_schema_history where success "
				+ "and version is not null").get(0).get(0).toString();
	}

	private static long count(Connection connection, String sql) throws SQLException {
		return ((Number) rows(connection, sql).get(0).get(0)).longValue();
	}

	private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
