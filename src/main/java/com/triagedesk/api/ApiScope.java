package com.triagedesk.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do. Each is checked as the authority {@code SCOPE_<value>}.
 */
public enum ApiScope {

	REQUESTS_WRITE("requests:write"), ISSUES_READ("issues:read"), ISSUES_WRITE("issues:write"),
	MAIL_INGEST("mail:ingest"), WEBHOOKS_MANAGE("webhooks:manage");

	private final String value;

	ApiScope(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public String authority() {
		return "SCOPE_" + value;
	}

	public static Optional<ApiScope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

}
