package com.triagedesk.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Finds secrets in any text a developer sends (fields, free text, raw HTTP, curl command lines,
 * JSON, XML and form bodies, query strings, .env files, source code, HAR files and Postman
 * exports, e-mails) and cuts each to its last four characters.
 * <p>
 * Every shape is recognised by a scanner that starts at a literal (a key name, {@code eyJ},
 * {@code ://}, {@code Basic}) and reads forward; a stretch of text that one value scan has read is
 * not read again for the same kind of finding, so the time is linear in the input whatever it
 * holds. There is no regular expression at all, so nothing can backtrack.
 * <p>
 * Redaction is the first thing done to anything received, before it is stored, logged or
 * evaluated, so no later code sees a live secret. When in doubt it cuts: a lost value costs a
 * question, a kept secret costs a rotated key.
 */
@Component
public final class SecretRedactor {

	/** Key names, longest first so that {@code client_secret} claims its value before {@code secret}. */
	private static final Map<String, SecretKind> KEYS = keys();

	/** Key phrases in prose: "our client secret is …". */
	private static final Map<String, SecretKind> PHRASES = phrases();

	private static final String[][][] KEYS_BY_START = byStart(KEYS, true);

	private static final String[][][] PHRASES_BY_START = byStart(PHRASES, false);

	/** Which two-letter starts any key or phrase has: most positions are ruled out by one lookup. */
	private static final boolean[] STARTS = starts();

	/** Header and variable names in name/value JSON: HAR headers and query strings, Postman. */
	private static final Set<String> PAIR_NAMES = Set.of("authorization", "proxy-authorization", "client_secret",
			"client-secret", "clientsecret", "ocp-apim-subscription-key", "subscription-key", "subscription_key",
			"subscriptionkey", "x-api-key", "api_key", "api-key", "apikey", "cookie", "password", "passwd",
			"access_token", "accesstoken", "token", "secret", "webhook_secret", "refresh_token", "id_token");

	private static final List<String> SCHEMES = List.of("bearer", "basic", "digest", "token", "oauth");

	private static final List<String> PROSE_FILLERS = List.of("is", "er", "on", "was", "var", "equals", "=", ":");

	/** A value longer than this is cut whole but not read further. */
	private static final int MAX_VALUE = 64 * 1024;

	/**
	 * The longest element text read up to its end tag; a longer one is read as one word. Each
	 * '"token>' before the same '<' reads up to it again, so this bounds the work per name.
	 */
	private static final int ELEMENT_TEXT = 1024;

	/**
	 * Key names as they appear in the key text, where '-' and '.' read as '_' (so one entry serves
	 * client_secret, client-secret and client.secret).
	 */
	private static Map<String, SecretKind> keys() {
		Map<String, SecretKind> keys = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
			.thenComparing(Comparator.naturalOrder()));
		for (String k : List.of("client_secret", "clientsecret", "client secret", "klienthemmelighet")) {
			keys.put(k, SecretKind.CLIENT_SECRET);
		}
		for (String k : List.of("ocp_apim_subscription_key", "ocpapimsubscriptionkey", "subscription_key",
				"subscriptionkey", "subscription key", "x_api_key", "api_key", "apikey", "primary key", "secondary key",
				"primary_key", "primarykey", "abonnementsnøkkel", "abonnementsnokkel")) {
			keys.put(k, SecretKind.SUBSCRIPTION_KEY);
		}
		for (String k : List.of("access_token", "accesstoken", "id_token", "refresh_token", "refreshtoken",
				"auth_token", "authtoken", "bearer_token", "bearertoken", "token")) {
			keys.put(k, SecretKind.BEARER_TOKEN);
		}
		for (String k : List.of("webhook_secret", "webhooksecret", "signing_secret", "secret_key", "secretkey",
				"api_secret", "apisecret", "secret")) {
			keys.put(k, SecretKind.WEBHOOK_SECRET);
		}
		for (String k : List.of("password", "passwd", "pwd", "passord", "adgangskode", "salasana", "passwort")) {
			keys.put(k, SecretKind.PASSWORD);
		}
		keys.put("proxy_authorization", SecretKind.BEARER_TOKEN);
		keys.put("authorization", SecretKind.BEARER_TOKEN);
		return keys;
	}

	/** Generic names whose values are taken for secrets only when they look machine-made. */
	private static final Set<String> WEAK_KEYS = Set.of("token", "secret", "primary key", "secondary key");

	private static Map<String, SecretKind> phrases() {
		Map<String, SecretKind> phrases = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
			.thenComparing(Comparator.naturalOrder()));
		for (String p : List.of("client secret", "client_secret", "client-secret")) {
			phrases.put(p, SecretKind.CLIENT_SECRET);
		}
		for (String p : List.of("subscription key", "ocp-apim-subscription-key", "api key")) {
			phrases.put(p, SecretKind.SUBSCRIPTION_KEY);
		}
		phrases.put("access token", SecretKind.BEARER_TOKEN);
		phrases.put("webhook secret", SecretKind.WEBHOOK_SECRET);
		for (String p : List.of("password", "passwordet", "passordet", "passord", "adgangskoden", "adgangskode",
				"salasana", "salasanani", "salasanamme")) {
			phrases.put(p, SecretKind.PASSWORD);
		}
		return phrases;
	}

	/** Indexed by the first character times 128 plus the second. */
	private static boolean[] starts() {
		boolean[] starts = new boolean[128 * 128];
		for (String name : KEYS.keySet()) {
			starts[name.charAt(0) << 7 | name.charAt(1)] = true;
		}
		for (String name : PHRASES.keySet()) {
			starts[name.charAt(0) << 7 | name.charAt(1)] = true;
		}
		return starts;
	}

	/**
	 * Names by their first two (ASCII, lower-case) characters, longest first within each pair: the
	 * scan compares a position with the few names that begin as it does (by first letter alone it
	 * compared a dozen, and that was half of redaction's time).
	 */
	private static String[][][] byStart(Map<String, SecretKind> names, boolean readOnKeyText) {
		Map<Integer, List<String>> byStart = new HashMap<>();
		for (String n : names.keySet()) {
			// The scan picks a bucket by the key text's two characters and compares from the third:
			// a name must begin with two characters the key text and the lower-case text share (a
			// key, read on the key text itself, may have '_' second).
			if (!lowerCaseAsciiLetterOrDigit(n.charAt(0)) || !lowerCaseAsciiLetterOrDigit(n.charAt(1))
					&& !(readOnKeyText && n.charAt(1) == '_')) {
				throw new IllegalStateException("A secret's name must begin with two lower-case ASCII letters or digits: " + n);
			}
			byStart.computeIfAbsent(n.charAt(0) * 128 + n.charAt(1), k -> new ArrayList<>()).add(n);
		}
		String[][][] table = new String[128][128][];
		byStart.forEach((start, list) -> table[start / 128][start % 128] = list.toArray(String[]::new));
		return table;
	}

	private static boolean lowerCaseAsciiLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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
		scan.namedPairs("\"name\"");
		scan.namedPairs("\"key\"");
		scan.keyValuesAndPhrases();
		scan.bareSchemes();
		scan.curlUsers();
		scan.pythonAuth();
		scan.userPasswordOptions();
		scan.urlPasswords();
		scan.jwts();
		return scan.result(location);
	}

	/** One pass over one text: found secrets are collected as spans, applied at the end. */
	private static final class Scan {

		private final String text;

		private final String lower;

		/** The lower-case text with '-' and '.' read as '_', for key names. */
		private final String keyText;

		/** {@link #keyText}'s characters, which the scan for names reads one by one. */
		private final char[] keyChars;

		private final TreeMap<Integer, Span> spans = new TreeMap<>();

		/** {@link #nextLessThan}'s last answer, {@code lessThanAt}, for a search from {@code lessThanFrom}. */
		private int lessThanFrom = Integer.MAX_VALUE;

		private int lessThanAt = -1;

		Scan(String text) {
			this.text = text;
			// Character by character, so that positions in the lower-case copy are those of the text.
			char[] chars = text.toCharArray();
			for (int i = 0; i < chars.length; i++) {
				char c = chars[i];
				// ASCII (most of a text) without Character's tables
				chars[i] = c >= 0x80 ? Character.toLowerCase(c) : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
			}
			this.lower = new String(chars);
			for (int i = 0; i < chars.length; i++) {
				if (chars[i] == '-' || chars[i] == '.') {
					chars[i] = '_';
				}
			}
			this.keyText = new String(chars);
			this.keyChars = chars;
		}

		private record Span(int start, int end, SecretKind kind) {
		}

		/**
		 * Claims {@code [start, end)} for a secret unless it is no secret or an earlier finding
		 * already covers any of it; a weak name's value must look machine-made.
		 */
		private boolean claim(int start, int end, SecretKind kind, boolean weak) {
			if (end <= start || start < 0 || end > text.length()) {
				return false;
			}
			// Overlaps first: they cost nothing, the value's copy and checks cost its length.
			Map.Entry<Integer, Span> before = spans.floorEntry(start);
			if (before != null && before.getValue().end() > start) {
				return false;
			}
			if (end - start >= MAX_VALUE - 2) {
				// A value scan stops after MAX_VALUE characters (it bounds the work one name costs); a
				// longer value (98 KB of base64) goes on to the end of its token, not half of it kept.
				// (After the check above: a name inside a token claimed so does not read it again.)
				end = tokenEnd(end);
			}
			Map.Entry<Integer, Span> after = spans.ceilingEntry(start);
			if (after != null && after.getKey() < end) {
				return false;
			}
			String value = text.substring(start, end);
			if (Masking.isNotASecret(value) || (weak && !(looksGenerated(value) && value.length() >= 12))) {
				return false;
			}
			spans.put(start, new Span(start, end, kind));
			return true;
		}

		private int tokenEnd(int from) {
			int i = from;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "\"'`<>&,;)]}|\\".indexOf(text.charAt(i)) < 0) {
				i++;
			}
			return i;
		}

		private boolean claim(int start, int end, SecretKind kind) {
			return claim(start, end, kind, false);
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
			int nextEnd = -2;
			for (int at = lower.indexOf("private key-----"); at >= 0; at = lower.indexOf("private key-----", at + 1)) {
				if (!pemHeaderEndsAt(at)) {
					continue;
				}
				int bodyStart = at + "private key-----".length();
				// One search for the next END marker serves every header before it: no quadratic rescans.
				if (nextEnd != -1 && nextEnd < bodyStart) {
					nextEnd = lower.indexOf("-----end", bodyStart);
				}
				int bodyEnd = nextEnd >= 0 ? nextEnd : base64Run(bodyStart);
				int from = skipBlank(bodyStart, bodyEnd);
				int to = trimBlankEnd(from, bodyEnd);
				if (to - from >= 16) {
					claim(from, to, SecretKind.PRIVATE_KEY);
				}
				at = Math.max(at, to - 1);
			}
		}

		/** "-----BEGIN [RSA |EC |ENCRYPTED ]PRIVATE KEY-----" with "private key-----" at {@code at}. */
		private boolean pemHeaderEndsAt(int at) {
			// Only the 40 characters before: a search back to the start would be quadratic. The
			// nearest marker: an earlier "-----BEGIN " in reach hid this one (found by
			// SecretRedactorFuzzTest).
			int begin = -1;
			for (int j = at - 1; j >= Math.max(0, at - 40) && begin < 0; j--) {
				if (lower.startsWith("-----begin ", j)) {
					begin = j;
				}
			}
			if (begin < 0) {
				return false;
			}
			for (int i = begin + "-----begin ".length(); i < at; i++) {
				char c = text.charAt(i);
				if (!(c >= 'A' && c <= 'Z') && c != ' ') {
					return false;
				}
			}
			return text.startsWith("PRIVATE KEY-----", at);
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

		// Name/value JSON: HAR {"name": "Authorization", "value": "Bearer …"}, Postman {"key": "password", "value": …}
		void namedPairs(String literal) {
			for (int at = lower.indexOf(literal); at >= 0; at = lower.indexOf(literal, at + 1)) {
				int i = skipSpace(at + literal.length(), true);
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
				if (!PAIR_NAMES.contains(name) && !secretName(name)) {
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
				SecretKind kind = kindOfPairName(name);
				for (String scheme : SCHEMES) {
					if (lower.startsWith(scheme, valueStart) && is(valueStart + scheme.length(), ' ')) {
						kind = scheme.equals("basic") ? SecretKind.BASIC_CREDENTIALS : kind;
						valueStart = skipSpace(valueStart + scheme.length(), false);
						break;
					}
				}
				int valueEnd = quotedEnd(valueStart, '"');
				claim(valueStart, valueEnd, kind);
				at = Math.max(at, valueEnd - 1);
			}
		}

		/** vipps_client_secret, webhookSecret, ocpApimSubscriptionKey, MY_API_TOKEN … */
		private static boolean secretName(String lowerName) {
			String n = lowerName.replace('-', '_').replace('.', '_').replace(' ', '_');
			return n.contains("secret") || n.contains("password") || n.contains("passwd")
					|| n.contains("subscription_key") || n.contains("subscriptionkey") || n.contains("api_key")
					|| n.contains("apikey") || n.contains("authorization") || n.endsWith("token");
		}

		private static SecretKind kindOfPairName(String name) {
			if (name.contains("client")) {
				return SecretKind.CLIENT_SECRET;
			}
			if (name.contains("subscription") || name.contains("api")) {
				return SecretKind.SUBSCRIPTION_KEY;
			}
			if (name.startsWith("pass")) {
				return SecretKind.PASSWORD;
			}
			if (name.contains("secret")) {
				return SecretKind.WEBHOOK_SECRET;
			}
			return SecretKind.BEARER_TOKEN;
		}

		// name: value, name=value, name => value, "name": "value", .header("name", "value"),
		// <name>value</name>, | name | value |, name<TAB>value, VIPPS_CLIENT_SECRET=…; and in prose,
		// "our client secret is …". One pass: at each position only the names that begin with its
		// letter are tried, and text a value scan has read is not read again.
		void keyValuesAndPhrases() {
			List<int[]> phraseHits = new ArrayList<>();
			int readUntil = 0;
			char[] k = keyChars;
			for (int at = 0; at < k.length; at++) {
				char c = k[at];
				char next = at + 1 < k.length ? k[at + 1] : 0;
				if ((c | next) >= 128 || !STARTS[c << 7 | next]) {
					continue;
				}
				if (at >= readUntil && KEYS_BY_START[c][next] != null) {
					for (String name : KEYS_BY_START[c][next]) {
						if (startsAt(keyText, at, name) && keyBoundaryBefore(at, name)
								&& wordBoundaryAfter(at + name.length())) {
							readUntil = Math.max(readUntil, keyValue(at, name));
							break;
						}
					}
				}
				if (PHRASES_BY_START[c][next] != null && wordBoundaryBefore(at)) {
					String[] phrases = PHRASES_BY_START[c][next];
					for (int p = 0; p < phrases.length; p++) {
						if (startsAt(lower, at, phrases[p]) && wordBoundaryAfter(at + phrases[p].length())) {
							phraseHits.add(new int[] { at, c, next, p });
							break;
						}
					}
				}
			}
			int phraseReadUntil = 0;
			for (int[] hit : phraseHits) {
				if (hit[0] >= phraseReadUntil) {
					phraseReadUntil = phrase(hit[0], PHRASES_BY_START[hit[1]][hit[2]][hit[3]]);
				}
			}
		}

		/**
		 * {@code text.startsWith(name, at)} for a name from the bucket of the two characters at
		 * {@code at}, compared by hand from the third: the scan asks this at most positions of a
		 * text, names differ within a few characters, and String's vectorized comparison cost more
		 * to set up than that (half of redaction's time went to it).
		 */
		private static boolean startsAt(String text, int at, String name) {
			int length = name.length();
			if (at + length > text.length()) {
				return false;
			}
			for (int i = 2; i < length; i++) {
				if (text.charAt(at + i) != name.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Long key names count inside longer identifiers ({@code VIPPS_CLIENT_SECRET},
		 * {@code vippsClientSecret}); short ones only as words of their own.
		 */
		private boolean keyBoundaryBefore(int at, String name) {
			if (wordBoundaryBefore(at)) {
				return true;
			}
			return name.length() >= 6 && !name.contains(" ");
		}

		/** Reads the separator and value after a key name; returns where reading stopped. */
		private int keyValue(int at, String name) {
			SecretKind kind = KEYS.get(name);
			boolean weak = WEAK_KEYS.contains(name);
			int i = at + name.length();
			char before = at > 0 ? text.charAt(at - 1) : 0;
			// the key may close a quoted string: "Vipps:ClientSecret"
			int closed = pastClosingQuote(i);
			boolean quoted = before == '"' || before == '\'' || closed > i;
			i = closed;
			if (is(i, ']')) {
				// PHP print_r and var_dump: [client_secret] => …, ["client_secret"]=> string(35) "…"
				i++;
			}
			if (before == '<' || xmlNamespaced(at)) {
				// XML: <client_secret>…</client_secret>, <vipps:clientSecret>…
				if (!is(i, '>')) {
					return i;
				}
				return element(i, kind, weak);
			}
			if (quoted && is(i, '>')) {
				// <entry name="clientSecret">…</entry>
				return element(i, kind, weak);
			}
			i = skipMarkup(i);
			int beforeSpace = i;
			i = skipSpace(i, false);
			if (is(i, '(') && !quoted) {
				// Within 30 characters and on the line: indexOf(')') and indexOf('\n') went on to the
				// end of the text, for each name ("token: x.setApiKey(a…", time of the square of its
				// length: found by AdversarialInputTest)
				int close = i + 1;
				while (close < text.length() && close - i <= 30 && text.charAt(close) != ')' && text.charAt(close) != '\n') {
					close++;
				}
				if (is(close, ')') && close - i <= 30) {
					// "Client Secret (test): …" — a remark between the name and the value
					int after = skipSpace(close + 1, false);
					if (is(after, ':') || is(after, '=')) {
						i = after;
					}
				}
			}
			boolean tab = text.substring(beforeSpace, i).indexOf('\t') >= 0;
			if (quoted && lower.startsWith("value", i) && (is(i + 5, '=') || is(i + 5, ':'))) {
				// <add key="Vipps:ClientSecret" value="…"/>
				return value(skipSpace(i + 6, false), kind, weak);
			}
			if (is(i, ':') || is(i, '=')) {
				boolean colon = is(i, ':');
				i++;
				if (is(i, '>') || is(i, '=')) {
					i++;
				}
				i = skipSpace(i, false);
				int markup = skipMarkup(i);
				if (markup > i && (is(markup, ' ') || is(markup, '\t'))) {
					// the closing of "**Client secret:** …"
					i = skipSpace(markup, false);
				}
				if (is(i, '\n') || is(i, '\r')) {
					// The value on the next line, "client_secret:\n  Q3kz…"; var_dump's "=>\n string(35) "…"".
					return nextLineValue(i, kind, weak, colon);
				}
				if (lower.startsWith("string(", i)) {
					int close = text.indexOf(')', i);
					i = close > i && close - i < 12 ? skipSpace(close + 1, false) : i;
				}
			}
			else if (is(i, ',') && quoted) {
				// A function call or tuple: .header("client_secret", "…"), ("Ocp-Apim-Subscription-Key", "…")
				i = skipSpace(i + 1, true);
				if (lower.startsWith("\"value\"", i)) {
					// Postman: {"key": "client_secret", "value": "…"}
					int colon = skipSpace(i + 7, true);
					if (!is(colon, ':')) {
						return i;
					}
					i = skipSpace(colon + 1, true);
				}
				if (!is(i, '"') && !is(i, '\'')) {
					return i;
				}
			}
			else if (is(i, '(') && !quoted) {
				// .clientSecret("…"), ->setClientSecret('…')
				i = skipSpace(i + 1, false);
				if (!is(i, '"') && !is(i, '\'')) {
					return i;
				}
			}
			else if (is(i, '|')) {
				i = skipSpace(i + 1, false);
			}
			else if (is(i, '-') && i > beforeSpace && is(i + 1, ' ')) {
				// "Client secret - Q3kz…"
				i = skipSpace(i + 1, false);
			}
			else if (!tab) {
				if (is(i, '\n') || is(i, '\r') || i >= text.length()) {
					// A label alone on its line (copied from the portal), or "- name: X" with "value:" below
					return labelLineValue(at, i, kind, weak);
				}
				return i;
			}
			if (name.endsWith("authorization")) {
				return authorization(i);
			}
			return value(i, kind, weak);
		}

		/**
		 * An XML element's text after its start tag's {@code >} at {@code close}: up to the next
		 * {@code <}. Without one it was no element: reading goes on after the {@code >} (found by
		 * SecretRedactorFuzzTest: '"token>' took the rest of the text, the next secret's name with it).
		 */
		private int element(int close, SecretKind kind, boolean weak) {
			int lessThan = nextLessThan(close + 1);
			if (lessThan < 0 || lessThan - close > ELEMENT_TEXT) {
				// No end tag in reach: one word, as after a stray quote. (Scanning the rest of the text
				// for each '"token>' took time of the square of its length: found by
				// SecretRedactorFuzzTest.)
				// The word ends at a quote or bracket too: the next '"token>' starts there, and a word
				// read on through it would be read again from there.
				int word = close + 1;
				while (word < text.length() && word - close < MAX_VALUE && !Character.isWhitespace(text.charAt(word))
						&& "\"'<>".indexOf(text.charAt(word)) < 0) {
					word++;
				}
				return claim(close + 1, word, kind, weak) ? word : close + 1;
			}
			// Not a secret: what it spans is read on, it may name one (a '"token>' before
			// "client_secret:" and a '<' far below, found by SecretRedactorFuzzTest)
			return claim(close + 1, lessThan, kind, weak) ? lessThan : close + 1;
		}

		/** The next '<' at or after {@code from}, or -1; remembered, so that reading on costs nothing. */
		private int nextLessThan(int from) {
			if (from < lessThanFrom || (lessThanAt >= 0 && lessThanAt < from)) {
				lessThanAt = text.indexOf('<', from);
				lessThanFrom = from;
			}
			return lessThanAt;
		}

		/** "<vipps:clientSecret>": the name follows a namespace prefix inside an XML tag. */
		private boolean xmlNamespaced(int at) {
			if (at == 0 || text.charAt(at - 1) != ':') {
				return false;
			}
			for (int j = at - 2; j >= 0 && at - j < 40; j--) {
				char c = text.charAt(j);
				if (c == '<') {
					return true;
				}
				if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
					return false;
				}
			}
			return false;
		}

		/**
		 * After "name:" and a line break: the next line is the value when it is one token that is
		 * not itself a "key: value" line (an empty setting must not eat the next one).
		 */
		private int nextLineValue(int lineBreak, SecretKind kind, boolean weak, boolean colon) {
			int start = skipSpace(lineBreak, true);
			int end = lineEnd(start, 4096);
			String line = text.substring(start, end).strip();
			int close = line.indexOf(')');
			if (line.startsWith("string(") && close > 0 && close < 12) {
				// var_dump's "string(35)", not any line that begins so: "string(x client.Add(\"client_secret\",
				// \"…\"))" read on past the name in it (found by SecretRedactorFuzzTest)
				int valueStart = skipSpace(start + (close + 1), false);
				return value(valueStart, kind, weak);
			}
			if (colon && (line.contains(" ") || line.contains("\t"))) {
				// "client_secret:\n  Q3kz…  # prod": a machine-made first word is the value, whatever
				// follows it on its line (found by SecretRedactorFuzzTest); "client_id: …" is a key.
				int tokenEnd = start;
				while (tokenEnd < end && !Character.isWhitespace(text.charAt(tokenEnd))) {
					tokenEnd++;
				}
				boolean tokenChars = true;
				for (int t = start; t < tokenEnd && tokenChars; t++) {
					char c = text.charAt(t);
					// what keys and tokens are made of: not code ("….Add(\"Ocp-Apim-…\",")
					tokenChars = Character.isLetterOrDigit(c) || "-_+/=.~!$%@#*".indexOf(c) >= 0;
				}
				int unpadded = tokenEnd;
				while (unpadded > start && text.charAt(unpadded - 1) == '=') {
					unpadded--;
				}
				String token = text.substring(start, tokenEnd);
				String body = text.substring(start, unpadded);
				if (tokenChars && token.length() >= 12 && looksGenerated(token) && body.indexOf('=') < 0) {
					claim(start, tokenEnd, kind, weak);
					return tokenEnd;
				}
			}
			// base64's padding is no "key=value" ("client_secret:\n  Q3kz…MA==")
			int padding = line.length();
			while (padding > 0 && line.charAt(padding - 1) == '=') {
				padding--;
			}
			if (!colon || line.isEmpty() || line.contains(" ") || line.contains(":")
					|| line.substring(0, padding).contains("=")) {
				return lineBreak;
			}
			return value(start, kind, weak);
		}

		/**
		 * A label with nothing after it on its line: the next line holds the value ("Client secret" /
		 * "Q3kz…" as the portal shows them), or a YAML "value:" ("- name: VIPPS_CLIENT_SECRET" /
		 * "  value: …").
		 */
		private int labelLineValue(int at, int lineBreak, SecretKind kind, boolean weak) {
			int lineStart = at;
			while (lineStart > 0 && at - lineStart < 200 && text.charAt(lineStart - 1) != '\n') {
				lineStart--;
			}
			String label = lower.substring(lineStart, at).strip();
			int next = skipSpace(lineBreak, true);
			if (lower.startsWith("value:", next)) {
				return value(skipSpace(next + 6, false), kind, weak);
			}
			boolean alone = label.isEmpty() || label.equals("-") || label.equals("*") || label.equals("**")
					|| label.endsWith("name:");
			int end = lineEnd(next, 4096);
			String line = text.substring(next, end).strip();
			// After words on the label's line ("… our client secret" / "Q3kz…", found by
			// SecretRedactorFuzzTest) only a value that is long and machine-made.
			// Not a line with white space in it, nor one that names a secret itself ("…$<TAB>client_secret:"
			// after "secret<CR>", found by SecretRedactorFuzzTest): that name's value is the key scan's.
			if (line.length() >= (alone ? 8 : 16) && line.chars().noneMatch(Character::isWhitespace)
					&& looksGenerated(line) && !keyInUseWithin(next, next + line.length())) {
				claim(next, next + line.length(), kind);
				return next + line.length();
			}
			return lineBreak;
		}

		private int skipMarkup(int from) {
			int i = from;
			while (i < text.length() && (text.charAt(i) == '*' || text.charAt(i) == '`') && i - from < 4) {
				i++;
			}
			return i;
		}

		private int authorization(int from) {
			int i = from;
			if (text.startsWith("\\\"", i)) {
				i += 2;
			}
			else if (is(i, '"') || is(i, '\'')) {
				i++;
			}
			i = skipSpace(i, false);
			SecretKind kind = SecretKind.BEARER_TOKEN;
			for (String scheme : SCHEMES) {
				if (lower.startsWith(scheme, i) && wordBoundaryAfter(i + scheme.length())) {
					kind = scheme.equals("basic") ? SecretKind.BASIC_CREDENTIALS : SecretKind.BEARER_TOKEN;
					i = skipSpace(i + scheme.length(), true);
					break;
				}
			}
			int end = i;
			while (end < text.length() && end - i < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
					&& "\"',;\\".indexOf(text.charAt(end)) < 0 && (end == i || !keyInUseAt(end))) {
				end++;
			}
			if (end > i && end - i <= 64
					&& (KEYS.containsKey(keyText.substring(i, is(end - 1, ':') ? end - 1 : end)) || twoWordNameAt(i))) {
				// "| Authorization | client_secret | Q3kz… |", "Authorization:<TAB>Primary key: …": the next
				// name, read as a key (found by SecretRedactorFuzzTest)
				return i;
			}
			if (end - i >= 8) {
				claim(i, end, kind);
			}
			return end;
		}

		private int value(int from, SecretKind kind) {
			return value(from, kind, false);
		}

		private int value(int from, SecretKind kind, boolean weak) {
			if (from >= text.length()) {
				return from;
			}
			if (is(from, '[')) {
				// header dumps with list values: {"client_secret": ["…"]}
				from = skipSpace(from + 1, false);
				if (from >= text.length()) {
					return from;
				}
			}
			if (text.startsWith("\\\"", from)) {
				// an escaped JSON string: up to the next \" or the end of the line
				// (A JSON string holds no raw line break; and it ends before the next secret's name in
				// use, else a placeholder before it, "\"${V…", would hide that secret's value: found by
				// SecretRedactorFuzzTest.)
				int end = from + 2;
				while (end < text.length() && end - from < MAX_VALUE && text.charAt(end) != '\n'
						&& text.charAt(end) != '\r' && !text.startsWith("\\\"", end) && !separateKeyInUseAt(end)) {
					end++;
				}
				if (!text.startsWith("\\\"", end)) {
					// Not closed: one word, as after a stray quote below
					int word = from + 2;
					while (word < end && !Character.isWhitespace(text.charAt(word))) {
						word++;
					}
					return claim(from + 2, word, kind, weak) ? word : from + 2;
				}
				// Not a secret (a placeholder, "\"${VIPPS_SECRET}\""): what it spans is read on, it may
				// name one ("… | client_secret | Q3kz… | …", found by SecretRedactorFuzzTest)
				return claim(from + 2, end, kind, weak) ? end : from + 2;
			}
			char first = text.charAt(from);
			if (first == '"' || first == '\'' || first == '`') {
				int end = quotedEnd(from + 1, first);
				if (quotedName(from + 1, end)) {
					// "subscriptionkey<TAB>["client_secret"]=> …", "secret<TAB>"VippsClientSecret": …":
					// the next name, quoted (found by SecretRedactorFuzzTest)
					return from;
				}
				if (end >= text.length() || text.charAt(end) != first || keyInUseWithin(from + 1, end)) {
					// A stray quote: its value is one word, and what follows is read on as it is, it
					// may name a secret (found by SecretRedactorFuzzTest). So is a quote whose pair
					// lies past another secret's name in use ("token:"<TAB>const clientSecret = …").

					int word = from + 1;
					while (word < end && !Character.isWhitespace(text.charAt(word))) {
						word++;
					}
					return claim(from + 1, word, kind, weak) ? word : from + 1;
				}
				if (claim(from + 1, end, kind, weak)) {
					return end;
				}
				// Not a secret: a literal after it on the line may be ("process.env.X || "…""), and what
				// it spans is read on, as above
				literalsOnLine(end, kind);
				return from + 1;
			}
			int end = from;
			while (end < text.length() && end - from < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
					&& "\"'&,;<>})]|\\`".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			boolean colon = end > from && is(end - 1, ':');
			if (end - from <= 64 && (KEYS.containsKey(keyText.substring(from, colon ? end - 1 : end))
					|| (colon && secretName(lower.substring(from, end - 1))) || twoWordNameAt(from))) {
				// "webhook_secret<TAB>client_secret:" / "  Q3kz…", "secret | client_secret | Q3kz… |",
				// "secret\"<TAB>Primary key: Q3kz…": the next name, not this one's value; left for the key
				// scan to read (found by SecretRedactorFuzzTest)
				return from;
			}
			int valueEnd = end;
			while (valueEnd > from && (text.charAt(valueEnd - 1) == '*' || text.charAt(valueEnd - 1) == '.')) {
				valueEnd--;
			}
			boolean call = text.substring(from, valueEnd).indexOf('(') >= 0;
			if (!call && claim(from, valueEnd, kind, weak)) {
				return end;
			}
			// env('VIPPS_SECRET', 'Q3kz…'), process.env.X || "Q3kz…": a default written in the code.
			int stop = literalsOnLine(from, kind);
			// Reading goes on at a setter this code holds ("token: x.setClientSecret("Q3kz…")"): the key
			// scan reads its literal. Only at a setter, whose quote ends this run of code right after
			// its name: going back to any name would read a long run again for each name in it
			// ("secret=secret=…", found by AdversarialInputTest), time of the square of its length.
			return stop < end && !wordBoundaryBefore(stop) ? stop : end;
		}

		/**
		 * Claims the quoted literals that look machine-made on the rest of a code line after a secret's
		 * name, up to the next secret's name in use; returns where that name begins, or
		 * {@code Integer.MAX_VALUE} when there is none.
		 */
		private int literalsOnLine(int from, SecretKind kind) {
			int end = lineEnd(from, 300);
			int i = from;
			while (i < end) {
				char c = text.charAt(i);
				if (separateKeyInUseAt(i)) {
					// Up to the next secret's name, bare or as a literal of its own: its value is the key
					// scan's to read, and this read must not pass over it (quotes paired wrongly after a
					// stray one put "Ocp-Apim-…" between two literals, or took it for a value: found by
					// SecretRedactorFuzzTest)
					return i;
				}
				if ((c == '"' || c == '\'') && separateKeyInUseAt(i + 1)) {
					return i + 1;
				}
				if (c == '"' || c == '\'') {
					int close = Math.min(quotedEnd(i + 1, c, end - i), end);
					// Only a closed literal of one word: after a stray quote, the quotes pair up wrongly
					// and would take code, and the name of the next secret with it (found by
					// SecretRedactorFuzzTest)
					String literal = text.substring(i + 1, close);
					if (close < end && text.charAt(close) == c && literal.length() >= 8 && looksGenerated(literal)
							&& literal.chars().noneMatch(Character::isWhitespace)) {
						claim(i + 1, close, kind);
					}
					i = close + 1;
				}
				else {
					i++;
				}
			}
			// The caller reads the line on from where this began, literals claimed or not: it may name
			// another secret ("password=changeme apikey=Q3kz…"; a literal with white space in it, not
			// claimed, spanned "| client_secret | Q3kz… |": both found by SecretRedactorFuzzTest). A
			// claimed literal is not claimed twice, and this reads at most 300 characters a name.
			return Integer.MAX_VALUE;
		}

		/**
		 * Whether the quoted text {@code [start, end)} is a secret's name used as one: followed by
		 * {@code :}, {@code =} or PHP's {@code ]}. A value that merely holds such a word
		 * ("Secret-Pass123") is still a value.
		 */
		private boolean quotedName(int start, int end) {
			if (end - start > 64 || end >= text.length()) {
				return false;
			}
			int after = skipSpace(end + 1, false);
			if (is(after, ']')) {
				// PHP's ["client_secret"]=>, not a JSON list's last value ["Secret-Pass123"]
				after = skipSpace(after + 1, false);
				if (!is(after, '=')) {
					return false;
				}
			}
			if (!is(after, ':') && !is(after, '=')) {
				return false;
			}
			return KEYS.containsKey(keyText.substring(start, end)) || secretName(lower.substring(start, end));
		}

		/** Whether a name of two words ("Primary key", "client secret") begins at {@code at}. */
		private boolean twoWordNameAt(int at) {
			char c = keyText.charAt(at);
			char next = at + 1 < keyText.length() ? keyText.charAt(at + 1) : 0;
			if (c >= 128 || next >= 128 || KEYS_BY_START[c][next] == null) {
				return false;
			}
			for (String name : KEYS_BY_START[c][next]) {
				if (name.indexOf(' ') >= 0 && keyText.startsWith(name, at) && wordBoundaryAfter(at + name.length())) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether a secret's name begins at {@code at} and is used as one: followed by a separator, a
		 * call ("$client->setClientSecret('…')" after "Authorization:") or, quoted, by the value's
		 * argument (".Add("Ocp-Apim-Subscription-Key", "…")"): found by SecretRedactorFuzzTest. Not
		 * merely a word of a value ("Secret-Pass123").
		 */
		private boolean keyInUseAt(int at) {
			int length = keyNameLength(at);
			if (length == 0) {
				return false;
			}
			int closed = pastClosingQuote(at + length);
			boolean quoted = closed > at + length;
			int after = skipSpace(closed, false);
			return is(after, ':') || is(after, '=') || is(after, '(') || (quoted && (is(after, ',') || is(after, ']')));
		}

		/**
		 * {@link #keyInUseAt} for a name that stands apart, not one inside a word: a value may hold
		 * one ("MySecret=Pa55word!"). A setter is one too ("$client->setClientSecret('…')"): no value
		 * holds a call with a literal, and a stray quote before one would pair with its argument's
		 * opening quote and take the setter for its value (found by SecretRedactorFuzzTest).
		 */
		private boolean separateKeyInUseAt(int at) {
			return wordBoundaryBefore(at) ? keyInUseAt(at) : setterAt(at);
		}

		/** Whether a long secret's name inside an identifier begins at {@code at}, called with a literal. */
		private boolean setterAt(int at) {
			int length = keyNameLength(at);
			if (length == 0) {
				return false;
			}
			int open = skipSpace(at + length, false);
			if (!is(open, '(')) {
				return false;
			}
			int argument = skipSpace(open + 1, false);
			return is(argument, '"') || is(argument, '\'');
		}

		/** Whether a separate secret's name in use begins in {@code [from, to)}. */
		private boolean keyInUseWithin(int from, int to) {
			for (int at = from; at < to; at++) {
				if (separateKeyInUseAt(at)) {
					return true;
				}
			}
			return false;
		}

		/** After a quote that closes a name at {@code at} ({@code "}, {@code '} or JSON's escaped one); else {@code at}. */
		private int pastClosingQuote(int at) {
			if (text.startsWith("\\\"", at)) {
				return at + 2;
			}
			return is(at, '"') || is(at, '\'') ? at + 1 : at;
		}

		/** The length of the secret's name that begins at {@code at}, as the key scan reads one; else 0. */
		private int keyNameLength(int at) {
			if (at >= keyText.length()) {
				return 0;
			}
			char c = keyText.charAt(at);
			char next = at + 1 < keyText.length() ? keyText.charAt(at + 1) : 0;
			if (c >= 128 || next >= 128 || KEYS_BY_START[c][next] == null) {
				return 0;
			}
			for (String name : KEYS_BY_START[c][next]) {
				if (keyText.startsWith(name, at) && keyBoundaryBefore(at, name) && wordBoundaryAfter(at + name.length())) {
					return name.length();
				}
			}
			return 0;
		}

		private int lineEnd(int from) {
			return lineEnd(from, MAX_VALUE);
		}

		/** The end of the line, or {@code max} characters on, whichever comes first. */
		private int lineEnd(int from, int max) {
			int i = from;
			while (i < text.length() && i - from < max && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
				i++;
			}
			return i;
		}

		/** The end of a quoted value: its closing quote, or the end of the line when there is none. */
		private int quotedEnd(int from, char quote) {
			return quotedEnd(from, quote, MAX_VALUE);
		}

		private int quotedEnd(int from, char quote, int max) {
			int i = from;
			while (i < text.length() && i - from < max) {
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

		/** "our client secret is Q3kz…", "Passordet er Hemmelig123"; returns where reading stopped. */
		private int phrase(int at, String name) {
			if (is(at + name.length(), '"') || is(at + name.length(), '\'')) {
				// 'client_secret': … is a key, read as one already
				return at + name.length();
			}
			int i = skipSpace(at + name.length(), false);
			// "The password for the portal is …", "Passordet mitt er …": a few words may come first.
			int filler = fillerWithin(i, lineEnd(i, 40));
			if (filler >= 0) {
				i = filler;
			}
			if (is(i, ':') || is(i, '=')) {
				i = skipSpace(i + 1, false);
			}
			if (covered(i)) {
				return i;
			}
			SecretKind kind = PHRASES.get(name);
			if (is(i, '"') || is(i, '\'') || is(i, '`')) {
				int end = quotedEnd(i + 1, text.charAt(i));
				if (end - i - 1 >= 6 && looksGenerated(text.substring(i + 1, end)) && claim(i + 1, end, kind)) {
					return end;
				}
				// As below: what was read may hold another phrase (found by SecretRedactorFuzzTest)
				return at + name.length();
			}
			int end = i;
			while (end < text.length() && end - i < MAX_VALUE && !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			int valueEnd = end;
			while (valueEnd > i && ".,;:)".indexOf(text.charAt(valueEnd - 1)) >= 0) {
				valueEnd--;
			}
			String value = text.substring(i, valueEnd);
			boolean password = kind == SecretKind.PASSWORD;
			if ((password && value.length() >= 6 && looksLikePassword(value))
					|| (value.length() >= 12 && looksGenerated(value))) {
				claim(i, valueEnd, kind);
				return end;
			}
			// Not this phrase's value: the words read on the way to it may hold another phrase ("we
			// rotated the client secret yesterday. The password is …"). Reading on from the name stays
			// linear: a value ends at white space, and only the phrases of the 40 characters before it
			// can reach it.
			return at + name.length();
		}

		// "Basic ZmI0…" and "Bearer 8f9a…" without a header name: AuthenticationHeaderValue("Basic", "…")
		void bareSchemes() {
			for (String scheme : List.of("basic", "bearer")) {
				int readUntil = 0;
				for (int at = lower.indexOf(scheme); at >= 0; at = lower.indexOf(scheme, at + 1)) {
					if (at < readUntil || !wordBoundaryBefore(at) || !wordBoundaryAfter(at + scheme.length())) {
						continue;
					}
					int i = at + scheme.length();
					int limit = Math.min(text.length(), i + 6);
					while (i < limit && " \t\"',:".indexOf(text.charAt(i)) >= 0) {
						i++;
					}
					if (i == at + scheme.length() || covered(i)) {
						continue;
					}
					int end = i;
					while (end < text.length() && end - i < MAX_VALUE && (isBase64(text.charAt(end))
							|| "-_.~".indexOf(text.charAt(end)) >= 0)) {
						end++;
					}
					String token = text.substring(i, end);
					if (scheme.equals("basic") ? isBasicCredentials(token)
							: token.length() >= 16 && looksGenerated(token)) {
						claim(i, end, scheme.equals("basic") ? SecretKind.BASIC_CREDENTIALS : SecretKind.BEARER_TOKEN);
					}
					readUntil = end;
				}
			}
		}

		private static boolean isBasicCredentials(String token) {
			if (token.length() < 8) {
				return false;
			}
			try {
				byte[] decoded = Base64.getDecoder().decode(token);
				for (byte b : decoded) {
					if (b == ':') {
						return true;
					}
				}
				return false;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

		// curl -u id:secret, --user id:secret
		void curlUsers() {
			for (String flag : List.of("-u", "--user")) {
				int readUntil = 0;
				for (int at = lower.indexOf(flag); at >= 0; at = lower.indexOf(flag, at + 1)) {
					if (at < readUntil || (at > 0 && !Character.isWhitespace(text.charAt(at - 1)))) {
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
					readUntil = colon;
					if (!is(colon, ':')) {
						continue;
					}
					int end = colon + 1;
					while (end < text.length() && end - colon < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
							&& text.charAt(end) != '"' && text.charAt(end) != '\'') {
						end++;
					}
					claim(colon + 1, end, SecretKind.BASIC_CREDENTIALS);
					readUntil = end;
				}
			}
		}

		// requests.post(url, auth=("id", "secret")), HTTPBasicAuth("id", "secret"),
		// req.SetBasicAuth("id", "secret"), Guzzle 'auth' => ['id', 'secret']
		void pythonAuth() {
			for (String call : List.of("auth=(", "auth = (", "httpbasicauth(", "setbasicauth(", "basicauth(",
					"'auth' => [", "\"auth\" => [", "'auth'=>[", "auth: [", "withbasicauth(")) {
				for (int at = lower.indexOf(call); at >= 0; at = lower.indexOf(call, at + 1)) {
					int i = skipSpace(at + call.length(), false);
					if (!is(i, '"') && !is(i, '\'')) {
						continue;
					}
					int firstEnd = quotedEnd(i + 1, text.charAt(i));
					int j = skipSpace(firstEnd + 1, false);
					if (!is(j, ',')) {
						continue;
					}
					j = skipSpace(j + 1, false);
					if (is(j, '"') || is(j, '\'')) {
						claim(j + 1, quotedEnd(j + 1, text.charAt(j)), SecretKind.BASIC_CREDENTIALS);
					}
				}
			}
		}

		// CURLOPT_USERPWD, "id:secret"; HTTPie: http -a id:secret
		void userPasswordOptions() {
			for (String option : List.of("curlopt_userpwd", " -a ", "--auth ")) {
				for (int at = lower.indexOf(option); at >= 0; at = lower.indexOf(option, at + 1)) {
					int i = at + option.length();
					int limit = Math.min(text.length(), i + 8);
					while (i < limit && " \t,=\"'".indexOf(text.charAt(i)) >= 0) {
						i++;
					}
					int colon = i;
					while (colon < text.length() && colon - i < 200 && text.charAt(colon) != ':'
							&& !Character.isWhitespace(text.charAt(colon)) && "\"'".indexOf(text.charAt(colon)) < 0) {
						colon++;
					}
					if (!is(colon, ':')) {
						continue;
					}
					int end = colon + 1;
					while (end < text.length() && end - colon < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
							&& "\"')".indexOf(text.charAt(end)) < 0) {
						end++;
					}
					claim(colon + 1, end, SecretKind.BASIC_CREDENTIALS);
				}
			}
		}

		// scheme://user:password@host; a port (shop.no:8443/…) or a path with a query is no password
		void urlPasswords() {
			int readUntil = 0;
			for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
				if (at < readUntil) {
					continue;
				}
				int i = at + 3;
				int colon = i;
				while (colon < text.length() && colon - i < 256) {
					char c = text.charAt(colon);
					if (c == ':' || c == '/' || c == '@' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
						break;
					}
					colon++;
				}
				readUntil = colon;
				if (!is(colon, ':')) {
					continue;
				}
				int end = colon + 1;
				while (end < text.length() && end - colon < 1024) {
					char c = text.charAt(end);
					if (c == '@' || c == '"' || c == '\'' || c == '?' || c == '#' || Character.isWhitespace(c)) {
						break;
					}
					end++;
				}
				readUntil = end;
				if (!is(end, '@') || end == colon + 1) {
					continue;
				}
				String password = text.substring(colon + 1, end);
				if (isPort(password)) {
					continue;
				}
				claim(colon + 1, end, SecretKind.PASSWORD);
			}
		}

		private static boolean isPort(String value) {
			int digits = 0;
			while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
				digits++;
			}
			return digits > 0 && digits <= 5 && (digits == value.length()
					|| value.charAt(digits) == '/' && !looksLikeSecret(value.substring(digits + 1)));
		}

		/**
		 * Whether what follows "host:digits/" up to an {@code @} reads as a password typed into the URL
		 * ({@code https://kari:9/Jlbw…=@shop.no}) rather than a path: paths are lower-case words,
		 * passwords mix cases and digits or carry base64's {@code +} and {@code =}.
		 */
		private static boolean looksLikeSecret(String rest) {
			boolean upper = false;
			boolean lower = false;
			boolean digit = false;
			for (int i = 0; i < rest.length(); i++) {
				char c = rest.charAt(i);
				if (c == '+' || c == '=') {
					return true;
				}
				upper |= Character.isUpperCase(c);
				lower |= Character.isLowerCase(c);
				digit |= Character.isDigit(c);
			}
			return rest.length() >= 12 && upper && lower && digit;
		}

		/** The position after the first "is"/"er"/"on"/":"/"=" in {@code [from, to)}, or -1. */
		private int fillerWithin(int from, int to) {
			for (int i = from; i < to; i++) {
				if (i > from && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i) != ':'
						&& text.charAt(i) != '=') {
					continue;
				}
				for (String filler : PROSE_FILLERS) {
					if (lower.startsWith(filler, i) && (filler.length() == 1 || is(i + filler.length(), ' ')
							|| is(i + filler.length(), '\t'))) {
						return skipSpace(i + filler.length(), false);
					}
				}
			}
			return -1;
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
		// Base64 padding marks a machine-made value even when it happens to have no digit.
		return (digit && letter) || value.length() >= 24 || (value.length() >= 16 && value.endsWith("="));
	}

	/** A password named in prose: letters with a digit or a sign ("Summer2024!", "Hemmelig123"). */
	static boolean looksLikePassword(String value) {
		boolean letter = false;
		boolean other = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			letter |= Character.isLetter(c);
			other |= !Character.isLetter(c);
		}
		return letter && other;
	}

}
