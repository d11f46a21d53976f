package com.triagedesk;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code Link: <…>; rel="next"} header of a list page: this request's address with the next
 * cursor. The query is taken as sent (already encoded), so {@code q=kaffe%20as} stays one search.
 */
public final class NextPage {

	private NextPage() {
	}

	/**
	 * The header value, or null when there is no next page (or the query cannot be reused as is).
	 */
	public static String link(String nextCursor) {
		if (nextCursor == null) {
			return null;
		}
		try {
			return "<" + ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", nextCursor)
				.build(true)
				.toUriString() + ">; rel=\"next\"";
		}
		catch (IllegalArgumentException ex) {
			// A query the builder does not accept as encoded: nextCursor in the body still works.
			return null;
		}
	}

}
