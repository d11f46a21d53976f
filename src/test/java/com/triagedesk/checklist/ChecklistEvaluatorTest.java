package com.triagedesk.checklist;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each item's rule over real-looking inputs, near misses included. "Today" is 2026-11-24.
 */
class ChecklistEvaluatorTest {

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(
			Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

	static final String GOOD_DESCRIPTION = "1. We create a payment with POST /epayment/v1/payments.\n"
			+ "2. The user approves it in the app.\n3. We capture it ten minutes later and get HTTP 400 back.\n"
			+ "Expected: the capture succeeds. Actual: error 6080 every time.";

	/** A request with only what intake requires; each test adds what it looks at. */
	static final class Request {

		String subject = "Capture fails with HTTP 400 on ePayment";

		String description = GOOD_DESCRIPTION;

		String name;

		String phone;

		String org;

		String msn;

		String product;

		String environment;

		String orderId;

		List<String> dates = new ArrayList<>();

		String httpRequest;

		String httpResponse;

		String additionalInfo;

		List<ChecklistInput.Attachment> attachments = new ArrayList<>();

		ChecklistInput input() {
			return new ChecklistInput(subject, description, name, "kari@shop.no", phone, org, msn, product, environment,
					orderId, null, null, dates, httpRequest, httpResponse, additionalInfo, attachments);
		}

	}

	Evaluation evaluate(Request request) {
		return evaluator.evaluate(request.input());
	}

	ItemResult item(Request request, ChecklistItem item) {
		return evaluate(request).item(item);
	}

	@Nested
	class Description {

		@Test
		void stepByStepIsOk() {
			assertThat(item(new Request(), ChecklistItem.DESCRIPTION).state()).isEqualTo(ItemState.OK);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Vipps does not work. Please call me.", "Help", "It fails.", "Se vedlegg." })
		void aLineOrTwoIsInsufficient(String text) {
			Request r = new Request();
			r.description = text;

			ItemResult result = item(r, ChecklistItem.DESCRIPTION);

			assertThat(result.state()).isEqualTo(ItemState.INSUFFICIENT);
			assertThat(result.message()).contains("step by step");
		}

		@Test
		void aPastedExchangeDoesNotMakeAShortDescriptionLong() {
			Request r = new Request();
			r.description = "See below.\n\nPOST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\nContent-Type: application/json\n\n"
					+ "{\"amount\": {\"currency\": \"NOK\", \"value\": 100}, \"reference\": \"order-12345678\", \"paymentMethod\": {\"type\": \"WALLET\"}}";

			assertThat(item(r, ChecklistItem.DESCRIPTION).state()).isEqualTo(ItemState.INSUFFICIENT);
		}

		@Test
		void aLongNorwegianAccountIsOk() {
			Request r = new Request();
			r.description = "Hei! Når kunden betaler i appen får vi ikke callback til vår server. Vi har sjekket at "
					+ "callback-URLen er tilgjengelig fra internett, og betalingen står som reservert i portalen. "
					+ "Dette skjedde første gang i går kveld.";

			assertThat(item(r, ChecklistItem.DESCRIPTION).state()).isEqualTo(ItemState.OK);
		}

	}

	@Nested
	class Subject {

		@ParameterizedTest
		@ValueSource(strings = { "Help!!", "Problem", "URGENT", "Vipps virker ikke", "Question", "Hjelp!", "Error",
				"PLEASE HELP US NOW" })
		void genericOrShoutingSubjectsAreInsufficient(String subject) {
			Request r = new Request();
			r.subject = subject;

			assertThat(item(r, ChecklistItem.SUBJECT).state()).as(subject).isEqualTo(ItemState.INSUFFICIENT);
		}

		@ParameterizedTest
		@ValueSource(strings = { "POST /epayment/v1/payments gives HTTP 400", "Recurring charge fails with 400 in test",
				"Kan ikke capture betaling i produksjon" })
		void specificSubjectsAreOk(String subject) {
			Request r = new Request();
			r.subject = subject;

			assertThat(item(r, ChecklistItem.SUBJECT).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void theMessageSuggestsASubjectBuiltFromTheExchange() {
			Request r = new Request();
			r.subject = "Help";
			r.httpRequest = "POST /recurring/v3/agreements/agr_5kSeqz/charges HTTP/1.1\nHost: api.vipps.no";
			r.httpResponse = "HTTP/1.1 409 Conflict";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.suggestedSubject())
				.isEqualTo("POST /recurring/v3/agreements/{agreementId}/charges gives HTTP 409");
			assertThat(evaluation.item(ChecklistItem.SUBJECT).message()).contains(evaluation.suggestedSubject());
		}

	}

	@Nested
	class OrganizationNumber {

		@ParameterizedTest
		@ValueSource(strings = { "Our org number is 918 713 867.", "orgnr: 918713867", "Org.nr. 918 713 867",
				"Organisasjonsnummer 918713867", "org no 918713867", "Organization number: NO 918 713 867 MVA" })
		void isFoundInFreeText(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + "\n" + text;

			ItemResult result = item(r, ChecklistItem.ORGANIZATION_NUMBER);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("918713867");
			assertThat(result.source()).isEqualTo("description (text)");
		}

		@Test
		void aNineDigitNumberWithABadCheckDigitIsInvalid() {
			Request r = new Request();
			r.org = "918713868";

			ItemResult result = item(r, ChecklistItem.ORGANIZATION_NUMBER);

			assertThat(result.state()).isEqualTo(ItemState.INVALID);
			assertThat(result.message()).contains("check digit");
		}

		@Test
		void aBadNumberInTheTextIsInvalidToo() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Org 123456789.";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).state()).isEqualTo(ItemState.INVALID);
		}

		@ParameterizedTest
		@CsvSource({ "CVR-nr. 25313763, 25313763", "Y-tunnus: 1366959-8, 1366959-8" })
		void danishAndFinnishNumbersAreRead(String text, String expected) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			ItemResult result = item(r, ChecklistItem.ORGANIZATION_NUMBER);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo(expected);
		}

		@Test
		void aNineDigitNumberWithoutAnyWordForItIsNotTakenForOne() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Transaction 918713867 failed.";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).state()).isEqualTo(ItemState.MISSING);
		}

		@Test
		void somethingThatIsNoNumberAtAllIsInvalid() {
			Request r = new Request();
			r.org = "Acme AS";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).state()).isEqualTo(ItemState.INVALID);
		}

	}

	@Nested
	class MerchantSerialNumber {

		@ParameterizedTest
		@ValueSource(strings = { "MSN 654321", "MSN: 654321", "merchant serial number 654321", "msn=654321" })
		void isFoundInFreeText(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(item(r, ChecklistItem.MERCHANT_SERIAL_NUMBER).value()).isEqualTo("654321");
		}

		@Test
		void isFoundInTheRequestHeader() {
			Request r = new Request();
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\nMerchant-Serial-Number: 223344";

			ItemResult result = item(r, ChecklistItem.MERCHANT_SERIAL_NUMBER);

			assertThat(result.value()).isEqualTo("223344");
			assertThat(result.source()).contains("Merchant-Serial-Number header");
		}

		@Test
		void aPhoneNumberIsNotAnMsn() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Call me on 48 12 34 56 or 91234567.";

			assertThat(item(r, ChecklistItem.MERCHANT_SERIAL_NUMBER).state()).isEqualTo(ItemState.MISSING);
		}

		@ParameterizedTest
		@ValueSource(strings = { "123", "12345678", "12ab56" })
		void aFieldThatIsNotFourToSevenDigitsIsInvalid(String msn) {
			Request r = new Request();
			r.msn = msn;

			assertThat(item(r, ChecklistItem.MERCHANT_SERIAL_NUMBER).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void aFieldAndHeaderThatDisagreeAreAConflict() {
			Request r = new Request();
			r.msn = "123456";
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\nMerchant-Serial-Number: 654321";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.item(ChecklistItem.MERCHANT_SERIAL_NUMBER).state()).isEqualTo(ItemState.INVALID);
			assertThat(evaluation.warnings()).extracting(Warning::code).contains(Warning.MSN_CONFLICT);
		}

	}

	@Nested
	class ProductAndEnvironment {

		@ParameterizedTest
		@CsvSource({ "ePayment API, EPAYMENT", "recurring, RECURRING", "Vipps Login, LOGIN", "EPAYMENT, EPAYMENT",
				"Checkout API, CHECKOUT", "Report API, REPORT" })
		void productFieldsAreReadByTheNamesPeopleUse(String name, Product product) {
			Request r = new Request();
			r.product = name;

			assertThat(evaluate(r).facts().product()).isEqualTo(product);
		}

		@ParameterizedTest
		@CsvSource({ "/recurring/v3/agreements, RECURRING", "/accesstoken/get, ACCESS_TOKEN",
				"/vipps-userinfo-api/userinfo/abc, USERINFO", "/checkout/v3/session, CHECKOUT",
				"/ecomm/v2/payments/order-1/capture, ECOM", "/v1/loyalty-check-in/customers, CHECK_IN",
				"/management/v1/merchants, MANAGEMENT" })
		void theProductIsInferredFromThePath(String path, Product product) {
			Request r = new Request();
			r.subject = "Call fails with HTTP 400 in test";
			r.description = GOOD_DESCRIPTION.replace("/epayment/v1/payments", "the API");
			r.httpRequest = "POST " + path + " HTTP/1.1\nHost: apitest.vipps.no";

			assertThat(evaluate(r).facts().product()).isEqualTo(product);
		}

		@Test
		void anUnknownProductNameIsInvalid() {
			Request r = new Request();
			r.product = "Foo API";
			r.subject = "Our integration fails every day";
			r.description = "We do something and it fails every time we try it, for all of our customers today.";

			assertThat(item(r, ChecklistItem.PRODUCT).state()).isEqualTo(ItemState.INVALID);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "It fails in the test environment.|TEST", "Vi tester i testmiljøet.|TEST",
				"Det feiler i produksjon.|PRODUCTION", "It fails in production since Monday.|PRODUCTION",
				"Virhe tuotannossa.|PRODUCTION", "Fejlen opstår i testmiljøet.|TEST", "We only see it in MT.|TEST" })
		void theEnvironmentIsReadFromWords(String text, Environment environment) {
			Request r = new Request();
			r.subject = "Capture fails with HTTP 400";
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).facts().environment()).isEqualTo(environment);
		}

		@ParameterizedTest
		@CsvSource({ "apitest.vipps.no, TEST", "api.vipps.no, PRODUCTION", "api.sandbox.mobilepay.dk, TEST" })
		void theEnvironmentIsInferredFromTheHost(String host, Environment environment) {
			Request r = new Request();
			r.subject = "Capture fails with HTTP 400";
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: " + host;

			ItemResult result = item(r, ChecklistItem.ENVIRONMENT);

			assertThat(result.value()).isEqualTo(environment.name());
			assertThat(result.source()).contains("Host: " + host);
		}

		@Test
		void aStatedEnvironmentThatContradictsTheHostIsAConflict() {
			Request r = new Request();
			r.environment = "prod";
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: apitest.vipps.no";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.item(ChecklistItem.ENVIRONMENT).state()).isEqualTo(ItemState.INVALID);
			assertThat(evaluation.warnings()).extracting(Warning::code).contains(Warning.ENVIRONMENT_CONFLICT);
		}

		@Test
		void anUnknownEnvironmentIsInvalid() {
			Request r = new Request();
			r.environment = "staging-2";

			assertThat(item(r, ChecklistItem.ENVIRONMENT).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void wordsInsideAPastedExchangeDoNotCount() {
			Request r = new Request();
			r.subject = "Capture fails with HTTP 400";
			r.description = GOOD_DESCRIPTION + "\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n"
					+ "{\"detail\": \"not allowed in production\"}";

			assertThat(item(r, ChecklistItem.ENVIRONMENT).state()).isEqualTo(ItemState.MISSING);
		}

	}

	@Nested
	class References {

		@Test
		void anOrderIdInTheRequestBodyIsFound() {
			Request r = new Request();
			r.product = "ePayment API";
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\n\n{\"reference\":\"acme-order-1001\"}";

			assertThat(item(r, ChecklistItem.ORDER_REFERENCES).value()).isEqualTo("acme-order-1001");
		}

		@Test
		void anOrderIdIsRequiredForPaymentApisOnly() {
			Request payment = new Request();
			payment.product = "ePayment API";
			Request login = new Request();
			login.product = "Login API";

			assertThat(item(payment, ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.MISSING);
			assertThat(item(login, ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.NOT_APPLICABLE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "order#1", "åpen-ordre", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
		void anOrderIdOutsideTheAllowedShapeIsInvalid(String orderId) {
			Request r = new Request();
			r.orderId = orderId;

			assertThat(item(r, ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void anEPaymentReferenceShorterThanEightIsInvalid() {
			Request r = new Request();
			r.product = "ePayment API";
			r.orderId = "abc123";

			assertThat(item(r, ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void anAgreementIdIsAReferenceForRecurring() {
			Request r = new Request();
			r.product = "Recurring API";
			r.description = GOOD_DESCRIPTION + " Agreement agr_5kSeqz fails to charge.";

			ItemResult result = item(r, ChecklistItem.ORDER_REFERENCES);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("agr_5kSeqz");
		}

		@Test
		void theWordReferenceInASentenceIsNoReference() {
			Request r = new Request();
			r.product = "ePayment API";
			r.description = GOOD_DESCRIPTION + " We retried with a new reference and got the same result.";

			assertThat(item(r, ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.MISSING);
		}

	}

	@Nested
	class Dates {

		@ParameterizedTest
		@ValueSource(strings = { "It started 2026-11-20.", "Since 20.11.2026 it fails.", "Since 20/11/2026.",
				"First seen 2026-11-20T08:15:00Z.", "Det startet 20. november.", "It started on November 20th.",
				"Started 20 Nov 2026." })
		void datesAreReadAsPeopleWriteThem(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			ItemResult result = item(r, ChecklistItem.DATES);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).contains("2026-11-20");
		}

		@Test
		void yesterdayIsADate() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Det skjedde i går.";

			assertThat(item(r, ChecklistItem.DATES).value()).isEqualTo("2026-11-23");
		}

		@Test
		void aFutureDateIsInvalid() {
			Request r = new Request();
			r.dates = List.of("2027-03-15");

			ItemResult result = item(r, ChecklistItem.DATES);

			assertThat(result.state()).isEqualTo(ItemState.INVALID);
			assertThat(result.message()).contains("future");
		}

		@Test
		void anUnreadableDateIsInvalid() {
			Request r = new Request();
			r.dates = List.of("last week-ish");

			assertThat(item(r, ChecklistItem.DATES).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void anImpossibleDateIsNotADate() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Since 2026-02-30.";

			assertThat(item(r, ChecklistItem.DATES).state()).isEqualTo(ItemState.MISSING);
		}

		@Test
		void versionNumbersAndOrderIdsAreNotDates() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Plugin 4.0.3, order webshop-2026-000991.";

			assertThat(item(r, ChecklistItem.DATES).state()).isEqualTo(ItemState.MISSING);
		}

	}

	@Nested
	class HttpExchange {

		@Test
		void requestWithoutResponseIsInsufficient() {
			Request r = new Request();
			r.httpRequest = "POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no";

			ItemResult result = item(r, ChecklistItem.HTTP_EXCHANGE);

			assertThat(result.state()).isEqualTo(ItemState.INSUFFICIENT);
			assertThat(result.message()).contains("response");
		}

		@Test
		void aResponseWithoutItsStatusLineStillCounts() {
			Request r = new Request();
			r.httpRequest = "curl -X POST https://api.vipps.no/epayment/v1/payments -d '{}'";
			r.httpResponse = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.item(ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.OK);
			assertThat(evaluation.suggestedSubject()).isEqualTo("POST /epayment/v1/payments gives HTTP 400");
		}

		@Test
		void sourceCodeInsteadOfHttpIsInsufficientAndNamesTheLanguage() {
			Request r = new Request();
			r.httpRequest = "const res = await fetch('https://api.vipps.no/epayment/v1/payments', {method: 'POST'});\n"
					+ "console.log(res.status);";

			ItemResult result = item(r, ChecklistItem.HTTP_EXCHANGE);

			assertThat(result.state()).isEqualTo(ItemState.INSUFFICIENT);
			assertThat(result.message()).contains("JavaScript");
		}

		@Test
		void nothingAtAllIsMissing() {
			assertThat(item(new Request(), ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.MISSING);
		}

	}

	@Nested
	class Contact {

		@Test
		void aNameAndAPhoneFieldAreOk() {
			Request r = new Request();
			r.name = "Kari Nordmann";
			r.phone = "+47 912 34 567";

			ItemResult result = item(r, ChecklistItem.CONTACT);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("Kari Nordmann, +4791234567");
		}

		@Test
		void theSignatureGivesNameAndNumber() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + "\n\nMed vennlig hilsen\nOla Hansen\n48 12 34 56";

			ItemResult result = item(r, ChecklistItem.CONTACT);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("Ola Hansen, +4748123456");
		}

		@Test
		void aNameWithoutPhoneIsInsufficient() {
			Request r = new Request();
			r.name = "Kari Nordmann";

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.INSUFFICIENT);
		}

		@Test
		void aPhoneFieldThatCannotBeCalledIsInvalid() {
			Request r = new Request();
			r.name = "Kari";
			r.phone = "12";

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.INVALID);
		}

		@Test
		void datesAndOrgNumbersAreNotPhoneNumbers() {
			Request r = new Request();
			r.name = "Kari";
			r.description = GOOD_DESCRIPTION + " Since 2026-11-18, org 918 713 867, order 2026-000991.";

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.INSUFFICIENT);
		}

		@Test
		void danishAndFinnishNumbersWithCountryCodesAreOk() {
			for (String phone : List.of("+45 32 12 34 56", "+358 40 1234567")) {
				Request r = new Request();
				r.name = "Mette";
				r.phone = phone;

				assertThat(item(r, ChecklistItem.CONTACT).state()).as(phone).isEqualTo(ItemState.OK);
			}
		}

	}

	@Nested
	class OptionalItemsAndWarnings {

		@Test
		void screenshotsAndOtherInfoAreRecommendedWhenAbsent() {
			Evaluation evaluation = evaluate(new Request());

			assertThat(evaluation.item(ChecklistItem.SCREENSHOTS).state()).isEqualTo(ItemState.RECOMMENDED);
			assertThat(evaluation.item(ChecklistItem.OTHER_INFO).state()).isEqualTo(ItemState.RECOMMENDED);
		}

		@Test
		void anImageAttachmentIsAScreenshot() {
			Request r = new Request();
			r.attachments.add(new ChecklistInput.Attachment("error.png", "image/png", 2048, null));

			assertThat(item(r, ChecklistItem.SCREENSHOTS).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void recommendedItemsNeverMakeARequestIncomplete() {
			Request r = new Request();
			r.name = "Kari Nordmann";
			r.phone = "+47 912 34 567";
			r.org = "918713867";
			r.msn = "123456";
			r.product = "Login API";
			r.environment = "TEST";
			r.dates = List.of("2026-11-20");
			r.httpRequest = "POST /access-management-1.0/access/oauth2/token HTTP/1.1\nHost: apitest.vipps.no";
			r.httpResponse = "HTTP/1.1 401 Unauthorized";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.complete()).as(evaluation.blocking().toString()).isTrue();
			assertThat(evaluation.item(ChecklistItem.SCREENSHOTS).state()).isEqualTo(ItemState.RECOMMENDED);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Problem 1: capture fails. Problem 2: login fails.", "We have several issues today.",
				"Vi har flere problemer." })
		void severalProblemsAreSuspected(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).warnings()).extracting(Warning::code).contains(Warning.MULTIPLE_PROBLEMS_SUSPECTED);
		}

		@Test
		void oneProblemIsNotSeveral() {
			assertThat(evaluate(new Request()).warnings()).isEmpty();
		}

		@Test
		void everyNonOkItemSaysWhatToDo() {
			Request r = new Request();
			r.subject = "Help";
			r.description = "Broken.";

			assertThat(evaluate(r).items()).filteredOn(i -> i.state() != ItemState.OK
					&& i.state() != ItemState.NOT_APPLICABLE)
				.allSatisfy(i -> assertThat(i.message()).as(i.key().name()).isNotBlank());
		}

		@Test
		void everyOkItemSaysWhatWasFoundAndWhere() {
			Request r = new Request();
			r.name = "Kari Nordmann";
			r.phone = "+47 912 34 567";
			r.org = "918713867";

			assertThat(evaluate(r).items()).filteredOn(i -> i.state() == ItemState.OK)
				.allSatisfy(i -> {
					assertThat(i.value()).as(i.key().name()).isNotBlank();
					assertThat(i.source()).as(i.key().name()).isNotBlank();
				});
		}

	}

	/**
	 * Cases an independent review found wrong, kept so they stay right.
	 */
	@Nested
	class ReviewedCases {

		@Test
		void curlVerboseOutputIsAnHttpExchange() {
			Request r = new Request();
			r.httpRequest = """
					*   Trying 13.79.1.1:443...
					> POST /epayment/v1/payments HTTP/1.1
					> Host: apitest.vipps.no
					> Merchant-Serial-Number: 123456
					> Content-Type: application/json
					>
					< HTTP/1.1 400 Bad Request
					< Content-Type: application/problem+json
					<
					{"title":"Bad Request","status":400}
					""";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.item(ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.OK);
			assertThat(evaluation.facts().merchantSerialNumber()).isEqualTo("123456");
			assertThat(evaluation.suggestedSubject()).isEqualTo("POST /epayment/v1/payments gives HTTP 400");
		}

		@ParameterizedTest
		@ValueSource(strings = {
				"We get an access token without problems, but when we call the ePayment API to create a payment we get 401.",
				"We have a recurring problem: capture on the ePayment API fails for some orders.",
				"Our webhook endpoint never receives events when we capture with the ePayment API." })
		void theProductIsTheOneTheRequestIsAbout(String text) {
			Request r = new Request();
			r.subject = "Calls fail with 401 since Monday";
			r.description = text + " It happens for every order since Monday, and nothing changed on our side.";

			assertThat(evaluate(r).facts().product()).isEqualTo(Product.EPAYMENT);
		}

		@ParameterizedTest
		@CsvSource({ "Vipps ePayment API, EPAYMENT", "Vipps Recurring API, RECURRING", "ePayment API v1, EPAYMENT",
				"Recurring API v3, RECURRING", "MobilePay ePayment, EPAYMENT", "Webhook, WEBHOOKS", "Settlement, REPORT",
				"eCommerce, ECOM", "Vipps Login API, LOGIN" })
		void productNamesWithBrandsAndVersionsAreKnown(String name, Product product) {
			Request r = new Request();
			r.product = name;

			assertThat(evaluate(r).facts().product()).isEqualTo(product);
		}

		@ParameterizedTest
		@CsvSource({ "MT (test), TEST", "Test environment (MT), TEST", "MT / Test, TEST", "PRODUCTION (live), PRODUCTION",
				"prod/live, PRODUCTION", "testiympäristö, TEST", "tuotantoympäristö, PRODUCTION",
				"produktionsmiljø, PRODUCTION", "produksjonsmiljøet, PRODUCTION" })
		void environmentFieldsAreReadByTheirWords(String field, Environment environment) {
			Request r = new Request();
			r.environment = field;

			assertThat(evaluate(r).facts().environment()).isEqualTo(environment);
		}

		@ParameterizedTest
		@ValueSource(strings = { "We went live yesterday and captures fail. We tried to test again, same result.",
				"Everything works in the test environment, but in production every capture fails." })
		void productionIsTheEnvironmentWithTheProblem(String text) {
			Request r = new Request();
			r.subject = "Capture fails with HTTP 400";
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).facts().environment()).isEqualTo(Environment.PRODUCTION);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Our MSN is 123456 2 days ago it worked.", "MSN 123456 15 orders failed." })
		void anMsnDoesNotSwallowTheNextNumber(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).facts().merchantSerialNumber()).isEqualTo("123456");
		}

		@ParameterizedTest
		@ValueSource(strings = { "The order acme-2026-11-30-0001 failed.", "The charge with due date 2026-12-01 failed." })
		void datesInIdentifiersAndDueDatesAreNoFutureProblemDates(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(item(r, ChecklistItem.DATES).state()).isEqualTo(ItemState.MISSING);
		}

		@ParameterizedTest
		@ValueSource(strings = { "20.11.2026 14:30", "2026/11/20", "Nov 20, 2026", "20.11.26" })
		void occurredOnIsReadAsPeopleWriteIt(String date) {
			Request r = new Request();
			r.dates = List.of(date);

			ItemResult result = item(r, ChecklistItem.DATES);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("2026-11-20");
		}

		@Test
		void danishMonthsAreRead() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Det startede 5. maj 2026.";

			assertThat(item(r, ChecklistItem.DATES).value()).isEqualTo("2026-05-05");
		}

		@Test
		void aYTunnusWrittenWithoutItsDashIsFinnish() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Y-tunnus 13669598.";

			ItemResult result = item(r, ChecklistItem.ORGANIZATION_NUMBER);

			assertThat(result.state()).isEqualTo(ItemState.OK);
			assertThat(result.value()).isEqualTo("1366959-8");
		}

		@Test
		void theNorwegianVatFormNeedsNoLabel() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Acme AS, NO 918 713 867 MVA.";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).value()).isEqualTo("918713867");
		}

		@Test
		void aLabelledNumberOfTheWrongLengthIsInvalid() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " orgnr 1234567850";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).state()).isEqualTo(ItemState.INVALID);
		}

		@ParameterizedTest
		@ValueSource(strings = { "20 12 34 56", "040 123 4567", "912 34 567 (mobil)" })
		void nordicPhoneFieldsAreCallable(String phone) {
			Request r = new Request();
			r.name = "Kari";
			r.phone = phone;

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void aPaymentNumberIsNotThePhone() {
			Request r = new Request();
			r.name = "Kari";
			r.description = GOOD_DESCRIPTION + " Payment 41234567 failed.";

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.INSUFFICIENT);
		}

		@Test
		void aPhoneNumberAfterItsLabelIsThePhone() {
			Request r = new Request();
			r.name = "Kari";
			r.description = GOOD_DESCRIPTION + " Phone no 48 12 34 56.";

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.OK);
		}

		@ParameterizedTest
		@ValueSource(strings = {
				"Når vi kaller capture på en reservert betaling får vi 400 med feilkode 6080. Det skjer for alle ordre siden 20.11.2026.",
				"Kun kutsumme capture-rajapintaa varatulle maksulle, saamme virheen 400 ja koodin 6080. Virhe toistuu kaikissa tilauksissa." })
		void shortButConcreteNordicDescriptionsAreEnough(String text) {
			Request r = new Request();
			r.description = text;

			assertThat(item(r, ChecklistItem.DESCRIPTION).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void agreementIdsAloneTellTheProduct() {
			Request r = new Request();
			r.subject = "Charge fails for some customers";
			r.description = "We charge agreement agr_5kSeqz every month and since Monday the charge is rejected for it "
					+ "and a few others, while new agreements work.";

			assertThat(evaluate(r).facts().product()).isEqualTo(Product.RECURRING);
		}

	}

	/**
	 * Cases a second independent review found wrong.
	 */
	@Nested
	class SecondReview {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Det skjer i testmiljø.|TEST", "Feilen skjer i testmiljø, ikke i produksjon.|TEST",
				"Environment: test|TEST", "Miljø: produksjon|PRODUCTION", "It works in MT but fails in prod.|PRODUCTION",
				"Vi har testet i testmiljøet og alt fungerte, men nå feiler det i produksjon.|PRODUCTION" })
		void environmentWordsAsNordicDevelopersWriteThem(String text, Environment environment) {
			Request r = new Request();
			r.subject = "Capture fails with HTTP 400";
			r.description = GOOD_DESCRIPTION + "\n" + text + "\n";

			assertThat(evaluate(r).facts().environment()).isEqualTo(environment);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Merchant Serial Number (MSN): 123456", "MSN-nummer: 123456" })
		void msnLabelsWithRemarks(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).facts().merchantSerialNumber()).isEqualTo("123456");
		}

		@ParameterizedTest
		@ValueSource(strings = { "MSN 123456", "123456 (test)" })
		void anMsnFieldWithWordsAroundIt(String field) {
			Request r = new Request();
			r.msn = field;

			assertThat(item(r, ChecklistItem.MERCHANT_SERIAL_NUMBER).value()).isEqualTo("123456");
		}

		@Test
		void finnishBusinessIdByItsFinnishName() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Yritystunnus 1366959-8.";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).value()).isEqualTo("1366959-8");
		}

		@Test
		void anOrganizationNumberFieldWithItsLabel() {
			Request r = new Request();
			r.org = "Org.nr. 918713867";

			assertThat(item(r, ChecklistItem.ORGANIZATION_NUMBER).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void aHarFileLargerThanAMegabyteIsRead() {
			String padding = "{\"name\":\"x\",\"value\":\"" + "a".repeat(1000) + "\"},";
			String har = "{\"log\": {\"entries\": [{\"request\": {\"method\": \"POST\", "
					+ "\"url\": \"https://apitest.vipps.no/epayment/v1/payments\", \"headers\": ["
					+ padding.repeat(1200) + "{\"name\":\"a\",\"value\":\"b\"}]}, \"response\": {\"status\": 400}}]}}";
			Request r = new Request();
			r.attachments.add(new ChecklistInput.Attachment("big.har", "application/json", har.length(), har));

			assertThat(har.length()).isGreaterThan(1_000_000);
			assertThat(item(r, ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.OK);
		}

		@Test
		void danishDatesWithDashes() {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " Siden 20-11-2026.";

			assertThat(item(r, ChecklistItem.DATES).value()).isEqualTo("2026-11-20");
		}

		@ParameterizedTest
		@ValueSource(strings = { "Mvh\nMette Hansen\nTlf. 20 12 34 56", "Terveisin\nMatti Virtanen\npuh. 040 123 4567" })
		void danishAndFinnishSignatures(String signature) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + "\n\n" + signature;

			assertThat(item(r, ChecklistItem.CONTACT).state()).isEqualTo(ItemState.OK);
		}

		@ParameterizedTest
		@CsvSource({ "Login with Vipps, LOGIN", "Vipps Logg inn, LOGIN", "Faste betalinger, RECURRING",
				"Vipps Netthandel, ECOM" })
		void productNamesInNorwegian(String name, Product product) {
			Request r = new Request();
			r.product = name;

			assertThat(evaluate(r).facts().product()).isEqualTo(product);
		}

		@Test
		void aHowToQuestionNeedsNoExchangeReferenceOrDate() {
			Request r = new Request();
			r.subject = "Which webhook events do we get for ePayment?";
			r.description = "We are building our integration with the ePayment API. How do we know which webhook events "
					+ "we get when a payment is captured or refunded, and can we subscribe to only some of them?";
			r.product = "ePayment API";

			Evaluation evaluation = evaluate(r);

			assertThat(evaluation.item(ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.NOT_APPLICABLE);
			assertThat(evaluation.item(ChecklistItem.ORDER_REFERENCES).state()).isEqualTo(ItemState.NOT_APPLICABLE);
			assertThat(evaluation.item(ChecklistItem.DATES).state()).isEqualTo(ItemState.NOT_APPLICABLE);
		}

		@Test
		void aQuestionAboutAFailureStillNeedsTheExchange() {
			Request r = new Request();
			r.subject = "Why does capture fail with 400?";

			assertThat(item(r, ChecklistItem.HTTP_EXCHANGE).state()).isEqualTo(ItemState.MISSING);
		}

		@ParameterizedTest
		@ValueSource(strings = { "We are having some issues with capture.", "Many errors since yesterday.",
				"We get the error 5 times a day." })
		void oneProblemSaidLooselyIsNotSeveral(String text) {
			Request r = new Request();
			r.description = GOOD_DESCRIPTION + " " + text;

			assertThat(evaluate(r).warnings()).extracting(Warning::code)
				.doesNotContain(Warning.MULTIPLE_PROBLEMS_SUSPECTED);
		}

	}

}
