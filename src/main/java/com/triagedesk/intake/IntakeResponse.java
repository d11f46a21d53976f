package com.triagedesk.intake;

import java.util.List;

import com.triagedesk.issues.OpenedIssue;

/**
 * What a developer gets back from {@code POST /api/v1/requests}.
 */
record IntakeResponse(String outcome, String issueKey, String status, String followUpToken, Checklist checklist,
		Route route, List<Object> redactions, List<Object> warnings) {

	static IntakeResponse created(OpenedIssue issue) {
		return new IntakeResponse("ISSUE_CREATED", issue.key().value(), issue.status().name(), issue.followUpToken(),
				Checklist.NOT_EVALUATED, Route.DEFAULT, List.of(), List.of());
	}

	/**
	 * The checklist result. Until the checklist engine is built, requests are not evaluated and
	 * never reported complete: every issue starts in {@code NEEDS_INFO} and staff check it.
	 */
	record Checklist(boolean complete, boolean evaluated, String message, List<Object> items) {

		static final Checklist NOT_EVALUATED = new Checklist(false, false,
				"The 12-item checklist is not evaluated by this version; support staff will check the request.",
				List.of());

	}

	record Route(String destination, Double confidence, List<String> reasons) {

		static final Route DEFAULT = new Route("INTEGRATION_SERVICES", null,
				List.of("Routing is not evaluated by this version; every request goes to developer support."));

	}

}
