package com.triagedesk.intake;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;

/**
 * The scope checks of intake's operations (reading redirects, turning one into an issue, and
 * requests sent with an API key); the same 401/403 problems as the rest of the API.
 */
final class StaffScope {

	static final String ISSUES_READ = "issues:read";

	static final String ISSUES_WRITE = "issues:write";

	static final String REQUESTS_WRITE = "requests:write";

	private StaffScope() {
	}

	/**
	 * Anonymous callers pass (the request form and curl users have no key); a caller who presents
	 * a key must have the scope, as keys are limited to what they were made for.
	 */
	static void requireIfKey(String scope) {
		if (isKey(SecurityContextHolder.getContext().getAuthentication())) {
			require(scope);
		}
	}

	private static boolean isKey(Authentication caller) {
		return caller != null && caller.getName() != null && caller.getName().startsWith("api-key:");
	}

	static Actor require(String scope) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (!isKey(caller)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"This needs an API key with the scope " + scope + ": Authorization: Bearer <key>.");
			problem.setType(URI.create("urn:triage-desk:problem:unauthorized"));
			problem.setTitle("Unauthorized");
			problem.setProperty("requiredScope", scope);
			ErrorResponseException refused = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
			refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"triage-desk\"");
			throw refused;
		}
		if (caller.getAuthorities().stream().noneMatch(a -> ("SCOPE_" + scope).equals(a.getAuthority()))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"This API key lacks the scope " + scope + ".");
			problem.setType(URI.create("urn:triage-desk:problem:missing-scope"));
			problem.setTitle("Missing scope");
			problem.setProperty("requiredScope", scope);
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
		}
		return new Actor(caller.getName(), Channel.API);
	}

}
