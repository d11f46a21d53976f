package com.triagedesk.checklist;

import java.util.Map;

/**
 * An HTTP response found in what the developer sent.
 */
record HttpResponseInfo(int status, String reason, Map<String, String> headers, String body, String form,
		String location, int start, int end) {
}
