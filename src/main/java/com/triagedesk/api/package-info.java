/**
 * The integration API: API keys with scopes, issues for staff and integrations (read, update,
 * reply, note, participants, split, merge) and the mail outbox. Still to come: lists with filters,
 * idempotency, rate limits, webhooks and the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration API",
		allowedDependencies = { "issues", "mail", "secrets" })
package com.triagedesk.api;
