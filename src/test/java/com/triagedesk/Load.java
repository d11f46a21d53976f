package com.triagedesk;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that send intake requests to one or more app instances until stopped, and remember every
 * answer: the status, the issue key of a 201, and the unique subject that finds the request in the
 * database whatever the answer was.
 */
final class Load {

	record Outcome(String subject, int instance, int status, String issueKey, String body) {

		@Override
		public String toString() {
			return subject + " @" + instance + " -> " + status + " " + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
		}

	}

	private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger sequence = new AtomicInteger();

	private final ExecutorService writers;

	private Load(List<TestHttp> instances, int writersPerInstance, String prefix) {
		writers = Executors.newFixedThreadPool(instances.size() * writersPerInstance);
		for (int i = 0; i < instances.size(); i++) {
			int instance = i;
			TestHttp http = instances.get(i);
			for (int w = 0; w < writersPerInstance; w++) {
				writers.submit(() -> {
					while (running.get()) {
						outcomes.add(submit(http, instance, prefix + "-" + sequence.incrementAndGet()));
					}
				});
			}
		}
	}

	static Load start(List<TestHttp> instances, int writersPerInstance, String prefix) {
		return new Load(instances, writersPerInstance, prefix);
	}

	int acknowledged() {
		return (int) outcomes.stream().filter(o -> o.status() == 201).count();
	}

	List<Outcome> stop() throws InterruptedException {
		running.set(false);
		writers.shutdown();
		if (!writers.awaitTermination(60, TimeUnit.SECONDS)) {
			throw new AssertionError("writers did not stop");
		}
		return List.copyOf(outcomes);
	}

	private static Outcome submit(TestHttp http, int instance, String subject) {
		try {
			// A reporter per request: the mail loop guard limits automatic mails per recipient.
			TestHttp.Response response = http.postJson("/api/v1/requests", """
					{"subject": "%s", "description": "Capture returns 500 since this morning.",
					 "reporter": {"email": "%s@acme-shop.no"}, "cc": ["cc-%s@acme-shop.no"]}""".formatted(subject, subject, subject));
			String key = response.status() == 201 ? response.json().get("issueKey").asString() : null;
			return new Outcome(subject, instance, response.status(), key, response.body());
		}
		catch (UncheckedIOException ex) {
			// The instance died under us: no answer, so the request may or may not have been stored.
			return new Outcome(subject, instance, -1, null, ex.getCause().getClass().getSimpleName());
		}
	}

}
