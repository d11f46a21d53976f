package com.triagedesk.routing;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyword is found by the word set exactly where it stands in the text as whole words (or as
 * the start of a word, for a keyword ending in "*").
 */
class WordsProperties {

	private static final List<String> PIECES = List.of("refund", "refunds", "utbetal", "utbetaling", "Utbetalingen",
			"app", "apps", "App Store", "plugin", "WooCommerce", "v1", "v2", "accesstoken", "kundeservice",
			"lisäosa", "ÆØÅ", "é", "1", "x");

	@Property(tries = 3000)
	void aKeywordIsFoundWhereItStandsAsWholeWords(@ForAll("texts") String text, @ForAll("keywords") String keyword) {
		assertThat(new Router.Words(text).has(keyword)).as("%s in %s", keyword, List.of(text))
			.isEqualTo(standsIn(text, keyword));
	}

	/** The words of both, lower case, one space apart, with a space on each side. */
	private static boolean standsIn(String text, String keyword) {
		String k = keyword.toLowerCase(Locale.ROOT).strip();
		boolean prefix = k.endsWith("*");
		String phrase = spaced(prefix ? k.substring(0, k.length() - 1) : k).strip();
		return !phrase.isEmpty() && spaced(text).contains(" " + phrase + (prefix ? "" : " "));
	}

	private static String spaced(String text) {
		return " " + String.join(" ", text.toLowerCase(Locale.ROOT).split("[^\\p{IsAlphabetic}\\p{IsDigit}]+")).strip()
				+ " ";
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> gap = Arbitraries.of(" ", "  ", "\n", ", ", "-", ".", "/", "");
		return Combinators.combine(Arbitraries.of(PIECES), gap).as((p, g) -> p + g).list().ofMaxSize(10)
			.map(parts -> String.join("", parts));
	}

	@Provide
	Arbitrary<String> keywords() {
		return Combinators.combine(Arbitraries.of(PIECES), Arbitraries.of("", "*", " store", " Store*", "-plugin"))
			.as((p, suffix) -> p + suffix);
	}

}
