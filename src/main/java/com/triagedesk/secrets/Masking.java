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
			"[redacted]", "[filtered]", "filtered", "true", "false", "required", "optional", "string");

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
	 * {@code ****0a64}), a placeholder, or a reference to one.
	 */
	static boolean isNotASecret(String value) {
		String v = value.strip();
		if (v.length() < 4) {
			return true;
		}
		if (v.contains("...") || v.contains(ELLIPSIS) || v.contains("***") || v.contains("•")
				|| v.startsWith("**") || v.regionMatches(true, 0, "xxxx", 0, 4)) {
			return true;
		}
		char first = v.charAt(0);
		if (first == '$' || first == '%' || first == '<' || first == '{' || first == '[') {
			return true;
		}
		String lower = v.toLowerCase(Locale.ROOT);
		return PLACEHOLDERS.contains(lower) || REFERENCE_PREFIXES.stream().anyMatch(lower::startsWith)
				|| lower.startsWith("your") || fewDistinctCharacters(lower);
	}

}
