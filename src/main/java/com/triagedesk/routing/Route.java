package com.triagedesk.routing;

import java.util.List;

/**
 * The router's decision.
 *
 * @param destination where the request goes; {@code INTEGRATION_SERVICES} makes an issue
 * @param confidence from 0 to 1
 * @param reasons why, in words a reporter and staff understand
 * @param suggested when not sure: where staff may want to send it (the issue is created anyway)
 * @param name the destination's name, and {@code link} and {@code instructions} what to do there
 * @param contact the company to contact (plugin maintainer, partner, PSP, POS vendor), when known
 */
public record Route(Destination destination, double confidence, List<String> reasons, Destination suggested,
		String name, String link, String instructions, Contact contact) {

	public Route {
		reasons = List.copyOf(reasons);
	}

	public boolean redirects() {
		return destination != Destination.INTEGRATION_SERVICES;
	}

	/**
	 * Who to turn to instead of developer support.
	 */
	public record Contact(String name, String channel, String link) {
	}

}
