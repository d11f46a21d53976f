package com.triagedesk.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.triagedesk.Rounds;

/**
 * Sends webhook deliveries, signed the Standard Webhooks way: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}, keyed with the subscription's secret. Any 2xx is delivered; anything else
 * (or no answer within the timeout) is retried with backoff.
 */
@Component
class WebhookWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	private final Rounds rounds = new Rounds();

	WebhookWorker(Webhooks webhooks, WebhookProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * One round: claims due deliveries and sends them.
	 *
	 * @return how many were delivered
	 */
	int runOnce() {
		int delivered = 0;
		List<Webhooks.Due> due = webhooks.claim(name, 20, properties.lease(), clock.instant());
		for (Webhooks.Due delivery : due) {
			delivered += send(delivery) ? 1 : 0;
		}
		return delivered;
	}

	private boolean send(Webhooks.Due delivery) {
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		String id = "msg_" + delivery.id();
		long started = System.nanoTime();
		try {
			if (!properties.allowPrivateAddresses()) {
				java.util.Optional<String> refused = WebhookTargets.refusal(URI.create(delivery.url()));
				if (refused.isPresent()) {
					// Not sent: the host now resolves to this machine or a private network.
					webhooks.failed(delivery, name, null, "Address not allowed", 0, clock.instant());
					return false;
				}
			}
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Triage-Desk-Webhooks/1")
				.header("webhook-id", id)
				.header("webhook-timestamp", timestamp)
				.header("webhook-signature", "v1," + sign(delivery.secret(), id + "." + timestamp + "." + delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (response.statusCode() / 100 == 2) {
				webhooks.delivered(delivery, name, response.statusCode(), millis, clock.instant());
				return true;
			}
			webhooks.failed(delivery, name, response.statusCode(), "HTTP " + response.statusCode(), millis,
					clock.instant());
		}
		catch (IOException | IllegalArgumentException ex) {
			webhooks.failed(delivery, name, null, ex.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000,
					clock.instant());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/**
	 * Base64 HMAC-SHA256 with the secret after its {@code whsec_} prefix as the key.
	 */
	static String sign(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	@Override
	public void start() {
		if (!properties.workerEnabled()) {
			return;
		}
		rounds.start("webhook-worker", properties.poll(), () -> {
			try {
				runOnce();
			}
			catch (RuntimeException ex) {
				log.warn("Webhook round failed: {}", ex.getClass().getName());
			}
		});
	}

	@Override
	public void stop() {
		rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return rounds.running();
	}

}
