package com.triagedesk.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.triagedesk.issues.IssueQueries;

/**
 * A follow-up ({@code POST /api/v1/issues/{key}/messages}) without an API key is checked against
 * its {@code Follow-Up-Token} on the headers, before anything (the idempotency filter or the JSON
 * and multipart parsers) reads a byte of the body: a stranger's upload costs nothing, and a
 * malformed body with a wrong token is a 401, not a 400 that tells them the format. The follow-up
 * itself checks the token again.
 */
final class FollowUpTokenGate extends OncePerRequestFilter {

	private static final String PREFIX = "/api/v1/issues/";

	private static final String SUFFIX = "/messages";

	private final IssueQueries queries;

	FollowUpTokenGate(IssueQueries queries) {
		this.queries = queries;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = "POST".equals(request.getMethod()) && Callers.current().isEmpty() ? followUpKey(request) : null;
		if (key != null) {
			try {
				queries.checkFollowUpToken(key, request.getHeader("Follow-Up-Token"));
			}
			catch (ErrorResponseException refused) {
				refused.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
				Problems.write(response, request, refused.getBody());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The issue key of a follow-up path, or null.
	 */
	private static String followUpKey(HttpServletRequest request) {
		String path = LargeBodyGate.path(request);
		if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
			return null;
		}
		String key = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
		return key.contains("/") ? null : key;
	}

}
