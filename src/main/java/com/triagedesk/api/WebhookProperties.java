package com.triagedesk.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code triage.webhooks.*}).
 *
 * @param maxAttempts attempts per delivery before it is marked {@code FAILED}
 * @param disableAfter consecutive failed attempts after which a subscription is switched off
 * @param allowHttpLocalhost accept {@code http://localhost} URLs (development and tests only; in
 * production every URL must be {@code https})
 * @param allowPrivateAddresses accept URLs whose host is this machine or a private network
 * (development and tests only)
 */
@ConfigurationProperties("triage.webhooks")
record WebhookProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("2s") Duration poll,
		@DefaultValue("2m") Duration lease, @DefaultValue("10s") Duration timeout,
		@DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("20") int disableAfter,
		@DefaultValue("false") boolean allowHttpLocalhost, @DefaultValue("false") boolean allowPrivateAddresses) {

	Duration backoff(int attempts) {
		Duration wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

}
