/**
 * The integration API for issues ({@code /api/v1/issues}); API keys, idempotency and webhooks
 * come with the integration API issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration API",
		allowedDependencies = "issues")
package com.triagedesk.api;
