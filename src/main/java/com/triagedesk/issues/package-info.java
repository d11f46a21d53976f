/**
 * The issue aggregate: VSD keys, status, reporter and CC participants, the submitted request.
 * Writes go through {@link com.triagedesk.issues.IssueManagement}, reads through
 * {@link com.triagedesk.issues.IssueQueries}; other modules see records and events, never entities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issues",
		allowedDependencies = { "checklist", "routing" })
package com.triagedesk.issues;
