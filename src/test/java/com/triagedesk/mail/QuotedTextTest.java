package com.triagedesk.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sender wrote now, without the history their mail client quoted below it.
 */
class QuotedTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "On Tue, 1 Dec 2026 at 10:20, Developer Support <support@x.no> wrote:",
			"On Tue, 1 Dec 2026 at 10:20, Developer Support\n<support@x.no> wrote:",
			"Den tir. 1. des. 2026 kl. 10:20 skrev Developer Support <support@x.no>:",
			"Den 01.12.2026 10:20, skrev Support:", "Support <support@x.no> skrev følgende den 1. des:",
			"-----Original Message-----\nFrom: Support", "-----Opprinnelig melding-----\nFra: Support",
			"From: Developer Support <support@x.no>\nSent: Tuesday, December 1, 2026 10:20\nTo: Kari",
			"Fra: Developer Support <support@x.no>\nSendt: tirsdag 1. desember 2026 10:20\nTil: Kari",
			"________________________________\nFrom: Developer Support" })
	void theHistoryBelowAnAttributionIsCut(String attribution) {
		QuotedText.Parts parts = QuotedText.split("Our MSN is 654321.\n\n" + attribution + "\n> old text\nold text");

		assertThat(parts.text()).isEqualTo("Our MSN is 654321.");
		assertThat(parts.quoted()).isTrue();
	}

	@Test
	void quotedLinesInBetweenAreCutAndTheAnswersKept() {
		QuotedText.Parts parts = QuotedText.split("> Which MSN?\n654321\n> And the orderId?\norder-1");

		assertThat(parts.text()).isEqualTo("654321\norder-1");
	}

	@Test
	void theSignatureIsKeptApartForContactDetails() {
		QuotedText.Parts parts = QuotedText.split("It fails.\n\n-- \nKari Nordmann\n+47 912 34 567");

		assertThat(parts.text()).isEqualTo("It fails.");
		assertThat(parts.signature()).contains("+47 912 34 567");
		assertThat(MailIntake.phone(parts.signature())).isEqualTo("+47 912 34 567");
	}

	@Test
	void textThatOnlyMentionsWritingIsNotCut() {
		QuotedText.Parts parts = QuotedText.split("On Monday we wrote a new integration.\nIt fails: see below.\nData");

		assertThat(parts.text()).contains("Data");
		assertThat(parts.quoted()).isFalse();
	}

	@Test
	void htmlBecomesTextWithoutScriptsStylesOrQuotes() {
		String text = MimeReader.htmlToText("<html><head><style>p{}</style></head><body><p>Hello &amp; hi</p>"
				+ "<script>alert(1)</script><div>Line two<br>Line three</div><blockquote>old</blockquote>"
				+ "<div class=\"gmail_quote\">older</div></body></html>");

		assertThat(text).contains("Hello & hi").contains("Line two\nLine three").doesNotContain("alert")
			.doesNotContain("old");
	}

}
