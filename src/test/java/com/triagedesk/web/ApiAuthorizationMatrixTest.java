package com.triagedesk.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API operation the served OpenAPI document lists × every kind of caller: nobody, a logged-in
 * agent, a logged-in administrator (a dashboard session is no API credential), and a key with each
 * single scope. Only the scope the document names opens an operation; every other caller gets 401
 * or 403. Writes are not sent with their own scope (they would change data; the feature tests do that).
 */
class ApiAuthorizationMatrixTest extends AppIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	@Autowired
	ApiKeys keys;

	@Autowired
	StaffUsers staff;

	record Op(String method, String path, String scope, boolean anonymousAllowed) {
	}

	@Test
	void onlyTheDocumentedScopeOpensEachOperationAndNoSessionOrOtherScopeDoes() throws Exception {
		String issueKey = http.postJson("/api/v1/requests", """
				{"subject": "API matrix", "description": "An issue for the API authorization matrix.",
				 "reporter": {"email": "api-matrix@acme-shop.no"}}""").json().get("issueKey").asString();
		JsonNode document = JSON.readTree(http.get("/v3/api-docs").body());
		List<Op> operations = operations(document);
		Map<ApiScope, String> keyPerScope = new LinkedHashMap<>();
		for (ApiScope scope : ApiScope.values()) {
			keyPerScope.put(scope, keys.create("matrix " + scope.value(), EnumSet.of(scope), "test").key());
		}
		WebSession agent = new WebSession(http).logIn(newStaff(StaffUsers.Role.AGENT));
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));
		WebSession nobody = new WebSession(http);
		List<String> holes = new ArrayList<>();
		int cases = 0;

		for (Op op : operations) {
			for (Map.Entry<String, WebSession> caller : Map.of("anonymous", nobody, "agent", agent, "admin", admin).entrySet()) {
				if (op.anonymousAllowed() && !op.method().equals("get") && op.scope() != null) {
					// Anonymous intake would create an issue; RequestIntakeIntegrationTest covers it.
					continue;
				}
				HttpResponse<String> response = caller.getValue().send(request(op, issueKey, document, null));
				cases++;
				int status = response.statusCode();
				if (op.anonymousAllowed() ? (status == 401 || status == 403) : status != 401) {
					holes.add(caller.getKey() + " " + op + " -> " + status);
				}
			}
			for (Map.Entry<ApiScope, String> key : keyPerScope.entrySet()) {
				boolean documented = op.scope() == null || key.getKey().value().equals(op.scope());
				if (documented && !op.method().equals("get")) {
					continue;
				}
				HttpResponse<String> response = nobody.send(request(op, issueKey, document, key.getValue()));
				cases++;
				int status = response.statusCode();
				if (documented ? (status == 401 || status == 403) : status != 403) {
					holes.add(key.getKey().value() + " " + op + " -> " + status);
				}
			}
		}

		assertThat(operations).hasSizeGreaterThanOrEqualTo(27);
		assertThat(holes).isEmpty();
		System.out.printf("API authorization matrix: %d operations x (anonymous, agent, admin, %d single-scope keys) = %d cases, %d holes%n",
				operations.size(), keyPerScope.size(), cases, holes.size());
	}

	private static List<Op> operations(JsonNode document) {
		List<Op> operations = new ArrayList<>();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			if (!METHODS.contains(method.getKey())) {
				return;
			}
			JsonNode security = method.getValue().path("security");
			// No requirement at all (the public checklist check): open to everyone, with or without a key.
			String scope = security.valueStream()
				.filter(requirement -> requirement.has("apiKey"))
				.map(requirement -> requirement.get("apiKey").get(0).asString())
				.findFirst()
				.orElse(null);
			boolean anonymous = scope == null || security.valueStream().anyMatch(JsonNode::isEmpty);
			operations.add(new Op(method.getKey(), path.getKey(), scope, anonymous));
		}));
		return operations;
	}

	private HttpRequest request(Op op, String issueKey, JsonNode document, String apiKey) {
		String path = op.path()
			.replace("{key}", issueKey)
			.replace("{id}", UUID.randomUUID().toString())
			.replace("{email}", "someone@acme-shop.no")
			.replace("{merchantSerialNumber}", "778899");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		JsonNode content = document.path("paths").path(op.path()).path(op.method()).path("requestBody").path("content");
		String method = op.method().toUpperCase(Locale.ROOT);
		if (content.isMissingNode()) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			Map.Entry<String, JsonNode> media = content.properties().iterator().next();
			JsonNode example = media.getValue().path("examples").properties().iterator().next().getValue().path("value");
			String body = example.isString() ? example.asString() : example.toString();
			request.header("Content-Type", media.getKey()).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return request.build();
	}

	private String newStaff(StaffUsers.Role role) {
		String email = role.name().toLowerCase(Locale.ROOT) + ".api-matrix." + UUID.randomUUID().toString().substring(0, 6)
				+ "@provider.example";
		staff.create(email, "API matrix " + role, role, WebSession.PASSWORD);
		return email;
	}

}
