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
				// found by SecretRedactorFuzzTest: more on the value's line hid it
				Arguments.of("value on the next line with a comment", "client_secret:\n  " + S + "  # test, rotated",
						SecretKind.CLIENT_SECRET),
				// found by SecretRedactorFuzzTest: the first name took the second for its value
				Arguments.of("two names, the value below", "webhook_secret\tclient_secret:\n  " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("two names in a table", "| secret | client_secret | " + S + " |", SecretKind.CLIENT_SECRET),
				// found by SecretRedactorFuzzTest: a name without a usable value hid the rest of its line
				Arguments.of("a placeholder before on the line", "password=changeme apikey=" + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("portal copy after words", "Here are our test credentials. Client secret\n" + S,
						SecretKind.CLIENT_SECRET),
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
						SecretKind.BASIC_CREDENTIALS),
				Arguments.of("portal copy, label above value", "Client secret\n" + S + "\nOcp-Apim-Subscription-Key\n0a1b",
						SecretKind.CLIENT_SECRET),
				Arguments.of("remark in the label", "Client Secret (test): " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("dash separator", "Client secret - " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("print_r", "[client_secret] => " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("var_dump", "[\"client_secret\"]=>\n  string(20) \"" + S + "\"", SecretKind.CLIENT_SECRET),
				Arguments.of("kubernetes env", "- name: VIPPS_CLIENT_SECRET\n  value: \"" + S + "\"",
						SecretKind.CLIENT_SECRET),
				Arguments.of(".NET appSettings", "<add key=\"Vipps:ClientSecret\" value=\"" + S + "\"/>",
						SecretKind.CLIENT_SECRET),
				Arguments.of("XML namespace", "<vipps:clientSecret>" + S + "</vipps:clientSecret>", SecretKind.CLIENT_SECRET),
				Arguments.of("XML name attribute", "<entry name=\"clientSecret\">" + S + "</entry>", SecretKind.CLIENT_SECRET),
				Arguments.of("properties file", "vipps.subscription.key=" + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("Postman prefixed name", "{\"key\":\"vipps_client_secret\",\"value\":\"" + S + "\"}",
						SecretKind.CLIENT_SECRET),
				Arguments.of("Postman camelCase name", "{\"key\":\"webhookSecret\",\"value\":\"" + S + "\"}",
						SecretKind.WEBHOOK_SECRET),
				Arguments.of("builder call", ".clientSecret(\"" + S + "\")", SecretKind.CLIENT_SECRET),
				Arguments.of("setter call", "$client->setClientSecret('" + S + "');", SecretKind.CLIENT_SECRET),
				Arguments.of("Go basic auth", "req.SetBasicAuth(\"0b3b1b2c\", \"" + S + "\")", SecretKind.BASIC_CREDENTIALS),
				Arguments.of("Guzzle auth", "'auth' => ['0b3b1b2c', '" + S + "']", SecretKind.BASIC_CREDENTIALS),
				Arguments.of("CURLOPT_USERPWD", "curl_setopt($ch, CURLOPT_USERPWD, \"0b3b1b2c:" + S + "\");",
						SecretKind.BASIC_CREDENTIALS),
				Arguments.of("HTTPie", "http -a 0b3b1b2c:" + S + " POST https://apitest.vipps.no/x", SecretKind.BASIC_CREDENTIALS),
				Arguments.of("Laravel env default", "'client_secret' => env('VIPPS_SECRET', '" + S + "'),",
						SecretKind.CLIENT_SECRET),
				Arguments.of("JS default", "const clientSecret = process.env.X || \"" + S + "\";", SecretKind.CLIENT_SECRET),
				Arguments.of("Go assignment", "ClientSecret := \"" + S + "\"", SecretKind.CLIENT_SECRET),
				Arguments.of("header dump lists", "{\"client_secret\":[\"" + S + "\"]}", SecretKind.CLIENT_SECRET),
				Arguments.of("prose with words between", "The password for the portal is Summer2024!", SecretKind.PASSWORD),
				// found by SecretRedactorFuzzTest: the client secret's phrase read past the password's
				Arguments.of("another secret named before", "We rotated the client secret yesterday. The password is Summer2024!",
						SecretKind.PASSWORD),
				Arguments.of("Norwegian prose with words between", "Passordet mitt er Hemmelig123!", SecretKind.PASSWORD),
				Arguments.of("client secret for test", "Our client secret for test is " + S, SecretKind.CLIENT_SECRET),
				Arguments.of("Azure primary key", "Primary key: " + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("Norwegian subscription key", "Abonnementsnøkkel: " + S, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("opaque token", "{\"token\":\"8f9a7b6c5d4e3f2a1b0c9d8e7f\"}", SecretKind.BEARER_TOKEN),
				Arguments.of("authToken", "authToken = '" + S + "'", SecretKind.BEARER_TOKEN),
				Arguments.of("OAuth scheme", "Authorization: OAuth 8f9a7b6c5d4e3f2a1b0c9d8e7f", SecretKind.BEARER_TOKEN),
				Arguments.of("Bearer with colon", "Bearer: 8f9a7b6c5d4e3f2a1b0c9d8e7f", SecretKind.BEARER_TOKEN),
				Arguments.of("my- password", "password=my-Secret-2024!", SecretKind.PASSWORD),
				Arguments.of("redis without user", "redis://:p4ssW0rdXyz@cache.shop.no:6379", SecretKind.PASSWORD));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pastedSecrets")
	void cutsSecretsInEveryShapeDevelopersPaste(String name, String text, SecretKind kind) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).doesNotContain(S).doesNotContain("ZmI0OTJiOnMzY3IzdFZhbHVl")
			.doesNotContain("8f9a7b6c5d4e3f2a1b0c9d8e7f").doesNotContain("Summer2024").doesNotContain("Hemmelig123")
			.doesNotContain("Xk9pQ2vLm8RtZ").doesNotContain("Tg7kL2pQ9x").doesNotContain("Yourshop2024")
			.doesNotContain("my-Secret-2024").doesNotContain("p4ssW0rdXyz");
		assertThat(result.redactions()).extracting(Redaction::kind).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "callback https://shop.no:8443/vipps/cb?email=kari@shop.no",
			"https://apitest.vipps.no/epayment/v1/payments/order-123", "Merchant-Serial-Number: 123456",
			"client_id: 0b3b1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "orderId: acme-shop-123-order123abc",
			"Idempotency-Key: 49ca711a-acee-4d01-993b-9487112e1def", "password: $CLIENT_PASSWORD",
			"client_secret: %CLIENT_SECRET%", "client_secret: ${VIPPS_CLIENT_SECRET}", "client_secret: YOUR_CLIENT_SECRET",
			"Ocp-Apim-Subscription-Key: XXXXXXXXXXXXXXXXXXXXXXXXXXXX0a64", "Basic authentication fails for us",
			"The Bearer token expired after one hour", "the secretary called",
			"VIPPS_CLIENT_SECRET=\nVIPPS_MERCHANT_SERIAL_NUMBER=123456", "Authorization: (removed)",
			"client_secret: sensurert", "client_secret: fjernet", "The access token: 2026-11-20T10:15:00Z",
			"{\"key\":\"client_id\",\"value\":\"0b3b1b2c-4d5e\",\"type\":\"default\"}", "Token: expired",
			"\"token_type\": \"Bearer\"", "the secret is out" })
	void leavesWhatIsNoSecretAlone(String text) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).isEqualTo(text);
	}

}
