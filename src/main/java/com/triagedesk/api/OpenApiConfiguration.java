package com.triagedesk.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): what the
 * API offers and how callers prove who they are.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI triageDeskApi() {
		return new OpenAPI()
			.info(new Info().title("Triage Desk API")
				.version("v1")
				.description("Developer-support requests checked against the 12-item checklist, issues with VSD keys, "
						+ "follow-ups, e-mail, webhooks. Errors are RFC 9457 problem details "
						+ "(type urn:triage-desk:problem:<name>)."))
			.components(new Components()
				.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API key (td_<prefix>_<secret>) with the scopes the operation needs."))
				.addSecuritySchemes("followUpToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("Follow-Up-Token")
					.description("The followUpToken from the answer to the request that created the issue.")));
	}

}
