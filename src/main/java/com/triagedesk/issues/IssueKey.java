package com.triagedesk.issues;

import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * The public name of an issue: {@code VSD-} and a number of at least six digits, never reused.
 */
public record IssueKey(String value) {

	static final String PREFIX = "VSD-";

	private static final Pattern SHAPE = Pattern.compile("VSD-[1-9][0-9]{5,17}");

	public IssueKey {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an issue key: expected VSD- and at least six digits");
		}
	}

	/**
	 * The number after {@code VSD-}; keys compare by it ({@code VSD-1000000} comes after {@code VSD-999999}).
	 */
	public long number() {
		return Long.parseLong(value.substring(PREFIX.length()));
	}

	static IssueKey of(long number) {
		return new IssueKey(PREFIX + number);
	}

	/**
	 * Reads a key as users type it ({@code vsd-100001} works too); empty when it cannot be a key.
	 */
	public static Optional<IssueKey> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String candidate = text.strip().toUpperCase(java.util.Locale.ROOT);
		return SHAPE.matcher(candidate).matches() ? Optional.of(new IssueKey(candidate)) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}

}
