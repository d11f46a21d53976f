/**
 * The staff web interface under {@code /dashboard}: log-in, staff users, the queue, search and the issue page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
		allowedDependencies = { "issues", "routing", "mail", "api", "secrets", "intake" })
package com.triagedesk.dashboard;
