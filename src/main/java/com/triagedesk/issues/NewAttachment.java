package com.triagedesk.issues;

import java.util.Objects;

/**
 * A file that came with a request: a screenshot, or a text file (HAR, log) already redacted.
 */
public record NewAttachment(String filename, String contentType, Kind kind, byte[] content) {

	public enum Kind {

		IMAGE, TEXT

	}

	public NewAttachment {
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(contentType, "contentType");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(content, "content");
	}

}
