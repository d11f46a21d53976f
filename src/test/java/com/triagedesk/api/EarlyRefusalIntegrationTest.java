package com.triagedesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large bodies (raw e-mail, CSV files) from callers who may not send them are refused on the
 * headers: the answer comes while the body is still on its way, so nobody can make the service
 * read megabytes it will throw away.
 */
class EarlyRefusalIntegrationTest extends AppIntegrationTest {

	@Autowired
	ApiKeys keys;

	@ParameterizedTest
	@CsvSource({ "/api/v1/inbound-email, message/rfc822, , 401, false",
			"/api/v1/inbound-email, message/rfc822, issues:read, 403, false",
			"/api/v1/merchants/import, text/csv, , 401, false",
			"/api/v1/merchants/import, text/csv, mail:ingest, 403, false",
			// The idempotency filter reads bodies to compare them: the refusal must come before it.
			"/api/v1/inbound-email, message/rfc822, , 401, true",
			"/api/v1/merchants/import, text/csv, issues:read, 403, true",
			"/api/v1/inbound%2Demail, message/rfc822, , 401, false" })
	void aCallerWithoutTheScopeIsAnsweredBeforeTheBodyArrives(String path, String type, String scope, int expected,
			boolean idempotencyKey) throws IOException {
		String authorization = scope == null ? ""
				: "Authorization: Bearer " + keys.create("early", Set.of(ApiScope.of(scope).orElseThrow()), "test").key()
						+ "\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			// 10 MB announced, 100 bytes sent: a server that read the body first would wait here.
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n" + authorization
					+ (idempotencyKey ? "Idempotency-Key: early-" + System.nanoTime() + "\r\n" : "") + "Content-Length: 10000000\r\n\r\n" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String statusLine = readLine(socket.getInputStream());

			assertThat(statusLine).startsWith("HTTP/1.1 " + expected);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0 && c != '\n') {
			line.append((char) c);
		}
		return line.toString().strip();
	}

}
