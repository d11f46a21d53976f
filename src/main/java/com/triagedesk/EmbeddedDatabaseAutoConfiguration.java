package com.triagedesk;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL 17 when nothing else says where the database is, so that
 * {@code ./mvnw spring-boot:run} works on a machine with only a JDK. It runs as an
 * auto-configuration (after user and test configurations) so that a configured
 * {@code spring.datasource.url} or any {@link JdbcConnectionDetails} bean, such as a Testcontainers
 * {@code @ServiceConnection}, wins and nothing is started.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@ConditionalOnProperty(name = "triage.embedded-database.enabled", havingValue = "true", matchIfMissing = true)
@Conditional(EmbeddedDatabaseAutoConfiguration.NoDataSourceUrl.class)
public class EmbeddedDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.start(properties);
	}

	static class NoDataSourceUrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return StringUtils.hasText(url) ? ConditionOutcome.noMatch("spring.datasource.url is set")
					: ConditionOutcome.match("no spring.datasource.url");
		}

	}

}
