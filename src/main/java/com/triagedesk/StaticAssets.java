package com.triagedesk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.google.re2j.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The address of a style or script with its content's hash in the name ({@code /css/app-<md5>.css}),
 * for the pages' links to them:
 * {@code th:with="url=${@assets.url('/js/app.js')}" th:src="@{${url}}"} (Thymeleaf refuses a bean
 * reference inside {@code th:src} or {@code th:href} themselves; {@code @{…}} adds the context path).
 * Browsers and proxies keep a hashed file for a year ({@code spring.web.resources.cache}), and a
 * release that changes the file changes its address. Only these links are looked up: Spring's
 * {@code ResourceUrlEncodingFilter} would pass every link of a page through the resource lookup,
 * which cost most of a dashboard page's CPU time (see {@code PageLinksConfiguration}); the lookup's
 * answers are cached by the resource chain ({@code spring.web.resources.chain.cache}).
 */
@Component("assets")
public class StaticAssets {

	private final ResourceUrlProvider resources;

	StaticAssets(ResourceUrlProvider resources) {
		this.resources = resources;
	}

	/**
	 * @param path the file's address without a hash, as under {@code static/} or {@code /webjars/}
	 * @return the address with the hash, or {@code path} itself when no static file answers to it
	 */
	public String url(String path) {
		String versioned = resources.getForLookupPath(path);
		return versioned == null ? path : versioned;
	}

	/**
	 * A style or script asked for by its address without the hash (an old bookmark, a hand-written
	 * link) is answered with {@code no-cache} instead of the year: that address keeps its name when
	 * the file changes, so a browser must ask again each time (a 304 when nothing changed).
	 */
	@Component
	static class UnhashedAssetsRevalidate extends OncePerRequestFilter {

		// RE2J, as for all user text here: the path is the client's.
		private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getServletPath();
			boolean asset = path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
			return !asset || HASHED.matcher(path).find();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void setHeader(String name, String value) {
					super.setHeader(name, revalidated(name, value));
				}

				@Override
				public void addHeader(String name, String value) {
					super.addHeader(name, revalidated(name, value));
				}

			});
		}

		private static String revalidated(String name, String value) {
			return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? "no-cache" : value;
		}

	}

}
