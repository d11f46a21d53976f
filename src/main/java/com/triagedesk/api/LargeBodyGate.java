package com.triagedesk.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Raw e-mail and CSV files can be megabytes: a caller without the scope is refused on the
 * headers, before anything (the idempotency filter included) reads a byte of the body. The
 * controllers check the scope again, as they check every other one.
 */
final class LargeBodyGate extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ApiScope scope = "POST".equals(request.getMethod()) ? scopeFor(path(request)) : null;
		if (scope != null) {
			var caller = Callers.current();
			if (caller.isEmpty() || !caller.get().has(scope)) {
				Problems.write(response, request, new Problems.ScopeRequired(scope, caller.isPresent()).getBody());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static ApiScope scopeFor(String path) {
		return switch (path) {
			case "/api/v1/inbound-email" -> ApiScope.MAIL_INGEST;
			case "/api/v1/merchants/import" -> ApiScope.ISSUES_WRITE;
			default -> null;
		};
	}

	/**
	 * The decoded, normalized path ({@code inbound%2Demail} is {@code inbound-email}), as the
	 * dispatcher will match it; {@link FollowUpTokenGate} matches on it too.
	 */
	static String path(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
	}

}
