package com.triagedesk.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.triagedesk.ProblemTypes;

/**
 * A cursor this service did not hand out (or mangled on the way): 400, start again without it.
 */
class InvalidCursorException extends ErrorResponseException {

	InvalidCursorException() {
		super(HttpStatus.BAD_REQUEST, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The cursor is not one this service handed out; start again without it.");
		problem.setType(ProblemTypes.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		return problem;
	}

}
