package com.triagedesk.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample requests straight through the evaluator (no HTTP, no redaction): each expected item
 * state, fact and warning.
 */
class ChecklistSamplesTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Clock NOV_24_2026 = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(NOV_24_2026);

	record Sample(String name, JsonNode request, JsonNode expect) {

		@Override
		public String toString() {
			return name;
		}

	}

	static List<Sample> samples() throws IOException {
		List<Sample> samples = new ArrayList<>();
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:samples/requests/*.json");
		for (Resource resource : Arrays.stream(resources).sorted((a, b) -> a.getFilename().compareTo(b.getFilename())).toList()) {
			JsonNode json = JSON.readTree(resource.getContentAsString(StandardCharsets.UTF_8));
			samples.add(new Sample(json.get("name").asString(), json.get("request"), json.get("expect")));
		}
		return samples;
	}

	static ChecklistInput input(JsonNode r) {
		List<String> occurredOn = new ArrayList<>();
		r.path("occurredOn").forEach(d -> occurredOn.add(d.asString()));
		return new ChecklistInput(text(r, "subject"), text(r, "description"), text(r.path("reporter"), "name"),
				text(r.path("reporter"), "email"), text(r.path("reporter"), "phone"), text(r, "organizationNumber"),
				text(r, "merchantSerialNumber"), text(r, "product"), text(r, "environment"), text(r, "orderId"),
				text(r, "transactionId"), text(r, "contextId"), occurredOn, text(r.path("httpExchange"), "request"),
				text(r.path("httpExchange"), "response"), text(r, "additionalInfo"), List.of());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void evaluatesEachSampleAsExpected(Sample sample) {
		Evaluation evaluation = evaluator.evaluate(input(sample.request()));

		if (sample.expect().has("complete")) {
			assertThat(evaluation.complete()).as("complete: " + evaluation.items())
				.isEqualTo(sample.expect().get("complete").asBoolean());
		}
		for (Map.Entry<String, JsonNode> item : sample.expect().path("items").properties()) {
			ItemResult actual = evaluation.item(ChecklistItem.valueOf(item.getKey()));
			assertThat(actual.state().name()).as(item.getKey() + " " + actual).isEqualTo(item.getValue().asString());
		}
		Map<String, Object> facts = Map.of("product", String.valueOf(evaluation.facts().product()), "environment",
				String.valueOf(evaluation.facts().environment()), "merchantSerialNumber",
				String.valueOf(evaluation.facts().merchantSerialNumber()), "organizationNumber",
				String.valueOf(evaluation.facts().organizationNumber()));
		for (Map.Entry<String, JsonNode> fact : sample.expect().path("facts").properties()) {
			assertThat(facts.get(fact.getKey())).as("fact " + fact.getKey()).isEqualTo(fact.getValue().asString());
		}
		for (JsonNode warning : sample.expect().path("warnings")) {
			assertThat(evaluation.warnings()).extracting(Warning::code).as("warnings").contains(warning.asString());
		}
		if (!sample.expect().has("warnings") && "INTEGRATION_SERVICES".equals(sample.expect().path("destination").asString(""))) {
			assertThat(evaluation.warnings()).extracting(Warning::code).as("no unexpected warnings")
				.doesNotContain(Warning.MULTIPLE_PROBLEMS_SUSPECTED, Warning.ENVIRONMENT_CONFLICT, Warning.MSN_CONFLICT);
		}
	}

}
