package com.triagedesk.intake;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Staff turn a request that was sent elsewhere into an issue when it was misrouted (API key with
 * {@code issues:write}).
 */
@RestController
@RequestMapping("/api/v1/redirects")
class RedirectController {

	private final Intake intake;

	RedirectController(Intake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/{id}/issue", produces = MediaType.APPLICATION_JSON_VALUE)
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
