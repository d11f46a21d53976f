/**
 * The 12-item checklist of a developer-support request: fact extraction from fields and free text,
 * HTTP exchange, curl and HAR parsing, identifier validators, and the evaluation of each item.
 * Pure Java: no Spring web, no database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checklist",
		allowedDependencies = {})
package com.triagedesk.checklist;
