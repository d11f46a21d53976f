package com.triagedesk.issues;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jsonb columns of the issues module, written and read with one mapper of our own so that the
 * stored shape does not depend on how the web layer configures Jackson.
 */
final class JsonColumns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonColumns() {
	}

	@Converter
	static final class FieldsConverter implements AttributeConverter<Map<String, String>, String> {

		private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
		};

		@Override
		public String convertToDatabaseColumn(Map<String, String> fields) {
			return JSON.writeValueAsString(fields == null ? Map.of() : fields);
		}

		@Override
		public Map<String, String> convertToEntityAttribute(String json) {
			return json == null ? new LinkedHashMap<>() : JSON.readValue(json, TYPE);
		}

	}

	@Converter
	static final class ChecklistConverter implements AttributeConverter<IssueDetails.Checklist, String> {

		@Override
		public String convertToDatabaseColumn(IssueDetails.Checklist checklist) {
			return checklist == null ? null : JSON.writeValueAsString(checklist);
		}

		@Override
		public IssueDetails.Checklist convertToEntityAttribute(String json) {
			return json == null ? null : JSON.readValue(json, IssueDetails.Checklist.class);
		}

	}

}
