package com.triagedesk.intake;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.triagedesk.secrets.SecretRedactor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret planted in any text field of a whole request, in any usual shape, is gone from every
 * field after the request's redaction, and nothing else of the request is lost.
 */
class RequestRedactionProperties {

	static final int FIELDS = 9;

	final SecretRedactor redactor = new SecretRedactor();

	record Planted(int field, String shape, String secret) {
	}

	@Property(tries = 1000)
	void noPlantedSecretSurvivesInAnyField(@ForAll("planted") Planted planted) {
		String text = "Hei, se under.\n" + planted.shape().formatted(planted.secret()) + "\nMvh Kari";
		List<String> values = new ArrayList<>(List.of("Capture fails", "1. We call capture. 2. It fails.", "Kari",
				"+47 912 34 567", "918713867", "ePayment API", "POST /epayment/v1/payments HTTP/1.1",
				"HTTP/1.1 400 Bad Request", "Upgraded plugin"));
		values.set(planted.field(), text);
		SupportRequest request = new SupportRequest(values.get(0), values.get(1),
				new SupportRequest.Reporter(values.get(2), "kari@shop.no", values.get(3)), List.of("ola@shop.no"),
				values.get(4), "123456", values.get(5), "TEST", "order-12345678", null, null, List.of("2026-11-20"),
				new SupportRequest.HttpExchange(values.get(6), values.get(7)), null, values.get(8));

		RequestRedaction.Redacted<SupportRequest> redacted = RequestRedaction.of(request, redactor);

		assertThat(redacted.request().toString()).doesNotContain(planted.secret());
		assertThat(redacted.redactions()).isNotEmpty();
		assertThat(redacted.request().merchantSerialNumber()).isEqualTo("123456");
		assertThat(redacted.request().orderId()).isEqualTo("order-12345678");
		assertThat(redacted.request().cc()).containsExactly("ola@shop.no");
	}

	@Provide
	Arbitrary<Planted> planted() {
		Arbitrary<String> secret = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdef").ofLength(32),
				Arbitraries.strings().alpha().numeric().withChars('+', '/').ofMinLength(24).ofMaxLength(56).map(s -> s + "="),
				Arbitraries.strings().alpha().numeric().ofMinLength(20).ofMaxLength(40).map(s -> "eyJ" + s + ".eyJ" + s + ".Sig" + s));
		Arbitrary<String> shape = Arbitraries.of("client_secret: %s", "curl -H 'Ocp-Apim-Subscription-Key: %s' https://x",
				"Authorization: Bearer %s", "{\"client_secret\": \"%s\"}", "password=%s",
				"our client secret is %s", "{\"name\": \"Authorization\", \"value\": \"Bearer %s\"}",
				"https://kari:%s@shop.no", "$ curl -u kari:%s https://apitest.vipps.no", "\"access_token\":\"%s\"");
		return Combinators.combine(Arbitraries.integers().between(0, FIELDS - 1), shape, secret)
			.as(Planted::new)
			// "AAAA…=" and the like are placeholders, left alone on purpose
			.filter(p -> p.secret().chars().distinct().count() > 2);
	}

}
