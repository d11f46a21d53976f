package com.triagedesk.intake;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Developers' front door: a support request in, an issue key and the checklist out.
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "Support requests checked against the 12-item checklist")
class RequestController {

	private final Intake intake;

	RequestController(Intake intake) {
		this.intake = intake;
	}

	@Operation(operationId = "submitRequest", summary = "Send a support request",
			description = "Checks the request against the 12-item checklist, redacts secrets, and either opens an issue "
					+ "(201, with its VSD key and follow-up token) or says where the question belongs instead (200, "
					+ "outcome REDIRECTED). With Prefer: handling=strict an incomplete request is refused (422) instead. "
					+ "Also accepts multipart/form-data with the JSON as the request part and files as files parts. "
					+ "No key needed; a key, when sent, needs requests:write.",
			security = @SecurityRequirement(name = "apiKey", scopes = "requests:write"),
			responses = { @ApiResponse(responseCode = "201", description = "An issue was opened", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "200", description = "Redirected: the answer says where to go", useReturnTypeSchema = true) })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeResponse> submit(@Valid @RequestBody SupportRequest request,
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		return created(request, List.of(), prefer);
	}

	/**
	 * The same request as a {@code request} part (application/json) with screenshots, HAR files
	 * and logs as {@code files} parts.
	 */
	@Operation(operationId = "submitRequest", security = @SecurityRequirement(name = "apiKey", scopes = "requests:write"),
			responses = { @ApiResponse(responseCode = "201", description = "An issue was opened", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "200", description = "Redirected: the answer says where to go", useReturnTypeSchema = true) })
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeResponse> submitWithFiles(@Valid @RequestPart("request") SupportRequest request,
			@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		return created(request, files, prefer);
	}

	private ResponseEntity<IntakeResponse> created(SupportRequest request, List<MultipartFile> files, String prefer) {
		StaffScope.requireIfKey(StaffScope.REQUESTS_WRITE);
		boolean strict = strict(prefer);
		IntakeResponse response = intake.submit(request, files, strict);
		if (response.redirected()) {
			return ResponseEntity.ok(response);
		}
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/issues/{key}")
			.buildAndExpand(response.issueKey())
			.toUri();
		ResponseEntity.BodyBuilder created = ResponseEntity.created(location);
		if (strict) {
			created.header("Preference-Applied", "handling=strict");
		}
		return created.body(response);
	}

	@Operation(operationId = "checkRequest", summary = "Check a request without sending it",
			description = "The same evaluation, routing and redaction as sending it, but nothing is stored: a lint for "
					+ "support requests. Any caller may use it.")
	@PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	IntakeResponse check(@Valid @RequestBody SupportRequest request) {
		return intake.check(request, List.of());
	}

	@Operation(operationId = "checkRequest")
	@PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	IntakeResponse checkWithFiles(@Valid @RequestPart("request") SupportRequest request,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		return intake.check(request, files);
	}

	/**
	 * RFC 7240: {@code Prefer: handling=strict}, possibly among other preferences.
	 */
	static boolean strict(String prefer) {
		if (prefer == null) {
			return false;
		}
		for (String preference : prefer.split(",")) {
			String token = preference.split(";")[0].strip().toLowerCase(Locale.ROOT).replace(" ", "");
			if (token.equals("handling=strict") || token.equals("handling=\"strict\"")) {
				return true;
			}
		}
		return false;
	}

}
