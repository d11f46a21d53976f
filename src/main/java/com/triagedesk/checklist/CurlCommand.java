package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a curl command line (as pasted from a terminal, Postman or the docs, with line
 * continuations and shell quoting) into the request it sends.
 */
final class CurlCommand {

	private static final Set<String> DATA_OPTIONS = Set.of("-d", "--data", "--data-raw", "--data-binary",
			"--data-ascii", "--data-urlencode", "--json");

	// Options whose next word is their argument, not the URL.
	private static final Set<String> OPTIONS_WITH_ARGUMENT = Set.of("-o", "--output", "-A", "--user-agent", "-e",
			"--referer", "-b", "--cookie", "-c", "--cookie-jar", "-m", "--max-time", "--connect-timeout", "-w",
			"--write-out", "-E", "--cert", "--key", "--cacert", "-F", "--form", "-x", "--proxy", "--retry", "-T",
			"--upload-file", "-r", "--range", "--resolve", "--connect-to", "-K", "--config", "--limit-rate",
			"--max-redirs", "--proto", "-y", "-Y", "-z", "--interface", "-u", "--user", "--oauth2-bearer",
			"--cert-type", "--key-type", "--pass", "--http-version", "--variable");

	private CurlCommand() {
	}

	static Optional<HttpRequestInfo> parse(String command, String location, int start, int end) {
		List<String> words = words(command);
		int curl = words.indexOf("curl");
		if (curl < 0) {
			curl = words.indexOf("curl.exe");
		}
		if (curl < 0) {
			return Optional.empty();
		}
		String method = null;
		String url = null;
		StringBuilder body = null;
		boolean head = false;
		boolean get = false;
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = curl + 1; i < words.size(); i++) {
			String word = words.get(i);
			String next = i + 1 < words.size() ? words.get(i + 1) : null;
			if ((word.equals("-X") || word.equals("--request")) && next != null) {
				method = next;
				i++;
			}
			else if (word.startsWith("-X") && word.length() > 2 && !word.startsWith("--")) {
				method = word.substring(2);
			}
			else if ((word.equals("-H") || word.equals("--header")) && next != null) {
				addHeader(headers, next);
				i++;
			}
			else if (DATA_OPTIONS.contains(word) && next != null) {
				body = body == null ? new StringBuilder(next) : body.append('&').append(next);
				if (word.equals("--json")) {
					headers.putIfAbsent("content-type", "application/json");
				}
				i++;
			}
			else if (word.equals("--url") && next != null) {
				url = next;
				i++;
			}
			else if (word.equals("-I") || word.equals("--head")) {
				head = true;
			}
			else if (word.equals("-G") || word.equals("--get")) {
				get = true;
			}
			else if (OPTIONS_WITH_ARGUMENT.contains(word)) {
				i++;
			}
			else if (!word.startsWith("-") && url == null && looksLikeUrl(word)) {
				url = word;
			}
		}
		if (url == null) {
			return Optional.empty();
		}
		if (!url.contains("://")) {
			url = "https://" + url;
		}
		if (method == null) {
			method = head ? "HEAD" : (body != null && !get) ? "POST" : "GET";
		}
		return Optional.of(HttpRequestInfo.of(method, url, headers, body == null ? null : body.toString(), "curl",
				location, start, end));
	}

	private static boolean looksLikeUrl(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		return w.startsWith("http://") || w.startsWith("https://") || (w.contains(".") && w.contains("/"));
	}

	private static void addHeader(Map<String, String> headers, String header) {
		int colon = header.indexOf(':');
		if (colon > 0) {
			headers.putIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
					header.substring(colon + 1).strip());
		}
	}

	/**
	 * Splits a command line into words the way a POSIX shell would (quotes, escapes, line
	 * continuations), also accepting the {@code ^} and backtick continuations of Windows shells.
	 */
	static List<String> words(String command) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < command.length(); i++) {
			char c = command.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					word.append(c);
				}
				continue;
			}
			if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else if (c == '\\' && i + 1 < command.length() && "\"\\$`\n".indexOf(command.charAt(i + 1)) >= 0) {
					word.append(command.charAt(++i));
				}
				else {
					word.append(c);
				}
				continue;
			}
			if (c == '\\' && i + 1 < command.length()) {
				char next = command.charAt(i + 1);
				i++;
				if (next == '\n' || next == '\r') {
					continue;
				}
				word = word == null ? new StringBuilder() : word;
				word.append(next);
				continue;
			}
			if ((c == '^' || c == '`') && i + 1 < command.length()
					&& (command.charAt(i + 1) == '\n' || command.charAt(i + 1) == '\r')) {
				i++;
				continue;
			}
			if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
				continue;
			}
			word = word == null ? new StringBuilder() : word;
			if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '\'') {
				quote = '\'';
				i++;
			}
			else {
				word.append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

}
