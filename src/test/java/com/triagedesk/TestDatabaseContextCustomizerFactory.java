package com.triagedesk;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link TestDatabase}, so no test can forget it and none
 * falls back to the app's own embedded server in {@code ./data}. Registered in
 * {@code META-INF/spring.factories}.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestDatabaseContextCustomizer();
	}

	private static final class TestDatabaseContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("triageTestDatabase", Map.copyOf(TestDatabase.properties())));
		}

		// One customizer for all contexts: it must not split Spring's context cache.
		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseContextCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseContextCustomizer.class.hashCode();
		}

	}

}
