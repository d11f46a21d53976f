package com.triagedesk.issues;

/**
 * How a caller proves it may add to an issue.
 */
public sealed interface Access {

	/**
	 * The reporter, with the follow-up token the issue (or the issue it came from) handed out.
	 */
	record FollowUpToken(String token) implements Access {
	}

	/**
	 * A caller already authenticated elsewhere: the mail threading, an API key, staff.
	 */
	record Trusted(Actor actor) implements Access {
	}

	static Access token(String token) {
		return new FollowUpToken(token);
	}

}
