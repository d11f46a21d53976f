package com.triagedesk.issues;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an issue stands, and where staff may move it from there.
 * <p>
 * {@code NEEDS_INFO → OPEN → PENDING → RESOLVED → CLOSED} is the usual way. Staff may also ask for
 * more (back to {@code NEEDS_INFO} or {@code PENDING}) and reopen a resolved issue; nothing is
 * closed without having been resolved first, so closing is never a way around answering; nothing
 * leaves {@code CLOSED}: a reply to it opens a follow-up issue instead.
 */
public enum IssueStatus {

	/** The checklist is not complete yet; the first-response clock waits. */
	NEEDS_INFO,
	/** Ready for staff; the first-response clock runs. */
	OPEN,
	/** Waiting on the reporter; the first-response clock waits. */
	PENDING,
	/** Answered; a reply from the reporter reopens it. */
	RESOLVED,
	/** Done for good. */
	CLOSED;

	/**
	 * The statuses staff may set from this one.
	 */
	public Set<IssueStatus> next() {
		return switch (this) {
			case NEEDS_INFO -> EnumSet.of(OPEN, PENDING, RESOLVED);
			case OPEN -> EnumSet.of(NEEDS_INFO, PENDING, RESOLVED);
			case PENDING -> EnumSet.of(NEEDS_INFO, OPEN, RESOLVED);
			case RESOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.noneOf(IssueStatus.class);
		};
	}

	public boolean canMoveTo(IssueStatus target) {
		return next().contains(target);
	}

	/**
	 * Whether staff owe the reporter a first response in this status.
	 */
	boolean clockRuns() {
		return this == OPEN;
	}

}
