package com.triagedesk.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real-shaped sample request, with its expected evaluation and destination, through
 * {@code /check}; and through {@code /api/v1/requests} to prove no secret reaches the database or
 * the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleRequestsIntegrationTest extends AppIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static List<Sample> samples() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath:samples/requests/*.json");
		List<Sample> samples = new ArrayList<>();
		for (Resource resource : Arrays.stream(resources)
			.sorted((a, b) -> a.getFilename().compareTo(b.getFilename()))
			.toList()) {
			samples.add(new Sample(JSON.readTree(resource.getContentAsString(StandardCharsets.UTF_8))));
		}
		return samples;
	}

	record Sample(JsonNode json) {

		JsonNode request() {
			return json.get("request");
		}

		JsonNode expect() {
			return json.get("expect");
		}

		boolean forDeveloperSupport() {
			return "INTEGRATION_SERVICES".equals(expect().path("destination").asString(""));
		}

		@Override
		public String toString() {
			return json.get("name").asString();
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void checkGivesTheExpectedEvaluation(Sample sample) {
		TestHttp.Response response = http.postJson("/api/v1/requests/check", sample.request().toString());

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		JsonNode expect = sample.expect();
		if (expect.has("outcome")) {
			assertThat(body.get("outcome").asString()).as("outcome " + body.get("route"))
				.isEqualTo(expect.get("outcome").asString());
		}
		assertThat(body.get("route").get("destination").asString()).as("destination " + body.get("route"))
			.isEqualTo(expect.get("destination").asString());
		if (expect.has("complete")) {
			assertThat(body.get("checklist").get("complete").asBoolean()).as("complete")
				.isEqualTo(expect.get("complete").asBoolean());
		}
		for (Map.Entry<String, JsonNode> item : expect.path("items").properties()) {
			JsonNode actual = ChecklistJson.item(body, item.getKey());
			assertThat(actual.get("state").asString()).as(item.getKey() + " " + actual)
				.isEqualTo(item.getValue().asString());
		}
		for (Map.Entry<String, JsonNode> fact : expect.path("facts").properties()) {
			assertThat(body.get("facts").get(fact.getKey()).asString()).as("fact " + fact.getKey())
				.isEqualTo(fact.getValue().asString());
		}
		for (JsonNode warning : expect.path("warnings")) {
			assertThat(body.get("warnings").valueStream().map(w -> w.get("code").asString()))
				.as("warnings").contains(warning.asString());
		}
		for (JsonNode kind : expect.path("redactionKinds")) {
			assertThat(body.get("redactions").valueStream().map(r -> r.get("kind").asString()))
				.as("redaction kinds").contains(kind.asString());
		}
		for (JsonNode secret : expect.path("secretsAbsent")) {
			assertThat(response.body()).doesNotContain(secret.asString());
		}
		assertThat(body.get("issueKey").isNull()).as("check stores nothing").isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void noSecretReachesTheResponseTheDatabaseOrTheLog(Sample sample, CapturedOutput output) {
		TestHttp.Response response = http.postJson("/api/v1/requests", sample.request().toString());

		String stored;
		String read;
		if (sample.forDeveloperSupport()) {
			assertThat(response.status()).isEqualTo(201);
			String key = response.json().get("issueKey").asString();
			stored = jdbc.sql("select row_to_json(i)::text from issue i where issue_key = ?").param(key)
				.query(String.class).single()
					+ jdbc.sql("select coalesce(string_agg(row_to_json(p)::text, ','), '') from participant p "
							+ "join issue i on i.id = p.issue_id where i.issue_key = ?").param(key).query(String.class).single();
			stored += jdbc.sql("select coalesce(string_agg(row_to_json(m)::text, ','), '') from message m "
					+ "join issue i on i.id = m.issue_id where i.issue_key = ?").param(key).query(String.class).single()
					+ jdbc.sql("select coalesce(string_agg(row_to_json(e)::text, ','), '') from issue_event e "
							+ "join issue i on i.id = e.issue_id where i.issue_key = ?").param(key).query(String.class).single();
			read = http.get("/api/v1/issues/" + key, "Follow-Up-Token", response.json().get("followUpToken").asString())
				.body();
		}
		else {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("outcome").asString()).isEqualTo("REDIRECTED");
			stored = jdbc.sql("select row_to_json(r)::text from redirect r where id = ?::uuid")
				.param(response.json().get("redirectId").asString())
				.query(String.class)
				.single();
			read = "";
		}
		for (JsonNode secret : sample.expect().path("secretsAbsent")) {
			assertThat(response.body()).doesNotContain(secret.asString());
			assertThat(stored).doesNotContain(secret.asString());
			assertThat(read).doesNotContain(secret.asString());
			assertThat(output.getAll()).doesNotContain(secret.asString());
		}
	}

}
