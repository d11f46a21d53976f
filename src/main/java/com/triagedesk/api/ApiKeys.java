package com.triagedesk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: created by an admin and shown once ({@code td_<prefix>_<secret>}), stored as a
 * SHA-256 hash next to the visible prefix, with scopes, last use and revocation.
 */
@Service
public class ApiKeys {

	/** The key's public part: enough to tell keys apart in lists and logs, useless alone. */
	private static final int PREFIX_LENGTH = 8;

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Last use is written at most this often per key, so reads do not turn into writes. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	/**
	 * A key as created: {@code key} is the only time the secret is seen.
	 */
	public record CreatedKey(UUID id, String prefix, String key, String name, Set<ApiScope> scopes) {
	}

	/**
	 * A key as listed and as the caller of a request.
	 */
	public record Key(UUID id, String prefix, String name, Set<ApiScope> scopes, Instant createdAt, String createdBy,
			Instant lastUsedAt, Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public CreatedKey create(String name, Set<ApiScope> scopes, String createdBy) {
		if (name == null || name.isBlank() || name.length() > 100 || scopes == null || scopes.isEmpty()) {
			throw new IllegalArgumentException("An API key needs a name (1–100 characters) and at least one scope");
		}
		String prefix = randomPrefix();
		String key = "td_" + prefix + "_" + secret();
		return store(name.strip(), scopes, createdBy, prefix, key);
	}

	/**
	 * Makes sure a key given from outside (an environment variable of an automated deployment)
	 * exists with all scopes; nothing happens when it does.
	 */
	@Transactional
	public Optional<CreatedKey> ensure(String key, String name) {
		if (!wellFormed(key)) {
			throw new IllegalArgumentException("A bootstrap API key must look like td_<8 characters>_<at least 32 characters>");
		}
		if (jdbc.sql("select count(*) from api_key where key_hash = ?").param(hash(key)).query(Long.class).single() > 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(store(name, EnumSet.allOf(ApiScope.class), "bootstrap", key.substring(3, 3 + PREFIX_LENGTH),
					key));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// Another instance stored it at the same moment, or another key has this prefix: either
			// way there is nothing to create, and start-up goes on.
			return Optional.empty();
		}
	}

	private CreatedKey store(String name, Set<ApiScope> scopes, String createdBy, String prefix, String key) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into api_key (id, prefix, key_hash, name, scopes, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, prefix, hash(key), name, scopes.stream().map(ApiScope::value).sorted().toArray(String[]::new),
					Timestamp.from(clock.instant()), createdBy)
			.update();
		return new CreatedKey(id, prefix, key, name, Set.copyOf(scopes));
	}

	/**
	 * The active key this secret belongs to. Compares hashes, so the time taken says nothing about
	 * how close a guess was.
	 */
	@Transactional
	public Optional<Key> authenticate(String presented) {
		if (!wellFormed(presented)) {
			return Optional.empty();
		}
		Optional<Key> key = jdbc.sql("select * from api_key where key_hash = ? and revoked_at is null")
			.param(hash(presented))
			.query((rs, n) -> key(rs))
			.optional();
		key.ifPresent(k -> {
			Instant now = clock.instant();
			if (k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
				jdbc.sql("update api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), k.id()).update();
			}
		});
		return key;
	}

	@Transactional
	public boolean revoke(String prefix, String revokedBy) {
		return jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where prefix = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), revokedBy, prefix)
			.update() == 1;
	}

	@Transactional(readOnly = true)
	public List<Key> list() {
		return jdbc.sql("select * from api_key order by created_at").query((rs, n) -> key(rs)).list();
	}

	private static Key key(java.sql.ResultSet rs) throws java.sql.SQLException {
		Array scopes = rs.getArray("scopes");
		Set<ApiScope> parsed = Arrays.stream((String[]) scopes.getArray())
			.map(ApiScope::of)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiScope.class)));
		return new Key(rs.getObject("id", UUID.class), rs.getString("prefix"), rs.getString("name"), parsed,
				instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static boolean wellFormed(String key) {
		if (key == null || key.length() < 3 + PREFIX_LENGTH + 1 + 32 || key.length() > 200 || !key.startsWith("td_")
				|| key.charAt(3 + PREFIX_LENGTH) != '_') {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static String randomPrefix() {
		StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
		for (int i = 0; i < PREFIX_LENGTH; i++) {
			prefix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return prefix.toString();
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
