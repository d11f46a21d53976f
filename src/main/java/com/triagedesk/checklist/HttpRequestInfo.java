package com.triagedesk.checklist;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request found in what the developer sent, however it was written.
 *
 * @param target the request target as written: a path or an absolute URL
 * @param headers header names in lower case, values as sent (already redacted)
 * @param form how it was written: {@code HTTP}, {@code curl} or {@code HAR}
 * @param start offset in the text where it begins; {@code end} where it ends
 */
record HttpRequestInfo(String method, String target, String host, String path, Map<String, String> headers,
		String body, String form, String location, int start, int end) {

	static HttpRequestInfo of(String method, String target, Map<String, String> headers, String body, String form,
			String location, int start, int end) {
		String host = headers.get("host");
		String path = target;
		if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
			try {
				URI uri = URI.create(target.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D"));
				host = uri.getHost();
				path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			}
			catch (IllegalArgumentException ex) {
				int slash = target.indexOf('/', target.indexOf("//") + 2);
				host = slash < 0 ? target.substring(target.indexOf("//") + 2) : target.substring(target.indexOf("//") + 2, slash);
				path = slash < 0 ? "/" : target.substring(slash);
			}
		}
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (host != null) {
			host = host.strip().toLowerCase(Locale.ROOT);
			int port = host.indexOf(':');
			host = port >= 0 ? host.substring(0, port) : host;
		}
		return new HttpRequestInfo(method.toUpperCase(Locale.ROOT), target, host, path, headers, body, form, location,
				start, end);
	}

	String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}

	String describe() {
		return method + " " + path;
	}

}
