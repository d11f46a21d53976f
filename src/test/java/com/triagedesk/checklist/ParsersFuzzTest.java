package com.triagedesk.checklist;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.triagedesk.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the HTTP readers: any text, in any of the fields a request has, is
 * scanned for raw HTTP messages, curl commands and HAR files; any command line is read as curl;
 * any text as a HAR file. None fails (they promise no exception: what they cannot read is not
 * found), each takes linear time, and what is found lies inside its text (the prose around it is
 * cut by these offsets). The first byte of an input chooses the reader ({@link Fuzzing}).
 */
class ParsersFuzzTest {

	static Stream<byte[]> seeds() {
		return Stream.of("0" + """
				POST /epayment/v1/payments HTTP/1.1
				Host: apitest.vipps.no
				Content-Type: application/json

				{"amount": {"currency": "NOK", "value": 49900}, "reference": "acme-123"}

				HTTP/1.1 400 Bad Request
				Content-Type: application/problem+json

				{"title": "Bad Request", "status": 400, "extraDetails": [{"name": "ErrorCode", "reason": "4040"}]}
				""", "0" + """
				> GET /recurring/v3/agreements/agr_5kSeqz HTTP/1.1
				> Host: api.vipps.no
				>
				< HTTP/1.1 404 Not Found
				< Content-Type: application/json
				<
				{"status": 404}
				""", "0GET /epayment/v1/payments/acme-123\u001eHTTP/1.1 200 OK\u001ewe call it from PHP\u001e\u001e"
				+ "curl https://api.vipps.no/x",
				"1" + """
						$ curl -X POST https://apitest.vipps.no/epayment/v1/payments/acme-123/capture \\
						  -H 'Merchant-Serial-Number: 123456' -H "Idempotency-Key: \\"k1\\"" \\
						  --json '{"modificationAmount": {"currency": "NOK", "value": 100}}'
						""",
				"1curl.exe --url api.vipps.no/checkout/v3/session -d $'a\\'b' -G -I ^\n --data-raw x -XPUT",
				"2{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"https://api.vipps.no/epayment/v1/"
						+ "payments/x\", \"headers\": [{\"name\": \"Host\", \"value\": \"api.vipps.no\"}], \"postData\": "
						+ "{\"text\": \"{}\"}}, \"response\": {\"status\": 500, \"statusText\": \"Error\", \"headers\": [], "
						+ "\"content\": {\"text\": \"{}\"}}}]}}")
			.map(s -> s.getBytes(StandardCharsets.UTF_8));
	}

	@MethodSource("seeds")
	@DictionaryEntries({ "HTTP/1.1 ", "GET ", "POST ", "curl ", " -H ", " -X ", " --data ", " --json ", " --url ",
			"\"log\"", "\"entries\"", "\"request\"", "\"response\"", "\"url\"", "\"method\"", "\"status\"",
			"\"headers\"", "\"name\"", "\"value\"", "Host: ", "https://" })
	@FuzzTest
	void anyTextIsReadByTheHttpReaders(byte[] data) {
		String target = Fuzzing.target(ParsersFuzzTest.class, data, "httpExchanges", "curlCommand", "har");
		Fuzzing.inLinearTime(target, Fuzzing.text(data), switch (target) {
			case "httpExchanges" -> ParsersFuzzTest::httpExchanges;
			case "curlCommand" -> ParsersFuzzTest::curlCommand;
			default -> ParsersFuzzTest::har;
		});
	}

	private static void httpExchanges(String text) {
		List<String> fields = Fuzzing.fields(text, 5);
		for (String field : fields) {
			if (field != null) {
				HttpMessages.Found found = HttpMessages.scan(field, "description");
				found.requests().forEach(r -> assertInside(r.start(), r.end(), field));
				found.responses().forEach(r -> assertInside(r.start(), r.end(), field));
			}
		}
		ChecklistInput input = new ChecklistInput("Subject", fields.get(0), null, null, null, null, null, null, null,
				null, null, null, List.of(), fields.get(1), fields.get(2), fields.get(3),
				List.of(new ChecklistInput.Attachment("export.har", "application/json", 1, fields.get(4))));
		Texts texts = Texts.of(input);
		Exchanges exchanges = Exchanges.find(texts);
		String description = texts.description() == null ? "" : texts.description();
		assertThat(exchanges.proseOf("description", texts.description())).hasSameSizeAs(description);
		exchanges.errorCodes();
		exchanges.suggestedSubject();
		exchanges.apiHost();
		exchanges.firstRequestHeaders();
		exchanges.sourceCodeLanguage(texts);
	}

	private static void curlCommand(String command) {
		CurlCommand.words(command);
		CurlCommand.parse(command, "httpExchange.request", 0, command.length()).ifPresent(request -> {
			assertThat(request.form()).isEqualTo("curl");
			assertThat(request.path()).isNotNull();
			assertThat(request.describe()).isNotBlank();
		});
	}

	private static void har(String text) {
		Har.looksLikeHar(text);
		HttpMessages.Found found = Har.parse(text, "attachment export.har");
		found.requests().forEach(r -> assertThat(r.path()).isNotNull());
		found.responses().forEach(r -> assertThat(r.status()).isBetween(100, 599));
	}

	private static void assertInside(int start, int end, String text) {
		assertThat(start).isBetween(0, end);
		assertThat(end).isBetween(start, text.length());
	}

}
