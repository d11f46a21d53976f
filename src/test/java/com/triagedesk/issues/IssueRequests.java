package com.triagedesk.issues;

import java.time.LocalDate;
import java.util.List;

import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;

/**
 * Requests for issue tests, evaluated by the real checklist: one complete, one that lacks only
 * the merchant serial number.
 */
final class IssueRequests {

	static final String SUBJECT = "POST /epayment/v1/payments gives HTTP 400 (4040 Invalid amount)";

	static final String DESCRIPTION = """
			1. We call POST /epayment/v1/payments from our checkout with the body below.
			2. The call returns HTTP 400 with error code 4040 (Invalid amount).
			3. We retried with a new reference and got the same result.
			Expected: a payment is created. Actual: 400 every time since 08:15.""";

	static final String HTTP_REQUEST = """
			POST /epayment/v1/payments HTTP/1.1
			Host: apitest.vipps.no
			Content-Type: application/json

			{"amount":{"currency":"NOK","value":49900},"paymentMethod":{"type":"WALLET"},"reference":"acme-shop-123-order123abc","userFlow":"WEB_REDIRECT"}""";

	static final String HTTP_RESPONSE = """
			HTTP/1.1 400 Bad Request
			Content-Type: application/problem+json

			{"title":"Bad Request","detail":"Invalid amount","status":400}""";

	private IssueRequests() {
	}

	/**
	 * @param yesterday when the problem happened: the day before the test clock's today, so the
	 * date item is neither missing nor in the future
	 */
	static NewIssue complete(ChecklistEvaluator evaluator, LocalDate yesterday, List<String> cc) {
		return request(evaluator, "123456", yesterday, cc);
	}

	static NewIssue withoutMsn(ChecklistEvaluator evaluator, LocalDate yesterday, List<String> cc) {
		return request(evaluator, null, yesterday, cc);
	}

	private static NewIssue request(ChecklistEvaluator evaluator, String msn, LocalDate yesterday, List<String> cc) {
		Submission submission = new Submission("123456785", msn, "ePayment API", "TEST", "acme-shop-123-order123abc",
				null, null, List.of(yesterday.toString()), HTTP_REQUEST, HTTP_RESPONSE, null, "We upgraded last week.");
		ChecklistInput input = new ChecklistInput(SUBJECT, DESCRIPTION, "Kari Nordmann", "kari@acme-shop.no",
				"+47 912 34 567", submission.organizationNumber(), msn, submission.product(), submission.environment(),
				submission.orderId(), null, null, submission.occurredOn(), HTTP_REQUEST, HTTP_RESPONSE,
				submission.additionalInfo(), List.of());
		return new NewIssue(SUBJECT, DESCRIPTION, new NewIssue.Contact("Kari Nordmann", "kari@acme-shop.no",
				"+47 912 34 567"), cc, submission, List.of(), evaluator.evaluate(input), Channel.API);
	}

	static NewMessage reply(String text) {
		return new NewMessage(null, null, Channel.API, text, null, null, null, List.of(), List.of());
	}

	static NewMessage msn(String msn) {
		return new NewMessage(null, null, Channel.API, "Our MSN is " + msn + ".",
				new Submission(null, msn, null, null, null, null, null, List.of(), null, null, null, null), null, null,
				List.of(), List.of());
	}

}
