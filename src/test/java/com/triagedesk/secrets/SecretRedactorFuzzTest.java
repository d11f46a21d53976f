package com.triagedesk.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.triagedesk.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of redaction: a real secret, in one of the shapes developers paste (those
 * of {@link SecretRedactorTest} and {@link SecretShapesTest}), set apart by white space in text
 * the fuzzer chooses, never survives: not whole, not all but its last four characters, and what a
 * redaction keeps is at most those four. Any text is redacted without an error, in linear time.
 * The first byte of an input chooses the shape, the second the white space around it
 * ({@link #SPACES}), and the rest is the text before and after it (separated by
 * {@link Fuzzing#SEPARATOR}).
 */
class SecretRedactorFuzzTest {

	static final String CLIENT_SECRET = SecretRedactorTest.CLIENT_SECRET;

	static final String SUBSCRIPTION_KEY = SecretRedactorTest.SUBSCRIPTION_KEY;

	static final String JWT = SecretRedactorTest.JWT;

	static final String S = SecretShapesTest.S;

	static final String OPAQUE = "8f9a7b6c5d4e3f2a1b0c9d8e7f";

	record Shape(String format, String secret) {

		String with(String secret) {
			return format.formatted(secret);
		}

	}

	/** The inputs kept under Inputs choose a shape by their first byte modulo the number of shapes. */
	static final List<Shape> SHAPES = List.of(new Shape("client_secret: %s", CLIENT_SECRET),
			new Shape("Client-Secret:%s", CLIENT_SECRET),
			new Shape("curl -X POST https://apitest.vipps.no/accesstoken/get -H 'client_secret: %s' -H 'Merchant-Serial-Number: 123456'",
					CLIENT_SECRET),
			new Shape("Ocp-Apim-Subscription-Key: %s", SUBSCRIPTION_KEY),
			new Shape("GET /report/v2/ledgers?subscription-key=%s&x=1", SUBSCRIPTION_KEY),
			new Shape("Authorization: Bearer %s", JWT), new Shape("curl -H \"Authorization:Bearer %s\" https://api.vipps.no", JWT),
			new Shape("Authorization: Basic %s", "MGIzYjFiMmMtNGQ1ZTpzM2NyM3RWYWx1ZQ=="),
			new Shape("curl -u 0b3b1b2c-4d5e:%s https://apitest.vipps.no", "s3cr3tValue99x"),
			new Shape("{\"token_type\":\"Bearer\",\"access_token\":\"%s\"}", JWT), new Shape("our token was %s yesterday", JWT),
			new Shape("{\"client_id\":\"abc\",\"client_secret\":\"%s\"}", CLIENT_SECRET),
			new Shape("grant_type=client_credentials&client_secret=%s&scope=x", CLIENT_SECRET),
			new Shape("{\"id\":\"c3f8\",\"secret\":\"%s\"}", "090a478d-37ff-4e77-970e-d457aeb1d2ae"),
			new Shape("{\"username\":\"kari\",\"password\":\"%s\"}", "Sommer2026!xyz"),
			new Shape("jdbc:postgresql://shop:%s@db.shop.no/orders", "Hemmelig123"),
			new Shape("Our client secret is %s, please check", CLIENT_SECRET), new Shape("passordet er %s", "Vinter2026abc"),
			new Shape("{\"name\": \"Authorization\", \"value\": \"Bearer %s\"}", JWT),
			new Shape("{\"name\":\"Ocp-Apim-Subscription-Key\",\"value\":\"%s\"}", SUBSCRIPTION_KEY),
			new Shape("-----BEGIN PRIVATE KEY-----\n%s\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----",
					"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
			new Shape("'client_secret' => '%s',", S),
			new Shape("client.DefaultRequestHeaders.Add(\"Ocp-Apim-Subscription-Key\", \"%s\");", S),
			new Shape("<client_secret>%s</client_secret>", S),
			new Shape("{\"key\":\"client_secret\",\"value\":\"%s\",\"type\":\"secret\"}", S), new Shape("client_secret:\n  %s", S),
			new Shape("**Client secret:** %s", S), new Shape("| client_secret | %s |", S), new Shape("VIPPS_CLIENT_SECRET=%s", S),
			new Shape("\"VippsClientSecret\": \"%s\"", S), new Shape("{\"body\":\"{\\\"client_secret\\\":\\\"%s\\\"}\"}", S),
			new Shape("new AuthenticationHeaderValue(\"Basic\", \"%s\")", "ZmI0OTJiOnMzY3IzdFZhbHVl"),
			new Shape("we send Bearer %s and get 401", OPAQUE), new Shape("Authorization: Bearer\n %s", OPAQUE),
			new Shape("The password is %s", "Summer2024!"), new Shape("password: %s", "$Tg7kL2pQ9x"),
			new Shape("requests.post(url, auth=('0b3b1b2c', '%s'))", S),
			new Shape("Client secret\n%s\nOcp-Apim-Subscription-Key\n0a1b", S),
			new Shape("[\"client_secret\"]=>\n  string(20) \"%s\"", S), new Shape("- name: VIPPS_CLIENT_SECRET\n  value: \"%s\"", S),
			new Shape("<add key=\"Vipps:ClientSecret\" value=\"%s\"/>", S), new Shape("vipps.subscription.key=%s", S),
			new Shape("$client->setClientSecret('%s');", S), new Shape("curl_setopt($ch, CURLOPT_USERPWD, \"0b3b1b2c:%s\");", S),
			new Shape("http -a 0b3b1b2c:%s POST https://apitest.vipps.no/x", S),
			new Shape("const clientSecret = process.env.X || \"%s\";", S), new Shape("Primary key: %s", S),
			new Shape("{\"token\":\"%s\"}", OPAQUE), new Shape("Authorization: OAuth %s", OPAQUE),
			new Shape("password=%s", "my-Secret-2024!"), new Shape("redis://:%s@cache.shop.no:6379", "p4ssW0rdXyz"),
			new Shape("Passordet mitt er %s", "Hemmelig123!"), new Shape("Abonnementsnøkkel: %s", S));

	/**
	 * White space a person puts between a pasted secret and the text around it: line breaks, and
	 * spaces and tabs, so that the fuzzer's text shares the secret's line (where stray quotes before
	 * it pair up with the shape's own: the findings of the first long runs).
	 */
	static final List<String> SPACES = List.of("\n", " ", "\t", "\r\n", "\n\n", "  ");

	final SecretRedactor redactor = new SecretRedactor();

	static Stream<byte[]> seeds() {
		return Stream.of("\0\0Hi, this is what we send:\u001eand it fails with 401. Best regards, Kari",
				"\5\1POST /epayment/v1/payments HTTP/1.1\nHost: apitest.vipps.no\u001e\nContent-Type: application/json",
				"\26\0{\"values\": [{\"key\": \"client_id\", \"value\": \"0b3b1b2c\"},\u001e]}",
				"\42\2passwordet er\u001eclient_secret: ${VIPPS_CLIENT_SECRET}")
			.map(s -> s.getBytes(StandardCharsets.UTF_8));
	}

	@MethodSource("seeds")
	@DictionaryEntries({ "client_secret", "password", "Authorization: ", "Bearer ", "Basic ", "secret", "token",
			"\"key\":\"", "\"value\":\"", "\"name\":\"", "://", "@", "-----BEGIN ", "eyJ", "...", "…", "\\\"", "'", "\"" })
	@FuzzTest
	void aPlantedSecretNeverSurvivesRedaction(byte[] data) {
		Fuzzing.count(SecretRedactorFuzzTest.class, "plantedSecret");
		Shape shape = SHAPES.get(data.length == 0 ? 0 : (data[0] & 0xff) % SHAPES.size());
		int spaces = data.length < 2 ? 0 : data[1] & 0xff;
		List<String> around = Fuzzing.fields(Fuzzing.text(Fuzzing.bytes(data)), 2);
		String before = around.get(0);
		String after = around.get(1) == null ? "" : around.get(1);
		String secret = shape.secret();
		String allButLastFour = secret.substring(0, secret.length() - 4);
		String planted = before + SPACES.get(spaces % SPACES.size()) + shape.with(secret)
				+ SPACES.get(spaces / SPACES.size() % SPACES.size()) + after;
		Fuzzing.inLinearTime("plantedSecret", planted, text -> {
			RedactedText redacted = redactor.redact("description", text);
			// The text around may hold the secret itself (unmarked): then it is not this secret's to find.
			if (text == planted && !holds(before, allButLastFour) && !holds(after, allButLastFour)) {
				assertThat(redacted.text()).as(shape.format()).doesNotContain(allButLastFour);
				assertThat(redacted.redactions()).isNotEmpty()
					.allSatisfy(r -> assertThat(r.kept().length()).isLessThanOrEqualTo(5));
			}
		});
	}

	/**
	 * {@code text.contains(part)} without String.contains: Jazzer hooks that call and feeds its
	 * argument to the fuzzer, which would then plant the secret in the surroundings.
	 */
	private static boolean holds(String text, String part) {
		outer: for (int i = 0; i + part.length() <= text.length(); i++) {
			for (int j = 0; j < part.length(); j++) {
				if (text.charAt(i + j) != part.charAt(j)) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
