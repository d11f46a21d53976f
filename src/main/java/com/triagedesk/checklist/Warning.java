package com.triagedesk.checklist;

/**
 * Something staff and the reporter should know that is not one item's state.
 */
public record Warning(String code, String message) {

	public static final String ENVIRONMENT_CONFLICT = "ENVIRONMENT_CONFLICT";

	public static final String MSN_CONFLICT = "MSN_CONFLICT";

	public static final String MULTIPLE_PROBLEMS_SUSPECTED = "MULTIPLE_PROBLEMS_SUSPECTED";

	public static final String SECRET_REDACTED = "SECRET_REDACTED";

	public static final String ROUTE_UNCERTAIN = "ROUTE_UNCERTAIN";

}
