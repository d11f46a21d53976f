package com.triagedesk.intake;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.OpenedIssue;

/**
 * Developers' front door: a support request in, an issue key out.
 */
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

	private final IssueManagement issues;

	RequestController(IssueManagement issues) {
		this.issues = issues;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeResponse> submit(@Valid @RequestBody SupportRequest request) {
		OpenedIssue issue = issues.open(request.toNewIssue(false));
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/issues/{key}")
			.buildAndExpand(issue.key().value())
			.toUri();
		return ResponseEntity.created(location).body(IntakeResponse.created(issue));
	}

}
