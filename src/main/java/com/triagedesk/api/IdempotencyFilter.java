package com.triagedesk.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST under {@code /api}, per caller (API key, or the client
 * address for anonymous intake): a retry gets the first result again (with
 * {@code Idempotent-Replayed: true}), a retry while the first is still running gets 409, the same
 * key with another body 422. Results are kept 24 hours; server errors are not kept, so the retry
 * runs again.
 * <p>
 * A kept answer can hold what may be stored nowhere in clear, such as the follow-up token of a new
 * issue (of which only the hash is kept). So it is stored sealed (AES-GCM) with a key derived from
 * the request itself, which only the caller who sent it has: the database holds the request's hash,
 * and the key is a different hash of it, so a copy of the database opens no kept answer.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration KEPT = Duration.ofHours(24);

	/** Marks a sealed answer, so that one kept in clear by an earlier version is still replayed. */
	private static final byte[] SEALED = "td-sealed-1:".getBytes(StandardCharsets.US_ASCII);

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyFilter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			Problems.write(response, request, problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
					"Invalid Idempotency-Key", "An Idempotency-Key is 1 to 255 visible ASCII characters, e.g. a UUID."));
			return;
		}
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		byte[] body;
		try {
			// Multipart bodies are hashed part by part: the container parses them once and keeps the
			// parts, so the controller still reads them. Other bodies are read once and replayed.
			body = multipart ? partsDigest(request) : request.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			if (ex.getClass().getSimpleName().equals("TooLargeIOException")) {
				Problems.write(response, request, problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
						"Content too large", "The request body is larger than this service accepts."));
				return;
			}
			throw ex;
		}
		catch (IllegalStateException ex) {
			Problems.write(response, request, problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"Content too large", "A part of the request is larger than this service accepts."));
			return;
		}
		catch (ServletException ex) {
			Problems.write(response, request, problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The multipart request body is malformed."));
			return;
		}
		String owner = Callers.current().map(ApiKeyAuthentication::getName).orElse("client:" + request.getRemoteAddr());
		String head = request.getRequestURI() + "?" + request.getQueryString() + "\n" + request.getContentType() + "\n";
		String hash = hash(head, body);
		byte[] answerKey = answerKey(owner, key, head, body);
		Instant now = clock.instant();
		jdbc.sql("delete from idempotency_key where owner = ? and idempotency_key = ? and expires_at < ?")
			.params(owner, key, Timestamp.from(now))
			.update();
		boolean first = jdbc.sql("""
				insert into idempotency_key (owner, idempotency_key, request_hash, state, created_at, expires_at)
				values (?, ?, ?, 'IN_PROGRESS', ?, ?) on conflict do nothing""")
			.params(owner, key, hash, Timestamp.from(now), Timestamp.from(now.plus(KEPT)))
			.update() == 1;
		if (!first) {
			replay(owner, key, hash, answerKey, request, response);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(multipart ? request : new CachedBody(request, body), captured);
			if (captured.getStatus() < 500) {
				jdbc.sql("""
						update idempotency_key set state = 'COMPLETED', response_status = ?, response_type = ?,
						    response_location = ?, response_body = ?
						where owner = ? and idempotency_key = ?""")
					.params(captured.getStatus(), captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
							seal(answerKey, captured.getContentAsByteArray()), owner, key)
					.update();
				stored = true;
			}
		}
		finally {
			if (!stored) {
				jdbc.sql("delete from idempotency_key where owner = ? and idempotency_key = ? and state = 'IN_PROGRESS'")
					.params(owner, key)
					.update();
			}
			captured.copyBodyToResponse();
		}
	}

	private void replay(String owner, String key, String hash, byte[] answerKey, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		record Stored(String hash, String state, Integer status, String type, String location, byte[] body) {
		}
		Optional<Stored> stored = jdbc.sql("""
				select request_hash, state, response_status, response_type, response_location, response_body
				from idempotency_key where owner = ? and idempotency_key = ?""")
			.params(owner, key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6)))
			.optional();
		if (stored.isEmpty()) {
			// It finished with a server error and was released between our insert and this read: try again.
			Problems.write(response, request, problem(HttpStatus.CONFLICT, "idempotency-key-in-use",
					"Request in progress", "A request with this Idempotency-Key was just running; retry it."));
			return;
		}
		Stored first = stored.get();
		if (!first.hash().equals(hash)) {
			Problems.write(response, request, problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"Idempotency-Key reused", "This Idempotency-Key was used for a different request in the last 24 hours; "
							+ "use a new key for a new request."));
			return;
		}
		if (!"COMPLETED".equals(first.state())) {
			Problems.write(response, request, problem(HttpStatus.CONFLICT, "idempotency-key-in-use", "Request in progress",
					"The first request with this Idempotency-Key is still running; retry in a moment."));
			return;
		}
		response.setStatus(first.status());
		if (first.type() != null) {
			response.setContentType(first.type());
		}
		if (first.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, first.location());
		}
		response.setHeader("Idempotent-Replayed", "true");
		if (first.body() != null) {
			response.getOutputStream().write(open(answerKey, first.body()));
		}
	}

	private static byte[] partsDigest(HttpServletRequest request) throws IOException, ServletException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (jakarta.servlet.http.Part part : request.getParts()) {
				digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
				try (var in = part.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create("urn:triage-desk:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

	private static String hash(String head, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(head.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key a kept answer is sealed with: a hash of the same request that is not the stored
	 * {@code request_hash}, so it cannot be computed from anything in the database.
	 */
	private static byte[] answerKey(String owner, String key, String head, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(("triage-desk idempotent answer\n" + owner + "\n" + key + "\n" + head)
				.getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] seal(byte[] key, byte[] answer) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(answer);
			ByteBuffer stored = ByteBuffer.allocate(SEALED.length + nonce.length + sealed.length);
			return stored.put(SEALED).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] open(byte[] key, byte[] stored) {
		if (stored.length < SEALED.length + NONCE_BYTES
				|| !Arrays.equals(stored, 0, SEALED.length, SEALED, 0, SEALED.length)) {
			// Kept before answers were sealed (at most 24 hours ago).
			return stored;
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new GCMParameterSpec(128, stored, SEALED.length, NONCE_BYTES));
			return cipher.doFinal(stored, SEALED.length + NONCE_BYTES, stored.length - SEALED.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A kept answer could not be opened", ex);
		}
	}

	/**
	 * The request with its body read once into memory (for the hash) and served again from there.
	 */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
