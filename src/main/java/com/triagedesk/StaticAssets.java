package com.triagedesk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The address of a style or script with its content's hash in the name
 * ({@code /css/app-<md5>.css}), for the pages' {@code <head>}: {@code th:src="${@assets.url('/js/app.js')}"}
 * (not inside {@code @{…}}: Thymeleaf refuses bean references there).
 * Browsers keep such a file for a year ({@code spring.web.resources.cache}), and a release that
 * changes the file changes its address. Only these links are looked up: Spring's
 * {@code ResourceUrlEncodingFilter} would pass every link of a page through the resource lookup,
 * which cost most of a dashboard page's CPU time (see {@code PageLinksConfiguration}); the lookup's
 * answers are cached by the resource chain ({@code spring.web.resources.chain.cache}).
 */
@Component("assets")
public class StaticAssets {

	private final ResourceUrlProvider resources;

	private final String contextPath;

	StaticAssets(ResourceUrlProvider resources, @Value("${server.servlet.context-path:}") String contextPath) {
		this.resources = resources;
		this.contextPath = contextPath;
	}

	/**
	 * @param path the file's address without a hash, as under {@code static/} or {@code /webjars/}
	 * @return the address with the hash, or {@code path} itself when no static file answers to it,
	 *         under the servlet context path
	 */
	public String url(String path) {
		String versioned = resources.getForLookupPath(path);
		return contextPath + (versioned == null ? path : versioned);
	}

}
