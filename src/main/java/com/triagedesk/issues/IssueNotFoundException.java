package com.triagedesk.issues;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No issue has this key. Answered as a 404 problem.
 */
public class IssueNotFoundException extends ErrorResponseException {

	public static final URI TYPE = URI.create("urn:triage-desk:problem:issue-not-found");

	public IssueNotFoundException(String key) {
		super(HttpStatus.NOT_FOUND, problem(key), null);
	}

	private static ProblemDetail problem(String key) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no issue with the key '" + printable(key) + "'.");
		problem.setType(TYPE);
		problem.setTitle("Issue not found");
		return problem;
	}

	// The key comes from the URL: keep it short and free of control and bidi characters when echoing it.
	private static String printable(String key) {
		String cut = key.length() > 40 ? key.substring(0, 40) + "…" : key;
		StringBuilder out = new StringBuilder(cut.length());
		cut.codePoints().forEach(c -> out.appendCodePoint(Character.getType(c) == Character.CONTROL
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE ? '?' : c));
		return out.toString();
	}

}
