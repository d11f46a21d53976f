package com.triagedesk.checklist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.triagedesk.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of what the checklist reads from free text: organization numbers,
 * dates, environments, products and hosts, contacts, references, and the whole evaluation of a
 * request whose every field is fuzzed. None fails on any text (they promise none: what they cannot
 * read is not found or is reported as an item), each takes linear time, and what they report keeps
 * its documented shape. The first byte of an input chooses the target ({@link Fuzzing}); the
 * fields of a request are separated by {@link Fuzzing#SEPARATOR}.
 */
class ExtractorsFuzzTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(
			Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

	final Contacts contacts = new Contacts();

	static Stream<byte[]> seeds() {
		String request = String.join("\u001e", "POST /epayment/v1/payments gives HTTP 400",
				"1. We call POST /epayment/v1/payments.\n2. It returns 400 since 20.11.2026 08:15.\nMed vennlig hilsen\nKari Nordmann\ntlf 912 34 567",
				"Kari Nordmann", "kari@acme-shop.no", "+47 912 34 567", "Org.nr. 918 713 867 MVA", "123456",
				"Vipps ePayment API v1", "MT (test)", "acme-shop-123-order123abc", "5001234567",
				"0b3b1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b", "2026-11-20,i går",
				"POST /epayment/v1/payments HTTP/1.1\nHost: apitest.vipps.no\n\n{\"reference\":\"acme-123\"}",
				"HTTP/1.1 400 Bad Request\n\n{\"status\":400,\"traceId\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}",
				"We upgraded our backend on 19 November.", "{\"log\":{\"entries\":[]}}");
		return Stream.of("0Org.nr. 918 713 867 MVA", "0DK12345674", "0Y-tunnus: 1366959-8", "0FI13669598",
				"1Since 2026-11-20T10:15:00Z and 20.11.26, 18. november, Nov 18, 2026, 19/11/2026, i går, today",
				"2produksjonsmiljøet\u001eMobilePay Recurring API (v3)\u001e/recurring/v3/agreements\u001ecallback-mt-1.vipps.no",
				"3Kari Nordmann\u001e\u001eHei!\n\nMed vennlig hilsen\nKari Nordmann\nMobil: +47 912 34 567\u001eorder 12345678",
				"4GET /epayment/v1/payments/acme-shop-123/events\u001ereference acme-2026-11-30-0001 and "
						+ "agr_5kSeqz, traceId 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01, pspReference 5001234567",
				"5" + request)
			.map(s -> s.getBytes(StandardCharsets.UTF_8));
	}

	@MethodSource("seeds")
	@DictionaryEntries({ "org.nr", "cvr", "y-tunnus", "MVA", "NO", "DK", "FI", "orderId", "reference",
			"\"reference\":\"", "transactionId", "contextId", "traceId", "agr_", "chr_", "Med vennlig hilsen",
			"Best regards", "+47 ", "tlf ", "november", "2026-", "i går", "yesterday", "apitest.vipps.no",
			"api.vipps.no", "/epayment/v1/", "ePayment", "Recurring", "production", "test", "HTTP/1.1 ", "POST " })
	@FuzzTest
	void anyTextIsReadByTheExtractors(byte[] data) {
		String target = Fuzzing.target(ExtractorsFuzzTest.class, data, "organizationNumbers", "dates", "names",
				"contacts", "references", "checklistEvaluator");
		Fuzzing.inLinearTime(target, Fuzzing.text(data), switch (target) {
			case "organizationNumbers" -> ExtractorsFuzzTest::organizationNumbers;
			case "dates" -> ExtractorsFuzzTest::dates;
			case "names" -> ExtractorsFuzzTest::names;
			case "contacts" -> this::contacts;
			case "references" -> ExtractorsFuzzTest::references;
			default -> this::evaluation;
		});
	}

	private static void organizationNumbers(String text) {
		OrganizationNumbers.read(text).ifPresent(number -> {
			switch (number.country()) {
				case "NO" -> assertThat(number.number()).matches("[0-9]{9}");
				case "DK" -> assertThat(number.number()).matches("[0-9]{8}");
				case "FI" -> assertThat(number.number()).matches("[0-9]{7}-[0-9]");
				default -> throw new AssertionError("No such country: " + number);
			}
			assertThat(number.describe()).isNotBlank();
		});
		OrganizationNumbers.norwegianValid(text);
		OrganizationNumbers.danishValid(text);
		OrganizationNumbers.finnishValid(text);
	}

	private static void dates(String text) {
		Dates.parse(text, TODAY);
		assertThat(Dates.find(text, TODAY)).hasSizeLessThanOrEqualTo(50).doesNotHaveDuplicates();
	}

	private static void names(String text) {
		for (String name : Fuzzing.fields(text, 4)) {
			Environment.parse(name);
			Product.byName(name);
			Product.byPath(name);
			Hosts.environment(name);
		}
	}

	private void contacts(String text) {
		List<String> fields = Fuzzing.fields(text, 4);
		ChecklistInput input = input(fields.get(0), null, fields.get(1), null, null, List.of());
		Contacts.Contact contact = contacts.find(input, fields.get(2), fields.get(3));
		assertThat(contact.result().key()).isEqualTo(ChecklistItem.CONTACT);
		if (contact.phone() != null) {
			assertThat(contact.phone()).matches("\\+[0-9]{6,15}");
		}
	}

	private static void references(String text) {
		List<String> fields = Fuzzing.fields(text, 4);
		ChecklistInput input = input(fields.get(2), fields.get(3), null, fields.get(0), fields.get(1), List.of());
		Texts texts = Texts.of(input);
		References references = References.find(input, texts, Exchanges.find(texts), fields.get(3));
		for (List<String> ids : List.of(references.orderIds(), references.transactionIds(), references.contextIds(),
				references.agreementIds(), references.traceIds())) {
			assertThat(ids).hasSizeLessThanOrEqualTo(20).doesNotContainNull();
		}
	}

	private void evaluation(String text) {
		List<String> f = Fuzzing.fields(text, 17);
		List<String> occurredOn = f.get(12) == null ? List.of() : Arrays.asList(f.get(12).split(",", -1));
		List<ChecklistInput.Attachment> attachments = f.get(16) == null ? List.of()
				: List.of(new ChecklistInput.Attachment("log.txt", "text/plain", f.get(16).length(), f.get(16)),
						new ChecklistInput.Attachment("screen.png", "image/png", 1024, null));
		ChecklistInput input = new ChecklistInput(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
				f.get(7), f.get(8), f.get(9), f.get(10), f.get(11), occurredOn, f.get(13), f.get(14), f.get(15),
				attachments);
		Evaluation evaluation = evaluator.evaluate(input);
		assertThat(evaluation.items()).hasSize(ChecklistItem.values().length)
			.allSatisfy(item -> assertThat(item.state()).isNotNull());
		assertThat(evaluation.facts()).isNotNull();
	}

	private static ChecklistInput input(String name, String phone, String description, String orderId,
			String transactionId, List<String> occurredOn) {
		return new ChecklistInput("Subject", description, name, null, phone, null, null, null, null, orderId,
				transactionId, null, occurredOn, null, null, null, List.of());
	}

}
