package com.triagedesk.secrets;

import java.util.Locale;
import java.util.Set;

import com.google.re2j.Pattern;

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
	private static final Pattern REFERENCE = Pattern.compile(
			"^(?:[$%<{\\[]|(?i:process\\.env|os\\.environ|env\\.|config\\.|settings\\.|your[_-]|my[_-]|insert[_-]))");

	private Masking() {
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
		String lower = v.toLowerCase(Locale.ROOT);
		return PLACEHOLDERS.contains(lower) || REFERENCE.matcher(v).find() || lower.startsWith("your")
				|| lower.chars().distinct().count() <= 2;
	}

}
