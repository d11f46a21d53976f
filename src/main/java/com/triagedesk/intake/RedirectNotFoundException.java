package com.triagedesk.intake;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class RedirectNotFoundException extends ErrorResponseException {

	RedirectNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(UUID id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no redirected request " + id + ".");
		problem.setType(URI.create("urn:triage-desk:problem:redirect-not-found"));
		problem.setTitle("Redirect not found");
		return problem;
	}

}
