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
 * The staff operations of intake (turning a redirect into an issue) need an API key with
 * {@code issues:write}; the same 401/403 problems as the rest of the API.
 */
final class StaffScope {

	static final String ISSUES_WRITE = "issues:write";

	private StaffScope() {
	}

	static Actor require(String scope) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		boolean key = caller != null && caller.getName() != null && caller.getName().startsWith("api-key:");
		if (!key) {
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
