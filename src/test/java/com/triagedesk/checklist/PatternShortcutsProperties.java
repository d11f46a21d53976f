package com.triagedesk.checklist;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator does not search a whole text with every pattern: it tries some only where their
 * literals begin, searches the host pattern only in runs of host characters, others only on the
 * lines that hold their literals, and reads header lines by hand. Whatever the text, each
 * shortcut must find exactly what the plain search finds.
 */
class PatternShortcutsProperties {

	/** Every pattern the evaluator runs through {@link TextPatterns#all}. */
	static final List<Pattern> PATTERNS = patterns();

	/** The pattern {@link HttpMessages#requestLine} reads by hand. */
	static final Pattern REQUEST_LINE = Pattern
		.compile("^\\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+((?:/|https?://)\\S*)(?:\\s+HTTP/\\d(?:\\.\\d)?)?\\s*$");

	/** The pattern {@link HttpMessages#statusLine} reads by hand. */
	static final Pattern STATUS_LINE = Pattern.compile("^\\s*HTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)(?:\\s+(.*))?$");

	/** The pattern {@link HttpMessages#header} reads by hand. */
	static final Pattern HEADER_LINE = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9_-]*)\\s*:\\s?(.*)$");

	private static List<Pattern> patterns() {
		List<Pattern> patterns = new ArrayList<>();
		for (Field field : TextPatterns.class.getDeclaredFields()) {
			if (field.getType() == Pattern.class && Modifier.isStatic(field.getModifiers())) {
				try {
					field.setAccessible(true);
					patterns.add((Pattern) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return List.copyOf(patterns);
	}

	/** What the patterns look for, alone or in part. */
	static final List<String> PIECES = pieces();

	private static List<String> pieces() {
		List<String> pieces = new ArrayList<>(TextPatternsTest.PHRASES);
		pieces.addAll(List.of("order", "Order ID", "ORDRE", "reference", "referanse", "tilaus", "org", "orgnr", "cvr",
				"y-tunnus", "msn", "merchant", "transaction", "psp", "context", "agr_", "chr_", "00-", "access token",
				"e-payment", "epayment", "ecom", "e-com", "recurring", "vipps", "mobilepay", "login", "openid",
				"checkout", "management", "partner", "report", "settlement", "webhook", "qr", "sales", "efaktura",
				"problem", "issue", "error", "question", "feil", "spørsmål", "several", "two", "to", "tre", "flere",
				"useita", "/epayment/v1/payments/acme-1", "/miami", "/ecomm/v2/payments", "/v1/loyalty-check-in",
				"vipps.no", "api.vipps.no", "apitest.vipps.no", "mobilepay.dk", "vippsmobilepay.com", "a.b-c.",
				"\"orderId\": \"acme-100\"", "\"reference\":\"x-1\"", "\"status\": 400", "\"statusCode\":502",
				"\"transactionId\": 1234567890", "\"pspReference\":\"12345678\"",
				"\"contextId\": \"0b3b1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"", "\"msn\": \"123456\"",
				"\"merchantSerialNumber\":123456", "\"errorCode\": \"E42\"", "\"error\": \"invalid_client\"",
				"{\"name\":\"ErrorCode\",\"reason\":\"61\"}", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				"918 713 867", "123456", "1234567-8", "acme-2026-1", "is", "er", ":", "=", "#", "2:", "3)", "ſ", "\u212a",
				"İ", "_", "-", ".", "\"", "'", "é", "x", "1", "order number", "Order_nr", "order-ref", "orderno", "ordre-id",
				"reference_id", "tilausnumero", "vipps checkout", "mobilepay login", "login with vipps", "login api",
				"openid connect", "checkout api", "order management", "management api", "qr api", "check-in api",
				"userinfo", "accesstoken", "webhooks", "donations api", "invoice api", "mobilepay checkout", "vipps login",
				"access-token api", "ecomm api", "partner api", "report api", "settlement api", "psp api",
				"sales api", "orderid: acme-1", "ordre-id 1234", "..", "a..b.", "-vipps.no", "x.mobilepay.dk.",
				"vipps.no.vipps.no", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0", "b7ad6b7169203331",
				"/accesstoken/get", "/authentication", "/recurring/v3/agreements/{agreementId}", "/access-management-1.0/x",
				"/vipps-login-ciba", "/vipps-userinfo-api", "/checkout/v3/session", "/order-management/v2", "/management",
				"/partner-api", "/report/v2/ledgers", "/settlement", "/webhooks/v1", "/qr/v1", "/psp", "/merchant-management",
				"//", "/reports", "~x", "{x}", "\"errorCode\":\"", "\"errorCode\": 61", "\"error\":\"ab\"", "\"reason\"",
				"\"name\"", "\"ErrorCode\"", ",", "\"error\"", "\"errorCode\"", "\"orderId\"", "\"order_id\":\"",
				"x".repeat(41), "a".repeat(51), "\"", "\"name\": \"ErrorCode\" , \"reason\":\"E_1-x\"",
				// what follows an order label: words the label's value may begin with ("is-1a" is a value,
				// "is" before it is not), taken as often as they go, then once less
				"on", "is-1a", "ER12", "onion-7", "is is", "order id is-1a", "reference: er #on-2", "ordre 'is' x1",
				"order\tab-1x-", "isis-1", "order ref on isis-1", "order -1x", "ordre -2"));
		return List.copyOf(pieces);
	}

	/** The piece as written, in upper case, capitalized, and with the letters that fold to ASCII. */
	private static List<String> variants(String piece) {
		return List.of(piece, piece.toUpperCase(Locale.ROOT), piece.replace('s', 'ſ'), piece.replace('k', '\u212a'),
				capitalized(piece));
	}

	/** Each piece alone, between the characters that decide a word boundary, whatever the random texts hit. */
	@Example
	void everyPieceAloneIsFoundAsASearchOfTheWholeTextFindsIt() {
		for (String piece : PIECES) {
			for (String variant : variants(piece)) {
				for (String before : List.of("", " ", "x", "_", "/")) {
					for (String after : List.of("", " ", " acme-1", ": 123456", "x", " api", "/x/", "//y")) {
						String text = before + variant + after;
						for (Pattern pattern : PATTERNS) {
							assertThat(TextPatterns.all(pattern, text).stream().map(Arrays::asList).toList())
								.as("%s in %s", pattern, List.of(text))
								.isEqualTo(wholeTextMatches(pattern, text));
						}
					}
				}
			}
		}
	}

	/**
	 * Words are read code point by code point: every one of the BMP, lone surrogates among them,
	 * and every 61st beyond it, at the start of a word, inside one and alone, as RE2J's Unicode
	 * tables read it (not the JDK's: they differ).
	 */
	@Example
	void everyCodePointIsAWordCharacterAsTheWordPatternReadsIt() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c = c <= Character.MAX_VALUE ? c + 1 : c + 61) {
			String character = Character.toString(c);
			String text = character + "a" + character + " -" + character + "'";
			assertThat(TextPatterns.all(TextPatterns.WORD, text).stream().map(Arrays::asList).toList())
				.as("U+%04X", c)
				.isEqualTo(wholeTextMatches(TextPatterns.WORD, text));
		}
	}

	@Property(tries = 3000)
	void everyPatternFindsWhatASearchOfTheWholeTextFinds(@ForAll("texts") String text) {
		for (Pattern pattern : PATTERNS) {
			List<List<String>> expected = wholeTextMatches(pattern, text);
			List<List<String>> actual = TextPatterns.all(pattern, text).stream().map(Arrays::asList).toList();
			assertThat(actual).as("%s in %s", pattern, List.of(text)).isEqualTo(expected);
			assertThat(TextPatterns.any(pattern, text)).as("%s in %s", pattern, List.of(text))
				.isEqualTo(!expected.isEmpty());
		}
	}

	@Property(tries = 3000)
	void everyPatternFindsInJsonWhatASearchFinds(@ForAll("jsonFields") String text) {
		for (Pattern pattern : PATTERNS) {
			assertThat(TextPatterns.all(pattern, text).stream().map(Arrays::asList).toList())
				.as("%s in %s", pattern, List.of(text))
				.isEqualTo(wholeTextMatches(pattern, text));
		}
	}

	@Property(tries = 3000)
	void aRequestLineIsReadAsItsPatternReadsIt(@ForAll("startLines") String line) {
		Matcher matcher = REQUEST_LINE.matcher(line);
		String[] expected = matcher.find() ? new String[] { matcher.group(1), matcher.group(2) } : null;

		assertThat(HttpMessages.requestLine(line)).as(List.of(line).toString()).isEqualTo(expected);
	}

	@Property(tries = 3000)
	void aStatusLineIsReadAsItsPatternReadsIt(@ForAll("startLines") String line) {
		Matcher matcher = STATUS_LINE.matcher(line);
		String[] expected = matcher.find() ? new String[] { matcher.group(1), matcher.group(2) } : null;

		assertThat(HttpMessages.statusLine(line)).as(List.of(line).toString()).isEqualTo(expected);
	}

	@Property(tries = 3000)
	void aHeaderLineIsReadAsItsPatternReadsIt(@ForAll("lines") String line) {
		Matcher matcher = HEADER_LINE.matcher(line);
		String[] expected = matcher.find() ? new String[] { matcher.group(1), matcher.group(2) } : null;

		assertThat(HttpMessages.header(line)).as(List.of(line).toString()).isEqualTo(expected);
	}

	static List<List<String>> wholeTextMatches(Pattern pattern, String text) {
		List<List<String>> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			List<String> groups = new ArrayList<>();
			for (int g = 0; g <= matcher.groupCount(); g++) {
				groups.add(matcher.group(g));
			}
			found.add(groups);
		}
		return found;
	}

	/**
	 * Texts made of what the patterns look for, in any case, beside one another or apart, with the
	 * characters that fold to ASCII letters under {@code (?i)} ("ſ", the Kelvin sign) and one whose
	 * lower case is longer ("İ").
	 */
	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> piece = Arbitraries.of(PIECES).flatMap(p -> Arbitraries.of(variants(p)));
		Arbitrary<String> gap = Arbitraries.of("", "", " ", "  ", "\n", "\r\n", "\t", ": ", "-", "_", ".", "/", ", ");
		return Combinators.combine(piece, gap).as((p, g) -> p + g).list().ofMaxSize(12)
			.map(parts -> String.join("", parts));
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

	@Provide
	Arbitrary<String> lines() {
		Arbitrary<String> piece = Arbitraries.of("Content-Type", "X_Request-Id", "9a", "-x", "_y", "é", " ", "\t", "\r",
				"\f", "\n", ":", ": ", "application/json", "Bearer abc", "", "\u000b");
		return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
	}

	/** JSON fields the patterns read, slot by slot, each slot also empty, broken or in another case. */
	@Provide
	Arbitrary<String> jsonFields() {
		Arbitrary<String> space = Arbitraries.of("", " ", "\n ", "\t", "\u000b");
		Arbitrary<String> key = Arbitraries.of("\"reference\"", "\"orderId\"", "\"order_id\"", "\"ORDERID\"", "\"errorCode\"",
				"\"ERRORCODE\"", "\"error\"", "\"Error\"", "\"name\"", "\"reason\"", "\"status\"", "\"msn\"",
				"\"transactionId\"", "\"contextId\"", "reference", "\"");
		Arbitrary<String> colon = Arbitraries.of(":", ":", ",", "");
		Arbitrary<String> quote = Arbitraries.of("\"", "\"", "", "'");
		Arbitrary<String> value = Arbitraries.of("ErrorCode", "errorcode", "acme-1", "E_1-x", "invalid_client", "ab",
				"61", "400", "x".repeat(40), "x".repeat(41), "a".repeat(50), "a".repeat(51), "ſ\u212a", "a b", "", "é");
		Arbitrary<String> field = Combinators.combine(List.of(key, space, colon, space, quote, value, quote))
			.as(parts -> String.join("", parts));
		Arbitrary<String> errorCode = Combinators.combine(List.of(Arbitraries.of("\"name\"", "\"NAME\"", "name"), space, colon,
				space, Arbitraries.of("\"ErrorCode\"", "\"errorcode\"", "\"Error\"", "ErrorCode", "\"ErrorCode", "\"ErrorCodes\""), space,
				Arbitraries.of(",", ",", "", ";"), space, Arbitraries.of("\"reason\"", "\"REASON\"", "reason"), space, colon,
				space, quote, value, quote))
			.as(parts -> String.join("", parts));
		Arbitrary<String> any = Arbitraries.oneOf(field, errorCode);
		return Combinators.combine(any, space, Arbitraries.of(",", "", "}", " "), any)
			.as((first, gap, separator, second) -> "{" + first + separator + gap + second + "}");
	}

	/**
	 * Lines shaped like request lines and status lines, slot by slot, each slot also empty,
	 * broken or in the wrong place.
	 */
	@Provide
	Arbitrary<String> startLines() {
		Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\r", "\f", "\n", "\u000b", " \n");
		Arbitrary<String> first = Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "get",
				"GETS", "HTTP/1.1", "HTTP/2", "HTTP/1.", "HTTP/1.10", "HTTP/x", "HTTP/", "x", "");
		Arbitrary<String> second = Arbitraries.of("/", "/epayment/v1/payments", "http://", "https://api.vipps.no/x?y=1",
				"htt", "200", "404", "599", "600", "099", "4000", "20", "x", "");
		Arbitrary<String> third = Arbitraries.of("HTTP/1.1", "HTTP/2", "HTTP/1.", "HTTP/1.10", "HTTP/x", "Bad Request",
				"OK", "x", "1", ".", "");
		Arbitrary<String> fourth = Arbitraries.of("", "", "x", "HTTP/1.1", "OK", ".");
		return Combinators.combine(List.of(space, first, space, second, space, third, space, fourth))
			.as(parts -> String.join("", parts));
	}
}
