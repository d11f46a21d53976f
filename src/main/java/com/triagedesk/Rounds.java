package com.triagedesk;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job's rounds, one after the other on a virtual thread, for the outbox, IMAP and
 * webhook workers. Stopping interrupts a round in progress: every job here loses nothing by it
 * (claimed work is retried when its lease ends, unread mail stays unread), and shutting down fast
 * matters more, since the database may be going down too.
 */
public final class Rounds {

	private volatile ScheduledExecutorService scheduler;

	/**
	 * Runs {@code round} every {@code every}, the first time after one interval. The round must
	 * catch its own failures: the next round is the retry.
	 */
	public synchronized void start(String name, Duration every, Runnable round) {
		if (scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
		long millis = every.toMillis();
		executor.scheduleWithFixedDelay(round, millis, millis, TimeUnit.MILLISECONDS);
		scheduler = executor;
	}

	public synchronized void stop() {
		ScheduledExecutorService executor = scheduler;
		scheduler = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	public boolean running() {
		return scheduler != null;
	}

	/**
	 * Whether the rounds were started and are being stopped: a long round should end early.
	 */
	public boolean stopping() {
		ScheduledExecutorService executor = scheduler;
		return executor != null && executor.isShutdown();
	}

}
