package com.triagedesk.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in the pages are written as they are. Spring Boot turns the resource chain on because
 * webjars-locator-lite is present (for the version-less {@code /webjars/…} addresses, which the
 * resource handler still resolves per request), and with it a filter that passes every {@code @{…}}
 * link of a page through the static-resource lookup, looking for a versioned file under each static
 * location of the class path: in the packaged jar that was most of a dashboard page's CPU time
 * (profiled under bench/load.sh). The few links to styles and scripts, versioned by their content,
 * are written by {@code StaticAssets} instead; the filter is registered here switched off, so
 * Spring Boot's own stays out.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		off.setEnabled(false);
		return off;
	}

}
