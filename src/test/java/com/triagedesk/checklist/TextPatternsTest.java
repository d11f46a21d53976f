package com.triagedesk.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line-bound patterns ({@link TextPatterns#LINE_BOUND}) run only on the lines that hold one of
 * their literals: they must find exactly what a search of the whole text finds.
 */
class TextPatternsTest {

	/** Phrases each line-bound pattern must find, one per way of writing it. */
	static final List<String> PHRASES = List.of("Org.nr: 918 713 867", "organisasjonsnummer 918713867",
			"Foretaksnummer: 918713867", "CVR-nr. 12345678", "Y-tunnus 1234567-8", "business id 1234567-8",
			"company registration number 918713867", "VAT no: NO 918713867 MVA", "MSN: 123456",
			"merchant serial number (MSN) 123456", "salgsstedsnummer er 123456", "brukerstedsnummer 123456",
			"orderId: acme-10043", "order reference ABC-123", "referanse: 12345abc", "tilausnumero 12345",
			"ordrenummer 998877", "order acme-2026-1", "transaction id 123456789", "pspReference=12345678",
			"context-id: 0b3b1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "https://apitest.vipps.no/epayment/v1/payments",
			"api.mobilepay.dk", "x.vippsmobilepay.com", "we call /epayment/v1/payments/acme-1/capture",
			"the ePayment API", "e-comm api", "Access-Token", "Vipps Login", "OIDC", "webhooks api", "efaktura",
			"problem 2: the refund", "issue #3) capture", "several problems", "two separate issues", "to ulike feil",
			"flere problemer", "useita ongelmia");

	static List<String> corpus() throws IOException {
		List<String> texts = new ArrayList<>(PHRASES);
		texts.add(String.join("\n", PHRASES));
		texts.add(String.join(" ", PHRASES));
		texts.add(String.join("\r\n\n", PHRASES));
		JsonMapper json = JsonMapper.builder().build();
		Resource[] samples = new PathMatchingResourcePatternResolver().getResources("classpath:samples/requests/*.json");
		assertThat(samples).isNotEmpty();
		for (Resource sample : samples) {
			String raw = sample.getContentAsString(StandardCharsets.UTF_8);
			texts.add(raw);
			collectStrings(json.readTree(raw), texts);
		}
		return texts;
	}

	private static void collectStrings(JsonNode node, List<String> into) {
		if (node.isString()) {
			into.add(node.asString());
		}
		node.forEach(child -> collectStrings(child, into));
	}

	@Test
	void lineBoundPatternsFindWhatASearchOfTheWholeTextFinds() throws IOException {
		List<String> corpus = corpus();
		int matches = 0;
		for (Pattern pattern : TextPatterns.LINE_BOUND) {
			for (String text : corpus) {
				List<List<String>> expected = PatternShortcutsProperties.wholeTextMatches(pattern, text);
				List<List<String>> actual = TextPatterns.all(pattern, text).stream().map(List::of).toList();
				assertThat(actual).as("%s in %s", pattern, text).isEqualTo(expected);
				assertThat(TextPatterns.any(pattern, text)).isEqualTo(!expected.isEmpty());
				matches += expected.size();
			}
		}
		assertThat(matches).isGreaterThan(200);
	}

	@Test
	void everyPhraseIsFoundByTheLineBoundPatterns() {
		for (String phrase : PHRASES) {
			assertThat(TextPatterns.LINE_BOUND).as(phrase).anyMatch(p -> TextPatterns.any(p, phrase));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "İstanbul order İD-1 and api.vipps.no", "x\nİ\norderId: acme-1\n" })
	void aTextWhoseLowerCaseHasAnotherLengthIsSearchedWhole(String text) {
		assertThat(text.toLowerCase(Locale.ROOT)).hasSizeGreaterThan(text.length());
		for (Pattern pattern : TextPatterns.LINE_BOUND) {
			assertThat(TextPatterns.all(pattern, text).stream().map(List::of).toList())
				.isEqualTo(PatternShortcutsProperties.wholeTextMatches(pattern, text));
		}
	}

}
