package com.triagedesk.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.triagedesk.mail.MailOutbox;

/**
 * The mail outbox for staff and monitoring: what waits (no SMTP server, retries), what failed,
 * what the loop guard held back.
 */
@RestController
@Tag(name = "E-mail")
class OutboxController {

	private final MailOutbox outbox;

	OutboxController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Operation(operationId = "listOutbox", summary = "Outbound mail and its delivery state", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping(path = "/api/v1/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
	List<MailOutbox.Entry> outbox(@RequestParam(required = false) OutboxStatus status,
			@RequestParam(required = false) String issueKey, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		return outbox.list(status == null ? null : status.name(), issueKey, limit);
	}

	enum OutboxStatus {

		PENDING, SENT, FAILED, SUPPRESSED

	}

}
