package com.triagedesk.issues;

import java.util.Set;

/**
 * Which messages move into a new issue, and what it is about.
 *
 * @param subject the new issue's subject; the original's when blank
 * @param description what the new issue is about; when blank, the first moved reporter message
 */
public record SplitRequest(String subject, String description, Set<Long> messageIds) {

	public SplitRequest {
		messageIds = messageIds == null ? Set.of() : Set.copyOf(messageIds);
	}

}
