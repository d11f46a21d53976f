package com.triagedesk.api;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.triagedesk.issues.Actor;

/**
 * Who is calling, and whether they may: the scope checks of the API controllers.
 */
final class Callers {

	private Callers() {
	}

	static Optional<ApiKeyAuthentication> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof ApiKeyAuthentication key ? Optional.of(key) : Optional.empty();
	}

	/**
	 * The caller's actor, when their key has the scope; a 401 or 403 problem otherwise.
	 */
	static Actor require(ApiScope scope) {
		ApiKeyAuthentication key = current().orElseThrow(() -> new Problems.ScopeRequired(scope, false));
		if (!key.has(scope)) {
			throw new Problems.ScopeRequired(scope, true);
		}
		return key.actor();
	}

	static boolean has(ApiScope scope) {
		return current().map(key -> key.has(scope)).orElse(false);
	}

}
