package com.triagedesk.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.PlainText;

/**
 * Webhook subscriptions (scope {@code webhooks:manage}): the secret is shown once, at creation.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Signed event deliveries to your URL")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Schema(name = "NewWebhookSubscription")
	record NewSubscription(@NotBlank @Size(max = 2000) @PlainText String url,
			@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 50) String> events,
			@Size(max = 200) @PlainText String description) {
	}

	@Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
			description = "The answer carries the signing secret, once.", security = @SecurityRequirement(name = "apiKey", scopes = "webhooks:manage"),
			responses = @ApiResponse(responseCode = "201", description = "Subscribed", useReturnTypeSchema = true))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Webhooks.Created> subscribe(@Valid @RequestBody NewSubscription subscription) {
		var actor = Callers.require(ApiScope.WEBHOOKS_MANAGE);
		Webhooks.Created created = webhooks.subscribe(subscription.url(), subscription.events(),
				subscription.description(), actor.id());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
		return ResponseEntity.created(location).body(created);
	}

	@Operation(operationId = "listWebhooks", summary = "List subscriptions", security = @SecurityRequirement(name = "apiKey", scopes = "webhooks:manage"))
	@GetMapping
	List<Webhooks.Subscription> list() {
		Callers.require(ApiScope.WEBHOOKS_MANAGE);
		return webhooks.list();
	}

	@Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription", security = @SecurityRequirement(name = "apiKey", scopes = "webhooks:manage"))
	@GetMapping("/{id}/deliveries")
	List<Webhooks.Delivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		Callers.require(ApiScope.WEBHOOKS_MANAGE);
		webhooks.find(id).orElseThrow(() -> notFound(id));
		return webhooks.deliveries(id, limit);
	}

	@Operation(operationId = "deleteWebhook", summary = "Unsubscribe", security = @SecurityRequirement(name = "apiKey", scopes = "webhooks:manage"),
			responses = @ApiResponse(responseCode = "204", description = "Unsubscribed; no more deliveries"))
	// 204 without a body: any Accept will do (clients ask for application/problem+json here).
	@DeleteMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
	ResponseEntity<Void> unsubscribe(@PathVariable UUID id) {
		Callers.require(ApiScope.WEBHOOKS_MANAGE);
		webhooks.find(id).orElseThrow(() -> notFound(id));
		webhooks.unsubscribe(id);
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException notFound(UUID id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no webhook " + id + ".");
		problem.setType(URI.create("urn:triage-desk:problem:not-found"));
		problem.setTitle("Not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
