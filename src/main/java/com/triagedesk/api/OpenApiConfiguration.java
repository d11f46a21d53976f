package com.triagedesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): what the
 * API offers, how callers prove who they are, the problems each operation can answer, and an
 * example of every request and answer ({@code openapi/examples.json}, kept true by a test that
 * checks each against its schema).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String EXAMPLES = "openapi/examples.json";

	private static final String PROBLEM = "#/components/schemas/Problem";

	@Bean
	OpenAPI triageDeskApi() {
		return new OpenAPI()
			.info(new Info().title("Triage Desk API")
				.version("v1")
				.description("""
						Developer-support requests checked against the 12-item checklist, issues with VSD keys, \
						follow-ups, e-mail, the merchant directory and webhooks.

						Authenticate with `Authorization: Bearer <API key>`; each operation names the scope it needs. \
						Errors are RFC 9457 problem details (`application/problem+json`, type \
						`urn:triage-desk:problem:<name>`). Every POST takes an `Idempotency-Key`: a retry within 24 \
						hours gets the first answer again. Every answer carries `RateLimit-Limit`, \
						`RateLimit-Remaining` and `RateLimit-Reset`; 429 carries `Retry-After`."""))
			.components(new Components()
				.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API key (td_<prefix>_<secret>) with the scopes the operation needs: "
							+ "requests:write, issues:read, issues:write, mail:ingest, webhooks:manage."))
				.addSecuritySchemes("followUpToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("Follow-Up-Token")
					.description("The followUpToken from the answer to the request that created the issue.")));
	}

	@Bean
	OpenApiCustomizer problemsAndExamples() {
		JsonNode examples = readExamples();
		return openApi -> {
			// Here, not on the OpenAPI bean: springdoc rebuilds the schemas from the code.
			openApi.getComponents().addSchemas("Problem", problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (method == PathItem.HttpMethod.POST) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(false)
					.description("Makes a retry safe: the same key with the same body within 24 hours gets the "
							+ "first answer again; with another body 422; while the first is still running 409.")
					.schema(new StringSchema().maxLength(255))
					.example("4f1c2b7e-5a55-4a0c-9a0e-2f0b1c9d8e7a"));
			}
			if ("submitRequest".equals(operation.getOperationId())) {
				// The key is optional: the request form and curl users send none.
				operation.addSecurityItem(new SecurityRequirement());
			}
			jsonFirst(operation);
			nameFormSchema(openApi, operation);
			addProblems(path, method, operation);
			addExamples(examples.path(operation.getOperationId()), operation);
			}));
		};
	}

	/**
	 * JSON before multipart: clients and importers (Postman) take the first media type as the
	 * default, and the JSON form is the one most callers use.
	 */
	private static void jsonFirst(Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		Content content = operation.getRequestBody().getContent();
		Content ordered = new Content();
		content.entrySet()
			.stream()
			.sorted(java.util.Comparator.comparing(entry -> entry.getKey().equals("multipart/form-data")))
			.forEach(entry -> ordered.addMediaType(entry.getKey(), entry.getValue()));
		operation.getRequestBody().setContent(ordered);
	}

	/**
	 * The multipart form (a JSON {@code request} part and {@code files}) as a named schema:
	 * generators make a model of it, which they do not for an inline one.
	 */
	private static void nameFormSchema(OpenAPI openApi, Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		MediaType form = operation.getRequestBody().getContent().get("multipart/form-data");
		if (form == null || form.getSchema() == null || form.getSchema().get$ref() != null) {
			return;
		}
		String id = operation.getOperationId();
		String name = Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Form";
		openApi.getComponents().addSchemas(name, form.getSchema());
		form.setSchema(new Schema<>().$ref("#/components/schemas/" + name));
	}

	private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean body = operation.getRequestBody() != null;
		boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
		problem(responses, "400", "Invalid input: the problem names the fields (errors[].field)");
		// An unknown or revoked key is refused everywhere, even where no key is needed.
		problem(responses, "401", secured ? "No, an unknown or a revoked API key (or follow-up token)"
				: "An unknown or revoked API key (none is needed here)");
		if (secured) {
			problem(responses, "403", "The API key lacks the scope this operation needs (requiredScope)");
		}
		if (path.contains("{") && method != PathItem.HttpMethod.PUT) {
			problem(responses, "404", "Not found");
		}
		if (method == PathItem.HttpMethod.POST) {
			problem(responses, "409", "A request with this Idempotency-Key is still running, or the change conflicts");
			problem(responses, "422", "The Idempotency-Key was used for a different request");
		}
		if (method == PathItem.HttpMethod.PATCH) {
			problem(responses, "409", "Another change won the race, or the status change is not allowed");
			problem(responses, "412", "If-Match names an older version: read the issue again");
			problem(responses, "428", "If-Match is missing");
		}
		if (body) {
			problem(responses, "413", "The body is larger than the limit");
			problem(responses, "415", "The body's media type is not accepted here");
		}
		responses.addApiResponse("429", problemResponse("Too many requests: wait the Retry-After seconds")
			.addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema())));
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, problemResponse(description));
		}
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(PROBLEM))));
	}

	/**
	 * Attaches the examples of one operation: {@code request} to the JSON or text body (the
	 * multipart form takes the same JSON as its {@code request} part), and
	 * {@code responses.<status>} to the JSON answer with that status.
	 */
	private static void addExamples(JsonNode examples, Operation operation) {
		if (examples.isMissingNode()) {
			return;
		}
		JsonNode request = examples.path("request");
		if (!request.isMissingNode() && operation.getRequestBody() != null) {
			operation.getRequestBody().getContent().forEach((type, media) -> {
				if (type.contains("json") || type.startsWith("text/") || type.equals("message/rfc822")) {
					media.setExamples(Map.of("example", example(request)));
				}
			});
		}
		examples.path("responses").properties().forEach(entry -> {
			ApiResponse response = operation.getResponses().get(entry.getKey());
			if (response != null && response.getContent() != null) {
				response.getContent().forEach((type, media) -> media.setExamples(Map.of("example", example(entry.getValue()))));
			}
		});
	}

	private static Example example(JsonNode value) {
		Object plain = value.isString() ? value.asString() : JsonMapper.builder().build().convertValue(value, Object.class);
		return new Example().value(plain);
	}

	private static JsonNode readExamples() {
		try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri").description("What went wrong, stable: switch on this")
			.example("urn:triage-desk:problem:invalid-request"));
		properties.put("title", new StringSchema().description("A short summary of the type").example("Invalid request"));
		properties.put("status", new IntegerSchema().description("The HTTP status").example(400));
		properties.put("detail", new StringSchema().description("What to do about it, in words")
			.example("The request has invalid fields: reporter.email."));
		properties.put("instance", new StringSchema().format("uri-reference").description("The request path")
			.example("/api/v1/requests"));
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details; some types add properties "
				+ "(errors, requiredScope, missing, issueKey …).")
			.properties(properties);
		problem.setAdditionalProperties(true);
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

}
