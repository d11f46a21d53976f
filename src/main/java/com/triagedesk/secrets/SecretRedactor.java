package com.triagedesk.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.re2j.Pattern;

import org.springframework.stereotype.Component;

/**
 * Finds secrets in any text a developer sends (fields, free text, raw HTTP, curl command lines,
 * JSON and form bodies, query strings, HAR files, e-mails) and cuts each to its last four
 * characters.
 * <p>
 * Every shape is recognised by a scanner that starts at a literal found with {@code indexOf}
 * (a key name, {@code eyJ}, {@code ://}) and reads forward a bounded number of characters, so
 * the time is linear in the input whatever it holds, with no backtracking regular expression
 * anywhere (the one pattern, for PEM headers, is RE2J on a few dozen characters). Ten megabytes
 * of hostile text take tens of milliseconds.
 * <p>
 * Redaction is the first thing done to anything received, before it is stored, logged or
 * evaluated, so no later code sees a live secret.
 */
@Component
public final class SecretRedactor {

	/** Key names, longest first so that {@code client_secret} claims its value before {@code secret}. */
	private static final Map<String, SecretKind> KEYS = keys();

	/** Key phrases in prose: "our client secret is …". */
	private static final Map<String, SecretKind> PHRASES = phrases();

	private static final String[][] KEYS_BY_FIRST_CHAR = byFirstChar(KEYS);

	private static final String[][] PHRASES_BY_FIRST_CHAR = byFirstChar(PHRASES);

	private static final List<String> HAR_NAMES = List.of("authorization", "proxy-authorization", "client_secret",
			"client-secret", "ocp-apim-subscription-key", "x-api-key", "cookie", "password", "access_token");

	private static final List<String> SCHEMES = List.of("bearer", "basic", "digest", "token");

	private static final List<String> PROSE_FILLERS = List.of("is", "er", "on", "was", "var", "equals");

	private static final Pattern PEM_HEADER = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

	private static final int MAX_VALUE = 64 * 1024;

	private static Map<String, SecretKind> keys() {
		Map<String, SecretKind> keys = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
			.thenComparing(Comparator.naturalOrder()));
		for (String k : List.of("client_secret", "client-secret", "clientsecret")) {
			keys.put(k, SecretKind.CLIENT_SECRET);
		}
		for (String k : List.of("ocp-apim-subscription-key", "ocp_apim_subscription_key", "subscription-key",
				"subscription_key", "subscriptionkey", "x-api-key", "x_api_key", "api_key", "api-key", "apikey")) {
			keys.put(k, SecretKind.SUBSCRIPTION_KEY);
		}
		for (String k : List.of("access_token", "access-token", "accesstoken", "id_token", "refresh_token",
				"refreshtoken", "auth_token", "bearer_token")) {
			keys.put(k, SecretKind.BEARER_TOKEN);
		}
		for (String k : List.of("webhook_secret", "webhook-secret", "webhooksecret", "signing_secret", "secret")) {
			keys.put(k, SecretKind.WEBHOOK_SECRET);
		}
		for (String k : List.of("password", "passwd", "pwd", "passord", "adgangskode", "salasana")) {
			keys.put(k, SecretKind.PASSWORD);
		}
		keys.put("proxy-authorization", SecretKind.BEARER_TOKEN);
		keys.put("authorization", SecretKind.BEARER_TOKEN);
		return keys;
	}

	/** Names by their first (ASCII, lower-case) letter, longest first within each letter. */
	private static String[][] byFirstChar(Map<String, SecretKind> names) {
		List<List<String>> byFirst = new ArrayList<>();
		for (int c = 0; c < 128; c++) {
			byFirst.add(new ArrayList<>());
		}
		names.keySet().forEach(n -> byFirst.get(n.charAt(0)).add(n));
		String[][] table = new String[128][];
		for (int c = 0; c < 128; c++) {
			table[c] = byFirst.get(c).isEmpty() ? null : byFirst.get(c).toArray(String[]::new);
		}
		return table;
	}

	private static Map<String, SecretKind> phrases() {
		Map<String, SecretKind> phrases = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
			.thenComparing(Comparator.naturalOrder()));
		phrases.put("client secret", SecretKind.CLIENT_SECRET);
		phrases.put("client_secret", SecretKind.CLIENT_SECRET);
		phrases.put("client-secret", SecretKind.CLIENT_SECRET);
		phrases.put("subscription key", SecretKind.SUBSCRIPTION_KEY);
		phrases.put("access token", SecretKind.BEARER_TOKEN);
		phrases.put("webhook secret", SecretKind.WEBHOOK_SECRET);
		for (String p : List.of("password", "passordet", "passord", "adgangskode", "salasana")) {
			phrases.put(p, SecretKind.PASSWORD);
		}
		return phrases;
	}

	/**
	 * Cuts every secret in {@code text}; {@code location} names where the text came from.
	 */
	public RedactedText redact(String location, String text) {
		if (text == null || text.isEmpty()) {
			return new RedactedText(text, List.of());
		}
		Scan scan = new Scan(text);
		scan.privateKeys();
		scan.harHeaders();
		scan.keyValuesAndPhrases();
		scan.curlUsers();
		scan.urlPasswords();
		scan.jwts();
		return scan.result(location);
	}

	/** One pass over one text: found secrets are collected as spans, applied at the end. */
	private static final class Scan {

		private final String text;

		private final String lower;

		private final TreeMap<Integer, Span> spans = new TreeMap<>();

		Scan(String text) {
			this.text = text;
			// Character by character, so that positions in the lower-case copy are those of the text.
			char[] chars = text.toCharArray();
			for (int i = 0; i < chars.length; i++) {
				chars[i] = Character.toLowerCase(chars[i]);
			}
			this.lower = new String(chars);
		}

		private record Span(int start, int end, SecretKind kind) {
		}

		/** Claims {@code [start, end)} for a secret unless an earlier finding already covers any of it. */
		private void claim(int start, int end, SecretKind kind) {
			if (end <= start) {
				return;
			}
			String value = text.substring(start, end);
			if (Masking.isNotASecret(value)) {
				return;
			}
			Map.Entry<Integer, Span> before = spans.floorEntry(start);
			if (before != null && before.getValue().end() > start) {
				return;
			}
			Map.Entry<Integer, Span> after = spans.ceilingEntry(start);
			if (after != null && after.getKey() < end) {
				return;
			}
			spans.put(start, new Span(start, end, kind));
		}

		private boolean covered(int position) {
			Map.Entry<Integer, Span> before = spans.floorEntry(position);
			return before != null && before.getValue().end() > position;
		}

		RedactedText result(String location) {
			if (spans.isEmpty()) {
				return new RedactedText(text, List.of());
			}
			StringBuilder out = new StringBuilder(text.length());
			List<Redaction> redactions = new ArrayList<>();
			int copied = 0;
			for (Span span : spans.values()) {
				String kept = Masking.cut(text.substring(span.start(), span.end()));
				out.append(text, copied, span.start()).append(kept);
				copied = span.end();
				redactions.add(new Redaction(location, span.kind(), kept));
			}
			out.append(text, copied, text.length());
			return new RedactedText(out.toString(), redactions);
		}

		// -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----, also with escaped line breaks
		void privateKeys() {
			for (int at = lower.indexOf("private key-----"); at >= 0; at = lower.indexOf("private key-----", at + 1)) {
				int headerStart = Math.max(0, at - 40);
				var header = PEM_HEADER.matcher(text.substring(headerStart, Math.min(text.length(), at + 16)));
				if (!header.find()) {
					continue;
				}
				int bodyStart = headerStart + header.end();
				int end = lower.indexOf("-----end", bodyStart);
				int bodyEnd = end >= 0 ? end : base64Run(bodyStart);
				int from = skipBlank(bodyStart, bodyEnd);
				int to = trimBlankEnd(from, bodyEnd);
				if (to - from >= 16) {
					claim(from, to, SecretKind.PRIVATE_KEY);
				}
			}
		}

		private int base64Run(int from) {
			int i = from;
			while (i < text.length() && i - from < MAX_VALUE) {
				char c = text.charAt(i);
				boolean escapedBreak = c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n';
				if (escapedBreak) {
					i += 2;
				}
				else if (isBase64(c) || c == '\n' || c == '\r' || c == ' ' || c == '\t') {
					i++;
				}
				else {
					break;
				}
			}
			return i;
		}

		private int skipBlank(int from, int to) {
			int i = from;
			while (i < to) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < to && text.charAt(i + 1) == 'n') {
					i += 2;
				}
				else if (Character.isWhitespace(c)) {
					i++;
				}
				else {
					break;
				}
			}
			return i;
		}

		private int trimBlankEnd(int from, int to) {
			int i = to;
			while (i > from) {
				char c = text.charAt(i - 1);
				if (Character.isWhitespace(c)) {
					i--;
				}
				else if (c == 'n' && i - 2 >= from && text.charAt(i - 2) == '\\') {
					i -= 2;
				}
				else {
					break;
				}
			}
			return i;
		}

		// HAR and similar: {"name": "Authorization", "value": "Bearer …"}, pretty-printed or not
		void harHeaders() {
			for (int at = lower.indexOf("\"name\""); at >= 0; at = lower.indexOf("\"name\"", at + 1)) {
				int i = skipSpace(at + 6, true);
				if (!is(i, ':')) {
					continue;
				}
				i = skipSpace(i + 1, true);
				if (!is(i, '"')) {
					continue;
				}
				int nameEnd = text.indexOf('"', i + 1);
				if (nameEnd < 0 || nameEnd - i > 60) {
					continue;
				}
				String name = lower.substring(i + 1, nameEnd);
				if (!HAR_NAMES.contains(name)) {
					continue;
				}
				i = skipSpace(nameEnd + 1, true);
				if (!is(i, ',')) {
					continue;
				}
				i = skipSpace(i + 1, true);
				if (!lower.startsWith("\"value\"", i)) {
					continue;
				}
				i = skipSpace(i + 7, true);
				if (!is(i, ':')) {
					continue;
				}
				i = skipSpace(i + 1, true);
				if (!is(i, '"')) {
					continue;
				}
				int valueStart = i + 1;
				SecretKind kind = kindOfHarName(name);
				for (String scheme : SCHEMES) {
					if (lower.startsWith(scheme, valueStart) && valueStart + scheme.length() < text.length()
							&& text.charAt(valueStart + scheme.length()) == ' ') {
						kind = scheme.equals("basic") ? SecretKind.BASIC_CREDENTIALS : kind;
						valueStart = skipSpace(valueStart + scheme.length(), false);
						break;
					}
				}
				int valueEnd = quotedEnd(valueStart, '"');
				claim(valueStart, valueEnd, kind);
			}
		}

		private static SecretKind kindOfHarName(String name) {
			if (name.contains("client")) {
				return SecretKind.CLIENT_SECRET;
			}
			if (name.contains("subscription") || name.contains("api-key")) {
				return SecretKind.SUBSCRIPTION_KEY;
			}
			if (name.equals("password")) {
				return SecretKind.PASSWORD;
			}
			return SecretKind.BEARER_TOKEN;
		}

		// name: value, name=value, "name": "value", Authorization: Bearer …; and in prose,
		// "our client secret is …". One pass: at each word start only the names that begin with
		// its letter are tried. Structured values are claimed before prose ones.
		void keyValuesAndPhrases() {
			List<int[]> phraseHits = new ArrayList<>();
			for (int at = 0; at < lower.length(); at++) {
				char c = lower.charAt(at);
				if (c >= 128 || (KEYS_BY_FIRST_CHAR[c] == null && PHRASES_BY_FIRST_CHAR[c] == null)
						|| !wordBoundaryBefore(at)) {
					continue;
				}
				if (KEYS_BY_FIRST_CHAR[c] != null) {
					for (String name : KEYS_BY_FIRST_CHAR[c]) {
						if (lower.startsWith(name, at) && wordBoundaryAfter(at + name.length())) {
							keyValue(at, name);
							break;
						}
					}
				}
				if (PHRASES_BY_FIRST_CHAR[c] != null) {
					String[] phrases = PHRASES_BY_FIRST_CHAR[c];
					for (int p = 0; p < phrases.length; p++) {
						if (lower.startsWith(phrases[p], at) && wordBoundaryAfter(at + phrases[p].length())) {
							phraseHits.add(new int[] { at, c, p });
							break;
						}
					}
				}
			}
			for (int[] hit : phraseHits) {
				phrase(hit[0], PHRASES_BY_FIRST_CHAR[hit[1]][hit[2]]);
			}
		}

		private void keyValue(int at, String name) {
			int i = at + name.length();
			if (is(i, '"') || is(i, '\'')) {
				i++;
			}
			i = skipSpace(i, false);
			if (!is(i, ':') && !is(i, '=')) {
				return;
			}
			i = skipSpace(i + 1, false);
			if (name.endsWith("authorization")) {
				authorization(i);
			}
			else {
				value(i, KEYS.get(name));
			}
		}

		private void authorization(int from) {
			int i = from;
			if (is(i, '"') || is(i, '\'')) {
				i++;
			}
			i = skipSpace(i, false);
			SecretKind kind = SecretKind.BEARER_TOKEN;
			for (String scheme : SCHEMES) {
				if (lower.startsWith(scheme, i) && (is(i + scheme.length(), ' ') || is(i + scheme.length(), '\t'))) {
					kind = scheme.equals("basic") ? SecretKind.BASIC_CREDENTIALS : SecretKind.BEARER_TOKEN;
					i = skipSpace(i + scheme.length(), false);
					break;
				}
			}
			int end = i;
			while (end < text.length() && end - i < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
					&& "\"',;".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			if (end - i >= 8) {
				claim(i, end, kind);
			}
		}

		private void value(int from, SecretKind kind) {
			if (from >= text.length()) {
				return;
			}
			char first = text.charAt(from);
			if (first == '"' || first == '\'') {
				claim(from + 1, quotedEnd(from + 1, first), kind);
				return;
			}
			int end = from;
			while (end < text.length() && end - from < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
					&& "\"'&,;<>})]".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			claim(from, end, kind);
		}

		/** The end of a quoted value: its closing quote, or the end of the line when there is none. */
		private int quotedEnd(int from, char quote) {
			int i = from;
			while (i < text.length() && i - from < MAX_VALUE) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length()) {
					i += 2;
					continue;
				}
				if (c == quote || c == '\n' || c == '\r') {
					break;
				}
				i++;
			}
			return Math.min(i, text.length());
		}

		// curl -u id:secret, --user id:secret
		void curlUsers() {
			for (String flag : List.of("-u", "--user")) {
				for (int at = lower.indexOf(flag); at >= 0; at = lower.indexOf(flag, at + 1)) {
					if (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
						continue;
					}
					int i = at + flag.length();
					if (!is(i, ' ') && !is(i, '\t') && !is(i, '=')) {
						continue;
					}
					i = skipSpace(i + 1, false);
					char quote = 0;
					if (is(i, '"') || is(i, '\'')) {
						quote = text.charAt(i);
						i++;
					}
					int colon = i;
					while (colon < text.length() && colon - i < 500 && text.charAt(colon) != ':'
							&& !Character.isWhitespace(text.charAt(colon)) && text.charAt(colon) != quote) {
						colon++;
					}
					if (!is(colon, ':')) {
						continue;
					}
					int end = colon + 1;
					while (end < text.length() && end - colon < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
							&& text.charAt(end) != '"' && text.charAt(end) != '\'') {
						end++;
					}
					claim(colon + 1, end, SecretKind.BASIC_CREDENTIALS);
				}
			}
		}

		// scheme://user:password@host (a '/' in the password is not valid in a URL, but is pasted anyway)
		void urlPasswords() {
			for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
				int i = at + 3;
				int colon = i;
				while (colon < text.length() && colon - i < 256) {
					char c = text.charAt(colon);
					if (c == ':' || c == '/' || c == '@' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
						break;
					}
					colon++;
				}
				if (!is(colon, ':') || colon == i) {
					continue;
				}
				int at2 = colon + 1;
				while (at2 < text.length() && at2 - colon < 1024) {
					char c = text.charAt(at2);
					if (c == '@' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
						break;
					}
					at2++;
				}
				if (is(at2, '@') && at2 > colon + 1) {
					claim(colon + 1, at2, SecretKind.PASSWORD);
				}
			}
		}

		private void phrase(int at, String name) {
			int i = skipSpace(at + name.length(), false);
			for (String filler : PROSE_FILLERS) {
				if (lower.startsWith(filler, i) && (is(i + filler.length(), ' ') || is(i + filler.length(), '\t'))) {
					i = skipSpace(i + filler.length(), false);
					break;
				}
			}
			if (is(i, ':') || is(i, '=')) {
				i = skipSpace(i + 1, false);
			}
			if (covered(i)) {
				return;
			}
			int end = i;
			while (end < text.length() && end - i < MAX_VALUE && isTokenChar(text.charAt(end))) {
				end++;
			}
			if (end - i >= 12 && looksGenerated(text.substring(i, end))) {
				claim(i, end, PHRASES.get(name));
			}
		}

		// Any JSON Web Token, wherever it stands: eyJ….eyJ….signature
		void jwts() {
			for (int at = text.indexOf("eyJ"); at >= 0; at = text.indexOf("eyJ", at + 1)) {
				int first = urlSafeRun(at);
				if (first - at < 11 || !is(first, '.')) {
					at = Math.max(at, first - 1);
					continue;
				}
				int second = urlSafeRun(first + 1);
				if (second - first - 1 < 8 || !is(second, '.')) {
					at = Math.max(at, second - 1);
					continue;
				}
				int third = urlSafeRun(second + 1);
				if (third - second - 1 >= 8) {
					claim(at, third, SecretKind.BEARER_TOKEN);
				}
				at = Math.max(at, third - 1);
			}
		}

		private int urlSafeRun(int from) {
			int i = from;
			while (i < text.length()) {
				char c = text.charAt(i);
				if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
					i++;
				}
				else {
					break;
				}
			}
			return i;
		}

		private boolean is(int i, char c) {
			return i >= 0 && i < text.length() && text.charAt(i) == c;
		}

		private int skipSpace(int from, boolean newlines) {
			int i = from;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
					i++;
				}
				else {
					break;
				}
			}
			return i;
		}

		private boolean wordBoundaryBefore(int at) {
			if (at == 0) {
				return true;
			}
			char c = text.charAt(at - 1);
			return !Character.isLetterOrDigit(c) && c != '_';
		}

		private boolean wordBoundaryAfter(int at) {
			if (at >= text.length()) {
				return true;
			}
			char c = text.charAt(at);
			return !Character.isLetterOrDigit(c) && c != '_';
		}

		private static boolean isBase64(char c) {
			return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
					|| c == '=';
		}

		private static boolean isTokenChar(char c) {
			return isBase64(c) || c == '_' || c == '.' || c == '~' || c == '-';
		}

	}

	/** In prose, only something that looks machine-made is taken for a secret, not an ordinary word. */
	static boolean looksGenerated(String value) {
		boolean digit = false;
		boolean letter = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			digit |= Character.isDigit(c);
			letter |= Character.isLetter(c);
		}
		return (digit && letter) || value.length() >= 24;
	}

}
