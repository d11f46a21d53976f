package com.triagedesk.issues;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change that the issue's current state does not allow. Answered as a 409 problem (412 for a
 * stale version); nothing was changed.
 */
public class IssueConflictException extends ErrorResponseException {

	public static final URI ILLEGAL_TRANSITION = URI.create("urn:triage-desk:problem:illegal-transition");

	public static final URI CONCURRENT_UPDATE = URI.create("urn:triage-desk:problem:concurrent-update");

	public static final URI STALE_VERSION = URI.create("urn:triage-desk:problem:stale-version");

	public static final URI OPERATION_REFUSED = URI.create("urn:triage-desk:problem:issue-operation-refused");

	private IssueConflictException(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
	}

	static IssueConflictException illegalTransition(IssueKey key, IssueStatus from, IssueStatus to) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION, "Status change not allowed",
				key + " is " + from + " and cannot move to " + to + "."
						+ (from == IssueStatus.CLOSED ? " A closed issue stays closed; a reply to it opens a follow-up issue."
								: " From " + from + " it can move to " + from.next() + "."));
		problem.setProperty("issueKey", key.value());
		problem.setProperty("from", from.name());
		problem.setProperty("to", to.name());
		problem.setProperty("allowed", from.next().stream().map(Enum::name).toList());
		return new IssueConflictException(HttpStatus.CONFLICT, problem);
	}

	/**
	 * Someone else changed the issue between our read and our write; the caller should reload.
	 */
	static IssueConflictException concurrentUpdate(String key) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, CONCURRENT_UPDATE, "Changed by someone else",
				key + " was changed by someone else at the same time. Reload it and try again.");
		problem.setProperty("issueKey", key);
		return new IssueConflictException(HttpStatus.CONFLICT, problem);
	}

	/**
	 * The caller worked on an older version than the stored one.
	 */
	static IssueConflictException staleVersion(IssueKey key, long expected, long actual) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, STALE_VERSION, "Stale version",
				"You changed version " + expected + " of " + key + ", but it is at version " + actual
						+ " now. Reload it, check what changed and try again.");
		problem.setProperty("issueKey", key.value());
		problem.setProperty("currentVersion", actual);
		return new IssueConflictException(HttpStatus.PRECONDITION_FAILED, problem);
	}

	static IssueConflictException refused(IssueKey key, String why) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, OPERATION_REFUSED, "Not possible for this issue", why);
		problem.setProperty("issueKey", key.value());
		return new IssueConflictException(HttpStatus.CONFLICT, problem);
	}

	static IssueConflictException refused(List<IssueKey> keys, String why) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, OPERATION_REFUSED, "Not possible for these issues", why);
		problem.setProperty("issueKeys", keys.stream().map(IssueKey::value).toList());
		return new IssueConflictException(HttpStatus.CONFLICT, problem);
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
