package com.triagedesk.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How staff passwords are hashed. A configuration of its own: {@link StaffUsers} needs it, and the
 * web security configuration needs {@link StaffUsers}; defined there, the two made a cycle that only
 * a lazy proxy broke, and Spring's ahead-of-time processing cannot build that proxy.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
