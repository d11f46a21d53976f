/**
 * The front door for developers: {@code POST /api/v1/requests}. Validates the request, has it
 * redacted and evaluated, and hands it to the issues module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
		allowedDependencies = { "checklist", "secrets", "routing", "issues" })
package com.triagedesk.intake;
