package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Finds HTTP requests and responses in text as developers paste them: raw HTTP/1.1 (request line,
 * headers, body; status line, headers, body), curl command lines, and HAR files; several of them,
 * anywhere in a description.
 */
final class HttpMessages {

	/** The methods {@link #requestLine} takes. */
	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

	private static final Pattern CURL_START = Pattern.compile("^\\s*(?:\\$\\s*|>\\s*|PS>\\s*)?curl(?:\\.exe)?\\s");

	private static final int MAX_HEADERS = 200;

	/** More exchanges than this in one text are not read: no one pastes a hundred by hand. */
	private static final int MAX_MESSAGES = 100;

	private static final int MAX_BODY_LINES = 5_000;

	private HttpMessages() {
	}

	record Found(List<HttpRequestInfo> requests, List<HttpResponseInfo> responses) {

		static final Found NONE = new Found(List.of(), List.of());

		boolean isEmpty() {
			return requests.isEmpty() && responses.isEmpty();
		}

	}

	static Found scan(String text, String location) {
		if (text == null || text.isBlank()) {
			return Found.NONE;
		}
		if (Har.looksLikeHar(text)) {
			Found har = Har.parse(text, location);
			if (!har.isEmpty()) {
				return har;
			}
		}
		Lines lines = new Lines(curlVerbose(text) ? withoutVerboseMarks(text) : text);
		List<HttpRequestInfo> requests = new ArrayList<>();
		List<HttpResponseInfo> responses = new ArrayList<>();
		int i = 0;
		while (i < lines.size() && requests.size() + responses.size() < MAX_MESSAGES) {
			String line = lines.get(i);
			if (line.length() > 20_000 || !mayStartMessage(line)) {
				i++;
				continue;
			}
			if (CURL_START.matcher(line).find()) {
				int last = curlEnd(lines, i);
				StringBuilder command = new StringBuilder();
				for (int j = i; j <= last; j++) {
					command.append(lines.get(j)).append('\n');
				}
				CurlCommand.parse(command.toString(), location, lines.start(i), lines.end(last)).ifPresent(requests::add);
				i = last + 1;
				continue;
			}
			String[] request = requestLine(line);
			if (request != null) {
				Message message = readMessage(lines, i + 1);
				requests.add(HttpRequestInfo.of(request[0], request[1], message.headers, message.body, "HTTP", location,
						lines.start(i), lines.end(message.lastLine)));
				i = message.lastLine + 1;
				continue;
			}
			String[] status = statusLine(line);
			if (status != null) {
				Message message = readMessage(lines, i + 1);
				responses.add(new HttpResponseInfo(Integer.parseInt(status[0]), status[1] == null ? null : status[1].strip(),
						message.headers, message.body, "HTTP", location, lines.start(i), lines.end(message.lastLine)));
				i = message.lastLine + 1;
				continue;
			}
			i++;
		}
		return new Found(List.copyOf(requests), List.copyOf(responses));
	}

	/**
	 * {@code curl -v} output: "> " before what was sent, "< " before what came back, "* " for
	 * curl's own notes.
	 */
	static boolean curlVerbose(String text) {
		return (text.startsWith("> ") || text.contains("\n> ")) && text.contains("< HTTP/");
	}

	/**
	 * The same text with curl's marks blanked out, so offsets stay those of the original.
	 */
	static String withoutVerboseMarks(String text) {
		char[] chars = text.toCharArray();
		int lineStart = 0;
		for (int i = 0; i <= chars.length; i++) {
			if (i == chars.length || chars[i] == '\n') {
				int start = lineStart;
				while (start < i && chars[start] == ' ') {
					start++;
				}
				if (start < i && (chars[start] == '>' || chars[start] == '<')
						&& (start + 1 == i || chars[start + 1] == ' ' || chars[start + 1] == '\r')) {
					chars[start] = ' ';
				}
				else if (start < i && (chars[start] == '*' || chars[start] == '{' || chars[start] == '}')
						&& start + 1 < i && chars[start + 1] == ' ') {
					for (int j = lineStart; j < i; j++) {
						if (chars[j] != '\r') {
							chars[j] = ' ';
						}
					}
				}
				lineStart = i + 1;
			}
		}
		return new String(chars);
	}

	/**
	 * A request line's method and target, or null: what
	 * {@code ^\\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+((?:/|https?://)\\S*)(?:\\s+HTTP/\\d(?:\\.\\d)?)?\\s*$}
	 * finds in a line, read by hand like {@link #header} ({@code PatternShortcutsProperties}
	 * checks it against that pattern). The target takes every character up to white space, so
	 * what follows it can only be white space and a protocol version.
	 */
	static String[] requestLine(String line) {
		int i = skipSpace(line, 0);
		String method = null;
		for (String candidate : METHODS) {
			if (line.startsWith(candidate, i)) {
				method = candidate;
				break;
			}
		}
		if (method == null) {
			return null;
		}
		i += method.length();
		int afterMethod = i;
		i = skipSpace(line, i);
		if (i == afterMethod
				|| !(line.startsWith("/", i) || line.startsWith("http://", i) || line.startsWith("https://", i))) {
			return null;
		}
		int targetStart = i;
		while (i < line.length() && !space(line.charAt(i))) {
			i++;
		}
		int targetEnd = i;
		i = skipSpace(line, i);
		if (line.startsWith("HTTP/", i)) {
			i = version(line, i + "HTTP/".length());
			if (i < 0) {
				return null;
			}
			i = skipSpace(line, i);
		}
		return i == line.length() ? new String[] { method, line.substring(targetStart, targetEnd) } : null;
	}

	/**
	 * A status line's code and reason (null for none), or null: what
	 * {@code ^\\s*HTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)(?:\\s+(.*))?$} finds in a line, read by hand.
	 */
	static String[] statusLine(String line) {
		int i = skipSpace(line, 0);
		if (!line.startsWith("HTTP/", i)) {
			return null;
		}
		i = version(line, i + "HTTP/".length());
		if (i < 0) {
			return null;
		}
		int afterVersion = i;
		i = skipSpace(line, i);
		if (i == afterVersion || i + 3 > line.length() || line.charAt(i) < '1' || line.charAt(i) > '5'
				|| !digit(line.charAt(i + 1)) || !digit(line.charAt(i + 2))) {
			return null;
		}
		String code = line.substring(i, i + 3);
		i += 3;
		if (i == line.length()) {
			return new String[] { code, null };
		}
		int afterCode = i;
		i = skipSpace(line, i);
		// the reason is what follows the white space, up to the end of the line ("." takes no line feed)
		if (i == afterCode || line.indexOf('\n', i) >= 0) {
			return null;
		}
		return new String[] { code, line.substring(i) };
	}

	/**
	 * After "HTTP/": where a version ({@code \\d(?:\\.\\d)?}) ends, or -1. Taking ".1" when it is
	 * there is enough: without it a dot follows, which neither pattern takes after a version.
	 */
	private static int version(String line, int from) {
		if (from >= line.length() || !digit(line.charAt(from))) {
			return -1;
		}
		int i = from + 1;
		if (i + 1 < line.length() && line.charAt(i) == '.' && digit(line.charAt(i + 1))) {
			i += 2;
		}
		return i;
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Whether the line is a request line or a status line. */
	private static boolean requestOrStatusLine(String line) {
		return requestLine(line) != null || statusLine(line) != null;
	}

	/**
	 * A header line's name and value, or null: what {@code ^\\s*([A-Za-z0-9][A-Za-z0-9_-]*)\\s*:\\s?(.*)$}
	 * finds in a line, read by hand (the pattern's search cost the length of every value, and
	 * header values are long). {@code PatternShortcutsProperties} checks it against that pattern.
	 */
	static String[] header(String line) {
		int i = skipSpace(line, 0);
		int nameStart = i;
		if (i >= line.length() || !headerNameStart(line.charAt(i))) {
			return null;
		}
		i++;
		while (i < line.length() && (headerNameStart(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == '-')) {
			i++;
		}
		int nameEnd = i;
		i = skipSpace(line, i);
		if (i >= line.length() || line.charAt(i) != ':') {
			return null;
		}
		i++;
		if (i < line.length() && space(line.charAt(i))) {
			i++;
		}
		if (line.indexOf('\n', i) >= 0) {
			return null;
		}
		return new String[] { line.substring(nameStart, nameEnd), line.substring(i) };
	}

	private static boolean headerNameStart(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	/** RE2J's {@code \\s}: space, tab, line feed, form feed and carriage return. */
	private static boolean space(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
	}

	private static int skipSpace(String line, int from) {
		int i = from;
		while (i < line.length() && space(line.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * A cheap look at the first letters, so that the patterns run only on lines that can start a
	 * request line, a status line or a curl command.
	 */
	static boolean mayStartMessage(String line) {
		int i = 0;
		while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
			i++;
		}
		if (i >= line.length()) {
			return false;
		}
		return switch (line.charAt(i)) {
			case 'G', 'P', 'D', 'H', 'O', 'c', '$', '>' -> true;
			default -> false;
		};
	}

	private static int curlEnd(Lines lines, int first) {
		int last = first;
		while (last + 1 < lines.size()) {
			String current = lines.get(last).stripTrailing();
			boolean continues = current.endsWith("\\") || current.endsWith("^") || current.endsWith("`");
			String next = lines.get(last + 1).strip();
			if (continues || next.startsWith("-H ") || next.startsWith("--")
					|| (next.startsWith("-") && next.length() > 1 && next.length() < 4000 && !next.startsWith("- "))) {
				last++;
			}
			else {
				break;
			}
		}
		return last;
	}

	private record Message(Map<String, String> headers, String body, int lastLine) {
	}

	private static Message readMessage(Lines lines, int from) {
		Map<String, String> headers = new LinkedHashMap<>();
		int i = from;
		while (i < lines.size() && headers.size() < MAX_HEADERS) {
			String line = lines.get(i);
			if (line.isBlank() || (mayStartMessage(line)
					&& requestOrStatusLine(line))) {
				break;
			}
			String[] header = header(line);
			if (header == null) {
				break;
			}
			headers.putIfAbsent(header[0].toLowerCase(Locale.ROOT), header[1].strip());
			i++;
		}
		int lastLine = i - 1;
		if (i < lines.size() && lines.get(i).isBlank()) {
			int bodyStart = i + 1;
			while (bodyStart < lines.size() && lines.get(bodyStart).isBlank() && bodyStart - i < 2) {
				bodyStart++;
			}
			int bodyEnd = bodyEnd(lines, bodyStart);
			if (bodyEnd >= bodyStart) {
				StringBuilder body = new StringBuilder();
				for (int j = bodyStart; j <= bodyEnd; j++) {
					body.append(lines.get(j)).append('\n');
				}
				return new Message(headers, body.toString().strip(), bodyEnd);
			}
		}
		return new Message(headers, null, Math.max(lastLine, from - 1));
	}

	/**
	 * A body runs to the end of its JSON value, or else to the next blank line, label or message.
	 */
	private static int bodyEnd(Lines lines, int start) {
		if (start >= lines.size()) {
			return start - 1;
		}
		String first = lines.get(start).strip();
		if (first.startsWith("{") || first.startsWith("[")) {
			int depth = 0;
			boolean inString = false;
			for (int i = start; i < lines.size() && i - start < MAX_BODY_LINES; i++) {
				String line = lines.get(i);
				for (int c = 0; c < line.length(); c++) {
					char ch = line.charAt(c);
					if (inString) {
						if (ch == '\\') {
							c++;
						}
						else if (ch == '"') {
							inString = false;
						}
					}
					else if (ch == '"') {
						inString = true;
					}
					else if (ch == '{' || ch == '[') {
						depth++;
					}
					else if (ch == '}' || ch == ']') {
						depth--;
					}
				}
				inString = false;
				if (depth <= 0) {
					return i;
				}
			}
		}
		int i = start;
		while (i < lines.size() && i - start < MAX_BODY_LINES) {
			String line = lines.get(i);
			if (line.isBlank()
					|| (mayStartMessage(line) && (requestOrStatusLine(line) || CURL_START.matcher(line).find()))) {
				break;
			}
			i++;
		}
		return i - 1;
	}

	/**
	 * Lines of a text with their offsets, so that what was found can be cut out of the prose.
	 */
	static final class Lines {

		private final String text;

		private final List<int[]> spans = new ArrayList<>();

		Lines(String text) {
			this.text = text;
			int start = 0;
			// indexOf, not a loop over the characters: it looks at many at once
			for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
				int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
				spans.add(new int[] { start, end });
				start = i + 1;
			}
			spans.add(new int[] { start, text.length() });
		}

		int size() {
			return spans.size();
		}

		String get(int i) {
			int[] span = spans.get(i);
			return text.substring(span[0], span[1]);
		}

		int start(int i) {
			return spans.get(i)[0];
		}

		int end(int i) {
			return spans.get(Math.max(0, Math.min(i, spans.size() - 1)))[1];
		}

	}

}
