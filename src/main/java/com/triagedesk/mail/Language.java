package com.triagedesk.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Which language to answer in: Norwegian when the request was written in Norwegian, English
 * otherwise (Danish and Swedish requests are answered in English: close, but not ours to guess).
 */
enum Language {

	EN, NO;

	// Common words that are Norwegian, or Norwegian and Danish; a text needs several to count.
	private static final Set<String> NORWEGIAN = Set.of("og", "ikke", "ikkje", "jeg", "eg", "vi", "har", "det", "er",
			"på", "med", "som", "til", "av", "en", "et", "ei", "får", "fått", "feil", "hei", "hva", "hvorfor",
			"hvordan", "når", "noen", "etter", "betaling", "betalingen", "kunde", "kunden", "vår", "våre", "vårt",
			"deres", "dere", "takk", "mvh", "hilsen", "fra", "bare", "også", "men", "kan", "skal", "blir", "ble");

	// Words that only Danish has, so a Danish text is not taken for Norwegian.
	private static final Set<String> DANISH = Set.of("af", "nogen", "hvad", "efter", "blev", "mig", "nu", "tak",
			"hilsen", "venlig", "fejl", "betalingen", "kunne", "ikk", "meget", "også", "jeres");

	private static final Set<String> ENGLISH = Set.of("the", "and", "is", "we", "our", "not", "with", "when",
			"have", "this", "that", "from", "what", "why", "how", "error", "payment", "thanks", "regards", "it",
			"to", "in", "of", "a", "an", "get", "gets", "are", "but");

	static Language of(String... texts) {
		int norwegian = 0;
		int danish = 0;
		int english = 0;
		int words = 0;
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
			for (String word : words(sample.toLowerCase(Locale.ROOT))) {
				if (++words > 600) {
					break;
				}
				norwegian += NORWEGIAN.contains(word) ? 1 : 0;
				danish += DANISH.contains(word) && !NORWEGIAN.contains(word) ? 1 : 0;
				english += ENGLISH.contains(word) ? 1 : 0;
			}
		}
		return norwegian >= 3 && norwegian > english && danish * 3 < norwegian ? NO : EN;
	}

	private static java.util.List<String> words(String text) {
		java.util.List<String> words = new java.util.ArrayList<>();
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words.add(text.substring(start, i));
				start = -1;
			}
		}
		return words;
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
