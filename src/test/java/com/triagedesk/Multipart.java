package com.triagedesk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body as curl -F sends it.
 */
public final class Multipart {

	private final String boundary = "----triage" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart part(String name, String filename, String contentType, byte[] content) {
		write("--" + boundary + "\r\n");
		write("Content-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n");
		if (contentType != null) {
			write("Content-Type: " + contentType + "\r\n");
		}
		write("\r\n");
		body.writeBytes(content);
		write("\r\n");
		return this;
	}

	/**
	 * A part written by hand after its boundary line: headers, an empty line and content, ending
	 * with CR LF (for part headers no well-behaved client writes).
	 */
	public Multipart raw(String headersAndContent) {
		write("--" + boundary + "\r\n" + headersAndContent);
		return this;
	}

	public Multipart json(String name, String json) {
		return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public byte[] bytes() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(body.toByteArray());
		all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return all.toByteArray();
	}

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
