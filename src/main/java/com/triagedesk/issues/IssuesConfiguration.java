package com.triagedesk.issues;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class IssuesConfiguration {

	@Bean
	BusinessHours businessHours(SlaProperties sla) {
		return sla.businessHours();
	}

}
