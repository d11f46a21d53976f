package com.triagedesk.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueNotFoundException;
import com.triagedesk.issues.IssueQueries;

/**
 * Issues for integrations and for developers who keep their key.
 */
@RestController
@RequestMapping("/api/v1/issues")
class IssueController {

	private final IssueQueries issues;

	IssueController(IssueQueries issues) {
		this.issues = issues;
	}

	@GetMapping(path = "/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	IssueDetails issue(@PathVariable String key) {
		return issues.find(key).orElseThrow(() -> new IssueNotFoundException(key));
	}

}
