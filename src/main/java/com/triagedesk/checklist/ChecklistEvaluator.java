package com.triagedesk.checklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.springframework.stereotype.Component;

import com.triagedesk.checklist.OrganizationNumbers.OrganizationNumber;

/**
 * Reads a support request the way an experienced support engineer does and says, item by item,
 * what is there and exactly what is missing. Pure: the same input and day give the same result,
 * and nothing is stored.
 */
@Component
public class ChecklistEvaluator {

	/** The provider's servers and support team are in Oslo; "today" is Oslo's today. */
	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final Pattern ORDER_ID_SHAPE = Pattern.compile("^[A-Za-z0-9-]{1,50}$");

	private static final Pattern MSN_SHAPE = Pattern.compile("^\\d{4,7}$");

	private static final Pattern UUID_SHAPE = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private static final Pattern DIGITS = Pattern.compile("^\\d+$");

	private static final Pattern SPACES = Pattern.compile("[\\s\\x{00a0}]+");

	private static final Set<String> GENERIC_SUBJECT_WORDS = Set.copyOf(List.of("help", "problem", "problems", "issue", "issues",
			"error", "errors", "question", "questions", "urgent", "asap", "please", "pls", "hjelp", "feil", "spørsmål",
			"haster", "hjælp", "fejl", "spørgsmål", "apua", "ongelma", "virhe", "kysymys", "kiire", "vipps",
			"mobilepay", "api", "support", "request", "hi", "hello", "hei", "hej", "moi", "not", "working", "works",
			"work", "doesn't", "does", "dont", "don't", "virker", "ikke", "fungerer", "toimi", "ei", "virker", "the",
			"a", "an", "with", "our", "we", "have", "has", "a", "is", "it", "med", "vi", "har", "en", "et", "og",
			"and", "important", "viktig", "wrong", "something", "noe", "galt", "trouble", "need", "needed"));

	private static final Set<String> ACTION_SEGMENTS = Set.of("capture", "cancel", "refund", "approve", "events",
			"details", "expire");

	private final Clock clock;

	private final Contacts contacts = new Contacts();

	public ChecklistEvaluator(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Evaluates the twelve items over everything received.
	 */
	public Evaluation evaluate(ChecklistInput input) {
		Texts texts = Texts.of(input);
		Exchanges exchanges = Exchanges.find(texts);
		LocalDate today = LocalDate.now(clock.withZone(OSLO));
		List<Warning> warnings = new ArrayList<>();

		Found<Product> product = product(input, texts, exchanges);
		List<Product> mentioned = productsMentioned(texts, exchanges);
		String suggestedSubject = exchanges.suggestedSubject();

		List<ItemResult> items = new ArrayList<>();
		String prose = exchanges.proseOf("description", texts.description());
		items.add(description(texts.description(), prose));
		items.add(subject(texts.subject(), suggestedSubject));
		Found<OrganizationNumber> organization = organizationNumber(input, texts);
		items.add(organization.result());
		Found<String> msn = merchantSerialNumber(input, texts, exchanges, warnings);
		items.add(msn.result());
		items.add(product.result());
		Found<Environment> environment = environment(input, texts, exchanges, warnings);
		items.add(environment.result());
		References references = References.find(input, texts, exchanges, msn.value());
		boolean question = howToQuestion(texts, exchanges);
		List<String> dates = new ArrayList<>();
		ItemResult datesItem = dates(input, texts, today, dates);
		if (question) {
			items.add(notNeededForAQuestion(orderReferences(input, product.value(), references)));
			items.add(notNeededForAQuestion(datesItem));
			items.add(notNeededForAQuestion(httpExchange(exchanges, texts)));
		}
		else {
			items.add(orderReferences(input, product.value(), references));
			items.add(datesItem);
			items.add(httpExchange(exchanges, texts));
		}
		items.add(screenshots(input));
		Contacts.Contact contact = contacts.find(input, prose, texts.additionalInfo());
		items.add(contact.result());
		items.add(otherInfo(texts.additionalInfo()));

		multipleProblems(texts, mentioned).ifPresent(warnings::add);

		boolean complete = items.stream().noneMatch(i -> i.key().required() && i.state().blocksCompletion());
		HttpRequestInfo request = exchanges.firstRequest();
		HttpResponseInfo response = exchanges.firstResponse();
		OrganizationNumber org = organization.value();
		Facts facts = new Facts(org == null ? null : org.number(), org == null ? null : org.country(), msn.value(),
				product.value(), mentioned, environment.value(), references.orderIds(), references.transactionIds(),
				references.contextIds(), references.agreementIds(), references.traceIds(), dates, contact.name(),
				contact.phone(), request == null ? null : request.method(), request == null ? null : request.path(),
				request == null ? null : request.host(), response == null || response.status() == 0 ? null
						: response.status(),
				exchanges.errorCodes(), hosts(texts, exchanges), exchanges.header("vipps-system-name"),
				exchanges.header("vipps-system-plugin-name"), exchanges.sourceCodeLanguage(texts).orElse(null));
		return new Evaluation(complete, items, facts, suggestedSubject, warnings);
	}

	/**
	 * "How do we get the webhook events for a payment?": a question about how something works,
	 * with nothing failing, needs no HTTP exchange, order reference or date.
	 */
	private static boolean howToQuestion(Texts texts, Exchanges exchanges) {
		if (!exchanges.requests().isEmpty()) {
			return false;
		}
		String words = (texts.subject() == null ? "" : texts.subject()) + "\n"
				+ exchanges.proseOf("description", texts.description());
		return TextPatterns.any(TextPatterns.HOW_TO_QUESTION, words) && !TextPatterns.any(TextPatterns.FAILURE, words);
	}

	private static ItemResult notNeededForAQuestion(ItemResult item) {
		if (!item.state().blocksCompletion() && item.state() != ItemState.RECOMMENDED) {
			return item;
		}
		return ItemResult.of(item.key(), ItemState.NOT_APPLICABLE, "Not needed for a question about how something "
				+ "works; if something fails, add it.", item.value(), item.source());
	}

	// 1
	private static ItemResult description(String description, String prose) {
		if (description == null || description.isBlank()) {
			return ItemResult.of(ChecklistItem.DESCRIPTION, ItemState.MISSING,
					"Describe the problem step by step: what you did, what you expected, and what happened instead.");
		}
		int words = TextPatterns.words(prose);
		boolean steps = TextPatterns.any(TextPatterns.NUMBERED_STEP, prose);
		if (words >= 25 || (steps && words >= 12) || (words >= 15 && sentences(prose) >= 2 && hasDigit(prose))) {
			return ItemResult.ok(ChecklistItem.DESCRIPTION, words + " words" + (steps ? ", step by step" : ""),
					"description");
		}
		return ItemResult.of(ChecklistItem.DESCRIPTION, ItemState.INSUFFICIENT,
				"The description is too short to act on (" + words + " words). Describe step by step what you did, "
						+ "what you expected, and what happened instead.",
				words + " words", "description");
	}

	private static int sentences(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?')
					&& (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
				count++;
			}
		}
		return count;
	}

	private static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	// 2
	private static ItemResult subject(String subject, String suggested) {
		String example = suggested != null ? suggested : "POST /epayment/v1/payments gives HTTP 400";
		if (subject == null || subject.isBlank()) {
			return ItemResult.of(ChecklistItem.SUBJECT, ItemState.MISSING,
					"Add a short subject that says what fails, e.g. '" + example + "'.");
		}
		String s = subject.strip();
		List<String> words = TextPatterns.all(TextPatterns.WORD, s).stream().map(g -> g[0]).toList();
		boolean generic = words.stream()
			.allMatch(w -> GENERIC_SUBJECT_WORDS.contains(w.toLowerCase(Locale.ROOT)) || w.length() < 2);
		boolean shouting = s.contains("!!") || (s.length() > 8 && s.equals(s.toUpperCase(Locale.ROOT))
				&& !s.equals(s.toLowerCase(Locale.ROOT)));
		if (words.size() < 3 || generic || shouting) {
			return ItemResult.of(ChecklistItem.SUBJECT, ItemState.INSUFFICIENT,
					"'" + s + "' does not say what fails. Use a concise, self-explanatory subject, e.g. '" + example
							+ "'.",
					s, "subject");
		}
		if (s.length() > 200) {
			return ItemResult.of(ChecklistItem.SUBJECT, ItemState.INSUFFICIENT,
					"The subject is " + s.length() + " characters long; keep it under 120 and put the rest in the "
							+ "description, e.g. '" + example + "'.",
					s.substring(0, 120) + "…", "subject");
		}
		return ItemResult.ok(ChecklistItem.SUBJECT, s, "subject");
	}

	// 3
	private static Found<OrganizationNumber> organizationNumber(ChecklistInput input, Texts texts) {
		ChecklistItem item = ChecklistItem.ORGANIZATION_NUMBER;
		String field = input.organizationNumber();
		if (field != null && !field.isBlank()) {
			Optional<OrganizationNumber> read = OrganizationNumbers.read(field);
			if (read.isEmpty()) {
				return Found.none(ItemResult.of(item, ItemState.INVALID, "'" + field.strip()
						+ "' is not an organization number: a Norwegian one has 9 digits, a Danish CVR 8, "
						+ "a Finnish Y-tunnus the form 1234567-8.", field.strip(), "organizationNumber"));
			}
			return judge(read.get(), "organizationNumber");
		}
		OrganizationNumber invalid = null;
		String invalidSource = null;
		String unreadable = null;
		String unreadableSource = null;
		for (Texts.Named text : texts.prose()) {
			List<String[]> matches = TextPatterns.all(TextPatterns.ORGANIZATION_NUMBER, text.text());
			matches.addAll(TextPatterns.all(TextPatterns.ORGANIZATION_NUMBER_MVA, text.text()));
			for (String[] match : matches) {
				String label = match[0].toLowerCase(Locale.ROOT);
				boolean finnish = label.contains("tunnus") || label.contains("business id");
				String digits = compact(match[1]);
				Optional<OrganizationNumber> read = OrganizationNumbers
					.read(finnish && digits.length() == 8 && isDigits(digits) ? "FI" + digits : match[1]);
				if (read.isEmpty() && unreadable == null) {
					unreadable = match[1].strip();
					unreadableSource = text.location() + " (text)";
				}
				if (read.isPresent() && read.get().valid()) {
					return judge(read.get(), text.location() + " (text)");
				}
				if (read.isPresent() && invalid == null && !"DK".equals(read.get().country())) {
					invalid = read.get();
					invalidSource = text.location() + " (text)";
				}
				else if (read.isPresent() && invalid == null) {
					invalid = read.get();
					invalidSource = text.location() + " (text)";
				}
			}
		}
		if (invalid != null) {
			return judge(invalid, invalidSource);
		}
		if (unreadable != null) {
			return Found.none(ItemResult.of(item, ItemState.INVALID, "'" + unreadable
					+ "' is not an organization number: a Norwegian one has 9 digits, a Danish CVR 8, "
					+ "a Finnish Y-tunnus the form 1234567-8.", unreadable, unreadableSource));
		}
		return Found.none(ItemResult.of(item, ItemState.MISSING,
				"Add your organization number (9 digits in Norway, the CVR number in Denmark, "
						+ "the Y-tunnus in Finland)."));
	}

	private static Found<OrganizationNumber> judge(OrganizationNumber number, String source) {
		ChecklistItem item = ChecklistItem.ORGANIZATION_NUMBER;
		if (number.valid()) {
			return new Found<>(number, ItemResult.ok(item, number.number(), source));
		}
		if ("DK".equals(number.country())) {
			// CVR numbers issued lately do not always follow the old check: ask, but do not block.
			return new Found<>(number, ItemResult.ok(item, number.number(), source,
					number.number() + " does not pass the CVR check digit; please make sure it is right."));
		}
		return Found.none(ItemResult.of(item, ItemState.INVALID,
				number.number() + " is not a valid " + number.describe()
						+ " (the check digit does not match): please check it.",
				number.number(), source));
	}

	// 4
	private static Found<String> merchantSerialNumber(ChecklistInput input, Texts texts, Exchanges exchanges,
			List<Warning> warnings) {
		ChecklistItem item = ChecklistItem.MERCHANT_SERIAL_NUMBER;
		String header = null;
		String headerSource = null;
		for (HttpRequestInfo request : exchanges.requests()) {
			String value = request.header("merchant-serial-number");
			if (value == null && request.body() != null) {
				List<String[]> inBody = TextPatterns.all(TextPatterns.MSN_IN_JSON, request.body());
				value = inBody.isEmpty() ? null : inBody.get(0)[1];
			}
			if (value != null && !value.isBlank()) {
				header = compact(value);
				headerSource = request.location() + " (Merchant-Serial-Number header)";
				break;
			}
		}
		String field = input.merchantSerialNumber();
		if (field != null && !field.isBlank()) {
			String msn = compact(field);
			if (!MSN_SHAPE.matcher(msn).matches()) {
				// "MSN 123456", "123456 (test)": one 4–7 digit run among words is the MSN
				List<String[]> runs = TextPatterns.all(TextPatterns.MSN_DIGITS, field);
				if (runs.size() == 1) {
					msn = runs.get(0)[1];
				}
			}
			if (!MSN_SHAPE.matcher(msn).matches()) {
				return Found.none(ItemResult.of(item, ItemState.INVALID, "An MSN has 4 to 7 digits; '" + field.strip()
						+ "' is not one. Find the MSN of the sales unit in the portal.", field.strip(),
						"merchantSerialNumber"));
			}
			if (header != null && MSN_SHAPE.matcher(header).matches() && !header.equals(msn)) {
				warnings.add(new Warning(Warning.MSN_CONFLICT, "The MSN field says " + msn
						+ ", but the request's Merchant-Serial-Number header says " + header + "."));
				return new Found<>(msn, ItemResult.of(item, ItemState.INVALID, "The MSN field says " + msn
						+ ", but the Merchant-Serial-Number header of the request says " + header
						+ ". Which sales unit is it?", msn, "merchantSerialNumber"));
			}
			return new Found<>(msn, ItemResult.ok(item, msn, "merchantSerialNumber"));
		}
		if (header != null) {
			if (MSN_SHAPE.matcher(header).matches()) {
				return new Found<>(header, ItemResult.ok(item, header, headerSource));
			}
			return Found.none(ItemResult.of(item, ItemState.INVALID,
					"The Merchant-Serial-Number header holds '" + header + "', which is not an MSN (4 to 7 digits).",
					header, headerSource));
		}
		String invalid = null;
		String invalidSource = null;
		for (Texts.Named text : texts.prose()) {
			for (String[] match : TextPatterns.all(TextPatterns.MERCHANT_SERIAL_NUMBER, text.text())) {
				String msn = compact(match[1]);
				if (MSN_SHAPE.matcher(msn).matches()) {
					return new Found<>(msn, ItemResult.ok(item, msn, text.location() + " (text)"));
				}
				if (invalid == null) {
					invalid = msn;
					invalidSource = text.location() + " (text)";
				}
			}
		}
		if (invalid != null) {
			return Found.none(ItemResult.of(item, ItemState.INVALID,
					"'" + invalid + "' is not an MSN: an MSN has 4 to 7 digits. Find it for the sales unit in the portal.",
					invalid, invalidSource));
		}
		return Found.none(ItemResult.of(item, ItemState.MISSING,
				"Add the Merchant Serial Number (MSN) of the sales unit, found in the portal."));
	}

	// 5
	private static Found<Product> product(ChecklistInput input, Texts texts, Exchanges exchanges) {
		ChecklistItem item = ChecklistItem.PRODUCT;
		Optional<Product> fromField = Product.byName(input.product());
		Found<Product> inferred = inferProduct(texts, exchanges);
		String field = input.product();
		if (fromField.isPresent()) {
			Product product = fromField.get();
			return new Found<>(product, ItemResult.ok(item, product.name(), "product", retiredNote(product)));
		}
		if (field != null && !field.isBlank()) {
			if (inferred.value() != null) {
				return new Found<>(inferred.value(), ItemResult.ok(item, inferred.value().name(),
						inferred.result().source(), "We do not know the product name '" + field.strip()
								+ "', so we took " + inferred.value().name() + " from what you sent."));
			}
			return Found.none(ItemResult.of(item, ItemState.INVALID, "We do not know the product '" + field.strip()
					+ "'. Name the API, e.g. ePayment API, Recurring API, Login API or Checkout API.", field.strip(),
					"product"));
		}
		return inferred;
	}

	private static String retiredNote(Product product) {
		return switch (product) {
			case INVOICE -> "The Invoice (eFaktura) API is retired.";
			case PARTNER_API -> "The Partner API has been replaced by the Management API.";
			case CHECKOUT -> "Checkout moved to Kustom in 2026; requests about it may be answered there.";
			default -> null;
		};
	}

	private static Found<Product> inferProduct(Texts texts, Exchanges exchanges) {
		ChecklistItem item = ChecklistItem.PRODUCT;
		for (HttpRequestInfo request : exchanges.requests()) {
			Optional<Product> byPath = Product.byPath(request.path());
			if (byPath.isPresent()) {
				return new Found<>(byPath.get(), ItemResult.ok(item, byPath.get().name(),
						request.location() + " (path " + request.path() + ")", retiredNote(byPath.get())));
			}
		}
		for (Texts.Named text : texts.all()) {
			for (String[] match : TextPatterns.all(TextPatterns.PATH_MENTION, text.text())) {
				Optional<Product> byPath = Product.byPath(match[1]);
				if (byPath.isPresent()) {
					return new Found<>(byPath.get(), ItemResult.ok(item, byPath.get().name(),
							text.location() + " (path " + match[1] + ")", retiredNote(byPath.get())));
				}
			}
		}
		Found<Product> named = productByName(texts);
		if (named != null) {
			return named;
		}
		for (Texts.Named text : texts.all()) {
			if (!TextPatterns.all(TextPatterns.AGREEMENT_ID, text.text()).isEmpty()) {
				return new Found<>(Product.RECURRING, ItemResult.ok(item, Product.RECURRING.name(),
						text.location() + " (agreement or charge id)"));
			}
		}
		return Found.none(ItemResult.of(item, ItemState.MISSING,
				"Name the product or API (e.g. ePayment API, Recurring API, Login API), or include the request path."));
	}

	/**
	 * The product the text is about when it names several: a name with "API" counts more, a
	 * name repeated counts more, and the access token and webhooks, which come up in passing in
	 * most requests, count less. "A recurring problem" is no product.
	 */
	private static Found<Product> productByName(Texts texts) {
		java.util.Map<Product, Integer> scores = new java.util.LinkedHashMap<>();
		java.util.Map<Product, String> sources = new java.util.HashMap<>();
		for (Texts.Named text : texts.prose()) {
			String lower = text.text().toLowerCase(Locale.ROOT);
			for (String[] match : TextPatterns.all(TextPatterns.PRODUCT_NAME, text.text())) {
				Optional<Product> byName = productNamed(match[1]);
				if (byName.isEmpty() || adjective(lower, match[1].toLowerCase(Locale.ROOT))) {
					continue;
				}
				Product product = byName.get();
				int score = match[1].toLowerCase(Locale.ROOT).endsWith("api") ? 3 : 2;
				if (product == Product.ACCESS_TOKEN || product == Product.WEBHOOKS) {
					score -= 1;
				}
				scores.merge(product, score, Integer::sum);
				sources.putIfAbsent(product, text.location() + " (\"" + match[1] + "\")");
			}
		}
		return scores.entrySet().stream()
			.max(java.util.Map.Entry.comparingByValue())
			.map(best -> new Found<>(best.getKey(), ItemResult.ok(ChecklistItem.PRODUCT, best.getKey().name(),
					sources.get(best.getKey()), retiredNote(best.getKey()))))
			.orElse(null);
	}

	private static boolean adjective(String lowerText, String name) {
		if (!name.equals("recurring")) {
			return false;
		}
		for (String noun : List.of("recurring problem", "recurring issue", "recurring error", "recurring failure")) {
			if (lowerText.contains(noun)) {
				return true;
			}
		}
		return false;
	}

	private static Optional<Product> productNamed(String text) {
		String t = SPACES.matcher(text.toLowerCase(Locale.ROOT).replace('-', ' ')).replaceAll(" ").strip();
		if (t.startsWith("e payment") || t.startsWith("epayment")) {
			return Optional.of(Product.EPAYMENT);
		}
		if (t.startsWith("ecom") || t.startsWith("e com")) {
			return Optional.of(Product.ECOM);
		}
		if (t.contains("login") || t.equals("oidc") || t.equals("openid connect")) {
			return Optional.of(Product.LOGIN);
		}
		if (t.startsWith("access token")) {
			return Optional.of(Product.ACCESS_TOKEN);
		}
		if (t.startsWith("webhook")) {
			return Optional.of(Product.WEBHOOKS);
		}
		if (t.contains("checkout")) {
			return Optional.of(Product.CHECKOUT);
		}
		if (t.startsWith("check in")) {
			return Optional.of(Product.CHECK_IN);
		}
		return Product.byName(t).or(() -> Product.byName(t + " api"));
	}

	private static List<Product> productsMentioned(Texts texts, Exchanges exchanges) {
		Set<Product> mentioned = new LinkedHashSet<>();
		exchanges.requests().forEach(r -> Product.byPath(r.path()).ifPresent(mentioned::add));
		for (Texts.Named text : texts.prose()) {
			TextPatterns.all(TextPatterns.PATH_MENTION, text.text())
				.forEach(m -> Product.byPath(m[1]).ifPresent(mentioned::add));
			TextPatterns.all(TextPatterns.PRODUCT_NAME, text.text())
				.forEach(m -> productNamed(m[1]).ifPresent(mentioned::add));
		}
		return List.copyOf(mentioned);
	}

	// 6
	private static Found<Environment> environment(ChecklistInput input, Texts texts, Exchanges exchanges,
			List<Warning> warnings) {
		ChecklistItem item = ChecklistItem.ENVIRONMENT;
		Environment stated = null;
		String statedSource = null;
		String field = input.environment();
		if (field != null && !field.isBlank()) {
			Optional<Environment> parsed = Environment.parse(field);
			if (parsed.isEmpty()) {
				return Found.none(ItemResult.of(item, ItemState.INVALID, "'" + field.strip()
						+ "' is not an environment we know: say TEST (the merchant test environment, MT) or PRODUCTION.",
						field.strip(), "environment"));
			}
			stated = parsed.get();
			statedSource = "environment";
		}
		boolean mentionsBoth = false;
		if (stated == null) {
			boolean test = false;
			boolean production = false;
			String testSource = null;
			String productionSource = null;
			for (Texts.Named text : texts.prose()) {
				// "not in production" says where the problem is not
				String prose = TextPatterns.NEGATED_ENVIRONMENT.matcher(exchanges.proseOf(text.location(), text.text()))
					.replaceAll(" ");
				if (!test && (TextPatterns.any(TextPatterns.ENVIRONMENT_TEST, prose)
						|| TextPatterns.any(TextPatterns.ENVIRONMENT_MT, prose))) {
					test = true;
					testSource = text.location() + " (text)";
				}
				if (!production && TextPatterns.any(TextPatterns.ENVIRONMENT_PRODUCTION, prose)) {
					production = true;
					productionSource = text.location() + " (text)";
				}
			}
			if (test != production) {
				stated = test ? Environment.TEST : Environment.PRODUCTION;
				statedSource = test ? testSource : productionSource;
			}
			else if (test) {
				// "Works in test, but in production every capture fails"
				String all = texts.prose().stream().map(t -> exchanges.proseOf(t.location(), t.text()))
					.reduce("", (a, b) -> a + "\n" + b);
				boolean worksInTest = TextPatterns.any(TextPatterns.WORKS_IN_TEST, all);
				boolean worksInProduction = TextPatterns.any(TextPatterns.WORKS_IN_PRODUCTION, all);
				if (worksInTest != worksInProduction) {
					stated = worksInTest ? Environment.PRODUCTION : Environment.TEST;
					statedSource = worksInTest ? productionSource : testSource;
				}
			}
			mentionsBoth = test && production && stated == null;
		}
		String host = exchanges.apiHost().orElseGet(() -> hostMentioned(texts).orElse(null));
		Environment byHost = host == null ? null : Hosts.environment(host).orElse(null);
		if (stated != null && byHost != null && stated != byHost) {
			warnings.add(new Warning(Warning.ENVIRONMENT_CONFLICT, "You said " + stated + ", but the request went to "
					+ host + ", which is " + byHost + "."));
			return new Found<>(byHost, ItemResult.of(item, ItemState.INVALID, "You said " + stated
					+ ", but the request went to " + host + ", which is " + describe(byHost)
					+ ". Which environment has the problem?", stated.name(), statedSource));
		}
		if (stated != null) {
			return new Found<>(stated, ItemResult.ok(item, stated.name(), statedSource));
		}
		if (byHost != null) {
			return new Found<>(byHost, ItemResult.ok(item, byHost.name(),
					exchanges.apiHost().isPresent() ? exchanges.firstRequestWithHost().location() + " (Host: " + host + ")"
							: "text (host " + host + ")"));
		}
		if (mentionsBoth) {
			return Found.none(ItemResult.of(item, ItemState.INSUFFICIENT,
					"You mention both the test environment and production: which one has the problem?"));
		}
		return Found.none(ItemResult.of(item, ItemState.MISSING,
				"Say whether this happens in the test environment (MT, apitest.vipps.no) or in production (api.vipps.no)."));
	}

	private static String describe(Environment environment) {
		return environment == Environment.TEST ? "the test environment (MT)" : "production";
	}

	private static Optional<String> hostMentioned(Texts texts) {
		for (Texts.Named text : texts.all()) {
			for (String[] match : TextPatterns.all(TextPatterns.HOST, text.text())) {
				if (Hosts.environment(match[1]).isPresent()) {
					return Optional.of(match[1].toLowerCase(Locale.ROOT));
				}
			}
		}
		return Optional.empty();
	}

	private static List<String> hosts(Texts texts, Exchanges exchanges) {
		Set<String> hosts = new LinkedHashSet<>();
		exchanges.requests().stream().map(HttpRequestInfo::host).filter(h -> h != null).forEach(hosts::add);
		for (Texts.Named text : texts.all()) {
			TextPatterns.all(TextPatterns.HOST, text.text()).forEach(m -> hosts.add(m[1].toLowerCase(Locale.ROOT)));
			if (hosts.size() > 20) {
				break;
			}
		}
		return List.copyOf(hosts);
	}

	// 7
	private static ItemResult orderReferences(ChecklistInput input, Product product, References references) {
		ChecklistItem item = ChecklistItem.ORDER_REFERENCES;
		String field = input.orderId();
		if (field != null && !field.isBlank()) {
			String orderId = field.strip();
			if (!ORDER_ID_SHAPE.matcher(orderId).matches()) {
				return ItemResult.of(item, ItemState.INVALID, "'" + orderId
						+ "' is not an orderId: a reference has 1 to 50 characters, only a-z, A-Z, 0-9 and '-'.",
						orderId, "orderId");
			}
			if ((product == Product.EPAYMENT || product == Product.CHECKOUT) && orderId.length() < 8) {
				return ItemResult.of(item, ItemState.INVALID, "'" + orderId + "' is too short for the "
						+ product.name() + " API: a reference there has at least 8 characters.", orderId, "orderId");
			}
		}
		if (product != null && !product.paymentApi()) {
			return ItemResult.of(item, ItemState.NOT_APPLICABLE,
					"Order references are not needed for the " + product.name() + " API.",
					references.orderIds().isEmpty() ? null : references.orderIds().get(0), null);
		}
		if (!references.orderIds().isEmpty()) {
			return ItemResult.ok(item, String.join(", ", references.orderIds()), references.orderSource(),
					references.transactionIds().isEmpty() && references.contextIds().isEmpty()
							? "A transactionId or contextId of the same payment helps us find it faster." : null);
		}
		if (product == Product.RECURRING && !references.agreementIds().isEmpty()) {
			return ItemResult.ok(item, String.join(", ", references.agreementIds()), references.agreementSource());
		}
		if (product == null) {
			return ItemResult.of(item, ItemState.RECOMMENDED,
					"If this concerns a payment, add its orderId (reference); its transactionId and contextId help too.");
		}
		return ItemResult.of(item, ItemState.MISSING, "Add the orderId (reference) of a payment that shows the problem"
				+ (product == Product.RECURRING ? ", or the agreementId (agr_…) or chargeId (chr_…)" : "")
				+ "; its transactionId and contextId help too.");
	}

	// 8
	private static ItemResult dates(ChecklistInput input, Texts texts, LocalDate today, List<String> found) {
		ChecklistItem item = ChecklistItem.DATES;
		if (!input.occurredOn().isEmpty()) {
			List<LocalDate> dates = new ArrayList<>();
			for (String raw : input.occurredOn()) {
				Optional<LocalDate> date = Dates.parse(raw, today);
				if (date.isEmpty()) {
					return ItemResult.of(item, ItemState.INVALID,
							"'" + raw.strip() + "' is not a date we can read: write it as 2026-11-20.", raw.strip(),
							"occurredOn");
				}
				dates.add(date.get());
			}
			dates.forEach(d -> found.add(d.toString()));
			Optional<LocalDate> future = dates.stream().filter(d -> d.isAfter(today)).findFirst();
			if (future.isPresent()) {
				return ItemResult.of(item, ItemState.INVALID, future.get() + " is in the future: give the date(s) "
						+ "the problem happened.", String.join(", ", found), "occurredOn");
			}
			return ItemResult.ok(item, String.join(", ", found), "occurredOn");
		}
		List<LocalDate> mentioned = new ArrayList<>();
		String source = null;
		for (Texts.Named text : texts.prose()) {
			List<LocalDate> here = Dates.find(text.text(), today);
			if (!here.isEmpty() && source == null) {
				source = text.location() + " (text)";
			}
			here.stream().filter(d -> !mentioned.contains(d)).forEach(mentioned::add);
		}
		List<LocalDate> past = mentioned.stream().filter(d -> !d.isAfter(today)).toList();
		mentioned.forEach(d -> found.add(d.toString()));
		if (!past.isEmpty()) {
			return ItemResult.ok(item, String.join(", ", past.stream().map(LocalDate::toString).toList()), source);
		}
		if (!mentioned.isEmpty()) {
			// A future date in the text is a due date or an expiry, not when the problem happened.
			return ItemResult.of(item, ItemState.MISSING, "Add the date(s) the problem happened (e.g. 2026-11-20); "
					+ "the only dates we found (" + mentioned.get(0) + ") are in the future.");
		}
		return ItemResult.of(item, ItemState.MISSING, "Add the date(s) the problem happened (e.g. 2026-11-20), with "
				+ "times if you have them; our servers log in UTC.");
	}

	// 9
	private static ItemResult httpExchange(Exchanges exchanges, Texts texts) {
		ChecklistItem item = ChecklistItem.HTTP_EXCHANGE;
		HttpRequestInfo request = exchanges.firstRequest();
		HttpResponseInfo response = exchanges.firstResponse();
		if (request != null && response != null) {
			String source = request.location().equals(response.location()) ? request.location()
					: request.location() + " + " + response.location();
			return ItemResult.ok(item,
					request.describe() + " → " + (response.status() == 0 ? "response" : "HTTP " + response.status()),
					source);
		}
		if (request != null) {
			return ItemResult.of(item, ItemState.INSUFFICIENT, "We have the request (" + request.describe()
					+ ") but not the response: add the status line, headers and body you got back.", request.describe(),
					request.location());
		}
		if (response != null) {
			return ItemResult.of(item, ItemState.INSUFFICIENT, "We have the response (HTTP " + response.status()
					+ ") but not the request: add the method, URL, headers (with secrets cut) and body you sent.",
					"HTTP " + response.status(), response.location());
		}
		Optional<String> language = exchanges.sourceCodeLanguage(texts);
		if (language.isPresent()) {
			return ItemResult.of(item, ItemState.INSUFFICIENT, "This is " + language.get()
					+ " source code, not the HTTP exchange. Add the complete HTTP request and response it produced "
					+ "(method, URL, headers with secrets cut, body; status line, headers, body), for example from "
					+ "curl -v or your HTTP client's log.", language.get() + " source code", "description");
		}
		return ItemResult.of(item, ItemState.MISSING, "Add the complete HTTP request and response as plain text: "
				+ "method, URL, headers (with secrets cut) and body; status line, headers and body.");
	}

	// 10
	private static ItemResult screenshots(ChecklistInput input) {
		long images = input.attachments().stream().filter(ChecklistInput.Attachment::isImage).count();
		if (images > 0) {
			return ItemResult.ok(ChecklistItem.SCREENSHOTS, images + (images == 1 ? " image" : " images"),
					"attachments");
		}
		return ItemResult.of(ChecklistItem.SCREENSHOTS, ItemState.RECOMMENDED,
				"A screenshot of what you or the user see often helps: attach it as an image.");
	}

	// 12
	private static ItemResult otherInfo(String additionalInfo) {
		if (additionalInfo != null && !additionalInfo.isBlank()) {
			String value = additionalInfo.strip();
			return ItemResult.ok(ChecklistItem.OTHER_INFO, value.length() > 120 ? value.substring(0, 120) + "…" : value,
					"additionalInfo");
		}
		return ItemResult.of(ChecklistItem.OTHER_INFO, ItemState.RECOMMENDED, "Anything else that may matter helps: "
				+ "recent changes, platform or plugin versions, how many users are affected.");
	}

	private static Optional<Warning> multipleProblems(Texts texts, List<Product> mentioned) {
		for (Texts.Named text : List.of(new Texts.Named("subject", texts.subject()),
				new Texts.Named("description", texts.description()))) {
			if (TextPatterns.any(TextPatterns.MULTIPLE_PROBLEMS, text.text())) {
				return Optional.of(new Warning(Warning.MULTIPLE_PROBLEMS_SUSPECTED,
						"This request seems to describe several problems; staff may split it into one issue each."));
			}
		}
		long products = mentioned.stream().filter(p -> p != Product.ACCESS_TOKEN).count();
		if (products >= 3) {
			return Optional.of(new Warning(Warning.MULTIPLE_PROBLEMS_SUSPECTED,
					"This request mentions " + products + " different APIs; if these are separate problems, staff may "
							+ "split it into one issue each."));
		}
		return Optional.empty();
	}

	static String compact(String value) {
		return SPACES.matcher(value.strip()).replaceAll("");
	}

	static boolean isDigits(String value) {
		return DIGITS.matcher(value).matches();
	}

	static boolean isUuid(String value) {
		return UUID_SHAPE.matcher(value).matches();
	}

	static boolean isActionSegment(String segment) {
		return ACTION_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT));
	}

	/**
	 * A value found for an item, with the item's verdict.
	 */
	record Found<T>(T value, ItemResult result) {

		static <T> Found<T> none(ItemResult result) {
			return new Found<>(null, result);
		}

	}

	static String firstGroup(Matcher matcher) {
		for (int g = 1; g <= matcher.groupCount(); g++) {
			if (matcher.group(g) != null) {
				return matcher.group(g);
			}
		}
		return null;
	}

}
