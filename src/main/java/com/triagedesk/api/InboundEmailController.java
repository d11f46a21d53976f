package com.triagedesk.api;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.triagedesk.mail.MailIntake;

/**
 * The second door for e-mail: a mail gateway (or a script) posts raw RFC 822 messages; the same
 * processor as the IMAP poller handles them. And the intake log of every inbound mail.
 */
@RestController
class InboundEmailController {

	private final MailIntake intake;

	InboundEmailController(MailIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/v1/inbound-email", consumes = "message/rfc822", produces = MediaType.APPLICATION_JSON_VALUE)
	MailIntake.Result ingest(@RequestBody byte[] raw) {
		Callers.require(ApiScope.MAIL_INGEST);
		return intake.ingest(raw, "API");
	}

	@GetMapping(path = "/api/v1/inbound-email", produces = MediaType.APPLICATION_JSON_VALUE)
	List<MailIntake.LogEntry> log(@RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) String issueKey, @RequestParam(defaultValue = "100") int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		return intake.log(outcome == null ? null : outcome.name(), issueKey, limit);
	}

	enum Outcome {

		NEW_ISSUE, APPENDED, REDIRECTED, DUPLICATE, QUARANTINED_LOOP, REJECTED_TOO_LARGE, FOLLOW_UP_OF_CLOSED, FAILED

	}

}
