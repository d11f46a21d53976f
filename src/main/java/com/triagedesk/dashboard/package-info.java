/**
 * The staff web interface under {@code /dashboard}: log-in, staff users, the queue, search and the issue page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
		allowedDependencies = { "issues", "routing", "mail", "api", "secrets" })
package com.triagedesk.dashboard;
