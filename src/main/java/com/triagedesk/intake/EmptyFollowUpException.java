package com.triagedesk.intake;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A follow-up with nothing in it. Answered as a 400 problem; nothing is added to the thread.
 */
class EmptyFollowUpException extends ErrorResponseException {

	static final URI TYPE = URI.create("urn:triage-desk:problem:invalid-request");

	EmptyFollowUpException() {
		super(HttpStatus.BAD_REQUEST, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The follow-up is empty: send text, at least one field (such as merchantSerialNumber) or a file.");
		problem.setType(TYPE);
		problem.setTitle("Invalid request");
		return problem;
	}

}
