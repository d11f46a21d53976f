package com.triagedesk.api;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.triagedesk.issues.IssueQueries;

/**
 * Security of {@code /api/**}: stateless, API keys as bearer tokens, no cookies and so no CSRF;
 * each controller checks the scope it needs and answers 401/403 problems.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties({ RateLimitProperties.class,
		WebhookProperties.class })
class ApiSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);


	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, JdbcClient jdbc, Clock clock,
			RateLimitProperties limits, javax.sql.DataSource dataSource, IssueQueries queries) throws Exception {
		RateLimitFilter rateLimit = new RateLimitFilter(limits, dataSource);
		ApiKeyFilter apiKeys = new ApiKeyFilter(keys, rateLimit);
		return http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
			// After the key is known: limits and idempotency keys belong to the caller.
			.addFilterAfter(rateLimit, ApiKeyFilter.class)
			// Before idempotency, which reads the body: large bodies and strangers' follow-ups are refused on the headers.
			.addFilterAfter(new LargeBodyGate(), RateLimitFilter.class)
			.addFilterAfter(new FollowUpTokenGate(queries), LargeBodyGate.class)
			.addFilterAfter(new IdempotencyFilter(jdbc, clock), FollowUpTokenGate.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

	/**
	 * {@code TRIAGE_BOOTSTRAP_API_KEY}: a key with every scope for automated deployments, created
	 * at start-up if it does not exist yet. Only its prefix is logged.
	 */
	@Bean
	ApplicationRunner bootstrapApiKey(ApiKeys keys, @Value("${triage.bootstrap-api-key:}") String key) {
		return args -> {
			if (key == null || key.isBlank()) {
				return;
			}
			keys.ensure(key.strip(), "bootstrap")
				.ifPresentOrElse(created -> log.info("Bootstrap API key td_{}… created with all scopes", created.prefix()),
						() -> log.info("Bootstrap API key already present"));
		};
	}

}
