package com.triagedesk.routing;

import com.triagedesk.checklist.Facts;

/**
 * What the router looks at: the reporter's words and topic, and what the checklist found.
 *
 * @param technical whether the request carries technical evidence (an HTTP exchange, source code,
 * error codes)
 */
public record RoutingInput(String subject, String description, String topic, String reporterEmail, Facts facts,
		boolean technical) {
}
