package com.triagedesk.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.triagedesk.checklist.Facts;

/**
 * Decides where a request belongs. Technical evidence (an HTTP exchange, error codes, source code,
 * API words) speaks for developer support; the catalogue's words, a plugin header or name, a legacy
 * MobilePay host and the merchant directory speak for the other destinations. A reporter's explicit
 * topic wins. When the winner is not clear enough, the request stays with developer support and
 * the other destination is suggested to staff.
 */
@Service
public class Router {

	/** What a request gets when nothing points anywhere: developer support, said plainly. */
	private static final double DEFAULT_CONFIDENCE = 0.5;

	private static final int TEXT_LIMIT = 64 * 1024;

	/** Developer support's head start: a single word for elsewhere does not outweigh it. */
	private static final int PRIOR = 2;

	/** At least this much evidence (two words, or one in the subject) before anything is redirected. */
	private static final int MINIMUM_EVIDENCE = 4;

	/** Keyword points one destination can collect. */
	private static final int KEYWORD_CAP = 8;

	private static final List<String> STATUS_CODES = List.of("400", "401", "403", "404", "405", "409", "415", "422",
			"429", "500", "502", "503", "504");

	private static final List<String> CALL_WORDS = List.of("http", "returns", "returned", "return", "gives", "got",
			"get", "getting", "response", "status", "error", "feil", "fejl", "virhe", "svar", "svarer", "api", "endpoint");

	private static final List<String> METHODS = List.of("post", "get", "put", "patch", "delete");

	private static final Map<String, Destination> TOPICS = topics();

	private final RoutingProperties properties;

	private final BiFunction<String, String, Optional<Merchant>> directory;

	@Autowired
	Router(RoutingProperties properties, MerchantDirectory directory) {
		this(properties, directory::find);
	}

	/**
	 * @param directory the merchant by MSN, or else organization number
	 */
	Router(RoutingProperties properties, BiFunction<String, String, Optional<Merchant>> directory) {
		this.properties = properties;
		this.directory = directory;
	}

	public Route route(RoutingInput input) {
		Facts facts = input.facts();
		Optional<Merchant> merchant = directory.apply(facts == null ? null : facts.merchantSerialNumber(),
				facts == null ? null : facts.organizationNumber());
		Words subject = new Words(input.subject());
		Words text = new Words(input.subject() + "\n" + input.description());
		Map<Destination, Integer> scores = new EnumMap<>(Destination.class);
		Map<Destination, List<String>> reasons = new EnumMap<>(Destination.class);
		List<String> technicalFailure = technicalFailure(input, text);
		technicalEvidence(input, text, scores, reasons);

		// A legacy MobilePay host is MobilePay's, whatever the request says.
		if (facts != null && facts.hosts().stream().anyMatch(h -> h.endsWith("mobilepay.dk"))) {
			return decided(Destination.MOBILEPAY_SUPPORT, 0.95,
					List.of("The request goes to a legacy MobilePay API host."), null, input, merchant);
		}
		Optional<Destination> topic = topic(input.topic());
		if (topic.isPresent()) {
			List<String> why = new ArrayList<>(List.of("You chose the topic " + input.topic().strip() + "."));
			if (topic.get() != Destination.INTEGRATION_SERVICES && !technicalFailure.isEmpty()) {
				// The topic wins over words, not over a failing API call.
				why.addAll(technicalFailure);
				return decided(Destination.INTEGRATION_SERVICES, 0.7, why, topic.get(), input, merchant);
			}
			return decided(topic.get(), 1.0, why, null, input, merchant);
		}

		for (Destination destination : Destination.values()) {
			if (destination == Destination.INTEGRATION_SERVICES) {
				continue;
			}
			int weight = destination == Destination.MOBILEPAY_SUPPORT ? 3 : 1;
			for (String keyword : properties.settings(destination).keywords()) {
				if (text.has(keyword)) {
					add(scores, reasons, destination, (subject.has(keyword) ? 4 : 2) * weight,
							"The request mentions \"" + keyword.replace("*", "") + "\".");
				}
			}
			// Many words for one destination are not many reasons: each destination counts up to a cap.
			scores.computeIfPresent(destination, (d, score) -> Math.min(score, KEYWORD_CAP * weight));
		}
		plugin(input, text).ifPresent(found -> add(scores, reasons, Destination.PLUGIN_VENDOR, found.weight(),
				found.reason()));

		int technical = scores.getOrDefault(Destination.INTEGRATION_SERVICES, 0);
		Destination best = null;
		int bestScore = 0;
		int secondScore = 0;
		for (Map.Entry<Destination, Integer> entry : scores.entrySet()) {
			if (entry.getKey() == Destination.INTEGRATION_SERVICES) {
				continue;
			}
			if (entry.getValue() > bestScore) {
				secondScore = bestScore;
				best = entry.getKey();
				bestScore = entry.getValue();
			}
			else if (entry.getValue() > secondScore) {
				secondScore = entry.getValue();
			}
		}
		// Developer support starts with a prior: one word for another destination is not enough.
		double confidence = best == null ? 0 : (double) bestScore / (bestScore + technical + secondScore + PRIOR);
		if (best != null && technicalFailure.isEmpty() && bestScore >= MINIMUM_EVIDENCE
				&& confidence >= properties.minimumConfidence()) {
			return decided(best, round(confidence), reasons.get(best), null, input, merchant);
		}
		// A merchant integrated through a partner or PSP gets help there, for technical problems too,
		// unless the reporter writes from that company.
		Optional<Route> viaDirectory = merchant.flatMap(m -> directoryRoute(m, input, text, merchant));
		if (viaDirectory.isPresent() && (best == null || bestScore < MINIMUM_EVIDENCE)) {
			return viaDirectory.get();
		}
		List<String> why = new ArrayList<>(technicalFailure);
		why.addAll(reasons.getOrDefault(Destination.INTEGRATION_SERVICES, List.of()));
		why = why.stream().distinct().limit(6).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
		Destination suggested = best != null && bestScore >= MINIMUM_EVIDENCE ? best : null;
		if (suggested != null) {
			why.add("It may belong to " + properties.settings(suggested).name()
					+ (technicalFailure.isEmpty() ? ", but not clearly enough to send it there."
							: ", but an API call fails, so developer support looks first."));
		}
		if (why.isEmpty()) {
			why.add("Nothing points elsewhere: developer support handles it.");
			return decided(Destination.INTEGRATION_SERVICES, DEFAULT_CONFIDENCE, why, null, input, merchant);
		}
		double integration = (double) (technical + PRIOR) / (technical + PRIOR + bestScore);
		return decided(Destination.INTEGRATION_SERVICES, round(integration), why, suggested, input, merchant);
	}

	/**
	 * Reasons to believe an API call fails: an exchange (not one made by a plugin), an error
	 * status, API error codes, source code, or a status code or API path told in words.
	 */
	private List<String> technicalFailure(RoutingInput input, Words text) {
		Facts facts = input.facts();
		List<String> why = new ArrayList<>();
		if (facts == null) {
			return why;
		}
		boolean byPlugin = knownPlugin(facts.pluginName()).isPresent();
		if (facts.httpMethod() != null && !byPlugin) {
			why.add("It includes an HTTP request (" + facts.httpMethod() + " " + facts.httpPath() + ").");
		}
		if (facts.httpStatus() != null && facts.httpStatus() >= 400) {
			why.add("The API answered HTTP " + facts.httpStatus() + ".");
		}
		if (!facts.errorCodes().isEmpty()) {
			why.add("It reports API error codes (" + String.join(", ", facts.errorCodes()) + ").");
		}
		if (facts.sourceCodeLanguage() != null) {
			why.add("It includes " + facts.sourceCodeLanguage() + " source code.");
		}
		boolean statusInWords = STATUS_CODES.stream().anyMatch(text::has)
				&& CALL_WORDS.stream().anyMatch(text::has);
		if (statusInWords) {
			why.add("It reports an HTTP error status.");
		}
		boolean pathInWords = facts.product() != null && METHODS.stream().anyMatch(text::has)
				&& facts.productsMentioned().contains(facts.product()) && text.has("v1") | text.has("v2")
						| text.has("v3") | text.has("accesstoken");
		if (pathInWords && facts.httpMethod() == null) {
			why.add("It names an API call of the " + facts.product().name() + " API.");
		}
		return why;
	}

	private Optional<Route> directoryRoute(Merchant merchant, RoutingInput input, Words text,
			Optional<Merchant> found) {
		String who = merchant.name() == null ? "This merchant" : merchant.name();
		if (merchant.partner() != null && !fromCompany(input.reporterEmail(), merchant.partnerContact())) {
			return Optional.of(decided(Destination.PARTNER, 0.8,
					List.of(who + " is integrated through " + merchant.partner() + "."), null, input, found));
		}
		if (merchant.psp() != null && !fromCompany(input.reporterEmail(), merchant.pspContact())) {
			return Optional.of(decided(Destination.PSP, 0.8,
					List.of(who + " takes payments through " + merchant.psp() + "."), null, input, found));
		}
		boolean tillWords = properties.settings(Destination.POS_VENDOR).keywords().stream().anyMatch(text::has);
		if (merchant.posVendor() != null && tillWords && !fromCompany(input.reporterEmail(), merchant.posVendorContact())) {
			return Optional.of(decided(Destination.POS_VENDOR, 0.8,
					List.of(who + " uses " + merchant.posVendor() + " at the till."), null, input, found));
		}
		return Optional.empty();
	}

	/**
	 * The route of a request staff took in after all.
	 */
	public Route developerSupport(String reason) {
		RoutingProperties.DestinationSettings settings = properties.settings(Destination.INTEGRATION_SERVICES);
		return new Route(Destination.INTEGRATION_SERVICES, 1.0, List.of(reason), null, settings.name(),
				settings.link(), settings.instructions(), null);
	}

	private void technicalEvidence(RoutingInput input, Words text, Map<Destination, Integer> scores,
			Map<Destination, List<String>> reasons) {
		Facts facts = input.facts();
		if (facts != null && knownPlugin(facts.pluginName()).isPresent()) {
			// The exchange was made by a plugin: it is evidence about the plugin, not the merchant's code.
			return;
		}
		if (facts != null && facts.httpMethod() != null) {
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 4,
					"It includes an HTTP request (" + facts.httpMethod() + " " + facts.httpPath() + ").");
		}
		if (facts != null && facts.httpStatus() != null) {
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 2, "It includes an HTTP response.");
		}
		if (facts != null && !facts.errorCodes().isEmpty()) {
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 2,
					"It reports API error codes (" + String.join(", ", facts.errorCodes()) + ").");
		}
		if (facts != null && facts.sourceCodeLanguage() != null) {
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 3, "It includes " + facts.sourceCodeLanguage()
					+ " source code.");
		}
		if (facts != null && facts.product() != null) {
			// A product named in words is a hint, not a failing call.
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 1,
					"It is about the " + facts.product().name() + " API.");
		}
		if (input.technical() && (facts == null || facts.httpMethod() == null)) {
			add(scores, reasons, Destination.INTEGRATION_SERVICES, 2, "It carries technical details.");
		}
		int words = 0;
		for (String keyword : properties.settings(Destination.INTEGRATION_SERVICES).keywords()) {
			if (words < 4 && text.has(keyword)) {
				words++;
				add(scores, reasons, Destination.INTEGRATION_SERVICES, 1,
						"It speaks of \"" + keyword.replace("*", "") + "\".");
			}
		}
	}

	private record PluginFound(RoutingProperties.Plugin plugin, int weight, String reason) {
	}

	private Optional<RoutingProperties.Plugin> knownPlugin(String header) {
		if (header == null) {
			return Optional.empty();
		}
		Words headerWords = new Words(header);
		return properties.plugins().stream().filter(p -> p.names().stream().anyMatch(headerWords::has)).findFirst();
	}

	private Optional<PluginFound> plugin(RoutingInput input, Words text) {
		String header = input.facts() == null ? null : input.facts().pluginName();
		Optional<RoutingProperties.Plugin> byHeader = knownPlugin(header);
		if (byHeader.isPresent()) {
			return Optional.of(new PluginFound(byHeader.get(), 8, "The request was sent by the " + byHeader.get().name()
					+ " (Vipps-System-Plugin-Name: " + header + ")."));
		}
		boolean pluginWord = text.has("plugin*") || text.has("modul*") || text.has("extension*") || text.has("utvidelse*")
				|| text.has("lisäosa*") || text.has("app store") || text.has("app*") || text.has("module") || text.has("theme")
				|| text.has("moduuli*") || text.has("laajennu*");
		for (RoutingProperties.Plugin plugin : properties.plugins()) {
			for (String name : plugin.names()) {
				if (text.has(name)) {
					return Optional.of(new PluginFound(plugin, pluginWord ? 5 : 2,
							"The request is about the " + plugin.name() + "."));
				}
			}
		}
		return Optional.empty();
	}

	private Optional<RoutingProperties.Plugin> pluginOf(RoutingInput input) {
		return plugin(input, new Words(input.subject() + "\n" + input.description())).map(PluginFound::plugin);
	}

	static boolean fromCompany(String reporterEmail, String contact) {
		if (reporterEmail == null || contact == null) {
			return false;
		}
		String reporterDomain = domain(reporterEmail);
		String contactDomain = domain(contact);
		return reporterDomain != null && contactDomain != null
				&& (reporterDomain.equals(contactDomain) || reporterDomain.endsWith("." + contactDomain));
	}

	private static String domain(String address) {
		String a = address.strip().toLowerCase(Locale.ROOT);
		int at = a.lastIndexOf('@');
		if (at >= 0) {
			return a.substring(at + 1);
		}
		int scheme = a.indexOf("://");
		String host = scheme >= 0 ? a.substring(scheme + 3) : a;
		int slash = host.indexOf('/');
		host = slash >= 0 ? host.substring(0, slash) : host;
		host = host.startsWith("www.") ? host.substring(4) : host;
		return host.contains(".") ? host : null;
	}

	private Route decided(Destination destination, double confidence, List<String> reasons, Destination suggested,
			RoutingInput input, Optional<Merchant> merchant) {
		RoutingProperties.DestinationSettings settings = properties.settings(destination);
		Route.Contact contact = switch (destination) {
			case PLUGIN_VENDOR -> pluginOf(input)
				.map(p -> new Route.Contact(p.maintainer(), p.supportChannel(), p.link()))
				.orElse(null);
			case PARTNER -> merchant.filter(m -> m.partner() != null)
				.map(m -> new Route.Contact(m.partner(), m.partnerContact(), null))
				.orElse(null);
			case PSP -> merchant.filter(m -> m.psp() != null)
				.map(m -> new Route.Contact(m.psp(), m.pspContact(), null))
				.orElse(null);
			case POS_VENDOR -> merchant.filter(m -> m.posVendor() != null)
				.map(m -> new Route.Contact(m.posVendor(), m.posVendorContact(), null))
				.orElse(null);
			default -> null;
		};
		String instructions = settings.instructions();
		if (contact != null && contact.name() != null) {
			instructions = (instructions == null ? "" : instructions + " ") + "Contact " + contact.name()
					+ (contact.channel() == null ? "" : " (" + contact.channel() + ")") + ".";
		}
		return new Route(destination, confidence, reasons, suggested, settings.name(), settings.link(), instructions,
				contact);
	}

	private static void add(Map<Destination, Integer> scores, Map<Destination, List<String>> reasons,
			Destination destination, int weight, String reason) {
		scores.merge(destination, weight, Integer::sum);
		List<String> list = reasons.computeIfAbsent(destination, d -> new ArrayList<>());
		if (!list.contains(reason) && list.size() < 6) {
			list.add(reason);
		}
	}

	private static double round(double value) {
		return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100.0;
	}

	/**
	 * A topic as the reporter picked or typed it: a destination key or an everyday word for it.
	 */
	static Optional<Destination> topic(String topic) {
		if (topic == null || topic.isBlank()) {
			return Optional.empty();
		}
		String t = topic.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (Destination destination : Destination.values()) {
			if (destination.name().equals(t)) {
				return Optional.of(destination);
			}
		}
		return Optional.ofNullable(TOPICS.get(topic.strip().toLowerCase(Locale.ROOT)));
	}

	private static Map<String, Destination> topics() {
		Map<String, Destination> topics = new java.util.HashMap<>();
		for (String t : List.of("technical", "integration", "api", "developer support", "teknisk")) {
			topics.put(t, Destination.INTEGRATION_SERVICES);
		}
		for (String t : List.of("customer service", "account", "admin", "kundeservice", "asiakaspalvelu")) {
			topics.put(t, Destination.CUSTOMER_SERVICE);
		}
		for (String t : List.of("outage", "status", "driftsforstyrrelse")) {
			topics.put(t, Destination.STATUS_PAGE);
		}
		for (String t : List.of("application", "portal", "søknad")) {
			topics.put(t, Destination.PORTAL);
		}
		topics.put("plugin", Destination.PLUGIN_VENDOR);
		topics.put("partner", Destination.PARTNER);
		topics.put("pos", Destination.POS_VENDOR);
		topics.put("partner docs", Destination.PARTNER_DOCS);
		for (String t : List.of("settlement", "settlements", "payout", "invoice", "fees", "oppgjør", "utbetaling")) {
			topics.put(t, Destination.SETTLEMENTS);
		}
		for (String t : List.of("feedback", "feature request", "suggestion")) {
			topics.put(t, Destination.PRODUCT_FEEDBACK);
		}
		topics.put("mobilepay", Destination.MOBILEPAY_SUPPORT);
		return Map.copyOf(topics);
	}

	/**
	 * The words of a text, lower case, so that keywords match whole words; a keyword ending in
	 * {@code *} matches any word it starts ("utbetal*": utbetaling, utbetalingen).
	 */
	static final class Words {

		/** Buckets of the word index: the words of a request's text share a few hundred first-two-letter pairs. */
		private static final int BUCKET_BITS = 9;

		/** The words, lower case, one space apart, with a space on each side ({@code length} of them used). */
		private final char[] chars;

		private final int length;

		/**
		 * The index of the words, made while the text is read: a route looks up a few hundred
		 * keywords, and a search of the whole text for each cost the text's length each time. The
		 * words are chained by their first two letters (head: the last word of a bucket, next: the
		 * word before it in the same bucket, -1 at the end), so a look-up compares a handful of words
		 * and the index allocates no string: a set of the words, sorted for prefixes, cost most of a
		 * route.
		 */
		private final int[] head = new int[1 << BUCKET_BITS];

		private final int[] next;

		private final int[] starts;

		private final int[] lengths;

		private String padded;

		Words(String text) {
			String source = text == null ? "" : text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
			int size = source.length();
			char[] b = new char[size + 2];
			// a word and its space take two characters at least
			int[] wordStarts = new int[size / 2 + 1];
			int[] wordLengths = new int[wordStarts.length];
			int[] chain = new int[wordStarts.length];
			Arrays.fill(head, -1);
			int n = 0;
			int words = 0;
			b[n++] = ' ';
			int start = -1;
			for (int i = 0; i <= size; i++) {
				char c = i < size ? source.charAt(i) : ' ';
				boolean letterOrDigit;
				if (c < 0x80) {
					// ASCII without the look-ups in Character's tables: most of a request is ASCII
					c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
					letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
				}
				else {
					c = Character.toLowerCase(c);
					letterOrDigit = Character.isLetterOrDigit(c);
				}
				if (letterOrDigit) {
					if (start < 0) {
						start = n;
					}
					b[n++] = c;
				}
				else if (start >= 0) {
					b[n] = ' ';
					int bucket = bucket(b[start], b[start + 1]);
					wordStarts[words] = start;
					wordLengths[words] = n - start;
					chain[words] = head[bucket];
					head[bucket] = words++;
					n++;
					start = -1;
				}
			}
			this.chars = b;
			this.length = n;
			this.starts = wordStarts;
			this.lengths = wordLengths;
			this.next = chain;
		}

		boolean has(String keyword) {
			Keyword k = Keyword.of(keyword);
			String[] parts = k.parts();
			if (parts.length == 0) {
				return false;
			}
			for (int i = 0; i < parts.length; i++) {
				if (!hasWord(parts[i], k.prefix() && i == parts.length - 1)) {
					return false;
				}
			}
			// every word is there; a phrase must also have them side by side
			return parts.length == 1 || padded().contains(k.spaced());
		}

		private boolean hasWord(String word, boolean prefix) {
			int size = word.length();
			if (size == 1 && prefix) {
				// the words starting with one letter are in many buckets
				return padded().contains(" " + word);
			}
			for (int w = head[bucket(word.charAt(0), size > 1 ? word.charAt(1) : ' ')]; w >= 0; w = next[w]) {
				if ((prefix ? lengths[w] >= size : lengths[w] == size) && startsWith(starts[w], word)) {
					return true;
				}
			}
			return false;
		}

		private boolean startsWith(int at, String word) {
			for (int i = 0; i < word.length(); i++) {
				if (chars[at + i] != word.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		private String padded() {
			if (padded == null) {
				padded = new String(chars, 0, length);
			}
			return padded;
		}

		/** The bucket of a word by its first two letters (a space after a word of one). */
		private static int bucket(char first, char second) {
			return (first << 16 | second) * 0x9E3779B1 >>> (32 - BUCKET_BITS);
		}

	}

	/**
	 * A keyword as {@link Words} looks it up: its words, whether the last one is only the start of
	 * a word, and the phrase as it stands in the padded text. Keywords come from the configuration
	 * and this class, so each is made once, not once per request.
	 */
	private record Keyword(String[] parts, boolean prefix, String spaced) {

		private static final Map<String, Keyword> MADE = new ConcurrentHashMap<>();

		static Keyword of(String keyword) {
			Keyword made = MADE.get(keyword);
			return made != null ? made : MADE.computeIfAbsent(keyword, Keyword::make);
		}

		private static Keyword make(String keyword) {
			String k = keyword.toLowerCase(Locale.ROOT).strip();
			boolean prefix = k.endsWith("*");
			String phrase = new Words(prefix ? k.substring(0, k.length() - 1) : k).padded().strip();
			String[] parts = phrase.isEmpty() ? new String[0] : phrase.split(" ");
			return new Keyword(parts, prefix, " " + phrase + (prefix ? "" : " "));
		}

	}

}
