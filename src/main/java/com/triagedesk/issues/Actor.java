package com.triagedesk.issues;

import java.util.Objects;

/**
 * Who made a change and through which door, as the history records it.
 *
 * @param id an e-mail address for people, {@code staff:<name>}, {@code api-key:<prefix>} or
 * {@code system}
 */
public record Actor(String id, Channel channel) {

	public static final Actor SYSTEM = new Actor("system", Channel.SYSTEM);

	public Actor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		if (id.isBlank() || id.length() > 320) {
			throw new IllegalArgumentException("An actor needs a name of 1 to 320 characters");
		}
	}

	/**
	 * A support agent working in the dashboard or through the API.
	 */
	public static Actor staff(String name, Channel channel) {
		return new Actor("staff:" + name, channel);
	}

	/**
	 * The reporter or a CC recipient, known by their address.
	 */
	public static Actor participant(String email, Channel channel) {
		return new Actor(email.strip(), channel);
	}

}
