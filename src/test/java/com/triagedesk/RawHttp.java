package com.triagedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: header values
 * with line breaks or raw bytes, bodies longer than any limit, lying or missing lengths. The body
 * is written while the answer is read, so an early refusal (a 413 on the headers) is seen even
 * when the server stops reading.
 */
public final class RawHttp {

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * One request.
	 *
	 * @param target the request target exactly as sent (percent-encode what should be)
	 * @param headers header lines ("Name: value"), sent as UTF-8 bytes, line breaks included
	 * @param body null for none; otherwise sent with Content-Length, or chunked
	 */
	public record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

		public static Request get(String target, String... headers) {
			return new Request("GET", target, List.of(headers), null, false);
		}

		public static Request post(String target, String contentType, byte[] body, String... headers) {
			List<String> all = new ArrayList<>();
			if (contentType != null) {
				all.add("Content-Type: " + contentType);
			}
			all.addAll(List.of(headers));
			return new Request("POST", target, all, body, false);
		}

		public static Request post(String target, String contentType, String body, String... headers) {
			return post(target, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
		}

		public Request chunkedBody() {
			return new Request(method, target, headers, body, true);
		}

		public Request withMethod(String other) {
			return new Request(other, target, headers, body, chunked);
		}

		public Request with(String... more) {
			List<String> all = new ArrayList<>(headers);
			all.addAll(List.of(more));
			return new Request(method, target, all, body, chunked);
		}

	}

	public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {

		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public List<String> all(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		public String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public String contentType() {
			String type = header("Content-Type");
			return type == null ? "" : type.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Sends the request with this client's cookies, and keeps the cookies the answer sets.
	 */
	public Response send(Request request) {
		Response response = exchange(request);
		for (String cookie : response.all("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
			}
		}
		return response;
	}

	private Response exchange(Request request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(120_000);
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.UTF_8));
			for (String header : request.headers()) {
				head.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (!cookies.isEmpty()) {
				head.writeBytes(("Cookie: " + String.join("; ", cookies.entrySet().stream()
					.map(e -> e.getKey() + "=" + e.getValue()).toList()) + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (request.body() != null) {
				head.writeBytes((request.chunked() ? "Transfer-Encoding: chunked\r\n"
						: "Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write(head.toByteArray());
			out.flush();
			Thread writer = Thread.ofVirtual().start(() -> writeBody(out, request));
			byte[] answer = readAll(socket.getInputStream());
			writer.join(60_000);
			return parse(answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void writeBody(OutputStream out, Request request) {
		if (request.body() == null) {
			return;
		}
		byte[] body = request.body();
		try {
			for (int at = 0; at < body.length; at += 64 * 1024) {
				int n = Math.min(64 * 1024, body.length - at);
				if (request.chunked()) {
					out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
				out.write(body, at, n);
				if (request.chunked()) {
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			if (request.chunked()) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException ex) {
			// The server answered and closed without reading everything: that answer is what counts.
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				all.write(buffer, 0, n);
			}
		}
		catch (SocketException reset) {
			// A reset after the answer (the server did not swallow the rest of a refused body).
			if (all.size() == 0) {
				throw reset;
			}
		}
		return all.toByteArray();
	}

	private static Response parse(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
		if (end < 0) {
			throw new IllegalStateException("No complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
		if (!encoding.isEmpty() && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = dechunk(body);
		}
		return new Response(status, headers, body);
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(),
					16);
			if (size == 0) {
				break;
			}
			out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
