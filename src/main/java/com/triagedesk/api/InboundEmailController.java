package com.triagedesk.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "E-mail", description = "Inbound mail and the outbox")
class InboundEmailController {

	private final MailIntake intake;

	InboundEmailController(MailIntake intake) {
		this.intake = intake;
	}

	@Operation(operationId = "ingestEmail", summary = "Hand in a raw e-mail (RFC 822)",
			description = "Processed like mail from the support mailbox; the answer says what happened to it.",
			security = @SecurityRequirement(name = "apiKey", scopes = "mail:ingest"))
	@PostMapping(path = "/api/v1/inbound-email", consumes = "message/rfc822", produces = MediaType.APPLICATION_JSON_VALUE)
	MailIntake.Result ingest(@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			description = "The whole message as it arrived (headers and MIME parts), as is: not base64-encoded, not JSON",
			content = @Content(mediaType = "message/rfc822",
					schema = @Schema(type = "string"))) byte[] raw) {
		Callers.require(ApiScope.MAIL_INGEST);
		return intake.ingest(raw, "API");
	}

	@Operation(operationId = "listInboundEmail", summary = "The intake log of inbound mail", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping(path = "/api/v1/inbound-email", produces = MediaType.APPLICATION_JSON_VALUE)
	List<MailIntake.LogEntry> log(@RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) String issueKey, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		return intake.log(outcome == null ? null : outcome.name(), issueKey, limit);
	}

	enum Outcome {

		NEW_ISSUE, APPENDED, REDIRECTED, DUPLICATE, QUARANTINED_LOOP, REJECTED_TOO_LARGE, FOLLOW_UP_OF_CLOSED, FAILED

	}

}
