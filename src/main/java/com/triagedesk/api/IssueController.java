package com.triagedesk.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueNotFoundException;
import com.triagedesk.issues.IssueQueries;

/**
 * Issues for the developers who reported them: keys are sequential, so reading one takes the
 * issue's follow-up token (integrations will use API keys).
 */
@RestController
@RequestMapping("/api/v1/issues")
class IssueController {

	private final IssueQueries issues;

	IssueController(IssueQueries issues) {
		this.issues = issues;
	}

	/**
	 * The issue as its reporter sees it; a merged issue's key gives the issue it was merged into,
	 * named in {@code Content-Location}.
	 */
	@GetMapping(path = "/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IssueDetails> issue(@PathVariable String key,
			@RequestHeader(name = "Follow-Up-Token", required = false) String token) {
		IssueDetails issue = issues.findForReporter(key, token).orElseThrow(() -> new IssueNotFoundException(key));
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (issue.requestedKey() != null) {
			ok.header(HttpHeaders.CONTENT_LOCATION, ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/v1/issues/{key}")
				.buildAndExpand(issue.key())
				.toUriString());
		}
		return ok.body(issue);
	}

}
