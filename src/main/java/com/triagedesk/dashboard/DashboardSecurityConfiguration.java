package com.triagedesk.dashboard;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web pages: the staff dashboard behind a form log-in (roles AGENT and ADMIN, administration
 * for ADMIN only) and the public request pages. Sessions and CSRF tokens on every form (htmx sends
 * the token as a header), and headers that keep the pages from being framed, sniffed or fed
 * scripts from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DashboardSecurityConfiguration.class);

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
			+ "object-src 'none'";

	private final StaffUsers staffUsers;

	DashboardSecurityConfiguration(StaffUsers staffUsers) {
		this.staffUsers = staffUsers;
	}

	@Bean
	@Order(2)
	SecurityFilterChain webPages(HttpSecurity http, @Value("${triage.web.log-ins-per-minute:10}") int logIns,
			@Value("${triage.web.sends-per-minute:20}") int sends, @Value("${triage.web.checks-per-minute:120}") int checks)
			throws Exception {
		return http.securityMatcher("/", "/login", "/logout", "/dashboard", "/dashboard/**", "/requests", "/requests/**",
				"/check", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/dashboard/admin", "/dashboard/admin/**").hasRole("ADMIN")
				.requestMatchers("/dashboard", "/dashboard/**").hasAnyRole("AGENT", "ADMIN")
				.anyRequest().permitAll())
			// Before the log-in filter checks a password, and before anything is sent.
			.addFilterBefore(new WebRateLimitFilter(logIns, sends, checks),
					org.springframework.security.web.csrf.CsrfFilter.class)
			.addFilterAfter(new StillStaffFilter(staffUsers),
					org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				// Status pages carry the follow-up token in their address: it must not leak to other sites.
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	/**
	 * The first administrator: from {@code TRIAGE_ADMIN_EMAIL} and {@code TRIAGE_ADMIN_PASSWORD},
	 * or, without a password, with a random one printed once in the log. Never a default password.
	 */
	@Bean
	ApplicationRunner firstAdministrator(StaffUsers staff, @Value("${triage.admin.email:admin@localhost}") String email,
			@Value("${triage.admin.password:}") String password) {
		return args -> {
			if (staff.any()) {
				return;
			}
			if (password != null && !password.isBlank()) {
				staff.create(email, "Administrator", StaffUsers.Role.ADMIN, password);
				log.info("First administrator {} created from TRIAGE_ADMIN_PASSWORD", email);
				return;
			}
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String once = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			staff.create(email, "Administrator", StaffUsers.Role.ADMIN, once);
			// Printed once and usable only to set a password of the administrator's own.
			staff.requirePasswordChange(email);
			log.warn("First administrator created: log in at /login as {} with the one-time password {} "
					+ "and choose your own at once (the dashboard asks for it). It is not shown again.", email, once);
		};
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		staffUsers.failedLogin(event.getAuthentication().getName());
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getName() != null
				&& !event.getAuthentication().getName().startsWith("api-key:")) {
			staffUsers.succeededLogin(event.getAuthentication().getName());
		}
	}

}
