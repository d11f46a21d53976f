package com.triagedesk.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>}. A request without one goes on anonymously (public
 * intake, follow-ups with their token); a request with a wrong or revoked key stops here with a
 * 401 problem, so a typo in a key never silently downgrades an integration to anonymous.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final RateLimitFilter limits;

	ApiKeyFilter(ApiKeys keys, RateLimitFilter limits) {
		this.keys = keys;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			if (!limits.chargeFailedKey(request, response)) {
				return;
			}
			Problems.write(response, request, Problems.unauthorized(
					"Use Authorization: Bearer <API key>; other schemes are not accepted here."));
			return;
		}
		var key = keys.authenticate(header.substring(7).strip());
		if (key.isEmpty()) {
			if (!limits.chargeFailedKey(request, response)) {
				return;
			}
			Problems.write(response, request, Problems.unauthorized("The API key is unknown or revoked."));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(key.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
