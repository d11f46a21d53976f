package com.triagedesk.issues;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No follow-up token, or not the one this issue handed out. Answered as a 401 problem that does
 * not say which.
 */
public class FollowUpRefusedException extends ErrorResponseException {

	public static final URI TYPE = URI.create("urn:triage-desk:problem:follow-up-token-required");

	public FollowUpRefusedException(boolean tokenGiven) {
		super(HttpStatus.UNAUTHORIZED, problem(tokenGiven), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Follow-Up-Token realm=\"triage-desk\"");
	}

	private static ProblemDetail problem(boolean tokenGiven) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, tokenGiven
				? "The Follow-Up-Token does not belong to this issue. Use the followUpToken you received when you created it."
				: "Send the followUpToken you received when you created the issue in the Follow-Up-Token header.");
		problem.setType(TYPE);
		problem.setTitle("Follow-up token required");
		return problem;
	}

}
