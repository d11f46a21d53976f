package com.triagedesk.issues;

/**
 * Who counts as staff: support agents and integrations with API keys, as opposed to reporters,
 * their colleagues and the system.
 */
final class Actors {

	private Actors() {
	}

	static boolean isStaff(Actor actor) {
		return isStaff(actor.id());
	}

	static boolean isStaff(String actorId) {
		return actorId.startsWith("staff:") || actorId.startsWith("api-key:");
	}

}
