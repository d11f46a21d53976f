package com.triagedesk.secrets;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets the way developers really paste them: in code, exports, config files and prose.
 */
class SecretShapesTest {

	static final String S = "Xk9pQ2vLm8RtZ4wB7nC1";

	final SecretRedactor redactor = new SecretRedactor();

	static List<Arguments> pastedSecrets() {
		return List.of(Arguments.of("PHP array", "'client_secret' => '" + S + "',", SecretKind.CLIENT_SECRET),
				Arguments.of("Ruby hash", ":client_secret => \"" + S + "\"", SecretKind.CLIENT_SECRET),
				Arguments.of("C# header", "client.DefaultRequestHeaders.Add(\"Ocp-Apim-Subscription-Key\", \"" + S + "\");",
						SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("Java header", ".header(\"client_secret\",\"" + S + "\")", SecretKind.CLIENT_SECRET),
				Arguments.of("Go header", "req.Header.Set(\"client_secret\", \"" + S + "\")", SecretKind.CLIENT_SECRET),
				Arguments.of("XML", "<client_secret>" + S + "</client_secret>", SecretKind.CLIENT_SECRET),
				Arguments.of("Postman variable", "{\"key\":\"client_secret\",\"value\":\"" + S + "\",\"type\":\"secret\"}",
						SecretKind.CLIENT_SECRET),
				Arguments.of("Postman basic auth", "\"basic\":[{\"key\":\"password\",\"value\":\"" + S + "\"}]",
						SecretKind.PASSWORD),
				Arguments.of("tab-separated", "Ocp-Apim-Subscription-Key\t" + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("value on the next line", "client_secret:\n  " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("markdown bold", "**Client secret:** " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("markdown table", "| client_secret | " + S + " |", SecretKind.CLIENT_SECRET),
				Arguments.of("quoted prose", "Our client secret is \"" + S + "\".", SecretKind.CLIENT_SECRET),
				Arguments.of(".env", "VIPPS_CLIENT_SECRET=" + S, SecretKind.CLIENT_SECRET),
				Arguments.of(".env subscription", "VIPPS_SUBSCRIPTION_KEY=" + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of(".env webhook", "VIPPS_WEBHOOK_SECRET=" + S, SecretKind.WEBHOOK_SECRET),
				Arguments.of("camelCase", "\"VippsClientSecret\": \"" + S + "\"", SecretKind.CLIENT_SECRET),
				Arguments.of("camelCase key", "ocpApimSubscriptionKey: \"" + S + "\"", SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("secret_key", "secret_key = \"" + S + "\"", SecretKind.WEBHOOK_SECRET),
				Arguments.of("escaped JSON in a log", "{\"body\":\"{\\\"client_secret\\\":\\\"" + S + "\\\"}\"}",
						SecretKind.CLIENT_SECRET),
				Arguments.of("HAR query string", "\"queryString\":[{\"name\":\"subscription-key\",\"value\":\"" + S + "\"}]",
						SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("C# Basic", "new AuthenticationHeaderValue(\"Basic\", \"ZmI0OTJiOnMzY3IzdFZhbHVl\")",
						SecretKind.BASIC_CREDENTIALS),
				Arguments.of("bare Basic", "we send Basic ZmI0OTJiOnMzY3IzdFZhbHVl and get 401",
						SecretKind.BASIC_CREDENTIALS),
				Arguments.of("bare Bearer", "we send Bearer 8f9a7b6c5d4e3f2a1b0c9d8e7f and get 401",
						SecretKind.BEARER_TOKEN),
				Arguments.of("Authorization value on next line", "Authorization: Bearer\n 8f9a7b6c5d4e3f2a1b0c9d8e7f",
						SecretKind.BEARER_TOKEN),
				Arguments.of("short prose password", "The password is Summer2024!", SecretKind.PASSWORD),
				Arguments.of("Norwegian prose password", "Passordet er Hemmelig123", SecretKind.PASSWORD),
				Arguments.of("Danish prose password", "Adgangskoden er Xk9pQ2vLm8RtZ", SecretKind.PASSWORD),
				Arguments.of("hyphenated key in prose", "Ocp-Apim-Subscription-Key is " + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("dollar password", "password: $Tg7kL2pQ9x", SecretKind.PASSWORD),
				Arguments.of("percent password", "password=%Tg7kL2pQ9x", SecretKind.PASSWORD),
				Arguments.of("your-something password", "password: Yourshop2024!", SecretKind.PASSWORD),
				Arguments.of("python auth tuple", "requests.post(url, auth=('0b3b1b2c', '" + S + "'))",
						SecretKind.BASIC_CREDENTIALS));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pastedSecrets")
	void cutsSecretsInEveryShapeDevelopersPaste(String name, String text, SecretKind kind) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).doesNotContain(S).doesNotContain("ZmI0OTJiOnMzY3IzdFZhbHVl")
			.doesNotContain("8f9a7b6c5d4e3f2a1b0c9d8e7f").doesNotContain("Summer2024").doesNotContain("Hemmelig123")
			.doesNotContain("Xk9pQ2vLm8RtZ").doesNotContain("Tg7kL2pQ9x").doesNotContain("Yourshop2024");
		assertThat(result.redactions()).extracting(Redaction::kind).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "callback https://shop.no:8443/vipps/cb?email=kari@shop.no",
			"https://apitest.vipps.no/epayment/v1/payments/order-123", "Merchant-Serial-Number: 123456",
			"client_id: 0b3b1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "orderId: acme-shop-123-order123abc",
			"Idempotency-Key: 49ca711a-acee-4d01-993b-9487112e1def", "password: $CLIENT_PASSWORD",
			"client_secret: %CLIENT_SECRET%", "client_secret: ${VIPPS_CLIENT_SECRET}", "client_secret: YOUR_CLIENT_SECRET",
			"Ocp-Apim-Subscription-Key: XXXXXXXXXXXXXXXXXXXXXXXXXXXX0a64", "Basic authentication fails for us",
			"The Bearer token expired after one hour", "the secretary called" })
	void leavesWhatIsNoSecretAlone(String text) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).isEqualTo(text);
	}

}
