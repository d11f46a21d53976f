package com.triagedesk.secrets;

import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

	static final String CLIENT_SECRET = "Q3kzVGhpc0lzQVNlY3JldFZhbHVlMTIzNDU2Nzg5MA==";

	static final String SUBSCRIPTION_KEY = "5e48532634114fe999a6979ce0d63a64";

	static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkthcmkifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

	final SecretRedactor redactor = new SecretRedactor();

	static List<Arguments> secretsInTheirUsualPlaces() {
		return List.of(
				Arguments.of("raw header", "client_secret: " + CLIENT_SECRET, CLIENT_SECRET, SecretKind.CLIENT_SECRET),
				Arguments.of("header other case", "Client-Secret:" + CLIENT_SECRET, CLIENT_SECRET,
						SecretKind.CLIENT_SECRET),
				Arguments.of("curl -H", "curl -X POST https://apitest.vipps.no/accesstoken/get -H 'client_secret: "
						+ CLIENT_SECRET + "' -H 'Ocp-Apim-Subscription-Key: " + SUBSCRIPTION_KEY + "'", CLIENT_SECRET,
						SecretKind.CLIENT_SECRET),
				Arguments.of("subscription key header", "Ocp-Apim-Subscription-Key: " + SUBSCRIPTION_KEY,
						SUBSCRIPTION_KEY, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("query string", "GET /report/v2/ledgers?subscription-key=" + SUBSCRIPTION_KEY + "&x=1",
						SUBSCRIPTION_KEY, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("bearer header", "Authorization: Bearer " + JWT, JWT, SecretKind.BEARER_TOKEN),
				Arguments.of("bearer in curl", "curl -H \"Authorization:Bearer " + JWT + "\" https://api.vipps.no",
						JWT, SecretKind.BEARER_TOKEN),
				Arguments.of("basic header", "Authorization: Basic MGIzYjFiMmMtNGQ1ZTpzM2NyM3RWYWx1ZQ==",
						"MGIzYjFiMmMtNGQ1ZTpzM2NyM3RWYWx1ZQ==", SecretKind.BASIC_CREDENTIALS),
				Arguments.of("curl -u", "curl -u 0b3b1b2c-4d5e:s3cr3tValue99x https://apitest.vipps.no",
						"s3cr3tValue99x", SecretKind.BASIC_CREDENTIALS),
				Arguments.of("json access token", "{\"token_type\":\"Bearer\",\"access_token\":\"" + JWT + "\"}", JWT,
						SecretKind.BEARER_TOKEN),
				Arguments.of("bare jwt in prose", "our token was " + JWT + " yesterday", JWT, SecretKind.BEARER_TOKEN),
				Arguments.of("json client secret", "{\"client_id\":\"abc\",\"client_secret\":\"" + CLIENT_SECRET + "\"}",
						CLIENT_SECRET, SecretKind.CLIENT_SECRET),
				Arguments.of("form body", "grant_type=client_credentials&client_secret=" + CLIENT_SECRET + "&scope=x",
						CLIENT_SECRET, SecretKind.CLIENT_SECRET),
				Arguments.of("webhook secret json",
						"{\"id\":\"c3f8\",\"secret\":\"090a478d-37ff-4e77-970e-d457aeb1d2ae\"}",
						"090a478d-37ff-4e77-970e-d457aeb1d2ae", SecretKind.WEBHOOK_SECRET),
				Arguments.of("password field", "{\"username\":\"kari\",\"password\":\"Sommer2026!xyz\"}",
						"Sommer2026!xyz", SecretKind.PASSWORD),
				Arguments.of("password with spaces", "{\"password\": \"correct horse battery staple\"}",
						"correct horse battery staple", SecretKind.PASSWORD),
				Arguments.of("url credentials", "jdbc:postgresql://shop:Hemmelig123@db.shop.no/orders", "Hemmelig123",
						SecretKind.PASSWORD),
				Arguments.of("prose client secret", "Our client secret is " + CLIENT_SECRET + ", please check",
						CLIENT_SECRET, SecretKind.CLIENT_SECRET),
				Arguments.of("prose norwegian password", "passordet er Vinter2026abc", "Vinter2026abc",
						SecretKind.PASSWORD),
				Arguments.of("har header", "{\"name\": \"Authorization\", \"value\": \"Bearer " + JWT + "\"}", JWT,
						SecretKind.BEARER_TOKEN),
				Arguments.of("har subscription key",
						"{\"name\":\"Ocp-Apim-Subscription-Key\",\"value\":\"" + SUBSCRIPTION_KEY + "\"}",
						SUBSCRIPTION_KEY, SecretKind.SUBSCRIPTION_KEY),
				Arguments.of("private key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
						+ "BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----",
						"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", SecretKind.PRIVATE_KEY),
				Arguments.of("private key in json string",
						"{\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END RSA PRIVATE KEY-----\"}",
						"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", SecretKind.PRIVATE_KEY),
				// found by SecretRedactorFuzzTest: the first "-----BEGIN " in reach was taken for this key's
				Arguments.of("private key after another PEM header",
						"-----BEGIN CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
						"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", SecretKind.PRIVATE_KEY),
				Arguments.of("private key without end",
						"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
						"BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", SecretKind.PRIVATE_KEY));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("secretsInTheirUsualPlaces")
	void cutsTheSecretAndNamesItsKind(String name, String text, String secret, SecretKind kind) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).doesNotContain(secret);
		assertThat(result.redactions()).extracting(Redaction::kind).contains(kind);
		assertThat(result.redactions()).allSatisfy(r -> assertThat(r.location()).isEqualTo("description"));
	}

	@Test
	void keepsTheLastFourCharactersOfALongSecret() {
		RedactedText result = redactor.redact("httpExchange.request", "client_secret: " + CLIENT_SECRET);

		assertThat(result.text()).isEqualTo("client_secret: …MA==");
		assertThat(result.redactions()).containsExactly(
				new Redaction("httpExchange.request", SecretKind.CLIENT_SECRET, "…MA=="));
	}

	// found by SecretRedactorFuzzTest (-Pfuzz-long): a stray quote before the name made the quotes
	// pair up around the name instead of the values, and a literal after the secret was taken for it
	@Test
	void aStrayQuoteEarlierOnTheLineDoesNotHideTheNextSecretsName() {
		String text = "secret:0\"client.DefaultRequestHeaders.Add(\"Ocp-Apim-Subscription-Key\", \""
				+ SUBSCRIPTION_KEY + "\");3b1b2c\"";

		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).doesNotContain(SUBSCRIPTION_KEY.substring(0, SUBSCRIPTION_KEY.length() - 4));
		assertThat(result.redactions()).extracting(Redaction::kind).contains(SecretKind.SUBSCRIPTION_KEY);
		assertThat(redactor.redact("description", "e\"token:*.r\"name\":\"8 client.DefaultRequestHeaders.Add("
				+ "\"Ocp-Apim-Subscription-Key\", \"" + SUBSCRIPTION_KEY + "\");").text())
			.contains("Ocp-Apim-Subscription-Key")
			.doesNotContain(SUBSCRIPTION_KEY.substring(0, SUBSCRIPTION_KEY.length() - 4));
		assertThat(redactor.redact("description", "x_secret: \\\"${VIPPS}'ese0ret\tclient.DefaultRequestHeaders.Add("
				+ "\"Ocp-Apim-Subscription-Key\", \"" + SUBSCRIPTION_KEY + "\");  et: \\\"${V}").text())
			.doesNotContain(SUBSCRIPTION_KEY.substring(0, SUBSCRIPTION_KEY.length() - 4));
	}

	// found by SecretRedactorFuzzTest (-Pfuzz-long): the first word of the next name was read as
	// this one's value, and the next name was then never read
	@Test
	void theNextNameOfTwoWordsIsNoValue() {
		RedactedText result = redactor.redact("description", "8l:$secret\"\tPrimary key: " + SUBSCRIPTION_KEY + " ");
		RedactedText afterAuthorization = redactor.redact("description",
				"Authorization: \tPrimary key: " + SUBSCRIPTION_KEY + "\n");

		assertThat(result.text()).doesNotContain(SUBSCRIPTION_KEY.substring(0, SUBSCRIPTION_KEY.length() - 4));
		assertThat(afterAuthorization.text()).doesNotContain(SUBSCRIPTION_KEY.substring(0, SUBSCRIPTION_KEY.length() - 4));
	}

	@Test
	void theNextNameQuotedIsNoValue() {
		RedactedText result = redactor.redact("description",
				"subscriptionkey\t[\"client_secret\"]=>\n  string(44) \"" + CLIENT_SECRET + "\"\n");

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4))
			.contains("\"client_secret\"");
		assertThat(redactor.redact("description", "$secret\"\t\"VippsClientSecret\": \"" + CLIENT_SECRET + "\"").text())
			.doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
	}

	// found by SecretRedactorFuzzTest: the code after an empty "Authorization:" was read as its value
	@Test
	void anEmptyAuthorizationDoesNotTakeTheNextSecretsName() {
		RedactedText result = redactor.redact("description",
				"Authorization:   $client->setClientSecret('" + CLIENT_SECRET + "');");

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
		assertThat(result.redactions()).extracting(Redaction::kind).contains(SecretKind.CLIENT_SECRET);
	}

	// found by SecretRedactorFuzzTest: a line after a bare name that began "string(" was read as
	// var_dump's "string(35) "…"" up to its first ")", past the name of the secret on it
	@ParameterizedTest
	@ValueSource(strings = { "password:\nstring(x client.Add(\"client_secret\", \"%s\");",
			"Authorization: \r\rstring(Auth\tclient.DefaultRequestHeaders.Add(\"Ocp-Apim-Subscription-Key\", \"%s\");",
			"password:\n  string(35) \"%s\"" })
	void aLineBeginningAsVarDumpDoesNotHideTheSecretOnIt(String format) {
		RedactedText result = redactor.redact("description", format.formatted(CLIENT_SECRET));

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
	}

	// found by a fresh clone's SecretRedactorFuzzTest: a stray quote after a name paired with the
	// quote that opens a setter's argument, and the quoted span was taken for the name's value
	@ParameterizedTest
	@ValueSource(strings = { "id_token:'b2`   $client->setClientSecret('%s');",
			"token: \"x9  vipps.setClientSecret(\"%s\")", "password='P4  $c->setApiKey( '%s' )",
			// (found by review) the code after a name, read for literals, stopped at the setter and
			// reading went on after it: the setter's literal was no one's to claim
			"token: vipps.setClientSecret(\"%s\")", "password = cfg.setPassword('%s');" })
	void aSetterOnTheLineOfAnotherNameHasItsSecretCut(String format) {
		RedactedText result = redactor.redact("description", format.formatted(CLIENT_SECRET));

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
	}

	// found by SecretRedactorFuzzTest: the line after a bare name was taken for its value, though it
	// named a secret of its own
	@Test
	void aLineThatNamesASecretIsNoValueOfTheNameAboveIt() {
		RedactedText result = redactor.redact("description",
				"see secret \r\\sicanBasicisp\\\"\"$\tclient_secret:\n  " + CLIENT_SECRET + "\n");

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4))
			.contains("client_secret:");
	}

	// found by SecretRedactorFuzzTest: an escaped string from a placeholder to the next \" took the
	// secret between them, and was then let go as a placeholder
	@ParameterizedTest
	@ValueSource(strings = { " ", "\r\r" })
	void anEscapedPlaceholderDoesNotHideTheSecretAfterIt(String space) {
		String uuid = "090a478d-37ff-4e77-970e-d457aeb1d2ae";
		RedactedText result = redactor.redact("description",
				"x_secret: \\\"${V..." + space + "{\"id\":\"c3f8\",\"secret\":\"" + uuid + "\"} J_secret: \\\"${X}");

		assertThat(result.text()).doesNotContain(uuid.substring(0, uuid.length() - 4));
	}

	// found by SecretRedactorFuzzTest: the quotes of the name before paired with those of this line
	@Test
	void aQuotedValueDoesNotReachOverTheNextSecretsName() {
		RedactedText result = redactor.redact("description",
				"b;%\"\"token:\"\tconst clientSecret = process.env.X || \"" + CLIENT_SECRET + "\";");

		assertThat(result.text()).doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
		assertThat(redactor.redact("description", "{\"password\": \"Secret=abc123\"}").text())
			.doesNotContain("abc1");
	}

	// found by SecretRedactorFuzzTest in a fresh clone: a placeholder's quotes spanned the next secret
	@ParameterizedTest
	@ValueSource(strings = { "x_secret: \\\"${VIPPS}' | client_secret | %s |\tet: \\\"${V}",
			"x_secret: \"${VIPPS} | client_secret | %s | et: \"",
			"\"token:\".r\"name\"eyJAuthorization:  | client_secret | %s |\tr Ni=dddddddddddddddddddddddddddd\" \"ese)\"",
			"Bsaic \"token>t Y... token access toation\nclient_secret:\n  %s\nw acc… J_password < e!…t" })
	void aPlaceholderDoesNotHideTheSecretItsQuotesSpan(String shape) {
		assertThat(redactor.redact("description", shape.formatted(CLIENT_SECRET)).text())
			.doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"password\": \"Secret-Pass123\", \"user\": \"kari\"}", "{\"password\": [\"Secret-Pass123\"]}",
			"{\\\"password\\\":\\\"MySecret=Pa55word!\\\"}" })
	void aValueThatHoldsASecretsNameIsStillAValue(String text) {
		assertThat(redactor.redact("description", text).text()).doesNotContain("Pass1").doesNotContain("Pa55");
	}

	// found in review: the read of literals stopped at any secret's name, also one that is no name here
	@ParameterizedTest
	@ValueSource(strings = { "const clientSecret = process.env.CLIENT_SECRET || \"%s\";",
			"client_secret = os.getenv(\"CLIENT_SECRET\") or \"%s\"" })
	void aDefaultAfterAnEnvironmentLookupIsCut(String shape) {
		assertThat(redactor.redact("description", shape.formatted(CLIENT_SECRET)).text())
			.doesNotContain(CLIENT_SECRET.substring(0, CLIENT_SECRET.length() - 4));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "client_secret: %s\nthanks", "{\"client_secret\":\"%s\"}", "Authorization: Bearer %s",
			"<client_secret>%s</client_secret>", "curl -u id:%s https://apitest.vipps.no",
			"Our client secret is %s, please check" })
	void cutsASecretLongerThanAValueScanReadsWhole(String shape) {
		// 98 KB of base64: longer than the 64 KB a value scan reads before it stops
		byte[] bytes = new byte[73_500];
		new Random(7).nextBytes(bytes);
		String secret = Base64.getEncoder().encodeToString(bytes);

		RedactedText result = redactor.redact("description", shape.formatted(secret));

		assertThat(result.text()).hasSizeLessThan(80);
		assertThat(result.redactions()).singleElement()
			.satisfies(r -> assertThat(r.kept()).isEqualTo("…" + secret.substring(secret.length() - 4)));
	}

	@Test
	void keepsNothingOfAShortSecret() {
		RedactedText result = redactor.redact("description", "password=hunter22");

		assertThat(result.text()).isEqualTo("password=…");
		assertThat(result.redactions()).extracting(Redaction::kept).containsExactly("…");
	}

	@Test
	void keepsQuotesSoJsonStaysJson() {
		RedactedText result = redactor.redact("body", "{\"client_secret\": \"" + CLIENT_SECRET + "\", \"a\": 1}");

		assertThat(result.text()).isEqualTo("{\"client_secret\": \"…MA==\", \"a\": 1}");
	}

	@Test
	void cutsEveryOccurrenceInOneText() {
		RedactedText result = redactor.redact("description",
				"curl -H 'client_secret: " + CLIENT_SECRET + "' -H 'Ocp-Apim-Subscription-Key: " + SUBSCRIPTION_KEY
						+ "' -H 'Authorization: Bearer " + JWT + "'");

		assertThat(result.text()).doesNotContain(CLIENT_SECRET, SUBSCRIPTION_KEY, JWT, "5e48532634114fe999a6979ce0d6");
		assertThat(result.redactions()).extracting(Redaction::kind)
			.containsExactlyInAnyOrder(SecretKind.CLIENT_SECRET, SecretKind.SUBSCRIPTION_KEY, SecretKind.BEARER_TOKEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer eyJ0eXAi...masked...Qk9A", "Ocp-Apim-Subscription-Key: ...0a64",
			"Ocp-Apim-Subscription-Key: ****0a64", "client_secret: …Zx9=", "Authorization: Basic ...ZTE=",
			"client_secret: <your client secret>", "client_secret: {{clientSecret}}",
			"'client_secret': process.env.CLIENT_SECRET", "client_secret: $CLIENT_SECRET",
			"\"client_secret\": \"xxxxxxxxxxxxxxxx\"", "\"password\": null", "the password is wrong",
			"our client secret expired yesterday", "Merchant-Serial-Number: 123456",
			"Idempotency-Key: 49ca711a-acee-4d01-993b-9487112e1def",
			"traceId 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"client_id: 0b3b1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . $token]);" })
	void leavesMaskedValuesPlaceholdersAndNonSecretsAlone(String text) {
		RedactedText result = redactor.redact("description", text);

		assertThat(result.text()).isEqualTo(text);
		assertThat(result.redactions()).isEmpty();
	}

	@Test
	void redactingTwiceChangesNothingMore() {
		String once = redactor.redact("d", "client_secret: " + CLIENT_SECRET + " Authorization: Bearer " + JWT).text();

		RedactedText twice = redactor.redact("d", once);

		assertThat(twice.text()).isEqualTo(once);
		assertThat(twice.redactions()).isEmpty();
	}

	@Test
	void anEmptyOrMissingTextHasNothingToCut() {
		assertThat(redactor.redact("d", null).redactions()).isEmpty();
		assertThat(redactor.redact("d", "").text()).isEmpty();
	}

	// found by SecretRedactorFuzzTest: a list opened at the very end of the text
	@Test
	void aNameWhoseValueListIsCutOffHasNothingToCut() {
		assertThat(redactor.redact("d", "client_secret: [").text()).isEqualTo("client_secret: [");
		assertThat(redactor.redact("d", "secret\"\t[  ").redactions()).isEmpty();
	}

}
