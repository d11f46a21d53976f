package com.triagedesk.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is valid, complete and true: every operation has an id, a summary,
 * its security and examples; every example fits its schema; every documented scope is refused
 * without it; and it is the document the client in {@code docs/openapi.json} is generated from.
 */
class OpenApiDocumentIntegrationTest extends AppIntegrationTest {

	/**
	 * The committed copy: integration developers read it, and the build generates a client from it.
	 */
	static final Path COMMITTED = Path.of("docs/openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	@Autowired
	ApiKeys keys;

	JsonNode document;

	@BeforeEach
	void read() {
		TestHttp.Response served = http.get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		document = served.json();
	}

	@Test
	void theServedDocumentIsValidOpenApi31AndNamesTheEndpointsAndSchemes() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString(), null, options);

		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/requests", "/api/v1/requests/check",
				"/api/v1/issues", "/api/v1/issues/{key}", "/api/v1/issues/{key}/messages", "/api/v1/inbound-email",
				"/api/v1/webhooks", "/api/v1/redirects", "/api/v1/merchants", "/api/v1/merchants/import");
		assertThat(result.getOpenAPI().getPaths().keySet()).allMatch(path -> path.startsWith("/api/"));
		assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("apiKey", "followUpToken");
		assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void everyOperationHasAnIdASummaryATagItsSecurityAndExamples() {
		Set<String> ids = new HashSet<>();
		List<String> gaps = new ArrayList<>();
		operations().forEach(op -> {
			JsonNode operation = op.operation();
			String id = operation.path("operationId").asString("");
			if (!ids.add(id) || id.isBlank() || id.matches(".*_\\d+$")) {
				gaps.add(op + ": operationId '" + id + "' missing, generated or not unique");
			}
			if (operation.path("summary").asString("").isBlank()) {
				gaps.add(op + ": no summary");
			}
			if (operation.path("tags").isEmpty()) {
				gaps.add(op + ": no tag");
			}
			if (!id.equals("checkRequest") && operation.path("security").isEmpty()) {
				gaps.add(op + ": no security requirement");
			}
			JsonNode body = operation.path("requestBody").path("content");
			if (!body.isMissingNode() && body.values().iterator().next().path("examples").isEmpty()) {
				gaps.add(op + ": no example of the request body");
			}
			operation.path("responses").properties().forEach(response -> {
				boolean success = response.getKey().startsWith("2");
				response.getValue().path("content").properties().forEach(media -> {
					if (success && media.getValue().path("examples").isEmpty()) {
						gaps.add(op + ": no example of the " + response.getKey() + " answer");
					}
				});
			});
			for (String status : List.of("400", "429")) {
				if (operation.path("responses").path(status).isMissingNode()) {
					gaps.add(op + ": no " + status + " problem documented");
				}
			}
		});
		assertThat(gaps).isEmpty();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(27);
	}

	@Test
	void everyExampleFitsItsSchema() {
		List<String> errors = new ArrayList<>();
		operations().forEach(op -> {
			op.operation().path("requestBody").path("content").properties().forEach(media -> media.getValue()
				.path("examples")
				.properties()
				.forEach(example -> errors.addAll(SchemaCheck.errors(document, media.getValue().path("schema"),
						example.getValue().path("value"), op + " request " + media.getKey()))));
			op.operation().path("responses").properties().forEach(response -> response.getValue()
				.path("content")
				.properties()
				.forEach(media -> media.getValue()
					.path("examples")
					.properties()
					.forEach(example -> errors.addAll(SchemaCheck.errors(document, media.getValue().path("schema"),
							example.getValue().path("value"), op + " " + response.getKey())))));
		});
		assertThat(errors).isEmpty();
	}

	/**
	 * The generated client ({@code openapi-generator-maven-plugin}, see pom.xml) is built from
	 * the committed copy; this keeps the copy equal to what the app serves. After a deliberate
	 * change of the API, run the build once with {@code -Dtriage.openapi.update=true}.
	 */
	@Test
	void theCommittedDocumentIsTheServedOne() throws IOException {
		ObjectNode served = ((ObjectNode) document).deepCopy();
		served.remove("servers");
		String text = JSON.writeValueAsString(served) + "\n";
		if (Boolean.getBoolean("triage.openapi.update")) {
			Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(COMMITTED)).as("%s exists", COMMITTED).isTrue();
		assertThat(JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)))
			.as("%s differs from the served document: if the change is deliberate, run the build once with "
					+ "-Dtriage.openapi.update=true and commit the file", COMMITTED)
			.isEqualTo(served);
	}

	/**
	 * What the document says about security holds for every operation: without credentials 401,
	 * with a key that has every scope but the documented one 403 naming it, and (for reads) the
	 * documented scope alone is enough.
	 */
	@Test
	void everyOperationRefusesCallersWithoutTheScopeItDocuments() {
		String issueKey = http.postJson("/api/v1/requests", """
				{"subject": "Scope check", "description": "An issue for the scope checks of every operation.",
				 "reporter": {"email": "scope-check@acme-shop.no"}}""").json().get("issueKey").asString();
		List<String> wrong = new ArrayList<>();
		operations().forEach(op -> {
			JsonNode security = op.operation().path("security");
			if (security.isEmpty()) {
				return;
			}
			boolean anonymousAllowed = security.valueStream().anyMatch(JsonNode::isEmpty);
			String scopeValue = security.valueStream()
				.filter(requirement -> requirement.has("apiKey"))
				.map(requirement -> requirement.get("apiKey").get(0).asString())
				.findFirst()
				.orElseThrow();
			ApiScope scope = ApiScope.of(scopeValue).orElseThrow();

			if (!anonymousAllowed) {
				TestHttp.Response anonymous = call(op, issueKey, null);
				if (anonymous.status() != 401) {
					wrong.add(op + " without credentials: " + anonymous.status() + " " + anonymous.body());
				}
			}
			EnumSet<ApiScope> others = EnumSet.complementOf(EnumSet.of(scope));
			TestHttp.Response lacking = call(op, issueKey, keys.create("all but " + scopeValue, others, "test").key());
			if (lacking.status() != 403 || !lacking.json().path("requiredScope").asString("").equals(scopeValue)) {
				wrong.add(op + " without " + scopeValue + ": " + lacking.status() + " " + lacking.body());
			}
			if (op.method().equals("get")) {
				TestHttp.Response enough = call(op, issueKey, keys.create(scopeValue, Set.of(scope), "test").key());
				if (enough.status() == 401 || enough.status() == 403) {
					wrong.add(op + " with only " + scopeValue + ": " + enough.status() + " " + enough.body());
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	private TestHttp.Response call(Op op, String issueKey, String apiKey) {
		String path = op.path()
			.replace("{key}", issueKey)
			.replace("{id}", UUID.randomUUID().toString())
			.replace("{email}", "someone@acme-shop.no")
			.replace("{merchantSerialNumber}", "778899");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		JsonNode content = op.operation().path("requestBody").path("content");
		if (content.isMissingNode()) {
			request.method(op.method().toUpperCase(java.util.Locale.ROOT), HttpRequest.BodyPublishers.noBody());
		}
		else {
			Map.Entry<String, JsonNode> media = content.properties().iterator().next();
			JsonNode example = media.getValue().path("examples").properties().iterator().next().getValue().path("value");
			String body = example.isString() ? example.asString() : example.toString();
			request.header("Content-Type", media.getKey())
				.method(op.method().toUpperCase(java.util.Locale.ROOT), HttpRequest.BodyPublishers.ofString(body));
		}
		return http.send(request.build());
	}

	private List<Op> operations() {
		List<Op> operations = new ArrayList<>();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			if (METHODS.contains(method.getKey())) {
				operations.add(new Op(method.getKey(), path.getKey(), method.getValue()));
			}
		}));
		return operations;
	}

	record Op(String method, String path, JsonNode operation) {

		@Override
		public String toString() {
			return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
		}

	}

}
