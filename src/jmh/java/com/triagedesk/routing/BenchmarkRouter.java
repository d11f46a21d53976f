package com.triagedesk.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The router the app builds, with the destination catalogue of {@code application.yml}, for the
 * benchmarks. The merchant directory is empty: a lookup there is a database query, which the HTTP
 * load test measures.
 */
public final class BenchmarkRouter {

	private BenchmarkRouter() {
	}

	public static Router withCatalogue() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			RoutingProperties properties = Binder.get(environment).bind("triage.routing", RoutingProperties.class).get();
			return new Router(properties, (msn, organizationNumber) -> Optional.empty());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
