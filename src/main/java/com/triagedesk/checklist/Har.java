package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the exchanges in a HAR file (the browser's "Save all as HAR"), as an attachment or pasted.
 */
final class Har {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_ENTRIES = 500;

	private Har() {
	}

	static boolean looksLikeHar(String text) {
		String start = text.substring(0, Math.min(text.length(), 2_000));
		return start.stripLeading().startsWith("{") && start.contains("\"log\"");
	}

	static HttpMessages.Found parse(String text, String location) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return HttpMessages.Found.NONE;
		}
		JsonNode entries = root.path("log").path("entries");
		if (!entries.isArray()) {
			return HttpMessages.Found.NONE;
		}
		List<HttpRequestInfo> requests = new ArrayList<>();
		List<HttpResponseInfo> responses = new ArrayList<>();
		int count = 0;
		for (JsonNode entry : entries) {
			if (count++ >= MAX_ENTRIES) {
				break;
			}
			JsonNode request = entry.path("request");
			String url = request.path("url").asString("");
			String method = request.path("method").asString("");
			if (!url.isEmpty() && !method.isEmpty()) {
				requests.add(HttpRequestInfo.of(method, url, headers(request.path("headers")),
						emptyToNull(request.path("postData").path("text").asString("")), "HAR", location, 0,
						text.length()));
			}
			JsonNode response = entry.path("response");
			int status = response.path("status").asInt(0);
			if (status >= 100 && status <= 599) {
				responses.add(new HttpResponseInfo(status, emptyToNull(response.path("statusText").asString("")),
						headers(response.path("headers")),
						emptyToNull(response.path("content").path("text").asString("")), "HAR", location, 0,
						text.length()));
			}
		}
		return new HttpMessages.Found(List.copyOf(requests), List.copyOf(responses));
	}

	private static Map<String, String> headers(JsonNode headers) {
		Map<String, String> result = new LinkedHashMap<>();
		if (headers.isArray()) {
			for (JsonNode header : headers) {
				String name = header.path("name").asString("");
				if (!name.isEmpty()) {
					result.putIfAbsent(name.toLowerCase(Locale.ROOT), header.path("value").asString(""));
				}
			}
		}
		return result;
	}

	private static String emptyToNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}

}
