package com.triagedesk.issues;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change asked for with unusable input (an empty message). Answered as a 400 problem.
 */
public class IssueInputException extends ErrorResponseException {

	public static final URI TYPE = URI.create("urn:triage-desk:problem:invalid-request");

	IssueInputException(String detail) {
		super(HttpStatus.BAD_REQUEST, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(TYPE);
		problem.setTitle("Invalid request");
		return problem;
	}

}
