package com.triagedesk.secrets;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets planted anywhere, in any of the shapes developers paste them, never survive redaction.
 */
class SecretRedactorProperties {

	final SecretRedactor redactor = new SecretRedactor();

	@Property(tries = 2000)
	void noPlantedSecretSurvives(@ForAll("plantedSecrets") Planted planted) {
		RedactedText result = redactor.redact("description", planted.text());

		assertThat(result.text()).doesNotContain(planted.secret());
		// Not even a long piece of it: only the last four characters may stay.
		assertThat(result.text()).doesNotContain(planted.secret().substring(0, planted.secret().length() - 4));
		assertThat(result.redactions()).isNotEmpty();
	}

	@Provide
	Arbitrary<Planted> plantedSecrets() {
		Arbitrary<String> secret = Arbitraries.oneOf(
				Arbitraries.strings().withChars("abcdefABCDEF0123456789").ofLength(32),
				Arbitraries.strings().alpha().numeric().withChars('+', '/').ofMinLength(20).ofMaxLength(60).map(s -> s + "=="),
				Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(12).ofMaxLength(40)
					.map(s -> "eyJ" + s + ".eyJ" + s + "." + s),
				Arbitraries.strings().alpha().numeric().ofMinLength(16).ofMaxLength(48).map(s -> "Zx9" + s + "7q"))
			.filter(s -> !Masking.isNotASecret(s));
		Arbitrary<String> shape = Arbitraries.of("client_secret: %s", "Client-Secret:%s", "-H 'client_secret: %s'",
				"\"client_secret\":\"%s\"", "client_secret=%s&grant_type=client_credentials",
				"Ocp-Apim-Subscription-Key: %s", "?subscription-key=%s", "Authorization: Bearer %s",
				"-H \"Authorization: Bearer %s\"", "\"access_token\": \"%s\"", "{\"secret\": \"%s\"}",
				"password=%s", "\"password\":\"%s\"", "https://kari:%s@api.shop.no/x", "curl -u kari:%s https://x",
				"{\"name\":\"Authorization\",\"value\":\"Bearer %s\"}", "Authorization: Basic %s",
				"our client secret is %s");
		Arbitrary<String> noise = Arbitraries.strings()
			.withChars("abc XYZ 0123 :;,.{}[]\"'\n\t-_=/æøå")
			.ofMaxLength(200);
		return Combinators.combine(secret, shape, noise, noise)
			// A '/' is not valid in a URL's password (it must be %2F): there it would read as a port and path.
			.as((s, f, before, after) -> {
				String planted = f.contains("://") ? s.replace('/', '_') : s;
				return new Planted(before + "\n" + f.formatted(planted) + "\n" + after, planted);
			});
	}

	record Planted(String text, String secret) {

		@Override
		public String toString() {
			return List.of(text).toString();
		}

	}

}
