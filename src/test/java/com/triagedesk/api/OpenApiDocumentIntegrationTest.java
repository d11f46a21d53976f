package com.triagedesk.api;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is valid (swagger-parser finds nothing wrong) and describes the API.
 */
class OpenApiDocumentIntegrationTest extends AppIntegrationTest {

	@Test
	void theServedDocumentIsValidOpenApiAndNamesTheEndpointsAndSchemes() {
		TestHttp.Response document = http.get("/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);

		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.body(), null, options);

		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/requests", "/api/v1/requests/check",
				"/api/v1/issues", "/api/v1/issues/{key}", "/api/v1/issues/{key}/messages", "/api/v1/inbound-email",
				"/api/v1/webhooks");
		assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("apiKey", "followUpToken");
		assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}
