package com.triagedesk.api;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;

/**
 * A request made with a valid API key; its scopes are its authorities.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final ApiKeys.Key key;

	ApiKeyAuthentication(ApiKeys.Key key) {
		super(key.scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
		this.key = key;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		// The secret is never kept past authentication.
		return null;
	}

	@Override
	public ApiKeys.Key getPrincipal() {
		return key;
	}

	@Override
	public String getName() {
		return "api-key:" + key.prefix();
	}

	/**
	 * How the history names changes made with this key.
	 */
	Actor actor() {
		return new Actor(getName(), Channel.API);
	}

	boolean has(ApiScope scope) {
		return key.scopes().contains(scope);
	}

	List<String> scopes() {
		return key.scopes().stream().map(ApiScope::value).sorted().toList();
	}

}
