package com.triagedesk.checklist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMessagesTest {

	@Test
	void readsARawRequestWithHeadersAndJsonBody() {
		HttpMessages.Found found = HttpMessages.scan("""
				POST /epayment/v1/payments HTTP/1.1
				Host: apitest.vipps.no
				Merchant-Serial-Number: 123456
				Content-Type: application/json

				{
				  "amount": {"currency": "NOK", "value": 49900},
				  "reference": "acme-shop-123-order123abc"
				}
				""", "httpExchange.request");

		assertThat(found.requests()).singleElement().satisfies(r -> {
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.path()).isEqualTo("/epayment/v1/payments");
			assertThat(r.host()).isEqualTo("apitest.vipps.no");
			assertThat(r.header("Merchant-Serial-Number")).isEqualTo("123456");
			assertThat(r.body()).contains("acme-shop-123-order123abc").endsWith("}");
		});
	}

	@Test
	void findsRequestAndResponsePastedIntoADescription() {
		HttpMessages.Found found = HttpMessages.scan("""
				Hi, here is what we send:

				Request:
				GET https://api.vipps.no/epayment/v1/payments/order-1234/events HTTP/1.1
				Accept: application/json

				Response:
				HTTP/1.1 404 Not Found
				Content-Type: application/problem+json

				{"title": "Not Found", "status": 404}

				Thanks!
				""", "description");

		assertThat(found.requests()).singleElement().satisfies(r -> {
			assertThat(r.host()).isEqualTo("api.vipps.no");
			assertThat(r.path()).isEqualTo("/epayment/v1/payments/order-1234/events");
		});
		assertThat(found.responses()).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(404);
			assertThat(r.body()).isEqualTo("{\"title\": \"Not Found\", \"status\": 404}");
		});
	}

	@Test
	void readsACurlCommandWithContinuationsAndQuotes() {
		HttpMessages.Found found = HttpMessages.scan("""
				$ curl -X POST 'https://apitest.vipps.no/recurring/v3/agreements' \\
				  -H "Content-Type: application/json" \\
				  -H 'Merchant-Serial-Number: 654321' \\
				  --data-raw '{"pricing": {"amount": 1000}}'
				""", "description");

		assertThat(found.requests()).singleElement().satisfies(r -> {
			assertThat(r.form()).isEqualTo("curl");
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.path()).isEqualTo("/recurring/v3/agreements");
			assertThat(r.header("merchant-serial-number")).isEqualTo("654321");
			assertThat(r.body()).isEqualTo("{\"pricing\": {\"amount\": 1000}}");
		});
	}

	@Test
	void curlWithDataAndNoMethodIsAPost() {
		HttpMessages.Found found = HttpMessages.scan("curl https://apitest.vipps.no/accesstoken/get -d 'a=b'", "d");

		assertThat(found.requests()).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
	}

	@Test
	void readsAWindowsCurlWithCaretContinuations() {
		HttpMessages.Found found = HttpMessages.scan("curl.exe -X GET ^\n \"https://api.vipps.no/qr/v1/merchant-redirect\" ^\n -H \"Accept: application/json\"", "d");

		assertThat(found.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/qr/v1/merchant-redirect"));
	}

	@Test
	void readsTheExchangesOfAHarFile() {
		HttpMessages.Found found = HttpMessages.scan("""
				{"log": {"version": "1.2", "entries": [{
				  "request": {"method": "POST", "url": "https://apitest.vipps.no/checkout/v3/session",
				              "headers": [{"name": "Merchant-Serial-Number", "value": "123456"}],
				              "postData": {"text": "{\\"reference\\": \\"order-98765\\"}"}},
				  "response": {"status": 400, "statusText": "Bad Request", "headers": [],
				               "content": {"text": "{\\"title\\": \\"Bad Request\\"}"}}
				}]}}
				""", "attachment session.har");

		assertThat(found.requests()).singleElement().satisfies(r -> {
			assertThat(r.form()).isEqualTo("HAR");
			assertThat(r.path()).isEqualTo("/checkout/v3/session");
			assertThat(r.header("merchant-serial-number")).isEqualTo("123456");
		});
		assertThat(found.responses()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(400));
	}

	@Test
	void proseThatMentionsAMethodIsNotARequest() {
		HttpMessages.Found found = HttpMessages.scan("We call POST /epayment/v1/payments from our checkout and get 400.",
				"description");

		assertThat(found.isEmpty()).isTrue();
	}

	@Test
	void aBrokenHarIsNotAnError() {
		assertThat(HttpMessages.scan("{\"log\": {\"entries\": [", "x").isEmpty()).isTrue();
	}

}
