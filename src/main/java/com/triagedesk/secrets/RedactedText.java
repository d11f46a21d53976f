package com.triagedesk.secrets;

import java.util.List;

/**
 * A text with its secrets cut, and what was cut.
 */
public record RedactedText(String text, List<Redaction> redactions) {

	public RedactedText {
		redactions = List.copyOf(redactions);
	}

	public boolean changed() {
		return !redactions.isEmpty();
	}

}
