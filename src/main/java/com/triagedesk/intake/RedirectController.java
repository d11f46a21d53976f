package com.triagedesk.intake;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.NextPage;
import com.triagedesk.PlainText;
import com.triagedesk.TimeBounds;
import com.triagedesk.routing.Destination;

/**
 * Requests that were sent elsewhere: staff and integrations read them ({@code issues:read}) and turn
 * a misrouted one into an issue ({@code issues:write}).
 */
@RestController
@RequestMapping(path = "/api/v1/redirects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Redirects", description = "Requests sent elsewhere (customer service, plugin vendor, partner …)")
class RedirectController {

	private final Intake intake;

	private final Redirects redirects;

	RedirectController(Intake intake, Redirects redirects) {
		this.intake = intake;
		this.redirects = redirects;
	}

	/**
	 * Redirects, newest first, with cursor paging ({@code nextCursor} and a {@code Link} header).
	 */
	@Operation(operationId = "listRedirects", summary = "List redirected requests", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping
	ResponseEntity<Redirects.Page> list(@RequestParam(required = false) Destination destination,
			@RequestParam(required = false) Instant since, @RequestParam(required = false) Boolean converted,
			@RequestParam(required = false) @PlainText @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		StaffScope.require(StaffScope.ISSUES_READ);
		Redirects.Page page = redirects.list(destination == null ? null : destination.name(),
				TimeBounds.check(since, "since"), converted, cursor,
				limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		String next = NextPage.link(page.nextCursor());
		if (next != null) {
			ok.header(HttpHeaders.LINK, next);
		}
		return ok.body(page);
	}

	@Operation(operationId = "getRedirect", summary = "Read a redirected request (redacted)", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping("/{id}")
	Redirects.View redirect(@PathVariable UUID id) {
		StaffScope.require(StaffScope.ISSUES_READ);
		return redirects.view(id).orElseThrow(() -> new RedirectNotFoundException(id));
	}

	@Operation(operationId = "convertRedirect", summary = "Turn a misrouted request into an issue", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "201", description = "The issue was opened", useReturnTypeSchema = true))
	@PostMapping("/{id}/issue")
	ResponseEntity<IntakeResponse> turnIntoIssue(@PathVariable UUID id) {
		StaffScope.require(StaffScope.ISSUES_WRITE);
		IntakeResponse response = intake.convert(id);
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/issues/{key}")
			.buildAndExpand(response.issueKey())
			.toUri();
		return ResponseEntity.created(location).body(response);
	}

}
