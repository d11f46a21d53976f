package com.triagedesk;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the embedded PostgreSQL runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir root of everything the app keeps on disk; the database lives in {@code <dataDir>/postgres}
 * @param embeddedDatabase settings of the embedded server
 */
@ConfigurationProperties("triage")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir,
		@DefaultValue EmbeddedDatabase embeddedDatabase) {

	/**
	 * @param enabled whether to start the embedded server when no datasource URL is set
	 * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
	 * @param startupTimeout how long to wait for the server to accept connections
	 */
	public record EmbeddedDatabase(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
			@DefaultValue("60s") Duration startupTimeout) {
	}

	Path postgresDirectory() {
		return dataDir.resolve("postgres").toAbsolutePath().normalize();
	}

}
