package com.triagedesk.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Posts of the web pages, per client address (bucket4j): log-in attempts, so passwords cannot be
 * sprayed and accounts not locked at will from one place; sent requests and follow-ups, which
 * send mail; and checklist checks, which run the evaluation. Over the limit: 429 with
 * {@code Retry-After}.
 */
final class WebRateLimitFilter extends OncePerRequestFilter {

	/** Beyond this many addresses the buckets start over, so a flood of addresses cannot fill memory. */
	private static final int MAX_ADDRESSES = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int logInsPerMinute;

	private final int sendsPerMinute;

	private final int checksPerMinute;

	WebRateLimitFilter(int logInsPerMinute, int sendsPerMinute, int checksPerMinute) {
		this.logInsPerMinute = logInsPerMinute;
		this.sendsPerMinute = sendsPerMinute;
		this.checksPerMinute = checksPerMinute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getServletPath();
		String kind;
		int limit;
		if (path.equals("/login")) {
			kind = "login";
			limit = logInsPerMinute;
		}
		else if (path.equals("/check")) {
			kind = "check";
			limit = checksPerMinute;
		}
		else if (path.equals("/requests") || path.startsWith("/requests/")) {
			kind = "send";
			limit = sendsPerMinute;
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		if (buckets.size() > MAX_ADDRESSES) {
			buckets.clear();
		}
		Bucket bucket = buckets.computeIfAbsent(kind + ":" + request.getRemoteAddr(), key -> Bucket.builder()
			.addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retry = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(retry));
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write("Too many attempts from your address; try again in " + retry + " seconds.");
	}

}
