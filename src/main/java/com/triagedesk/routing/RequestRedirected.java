package com.triagedesk.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that records a request sent elsewhere instead of becoming an
 * issue, so the reporter (and their CCs) can be told where to go. Everything in it is redacted.
 *
 * @param text the request's description, to answer in the reporter's language
 */
public record RequestRedirected(UUID redirectId, String subject, String text, String reporterEmail,
		String reporterName, List<String> cc, Route route, Instant occurredAt) {

	public RequestRedirected {
		cc = cc == null ? List.of() : List.copyOf(cc);
	}

}
