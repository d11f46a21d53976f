package com.triagedesk.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets (bucket4j) per API key and, for anonymous callers, per client address. Every
 * answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset};
 * an empty bucket answers 429 with {@code Retry-After}. With {@code store=postgres} the buckets
 * live in PostgreSQL, so the limit holds across all instances.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	/** Local buckets kept at most; the least recently used go first. */
	private static final int MAX_LOCAL = 100_000;

	private final RateLimitProperties properties;

	private final ProxyManager<String> shared;

	private final Map<String, Bucket> local = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_LOCAL;
		}

	});

	RateLimitFilter(RateLimitProperties properties, DataSource dataSource) {
		this.properties = properties;
		this.shared = properties.store().equals("postgres")
				? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_limit_bucket")
					.idColumn("id")
					.stateColumn("state")
					.build()
				: null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !properties.enabled();
	}

	/**
	 * A request with a wrong API key costs its client address a token like an anonymous request,
	 * so keys cannot be guessed faster than the anonymous limit.
	 *
	 * @return false when the address has none left (the caller answers 429)
	 */
	boolean chargeFailedKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!properties.enabled()) {
			return true;
		}
		long limit = properties.anonymousPerMinute();
		ConsumptionProbe probe = bucket("ip:" + request.getRemoteAddr(), () -> BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
			.build()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return true;
		}
		long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retry));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests with wrong API keys from this address; retry in " + retry + " s.");
		problem.setType(java.net.URI.create("urn:triage-desk:problem:rate-limited"));
		problem.setTitle("Too many requests");
		Problems.write(response, request, problem);
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var key = Callers.current();
		long limit = key.isPresent() ? properties.apiKeyPerMinute() : properties.anonymousPerMinute();
		String id = key.map(k -> "key:" + k.getPrincipal().prefix()).orElse("ip:" + request.getRemoteAddr());
		Supplier<BucketConfiguration> configuration = () -> BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
			.build();
		ConsumptionProbe probe = bucket(id, configuration).tryConsumeAndReturnRemaining(1);
		long resetSeconds = Math.max(1, (probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L);
		response.setHeader("RateLimit-Limit", Long.toString(limit));
		response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
		if (!probe.isConsumed()) {
			long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retry));
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"More than " + limit + " requests per minute" + (key.isPresent() ? " for this API key" : " from this address")
							+ "; retry in " + retry + " s.");
			problem.setType(java.net.URI.create("urn:triage-desk:problem:rate-limited"));
			problem.setTitle("Too many requests");
			Problems.write(response, request, problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket bucket(String id, Supplier<BucketConfiguration> configuration) {
		if (shared != null) {
			return shared.builder().build(id, configuration);
		}
		return local.computeIfAbsent(id, k -> Bucket.builder()
			.addLimit(configuration.get().getBandwidths()[0])
			.build());
	}

}
