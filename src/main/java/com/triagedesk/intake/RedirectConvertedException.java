package com.triagedesk.intake;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The redirect was turned into an issue already: 409, naming the issue.
 */
class RedirectConvertedException extends ErrorResponseException {

	RedirectConvertedException(UUID id, String issueKey) {
		super(HttpStatus.CONFLICT, problem(id, issueKey), null);
	}

	private static ProblemDetail problem(UUID id, String issueKey) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The redirected request " + id + " is already an issue"
						+ (issueKey == null ? "." : ": " + issueKey + "."));
		problem.setType(URI.create("urn:triage-desk:problem:redirect-already-converted"));
		problem.setTitle("Already an issue");
		if (issueKey != null) {
			problem.setProperty("issueKey", issueKey);
		}
		return problem;
	}

}
