package com.triagedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A PostgreSQL 17 server in the app's data directory, started with the app and stopped after the
 * connection pool has closed. Its data survives restarts; only the first start runs {@code initdb}.
 */
final class EmbeddedPostgresServer implements JdbcConnectionDetails, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String DATABASE = "postgres";

	private static final String USER = "postgres";

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
		Path directory = properties.postgresDirectory();
		try {
			Files.createDirectories(directory);
			stopOrphanedPostmaster(directory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// The Spring context stops the server after the pool has closed; a second JVM
				// shutdown hook would race it.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(properties.embeddedDatabase().startupTimeout())
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "100")
				// The library's defaults are made for throw-away test databases (-F, no synchronous
				// commit); this one holds the only copy of the issues, so it must survive a crash.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			if (properties.embeddedDatabase().port() > 0) {
				builder.setPort(properties.embeddedDatabase().port());
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL is running on 127.0.0.1:{} with its data in {}", postgres.getPort(),
					directory);
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
					+ " (set spring.datasource.url to use another server)", ex);
		}
	}

	/**
	 * A postmaster left behind by a JVM that was killed keeps the data directory locked; it belongs
	 * to us (the directory is ours alone, guarded by the embedded library's lock), so stop it.
	 */
	private static void stopOrphanedPostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		// The embedded library holds this lock for as long as its JVM runs the server: if someone
		// holds it, the postmaster is not an orphan and must be left alone.
		try (FileChannel channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
			if (lock == null) {
				throw new IllegalStateException("The database in " + directory
						+ " is in use by another running Triage Desk; stop it or set TRIAGE_DATA_DIR to another directory");
			}
			stopPostmaster(directory, pidFile);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static void stopPostmaster(Path directory, Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
				: parsePid(lines.get(0)).flatMap(ProcessHandle::of);
		postmaster.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(process -> {
				log.warn("Stopping PostgreSQL process {} left running in {} by an earlier run", process.pid(),
						directory);
				process.destroy();
				process.onExit().orTimeout(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
			});
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String getUsername() {
		return USER;
	}

	@Override
	public String getPassword() {
		return "";
	}

	@Override
	public String getJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		log.info("Stopping embedded PostgreSQL");
		postgres.close();
	}

}
