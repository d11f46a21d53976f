package com.triagedesk.intake;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

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
class RequestController {

	private final Intake intake;

	RequestController(Intake intake) {
		this.intake = intake;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeResponse> submit(@Valid @RequestBody SupportRequest request,
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		return created(request, List.of(), prefer);
	}

	/**
	 * The same request as a {@code request} part (application/json) with screenshots, HAR files
	 * and logs as {@code files} parts.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeResponse> submitWithFiles(@Valid @RequestPart("request") SupportRequest request,
			@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		return created(request, files, prefer);
	}

	private ResponseEntity<IntakeResponse> created(SupportRequest request, List<MultipartFile> files, String prefer) {
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

	@PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	IntakeResponse check(@Valid @RequestBody SupportRequest request) {
		return intake.check(request, List.of());
	}

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
