package com.triagedesk.intake;

import tools.jackson.databind.JsonNode;

/**
 * Reading the checklist out of an intake response in tests.
 */
final class ChecklistJson {

	private ChecklistJson() {
	}

	static JsonNode item(JsonNode body, String key) {
		return body.get("checklist")
			.get("items")
			.valueStream()
			.filter(i -> i.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no checklist item " + key + " in " + body));
	}

	static String state(JsonNode body, String key) {
		return item(body, key).get("state").asString();
	}

}
