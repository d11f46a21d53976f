package com.triagedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so deadlines in business hours can be checked to the second.
 */
public final class MutableClock extends Clock {

	public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	/**
	 * Sets the time as a wall-clock time in Oslo, as support staff would read it.
	 */
	public void setOslo(String localDateTime) {
		this.now = oslo(localDateTime);
	}

	public void advance(Duration duration) {
		this.now = now.plus(duration);
	}

	public static Instant oslo(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}

}
