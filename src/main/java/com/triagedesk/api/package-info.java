/**
 * The integration API: API keys with scopes, issues for staff and integrations (list with filters,
 * read, update, reply, note, participants, split, merge), the merchant directory, the mail outbox
 * and intake log, idempotency, rate limits, webhooks and the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration API",
		allowedDependencies = { "issues", "mail", "secrets", "routing" })
package com.triagedesk.api;
