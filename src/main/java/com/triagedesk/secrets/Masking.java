package com.triagedesk.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a secret is cut to, and how to tell a value that is already cut or only a placeholder.
 */
final class Masking {

	static final String ELLIPSIS = "…";

	/** Below this length the last four characters would give away too much of the secret. */
	private static final int KEEP_TAIL_FROM_LENGTH = 12;

	private static final Set<String> PLACEHOLDERS = Set.of("redacted", "masked", "hidden", "removed", "secret",
			"password", "token", "null", "none", "undefined", "empty", "changeme", "example", "xxx", "<redacted>",
			"[redacted]", "[filtered]", "filtered", "true", "false", "required", "optional", "string", "sensurert",
			"fjernet", "skjult", "slettet", "fjernet her", "poistettu", "piilotettu", "censored", "omitted", "hemmelig",
			"secret here", "not shown", "ikke vist");

	// Variables and references in code (process.env.X, $token, ${SECRET}, {{secret}}, <your-key>)
	// name a secret without containing it.
	private static final List<String> REFERENCE_PREFIXES = List.of("process.env", "os.environ", "env.", "config.",
			"settings.", "your_", "your-", "my_", "my-", "insert_", "insert-");

	private Masking() {
	}

	private static boolean fewDistinctCharacters(String value) {
		char a = value.charAt(0);
		char b = a;
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != a && c != b) {
				if (a != b) {
					return false;
				}
				b = c;
			}
		}
		return true;
	}

	static String cut(String secret) {
		return secret.length() >= KEEP_TAIL_FROM_LENGTH ? ELLIPSIS + secret.substring(secret.length() - 4)
				: ELLIPSIS;
	}

	/**
	 * Whether a value is not a live secret: already cut by the sender ({@code ...Zx9=},
	 * {@code ****0a64}, {@code XXXXXXXX0a64}), a placeholder ({@code <your secret>},
	 * {@code YOUR_CLIENT_SECRET}), or a reference to one ({@code $CLIENT_SECRET}, {@code %SECRET%},
	 * {@code ${secret}}, {@code process.env.X}). When in doubt it is a secret.
	 */
	static boolean isNotASecret(String value) {
		String v = value.strip();
		if (v.length() < 4) {
			return true;
		}
		if (v.contains("...") || v.contains(ELLIPSIS) || v.contains("***") || v.contains("•")) {
			return true;
		}
		if (maskedPrefix(v) || isoDateTime(v)) {
			return true;
		}
		if (v.startsWith("(") && v.endsWith(")")) {
			// "(removed)", "(hidden)"
			return true;
		}
		if (variableReference(v)) {
			return true;
		}
		String lower = v.toLowerCase(Locale.ROOT);
		if (PLACEHOLDERS.contains(lower) || (REFERENCE_PREFIXES.stream().anyMatch(lower::startsWith)
				&& (noDigits(v) || lower.startsWith("process.env") || lower.startsWith("os.environ")))) {
			return true;
		}
		// YOUR_CLIENT_SECRET, your-secret-here, <client secret>: words, no digits
		if ((lower.startsWith("your") || lower.startsWith("<") || lower.startsWith("[")) && noDigits(v)) {
			return true;
		}
		return fewDistinctCharacters(lower);
	}

	/** 2026-11-20T10:15:00Z: a time stamp, not a token. */
	private static boolean isoDateTime(String v) {
		return v.length() >= 10 && Character.isDigit(v.charAt(0)) && Character.isDigit(v.charAt(3)) && v.charAt(4) == '-'
				&& v.charAt(7) == '-' && Character.isDigit(v.charAt(8)) && Character.isDigit(v.charAt(9))
				&& (v.length() == 10 || v.charAt(10) == 'T' || v.charAt(10) == ' ');
	}

	/** "xxxxxxxx0a64", "********0a64": a run of masking characters and at most a short tail. */
	private static boolean maskedPrefix(String v) {
		int run = 0;
		while (run < v.length() && "xX*#•".indexOf(v.charAt(run)) >= 0) {
			run++;
		}
		return run >= 4 && v.length() - run <= 6;
	}

	/** $NAME, ${name}, $(name), %NAME%, {{name}}: a name, not a value. */
	private static boolean variableReference(String v) {
		char first = v.charAt(0);
		if (first == '{' && v.startsWith("{{")) {
			return true;
		}
		if (first == '$' && v.length() > 1 && (v.charAt(1) == '{' || v.charAt(1) == '(')) {
			return true;
		}
		if (first == '%' && v.endsWith("%")) {
			return identifier(v.substring(1, v.length() - 1));
		}
		if (first == '$') {
			String name = v.substring(1);
			// $CLIENT_SECRET or $clientSecret, $token: a variable; "$Tg7kL2pQ9x" is a password.
			return identifier(name) && (name.equals(name.toUpperCase(Locale.ROOT)) || noDigits(name));
		}
		return false;
	}

	private static boolean identifier(String name) {
		if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '_' && c != '.') {
				return false;
			}
		}
		return true;
	}

	private static boolean noDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isDigit(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
