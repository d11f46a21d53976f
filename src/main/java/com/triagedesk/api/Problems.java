package com.triagedesk.api;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of API authentication and authorization.
 */
final class Problems {

	static final URI UNAUTHORIZED = URI.create("urn:triage-desk:problem:unauthorized");

	static final URI MISSING_SCOPE = URI.create("urn:triage-desk:problem:missing-scope");

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion
			.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
		.build();

	private Problems() {
	}

	static ProblemDetail unauthorized(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(UNAUTHORIZED);
		problem.setTitle("Unauthorized");
		return problem;
	}

	/**
	 * No key, or a key without the scope: 401 and 403 problems naming the scope needed.
	 */
	static final class ScopeRequired extends ErrorResponseException {

		ScopeRequired(ApiScope scope, boolean authenticated) {
			super(authenticated ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, problem(scope, authenticated), null);
			if (!authenticated) {
				getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"triage-desk\"");
			}
		}

		private static ProblemDetail problem(ApiScope scope, boolean authenticated) {
			if (!authenticated) {
				ProblemDetail problem = unauthorized(
						"This needs an API key with the scope " + scope.value() + ": Authorization: Bearer <key>.");
				problem.setProperty("requiredScope", scope.value());
				return problem;
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"This API key lacks the scope " + scope.value() + ".");
			problem.setType(MISSING_SCOPE);
			problem.setTitle("Missing scope");
			problem.setProperty("requiredScope", scope.value());
			return problem;
		}

	}

	static void write(HttpServletResponse response, HttpServletRequest request, ProblemDetail problem)
			throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value() && !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			// RFC 6750 3.1: no error code when the request carried no credentials at all.
			boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					presented ? "Bearer realm=\"triage-desk\", error=\"invalid_token\"" : "Bearer realm=\"triage-desk\"");
		}
		// Extension members sit beside type and title (RFC 9457 3.2), as Spring MVC writes them.
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", problem.getType());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", problem.getInstance());
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(body::putIfAbsent);
		}
		body.values().removeIf(java.util.Objects::isNull);
		JSON.writeValue(response.getOutputStream(), body);
	}

}
