package com.triagedesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything outside {@code /api}: health and info for load balancers, nothing else yet (the staff
 * dashboard brings its own log-in). Spring Security's default headers apply everywhere.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	@Order(100)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

}
