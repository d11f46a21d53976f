package com.triagedesk.intake;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.issues.Access;

/**
 * Follow-ups without e-mail: the reporter adds what the checklist asked for, proving who they are
 * with the {@code followUpToken} they received when the issue was created.
 */
@RestController
@Tag(name = "Issues")
class FollowUpController {

	static final String TOKEN_HEADER = "Follow-Up-Token";

	private final Intake intake;

	FollowUpController(Intake intake) {
		this.intake = intake;
	}

	@Operation(operationId = "addFollowUp", summary = "Add what was missing to an issue",
			description = "New information from the reporter (text and any request field, or files as multipart/form-data). "
					+ "The checklist is evaluated again over everything received; a NEEDS_INFO issue that is now complete "
					+ "becomes OPEN. A follow-up to a CLOSED issue opens a new issue linked to it.",
			security = { @SecurityRequirement(name = "followUpToken"),
					@SecurityRequirement(name = "apiKey", scopes = "issues:write") },
			responses = @ApiResponse(responseCode = "201", description = "Added; the answer has the new status and checklist",
					useReturnTypeSchema = true))
	@PostMapping(path = "/api/v1/issues/{key}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<FollowUpResponse> followUp(@PathVariable String key,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@Valid @RequestBody FollowUpRequest request) {
		if (!request.hasContent()) {
			throw new EmptyFollowUpException();
		}
		return created(intake.followUp(key, access(token), request, List.of()));
	}

	/**
	 * The same as a {@code request} part (application/json) with {@code files} parts; files alone
	 * are a follow-up too (the screenshot that was missing).
	 */
	@Operation(operationId = "addFollowUp",
			security = { @SecurityRequirement(name = "followUpToken"),
					@SecurityRequirement(name = "apiKey", scopes = "issues:write") },
			responses = @ApiResponse(responseCode = "201", description = "Added; the answer has the new status and checklist",
					useReturnTypeSchema = true))
	@PostMapping(path = "/api/v1/issues/{key}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<FollowUpResponse> followUpWithFiles(@PathVariable String key,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestPart(name = "request", required = false) @Valid FollowUpRequest request,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		FollowUpRequest given = request != null ? request : FollowUpRequest.empty();
		if (!given.hasContent() && (files == null || files.isEmpty())) {
			throw new EmptyFollowUpException();
		}
		return created(intake.followUp(key, access(token), given, files));
	}

	/**
	 * The reporter's token, or, without one, an API key with {@code issues:write} (an integration
	 * passing on what the reporter sent).
	 */
	private static Access access(String token) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (token == null && caller != null && caller.getName() != null && caller.getName().startsWith("api-key:")) {
			// A key without the scope gets the same 403 as everywhere else, not a token refusal.
			return new Access.Trusted(StaffScope.require(StaffScope.ISSUES_WRITE));
		}
		return new Access.FollowUpToken(token);
	}

	private static ResponseEntity<FollowUpResponse> created(FollowUpResponse response) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/issues/{key}")
			.buildAndExpand(response.issueKey())
			.toUri();
		return ResponseEntity.created(location).body(response);
	}

}
