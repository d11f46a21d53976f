package com.triagedesk.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute under {@code /api} ({@code triage.rate-limit.*}).
 *
 * @param anonymousPerMinute per client address, for callers without an API key (public intake,
 * follow-ups with a token)
 * @param apiKeyPerMinute per API key
 * @param store {@code local} (one instance) or {@code postgres} (buckets shared by every instance)
 */
@ConfigurationProperties("triage.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60") long anonymousPerMinute,
		@DefaultValue("600") long apiKeyPerMinute, @DefaultValue("local") String store) {

	RateLimitProperties {
		if (anonymousPerMinute < 1 || apiKeyPerMinute < 1) {
			throw new IllegalArgumentException("triage.rate-limit limits must be at least 1 per minute");
		}
		if (!store.equals("local") && !store.equals("postgres")) {
			throw new IllegalArgumentException("triage.rate-limit.store is local or postgres, not " + store);
		}
	}

}
