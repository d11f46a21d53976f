package com.triagedesk;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Triage Desk: the front door of a payments provider's developer support. Every direct sub-package
 * is a Spring Modulith module; see {@code ModularityTests} for the verified map.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageDeskApplication {

	/**
	 * The one clock every module reads time from, so tests can fix it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(TriageDeskApplication.class, args);
	}

}
