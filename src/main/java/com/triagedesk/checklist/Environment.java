package com.triagedesk.checklist;

import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * The provider's two environments: the merchant test environment (MT) and production.
 */
public enum Environment {

	TEST, PRODUCTION;

	private static final Pattern NOT_LETTERS = Pattern.compile("[^a-zæøåäö ]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Reads the spellings people use: {@code TEST}, {@code MT}, {@code test}, {@code prod},
	 * {@code produksjon}, {@code tuotanto} …
	 */
	/** "MT (test)", "PRODUCTION (live)", "testiympäristö", "produksjonsmiljøet": the words tell. */
	private static Optional<Environment> byWords(String text) {
		boolean test = false;
		boolean production = false;
		for (String word : text.split(" ")) {
			test |= word.equals("mt") || word.startsWith("test") || word.equals("sandbox");
			production |= word.startsWith("prod") || word.equals("live") || word.startsWith("tuotanto");
		}
		return test == production ? Optional.empty() : Optional.of(test ? TEST : PRODUCTION);
	}

	public static Optional<Environment> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = SPACES.matcher(NOT_LETTERS.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" "))
			.replaceAll(" ")
			.strip();
		return switch (t) {
			case "test", "mt", "merchant test", "merchant test mt", "test mt", "testing", "sandbox", "testmiljø",
					"testmiljøet", "test environment", "test env", "testmiljö", "testympäristö", "testi" ->
				Optional.of(TEST);
			case "production", "prod", "prd", "live", "produksjon", "produktion", "tuotanto", "production environment",
					"prod environment", "produksjonsmiljø" ->
				Optional.of(PRODUCTION);
			default -> byWords(t);
		};
	}

}
