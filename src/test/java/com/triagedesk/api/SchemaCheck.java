package com.triagedesk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of an OpenAPI document: the subset springdoc writes
 * ({@code $ref}, type, properties, required, additionalProperties, items, enum, formats
 * date-time, date and uuid, maxLength, maxItems). {@code null} passes for properties that are not
 * required, as the API writes absent values as null.
 */
final class SchemaCheck {

	private SchemaCheck() {
	}

	static List<String> errors(JsonNode document, JsonNode schema, JsonNode value, String at) {
		List<String> errors = new ArrayList<>();
		check(document, schema, value, at, errors);
		return errors;
	}

	private static void check(JsonNode document, JsonNode schema, JsonNode value, String at, List<String> errors) {
		schema = resolve(document, schema);
		if (value.isNull()) {
			return;
		}
		Set<String> types = types(schema);
		if (types.isEmpty() && schema.has("properties")) {
			types = Set.of("object");
		}
		if (!types.isEmpty() && types.stream().noneMatch(type -> fits(type, value))) {
			errors.add(at + ": " + value.getNodeType() + " where the schema says " + types);
			return;
		}
		if (schema.has("enum") && schema.get("enum").valueStream().noneMatch(value::equals)) {
			errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
		}
		if (value.isString()) {
			checkString(schema, value.asString(), at, errors);
		}
		if (value.isArray()) {
			if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
				errors.add(at + ": more than " + schema.get("maxItems") + " items");
			}
			for (int i = 0; i < value.size(); i++) {
				check(document, schema.path("items"), value.get(i), at + "[" + i + "]", errors);
			}
		}
		if (value.isObject()) {
			JsonNode properties = schema.path("properties");
			JsonNode additional = schema.path("additionalProperties");
			value.properties().forEach(property -> {
				String where = at + "." + property.getKey();
				if (properties.has(property.getKey())) {
					check(document, properties.get(property.getKey()), property.getValue(), where, errors);
				}
				else if (additional.isObject()) {
					check(document, additional, property.getValue(), where, errors);
				}
				else if (!additional.asBoolean(false)) {
					errors.add(where + ": not in the schema");
				}
			});
			schema.path("required").valueStream()
				.map(JsonNode::asString)
				.filter(name -> !value.has(name) || value.get(name).isNull())
				.forEach(name -> errors.add(at + "." + name + ": required but missing"));
		}
	}

	private static void checkString(JsonNode schema, String text, String at, List<String> errors) {
		if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
			errors.add(at + ": longer than " + schema.get("maxLength"));
		}
		String format = schema.path("format").asString("");
		try {
			switch (format) {
				case "date-time" -> Instant.parse(text);
				case "date" -> LocalDate.parse(text);
				case "uuid" -> UUID.fromString(text);
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			errors.add(at + ": '" + text + "' is not a " + format);
		}
	}

	private static boolean fits(String type, JsonNode value) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "null" -> value.isNull();
			default -> false;
		};
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new HashSet<>();
		JsonNode type = schema.path("type");
		if (type.isString()) {
			types.add(type.asString());
		}
		type.valueStream().forEach(t -> types.add(t.asString()));
		return types;
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		while (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			schema = document.at(ref.substring(1));
		}
		return schema;
	}

}
