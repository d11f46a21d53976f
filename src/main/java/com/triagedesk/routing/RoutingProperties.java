package com.triagedesk.routing;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The destination catalogue and the classifier's settings, from {@code triage.routing} in
 * {@code application.yml}: names, links, instructions and keywords are configuration, not code.
 *
 * @param destinations each destination with what to tell the reporter and the words that point to it
 * @param plugins the plugins with their own support channels
 * @param minimumConfidence below this a redirect is not made: the issue is created with
 * {@code ROUTE_UNCERTAIN} and the suggested destination for staff
 * @param merchantDirectory where the merchant directory is loaded from at start-up (a CSV file; empty for none)
 */
@ConfigurationProperties("triage.routing")
public record RoutingProperties(Map<Destination, DestinationSettings> destinations, List<Plugin> plugins,
		@DefaultValue("0.6") double minimumConfidence, @DefaultValue("") String merchantDirectory) {

	public RoutingProperties {
		destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
		plugins = plugins == null ? List.of() : List.copyOf(plugins);
	}

	/**
	 * @param keywords words and phrases in English, Norwegian, Danish and Finnish, lower case
	 */
	public record DestinationSettings(String name, String link, String instructions, List<String> keywords) {

		public DestinationSettings {
			keywords = keywords == null ? List.of() : List.copyOf(keywords);
		}

	}

	/**
	 * @param names how people and the {@code Vipps-System-Plugin-Name} header name it, lower case
	 */
	public record Plugin(String key, String name, List<String> names, String platform, String maintainer,
			String supportChannel, String link) {

		public Plugin {
			names = names == null ? List.of() : List.copyOf(names);
		}

	}

	DestinationSettings settings(Destination destination) {
		DestinationSettings settings = destinations.get(destination);
		return settings != null ? settings
				: new DestinationSettings(destination.name(), null, null, List.of());
	}

}
