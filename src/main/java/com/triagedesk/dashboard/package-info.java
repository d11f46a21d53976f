/**
 * The staff web interface under {@code /dashboard} and the public request page. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
		allowedDependencies = { "issues", "routing", "mail", "api" })
package com.triagedesk.dashboard;
