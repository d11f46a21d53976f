package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The RE2J patterns the evaluator runs over free text, in English, Norwegian, Danish and Finnish.
 * RE2J keeps every search linear in the length of the text.
 */
final class TextPatterns {

	static final Pattern ORGANIZATION_NUMBER = Pattern.compile("(?i)\\b(?:org(?:ani[sz]ation|anisasjons|anisations)?"
			+ "(?:[ .-]*(?:no|nr|num+er|number|nummer|id))?\\.?|orgnr\\.?|foretaksnummer|cvr(?:[ .-]*(?:nr|nummer|no))?\\.?"
			+ "|y-?tunnus|yritystunnus|business[ -]id|company (?:registration )?(?:number|no\\.?)|vat(?:[ .-]*(?:no|number))?\\.?)"
			+ "[ \\t]*(?:(?:is|er|on|:|#|=|-)[ \\t]*)*"
			+ "((?:NO|DK|FI)?[ ]?(?:\\d{3}[ .]?\\d{3}[ .]?\\d{3}|\\d{7}-\\d|\\d{2}[ .]?\\d{2}[ .]?\\d{2}[ .]?\\d{2}|\\d{8}|\\d+)"
			+ "(?:[ ]?MVA)?)\\b");

	static final Pattern MERCHANT_SERIAL_NUMBER = Pattern.compile("(?i)\\b(?:msn(?:[ -]?(?:nummer|nr\\.?|no\\.?|number))?"
			+ "|merchant[ -]?serial[ -]?(?:number|no\\.?|nr\\.?)?(?:[ ]*\\(msn\\))?"
			+ "|merchantserialnumber|salgsstedsnummer|salgsenhetsnummer|brugerstedsnummer|brukerstedsnummer)[\"']?"
			+ "[ \\t]*(?:(?:is|er|on|:|#|=|-)[ \\t]*)*[\"']?(\\d{3}[ ]\\d{3,4}\\b|\\d+)\\b");

	static final Pattern ORDER_ID = Pattern.compile("(?i)\\b(?:order[ _-]?id|orderid|order[ _-]?(?:no|nr|number|ref|reference)"
			+ "|reference|referanse|reference[ _-]?id|ordre(?:nummer|nr|-?id)?|ordrenummer|tilausnumero|tilaus)\\b[\"']?"
			+ "[ \\t]*(?:(?:is|er|on|:|#|=)[ \\t]*)*[\"']?([A-Za-z0-9][A-Za-z0-9-]{2,49})");

	static final Pattern ORDER_LOOSE = Pattern.compile("(?i)\\b(?:order|ordre)[ \\t]+([A-Za-z0-9]+-[A-Za-z0-9-]*[0-9][A-Za-z0-9-]*)");

	static final Pattern ORDER_IN_PATH = Pattern
		.compile("(?i)/(?:epayment/v1/payments|ecomm/v[12]/payments|checkout/v[23]/session)/([A-Za-z0-9-]{1,50})");

	static final Pattern TRANSACTION_ID = Pattern
		.compile("(?i)\\b(?:transaction[ _-]?id|transaksjons?[ _-]?id|psp[ _-]?reference)\\b[\"']?[ \\t]*(?:(?:is|er|:|=|#)[ \\t]*)*[\"']?(\\d{6,20})\\b");

	static final Pattern CONTEXT_ID = Pattern.compile("(?i)\\bcontext[ _-]?id\\b[\"']?[ \\t]*(?:(?:is|er|:|=)[ \\t]*)*[\"']?"
			+ "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	static final Pattern AGREEMENT_ID = Pattern.compile("\\b((?:agr|chr)_[A-Za-z0-9]{4,})");

	static final Pattern TRACE_ID = Pattern.compile("\\b(00-[0-9a-f]{32}-[0-9a-f]{16}-0[01])\\b");

	static final Pattern HOST = Pattern
		.compile("(?i)\\b((?:[a-z0-9-]+\\.)*(?:vipps\\.no|mobilepay\\.dk|vippsmobilepay\\.com))\\b");

	/** The end of a word, Nordic letters included (RE2J's \\b only knows ASCII letters). */
	private static final String END = "(?:$|[^\\p{L}\\p{N}_])";

	static final Pattern ENVIRONMENT_TEST = Pattern.compile("(?i)(?:\\b(?:test|testing)[ -]?(?:environment|env|miljø(?:et)?|miljö(?:et)?"
			+ "|ympäristö\\pL*)" + END + "|\\btestmiljø(?:et)?" + END + "|\\btestmiljö(?:et)?" + END
			+ "|\\btestiympäristö\\pL*|\\bmerchant test\\b"
			+ "|\\b(?:in|on|i|på|against|mot)[ ]+(?:the[ ]+)?(?:test|mt|sandbox)\\b|\\bsandbox\\b|(?:^|[,;(])[ ]*test[ ]*(?:[,;.)]|$)"
			+ "|\\b(?:environment|env|miljø|miljö|ympäristö)[ ]*[:=][ ]*(?:test|mt|sandbox)\\b)");

	/** "not in production", "ikke i test": a mention that says where the problem is not. */
	static final Pattern NEGATED_ENVIRONMENT = Pattern.compile("(?i)\\b(?:not|ikke|ikkje|inte|ei)[ ]+(?:(?:in|i|på|on)[ ]+)?"
			+ "(?:the[ ]+)?(?:production|prod|produksjon\\pL*|produktion\\pL*|tuotannossa|test\\pL*|mt|sandbox)");

	static final Pattern ENVIRONMENT_MT = Pattern.compile("\\bMT\\b");

	/** "works in test, but …": the other environment is the one with the problem. */
	static final Pattern WORKS_IN_TEST = Pattern.compile("(?i)\\b(?:works?|working|worked|fine|ok|fungerer|fungerte|virker"
			+ "|virket|funker|funket|fungerar|toimii)\\b[^.,;\\n]{0,15}\\b(?:test|mt|sandbox|testmiljø\\pL*|testmiljö\\pL*"
			+ "|testiympäristö\\pL*)" + END + "|(?i)\\b(?:test\\pL*|mt)\\b[^.,;\\n]{0,25}\\b(?:works?|worked|fine|fungerer"
			+ "|fungerte|virker|virket|funker|funket|toimii)\\b");

	static final Pattern WORKS_IN_PRODUCTION = Pattern.compile("(?i)\\b(?:works?|working|worked|fine|ok|fungerer|fungerte"
			+ "|virker|virket|funker|funket|fungerar|toimii)\\b[^.,;\\n]{0,15}\\b(?:production|prod|produksjon\\pL*"
			+ "|produktion\\pL*|tuota\\pL*)" + END);

	/** NO 918 713 867 MVA: the Norwegian VAT form needs no label. */
	static final Pattern ORGANIZATION_NUMBER_MVA = Pattern.compile("\\b(NO[ ]?\\d{3}[ ]?\\d{3}[ ]?\\d{3}[ ]?MVA)\\b");

	static final Pattern ENVIRONMENT_PRODUCTION = Pattern.compile("(?i)\\b(?:production|prod|produksjon\\pL*|produktion\\pL*"
			+ "|tuotanto\\pL*|tuotann\\pL*|live[ -]?(?:environment|miljø\\pL*)|went live|go(?:ing)? live|gikk live|i drift"
			+ "|(?:environment|env|miljø|miljö|ympäristö)[ ]*[:=][ ]*(?:prod\\pL*|production|live))" + END);

	static final Pattern ISO_DATE = Pattern.compile("\\b(20\\d\\d)-(\\d\\d)-(\\d\\d)(?:T|\\b)");

	static final Pattern DOTTED_DATE = Pattern.compile("\\b(\\d{1,2})([./-])(\\d{1,2})[./-](20\\d\\d)\\b");

	private static final String MONTHS = "jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch|ts|s)?|apr(?:il)?|ma[iyj]|jun[ie]?|jul[iy]?"
			+ "|aug(?:ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cs](?:ember)?|tammikuu\\w*|helmikuu\\w*"
			+ "|maaliskuu\\w*|huhtikuu\\w*|toukokuu\\w*|kesäkuu\\w*|heinäkuu\\w*|elokuu\\w*|syyskuu\\w*|lokakuu\\w*"
			+ "|marraskuu\\w*|joulukuu\\w*";

	static final Pattern DAY_MONTH = Pattern
		.compile("(?i)\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?[ ]+(?:of[ ]+)?(" + MONTHS + ")\\b\\.?(?:,?[ ]+(20\\d\\d))?");

	static final Pattern MONTH_DAY = Pattern
		.compile("(?i)\\b(" + MONTHS + ")\\.?[ ]+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?[ ]+(20\\d\\d))?");

	static final Pattern TODAY = Pattern.compile("(?i)\\b(?:today|this morning|i dag|idag|i morges|tänään|i formiddags)\\b");

	static final Pattern YESTERDAY = Pattern.compile("(?i)\\b(?:yesterday|i går|igår|eilen)\\b");

	static final Pattern PATH_MENTION = Pattern.compile("(?i)(/(?:accesstoken|miami|authentication|epayment|recurring"
			+ "|access-management-1\\.0|vipps-login-ciba|vipps-userinfo-api|checkout|ecomm|order-management|management"
			+ "|partner-api|report|settlement|webhooks|qr|psp|merchant-management|v1/loyalty-check-in)(?:/[A-Za-z0-9._~{}-]*)*)");

	static final Pattern PRODUCT_NAME = Pattern.compile("(?i)\\b(access[ -]?token(?:[ ]api)?|e-?payment(?:[ ]api)?|recurring(?:[ ]api)?"
			+ "|vipps[ ]login|mobilepay[ ]login|login[ ]api|login[ ]with[ ]vipps|openid[ ]connect|oidc|userinfo(?:[ ]api)?"
			+ "|checkout[ ]api|vipps[ ]checkout|mobilepay[ ]checkout|e-?comm?(?:[ ]api)?|order[ ]management(?:[ ]api)?"
			+ "|management[ ]api|partner[ ]api|report[ ]api|settlement[ ]api|webhooks?(?:[ ]api)?|qr[ ]api|psp[ ]api"
			+ "|check-in[ ]api|sales[ ]api|donations[ ]api|invoice[ ]api|efaktura)\\b");

	static final Pattern ERROR_CODE = Pattern.compile("(?i)\"name\"\\s*:\\s*\"ErrorCode\"\\s*,\\s*\"reason\"\\s*:\\s*\"([A-Za-z0-9_-]{1,40})\""
			+ "|\"errorCode\"\\s*:\\s*\"?([A-Za-z0-9_-]{1,40})|\"error\"\\s*:\\s*\"([a-z_]{3,40})\"");

	static final Pattern MULTIPLE_PROBLEMS = Pattern.compile("(?i)\\b(?:problem|issue|error|question|feil|fejl|ongelma|virhe"
			+ "|spørsmål)[ ]*(?:no\\.?|nr\\.?|#)?[ ]*[2-9][:.)]|\\b(?:several|multiple|two|three)[ ]+(?:different[ ]+"
			+ "|separate[ ]+)?(?:problems|issues)\\b|\\b(?:flere|to|tre)[ ]+(?:ulike[ ]+|forskellige[ ]+)?(?:problemer|feil|fejl)\\b"
			+ "|\\buseita[ ]+(?:ongelmia|virheitä)");

	static final Pattern NUMBERED_STEP = Pattern
		.compile("(?im)(?:^[ \\t]*(?:\\d{1,2}[.):]|[-*•])[ \\t]+\\S|\\b(?:steps?|trinn|stegvis|vaiheet|expected|actual|forventet|faktisk)\\b|(?:^|\\s)[1-9]\\)[ ]+\\S)");

	/** A 4–7 digit run: an MSN inside a field that also holds words ("MSN 123456", "123456 (test)"). */
	static final Pattern MSN_DIGITS = Pattern.compile("(?:^|[^0-9])(\\d{4,7})(?:$|[^0-9])");

	/** "How do I …?", "Hvordan …?", "Miten …?": a question about how something works. */
	static final Pattern HOW_TO_QUESTION = Pattern.compile("(?i)(?:^|[.!?\\n][ ]*)(?:how|what|which|when|where|why|is it|can we"
			+ "|can i|do you|does|should|hvordan|hva|hvilke|hvilken|når|hvor|kan vi|kan jeg|må vi|bør vi|hvad|hvornår|miten|mitä"
			+ "|mikä|milloin|voiko|voimmeko|onko)\\b[^?]{0,300}\\?");

	/** Words of something failing: a question with these is a problem report. */
	static final Pattern FAILURE = Pattern.compile("(?i)\\b(?:error|errors|fail\\w*|failing|exception|broken|crash\\w*"
			+ "|does not work|doesn't work|not working|stopped|feil\\w*|virker ikke|fungerer ikke|fejl\\w*|virhe\\w*"
			+ "|ei toimi|returns? [45]\\d\\d|http [45]\\d\\d|[45]\\d\\d (?:bad|unauthorized|forbidden|not found|conflict|internal)"
			+ "|timeout|timed out|declined|rejected|avvist)\\b");

	static final Pattern MSN_IN_JSON = Pattern
		.compile("(?i)\"(?:merchantSerialNumber|merchant_serial_number|msn)\"\\s*:\\s*\"?(\\d+)");

	static final Pattern REFERENCE_IN_JSON = Pattern
		.compile("\"(?:reference|orderId|order_id)\"\\s*:\\s*\"([A-Za-z0-9-]{1,50})\"");

	static final Pattern TRANSACTION_IN_JSON = Pattern.compile("\"(?:transactionId|pspReference)\"\\s*:\\s*\"?(\\d{6,20})");

	static final Pattern CONTEXT_IN_JSON = Pattern
		.compile("\"contextId\"\\s*:\\s*\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"");

	static final Pattern STATUS_IN_JSON = Pattern.compile("\"(?:status|statusCode)\"\\s*:\\s*([1-5]\\d\\d)\\b");

	static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'_-]*");

	static final Pattern CLOSING = Pattern.compile("(?im)^[ \\t]*(?:best regards|kind regards|regards|thanks|thank you|br|cheers"
			+ "|mvh|med vennlig hilsen|vennlig hilsen|hilsen|med venlig hilsen|venlig hilsen|hilsner|ystävällisin terveisin"
			+ "|terveisin|t\\.)[ \\t]*[,.!]*[ \\t]*(?:\\r?\\n[ \\t]*)*([^\\r\\n]{2,80})");

	static final Pattern PERSON_NAME = Pattern.compile("^(\\p{Lu}[\\p{L}'-]+(?:[ ]+\\p{Lu}[\\p{L}'.-]*){0,3})");

	/**
	 * Literals (lower case) without one of which a pattern cannot match: the pattern only runs on a
	 * text that holds one, which spares RE2J's slower search most of the time.
	 */
	private static final Map<Pattern, List<String>> GUARDS = guards();

	private static final Literals HOST_LITERALS = new Literals(GUARDS.get(HOST));

	private static Map<Pattern, List<String>> guards() {
		Map<Pattern, List<String>> guards = new IdentityHashMap<>();
		guards.put(ORGANIZATION_NUMBER, List.of("org", "foretak", "cvr", "tunnus", "business", "company", "vat"));
		guards.put(MERCHANT_SERIAL_NUMBER, List.of("msn", "merchant", "salgs", "brugersted", "brukersted"));
		guards.put(ORDER_ID, List.of("order", "ref", "ordre", "tilaus"));
		guards.put(ORDER_LOOSE, List.of("order", "ordre"));
		guards.put(ORDER_IN_PATH, List.of("/payments/", "/session/"));
		guards.put(TRANSACTION_ID, List.of("transa", "psp"));
		guards.put(CONTEXT_ID, List.of("context"));
		guards.put(AGREEMENT_ID, List.of("agr_", "chr_"));
		guards.put(TRACE_ID, List.of("00-"));
		guards.put(HOST, List.of("vipps.no", "mobilepay.dk", "vippsmobilepay.com"));
		guards.put(ENVIRONMENT_TEST, List.of("test", "sandbox"));
		guards.put(ENVIRONMENT_MT, List.of("mt"));
		guards.put(NEGATED_ENVIRONMENT, List.of("not", "ikke", "ikkje", "inte", "ei "));
		guards.put(WORKS_IN_TEST, List.of("test", "mt", "sandbox"));
		guards.put(WORKS_IN_PRODUCTION, List.of("prod", "tuota"));
		guards.put(ORGANIZATION_NUMBER_MVA, List.of("mva"));
		guards.put(ENVIRONMENT_PRODUCTION, List.of("prod", "tuotan", "live", "drift"));
		guards.put(ISO_DATE, List.of("-"));
		guards.put(DOTTED_DATE, List.of(".", "/", "-"));
		guards.put(TODAY, List.of("today", "morning", "dag", "morges", "tänään", "formiddag"));
		guards.put(YESTERDAY, List.of("yesterday", "går", "eilen"));
		guards.put(PATH_MENTION, List.of("/"));
		List<String> months = List.of("jan", "feb", "mar", "apr", "mai", "may", "maj", "jun", "jul", "aug", "sep", "okt", "oct",
				"nov", "des", "dec", "kuu");
		guards.put(DAY_MONTH, months);
		guards.put(MONTH_DAY, months);
		guards.put(PRODUCT_NAME, List.of("token", "payment", "recurring", "login", "oidc", "openid", "userinfo", "e-com",
				"checkout", "ecom", "management", "partner", "report", "settlement", "webhook", "qr", "psp", "check-in",
				"sales", "donations", "invoice", "efaktura"));
		guards.put(ERROR_CODE, List.of("error"));
		guards.put(MULTIPLE_PROBLEMS, List.of("problem", "issue", "error", "question", "feil", "fejl", "ongelma",
				"virhe", "spørsmål", "ting", "useita"));
		guards.put(CLOSING, List.of("regards", "thank", "br", "cheers", "mvh", "hilsen", "terveisin", "t."));
		return guards;
	}

	private TextPatterns() {
	}

	/**
	 * Guarded patterns that never match across a line break (no {@code \\s}, no negated class, no
	 * {@code ^} or {@code $}) and whose every match holds one of its guard's literals: they run only
	 * on the lines that hold one, not on the whole text (RE2J's search costs the length it reads; a
	 * request's text is mostly lines without any). {@code TextPatternsTest} checks both claims.
	 */
	static final Set<Pattern> LINE_BOUND = Collections.newSetFromMap(new IdentityHashMap<>());

	static {
		LINE_BOUND.addAll(List.of(ORGANIZATION_NUMBER, MERCHANT_SERIAL_NUMBER, ORDER_ID, ORDER_LOOSE, TRANSACTION_ID,
				CONTEXT_ID, HOST, PATH_MENTION, PRODUCT_NAME, MULTIPLE_PROBLEMS));
	}

	/**
	 * Patterns every match of which begins with one of a few literals (compared in lower case, see
	 * {@link #fold}): they are not searched for at all, only tried where a literal begins. RE2J's
	 * search of a text starts a thread of the whole pattern at each character, so a pattern with
	 * many alternatives costs its size at every character; tried at a literal it costs only the
	 * length of what it reads there. Each of these patterns reads a bounded stretch from where it
	 * is tried, or stops where a later try would begin, so the work stays linear in the text.
	 * {@code PatternShortcutsProperties} checks that they find exactly what a search of the whole
	 * text finds, and {@code AdversarialInputTest} that the work stays linear.
	 */
	private static final Map<Pattern, Starts> STARTS = new IdentityHashMap<>();

	/** The patterns of {@link #STARTS} behind one character. */
	private static final Set<Pattern> STARTS_AFTER_ONE = Collections.newSetFromMap(new IdentityHashMap<>());

	static {
		starts(ORGANIZATION_NUMBER, "org", "foretaksnummer", "cvr", "y-tunnus", "ytunnus", "yritystunnus", "business",
				"company", "vat");
		starts(MERCHANT_SERIAL_NUMBER, "msn", "merchant", "salgsstedsnummer", "salgsenhetsnummer", "brugerstedsnummer",
				"brukerstedsnummer");
		starts(TRANSACTION_ID, "transaction", "transaksjon", "psp");
		starts(CONTEXT_ID, "context");
		starts(AGREEMENT_ID, "agr_", "chr_");
		starts(MULTIPLE_PROBLEMS, "problem", "issue", "error", "question", "feil", "fejl", "ongelma", "virhe",
				"spørsmål", "several", "multiple", "two", "three", "flere", "to", "tre", "useita");
		starts(MSN_IN_JSON, "\"merchantserialnumber\"", "\"merchant_serial_number\"", "\"msn\"");
		starts(TRANSACTION_IN_JSON, "\"transactionid\"", "\"pspreference\"");
		starts(CONTEXT_IN_JSON, "\"contextid\"");
		starts(STATUS_IN_JSON, "\"status");
	}

	/**
	 * The literals a pattern's matches begin with, and the pattern behind one character of any
	 * kind: tried on the text from the character before a literal, it sees what precedes the
	 * literal (for {@code \b}) and is anchored where the literal begins.
	 */
	private record Starts(Literals literals, Pattern atStart, Pattern afterOne) {
	}

	/*
	 * Both begin with \A: RE2J's lookingAt() only stops reading the text early for a pattern
	 * anchored at the beginning of the text; otherwise, once its threads have died, it steps on
	 * to the end of the input without matching anything, and trying at every literal of a long
	 * text costs the square of its length.
	 */
	private static void starts(Pattern pattern, String... literals) {
		Pattern atStart = Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags());
		Pattern afterOne = Pattern.compile("\\A(?s:.)(" + pattern.pattern() + ")", pattern.flags());
		STARTS.put(pattern, new Starts(new Literals(List.of(literals)), atStart, afterOne));
		STARTS_AFTER_ONE.add(afterOne);
	}

	/**
	 * The lower-case copies of the last texts this thread looked at, as text, copy, text, copy...:
	 * an evaluation runs its patterns over a handful of texts, one after another. Eight of at most
	 * {@link #SMALL} characters, and one longer one, so that a thread that lives long (the mail
	 * poller) holds at most one long text and its copy between evaluations, as before.
	 */
	private static final ThreadLocal<String[]> LOWER = ThreadLocal.withInitial(() -> new String[2 * 9]);

	private static final int SMALL = 64 * 1024;

	/** The text folded to lower case ("" for none), remembered for the next patterns run on the same text. */
	static String lower(String text) {
		if (text == null) {
			return "";
		}
		String[] last = LOWER.get();
		for (int i = 0; i < last.length; i += 2) {
			if (last[i] == text) {
				return last[i + 1];
			}
		}
		String folded = fold(text);
		if (text.length() > SMALL) {
			last[last.length - 2] = text;
			last[last.length - 1] = folded;
		}
		else {
			// the oldest of the small ones goes
			System.arraycopy(last, 0, last, 2, last.length - 4);
			last[0] = text;
			last[1] = folded;
		}
		return folded;
	}

	/**
	 * The text in lower case, with the long s ("ſ") as "s": RE2J's {@code (?i)} takes "ſ" for an
	 * "s" (and the Kelvin sign for a "k", which lower-casing already turns into one), so a literal
	 * looked for in the folded text is found wherever a case-insensitive pattern would see it.
	 */
	static String fold(String text) {
		return text.toLowerCase(Locale.ROOT).replace('\u017f', 's');
	}

	private static boolean guarded(Pattern pattern, String text) {
		List<String> guard = GUARDS.get(pattern);
		if (guard == null) {
			return false;
		}
		String lower = lower(text);
		for (String literal : guard) {
			if (lower.contains(literal)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every match of the pattern in the text, group by group.
	 */
	static List<String[]> all(Pattern pattern, String text) {
		List<String[]> found = new ArrayList<>();
		find(pattern, text, match -> {
			found.add(match.groups());
			return found.size() < 1_000;
		});
		return found;
	}

	static boolean any(Pattern pattern, String text) {
		boolean[] any = { false };
		find(pattern, text, match -> {
			any[0] = true;
			return false;
		});
		return any[0];
	}

	/** Takes a match and says whether to look for more. */
	private interface Matches {

		boolean next(Match match);

	}

	/** A match, its groups read only when asked (RE2J reads a text again for them). */
	private interface Match {

		String[] groups();

	}

	/**
	 * A pattern read by hand; one that reads the folded text ({@link #lower}) only where folding
	 * keeps every character's position (not after an "İ").
	 */
	private record Reader(ReadsMatches read, boolean folded) {
	}

	private interface ReadsMatches {

		void read(String text, Matches matches);

	}

	private static final Map<Pattern, Reader> READERS = new IdentityHashMap<>();

	static {
		READERS.put(HOST, new Reader(TextPatterns::hostNames, true));
		READERS.put(PATH_MENTION, new Reader(TextPatterns::pathMentions, true));
		READERS.put(REFERENCE_IN_JSON, new Reader(TextPatterns::references, false));
		READERS.put(ERROR_CODE, new Reader(TextPatterns::errorCodes, true));
		READERS.put(PRODUCT_NAME, new Reader(TextPatterns::productNames, true));
		READERS.put(TRACE_ID, new Reader(TextPatterns::traceIds, false));
		READERS.put(WORD, new Reader(TextPatterns::words, false));
		READERS.put(ORDER_ID, new Reader(TextPatterns::orderIds, true));
		READERS.put(ORDER_LOOSE, new Reader(TextPatterns::looseOrderIds, true));
	}

	/** Hands the matches a search of the whole text finds, in order, to {@code matches}. */
	private static void find(Pattern pattern, String text, Matches matches) {
		if (text == null || text.isEmpty() || guarded(pattern, text)) {
			return;
		}
		boolean sameLength = lower(text).length() == text.length();
		Starts starts = STARTS.get(pattern);
		if (starts != null && sameLength) {
			tryAtStarts(pattern, starts, text, matches);
			return;
		}
		Reader reader = READERS.get(pattern);
		if (reader != null && (sameLength || !reader.folded())) {
			reader.read().read(text, matches);
			return;
		}
		for (String part : searched(pattern, text)) {
			Matcher matcher = pattern.matcher(part);
			while (matcher.find()) {
				if (!matches.next(() -> groups(matcher))) {
					return;
				}
			}
		}
	}

	/**
	 * Tries the pattern where each of its literals begins, left to right, skipping what a match
	 * took: a search of the whole text finds the match that begins leftmost, then searches on
	 * from its end, so this finds the same matches. (Its matches carry the pattern's groups one
	 * later, behind the character before the literal; {@link #groups} drops that group.)
	 */
	private static void tryAtStarts(Pattern pattern, Starts starts, String text, Matches matches) {
		int[] at = literalPositions(lower(text), starts.literals());
		int from = 0;
		for (int start : at) {
			if (start < from) {
				continue;
			}
			Matcher matcher = start == 0 ? starts.atStart().matcher(text)
					: starts.afterOne().matcher(new Window(text, start - 1, text.length()));
			if (matcher.lookingAt()) {
				if (!matches.next(() -> groups(matcher))) {
					return;
				}
				from = start == 0 ? matcher.end() : start - 1 + matcher.end();
			}
		}
	}

	/**
	 * The {@link #HOST} pattern's matches, read by hand: a host name is made of letters, digits,
	 * dots and hyphens, so a match lies in a run of such characters that holds one of the domains.
	 * RE2J took some microseconds for each host name, and a log names the same host on every line.
	 * {@code PatternShortcutsProperties} checks this against the pattern.
	 */
	private static void hostNames(String text, Matches matches) {
		String lower = lower(text);
		int searchedTo = 0;
		for (int literal : literalPositions(lower, HOST_LITERALS)) {
			if (literal < searchedTo) {
				continue;
			}
			int start = literal;
			while (start > 0 && hostCharacter(text.charAt(start - 1))) {
				start--;
			}
			int end = literal;
			while (end < text.length() && hostCharacter(text.charAt(end))) {
				end++;
			}
			searchedTo = end;
			if (!hostNamesInRun(text, lower, start, end, matches)) {
				return;
			}
		}
	}

	/**
	 * The matches of {@code \b((?:[a-z0-9-]+\.)*(?:vipps\.no|mobilepay\.dk|vippsmobilepay\.com))\b}
	 * in one run of host characters, as a search finds them: the leftmost start {@code p} at a word
	 * boundary from which labels ("x.") lead to a domain that ends at a word boundary, and of
	 * those domains the last one (the {@code *} takes as many labels as it can). Labels lead from
	 * {@code p} to a domain at {@code d} when {@code p} is not a dot, a dot stands just before
	 * {@code d}, and no two dots stand together between them (a label is not empty).
	 */
	private static boolean hostNamesInRun(String text, String lower, int start, int end, Matches matches) {
		// the domains in the run that end at a word boundary, all and those with a dot before them
		IntList domains = new IntList();
		IntList ends = new IntList();
		IntList dotted = new IntList();
		IntList dottedEnds = new IntList();
		IntList doubleDots = new IntList();
		for (int d = start; d < end; d++) {
			if (d + 1 < end && lower.charAt(d) == '.' && lower.charAt(d + 1) == '.') {
				doubleDots.add(d);
			}
			int e = domainEnd(lower, d, end);
			if (e > 0 && wordBoundary(text, e)) {
				domains.add(d);
				ends.add(e);
				if (d > start && lower.charAt(d - 1) == '.') {
					dotted.add(d);
					dottedEnds.add(e);
				}
			}
		}
		int next = 0;
		int doubleDot = 0;
		int p = start;
		while (p < end) {
			while (next < domains.size() && domains.get(next) < p) {
				next++;
			}
			if (next == domains.size()) {
				return true;
			}
			if (lower.charAt(p) == '.' || !wordBoundary(text, p)) {
				p++;
				continue;
			}
			while (doubleDot < doubleDots.size() && doubleDots.get(doubleDot) < p) {
				doubleDot++;
			}
			// labels from p reach up to the first ".." (its first dot may stand just before a domain)
			int reach = doubleDot < doubleDots.size() ? doubleDots.get(doubleDot) + 1 : end;
			int deepest = dotted.lastAtMost(reach);
			int to;
			if (deepest >= 0 && dotted.get(deepest) > p) {
				to = dottedEnds.get(deepest);
			}
			else if (domains.get(next) == p) {
				to = ends.get(next);
			}
			else {
				p++;
				continue;
			}
			int from = p;
			if (!matches.next(() -> new String[] { text.substring(from, to), text.substring(from, to) })) {
				return false;
			}
			p = to;
		}
		return true;
	}

	/** A growing list of ascending ints. */
	private static final class IntList {

		private int[] values = new int[4];

		private int size;

		void add(int value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		int get(int index) {
			return values[index];
		}

		int size() {
			return size;
		}

		/** The index of the last value at most {@code limit}, or -1. */
		int lastAtMost(int limit) {
			int low = 0;
			int high = size - 1;
			int found = -1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				if (values[middle] <= limit) {
					found = middle;
					low = middle + 1;
				}
				else {
					high = middle - 1;
				}
			}
			return found;
		}

	}

	/** The alternatives of {@link #PATH_MENTION}, none the beginning of another. */
	private static final List<String> API_PATHS = List.of("/accesstoken", "/miami", "/authentication", "/epayment",
			"/recurring", "/access-management-1.0", "/vipps-login-ciba", "/vipps-userinfo-api", "/checkout", "/ecomm",
			"/order-management", "/management", "/partner-api", "/report", "/settlement", "/webhooks", "/qr", "/psp",
			"/merchant-management", "/v1/loyalty-check-in");

	private static final Literals API_PATH_LITERALS = new Literals(API_PATHS);

	/**
	 * The {@link #PATH_MENTION} pattern's matches, read by hand (a log names the same path on
	 * every line): one of the API paths in any case, then as many "/segment" as follow. The
	 * folded text has the pattern's {@code (?i)[A-Za-z]} as a-z, the Kelvin sign and the long s
	 * included. {@code PatternShortcutsProperties} checks this against the pattern.
	 */
	private static void pathMentions(String text, Matches matches) {
		String lower = lower(text);
		int from = 0;
		for (int p : literalPositions(lower, API_PATH_LITERALS)) {
			if (p < from) {
				continue;
			}
			int e = p;
			for (String path : API_PATHS) {
				if (lower.startsWith(path, p)) {
					e = p + path.length();
					break;
				}
			}
			while (e < lower.length() && lower.charAt(e) == '/') {
				e++;
				while (e < lower.length() && pathCharacter(lower.charAt(e))) {
					e++;
				}
			}
			int start = p;
			int end = e;
			if (!matches.next(() -> new String[] { text.substring(start, end), text.substring(start, end) })) {
				return;
			}
			from = e;
		}
	}

	/** What {@code (?i)[A-Za-z0-9._~{}-]} takes, in the folded text. */
	private static boolean pathCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '{'
				|| c == '}' || c == '-';
	}

	/** Where the domain that begins at {@code d} ends, or -1. */
	private static int domainEnd(String lower, int d, int end) {
		for (String domain : HOST_DOMAINS) {
			if (d + domain.length() <= end && lower.startsWith(domain, d)) {
				return d + domain.length();
			}
		}
		return -1;
	}

	/** The domains of {@link #HOST}, in the order of its alternatives. */
	private static final List<String> HOST_DOMAINS = List.of("vipps.no", "mobilepay.dk", "vippsmobilepay.com");

	/** RE2J's {@code \b}: a word character (ASCII letter, digit, underscore) on one side only. */
	private static boolean wordBoundary(String text, int at) {
		return (at > 0 && wordCharacter(text.charAt(at - 1))) != (at < text.length() && wordCharacter(text.charAt(at)));
	}

	private static boolean wordCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	/**
	 * The labels of {@link #ORDER_ID}, spelled out in the order the pattern tries them: its
	 * alternatives in order, an optional separator or part taken before left out. (Of "order id",
	 * "order_id" and "order-id" only one can stand at a place, so their order is no matter. The
	 * pattern's own "orderid" and "ordrenummer" alternatives repeat labels spelled out earlier,
	 * which already took every place they could: they are left out.)
	 */
	private static final List<String> ORDER_LABELS = concat(
			combinations("order", List.of(" ", "_", "-", ""), List.of("id")),
			combinations("order", List.of(" ", "_", "-", ""), List.of("no", "nr", "number", "ref", "reference")),
			List.of("reference", "referanse"), combinations("reference", List.of(" ", "_", "-", ""), List.of("id")),
			List.of("ordrenummer", "ordrenr", "ordre-id", "ordreid", "ordre", "tilausnumero", "tilaus"));

	private static List<String> combinations(String head, List<String> separators, List<String> tails) {
		List<String> all = new ArrayList<>();
		for (String separator : separators) {
			for (String tail : tails) {
				all.add(head + separator + tail);
			}
		}
		return all;
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		List<String> all = new ArrayList<>();
		for (List<String> part : parts) {
			all.addAll(part);
		}
		return List.copyOf(all);
	}

	/** Where an {@link #ORDER_ID} or {@link #ORDER_LOOSE} match can begin: each label begins with one. */
	private static final Literals ORDER_STARTS = new Literals(List.of("order", "refer", "ordre", "tilaus"));

	/**
	 * The {@link #ORDER_ID} pattern's matches, read by hand on the folded text (RE2J tried the
	 * pattern at every label, and read the text again for the groups of each match: a third of an
	 * evaluation of a log that names a reference on every line). At a word boundary, each label in
	 * the pattern's order, a word boundary after it, then what follows as the pattern takes it:
	 * {@code ["']?[ \t]*(?:(?:is|er|on|:|#|=)[ \t]*)*["']?} and the value,
	 * {@code [A-Za-z0-9][A-Za-z0-9-]{2,49}}; where that fails, the next label. The pattern's
	 * choices are tried as it tries them: the quote taken before left out, the repeated part as
	 * often as it goes, then once less, and so on. {@code PatternShortcutsProperties} checks this
	 * against the pattern.
	 */
	private static void orderIds(String text, Matches matches) {
		String lower = lower(text);
		int from = 0;
		for (int p : literalPositions(lower, ORDER_STARTS)) {
			if (p < from || !wordBoundary(text, p)) {
				continue;
			}
			for (String label : ORDER_LABELS) {
				int afterLabel = p + label.length();
				if (!lower.startsWith(label, p) || !wordBoundary(text, afterLabel)) {
					continue;
				}
				int[] value = orderValueAfter(lower, afterLabel);
				if (value != null) {
					int start = p;
					if (!matches.next(() -> new String[] { text.substring(start, value[1]),
							text.substring(value[0], value[1]) })) {
						return;
					}
					from = value[1];
					break;
				}
			}
		}
	}

	/** Where {@link #ORDER_ID}'s value after a label begins and ends, or null. */
	private static int[] orderValueAfter(String lower, int at) {
		for (int quote = quote(lower, at) ? 1 : 0; quote >= 0; quote--) {
			// Blanks are taken all: what may follow them (a word, a quote, the value) never begins with one.
			int s = run(lower, at + quote, Integer.MAX_VALUE, TextPatterns::blank);
			// The repeated part: at most one of its words stands at a place, so how often it goes is
			// the only choice, and the pattern tries the most first. After ":", "#" or "=" the value
			// (or a quote) cannot begin; after "is", "er" or "on" it can, when the word goes on
			// ("is-1a"): the last such place where it does is the one the pattern ends up taking.
			int wordPlace = -1;
			while (true) {
				int word = lower.startsWith("is", s) || lower.startsWith("er", s) || lower.startsWith("on", s) ? 2
						: is(lower, s, ':') || is(lower, s, '#') || is(lower, s, '=') ? 1 : 0;
				if (word == 0) {
					break;
				}
				if (word == 2 && orderValueAt(lower, s)) {
					wordPlace = s;
				}
				s = run(lower, s + word, Integer.MAX_VALUE, TextPatterns::blank);
			}
			int[] value = quotedOrderValue(lower, s);
			if (value == null && wordPlace >= 0) {
				value = new int[] { wordPlace, orderValueEnd(lower, wordPlace) };
			}
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** {@code ["']?} and the value: with the quote first, then without. */
	private static int[] quotedOrderValue(String lower, int at) {
		if (quote(lower, at)) {
			int end = orderValueEnd(lower, at + 1);
			if (end > 0) {
				return new int[] { at + 1, end };
			}
		}
		int end = orderValueEnd(lower, at);
		return end > 0 ? new int[] { at, end } : null;
	}

	/** Whether {@link #orderValueEnd} finds a value at {@code at}: its first three characters decide. */
	private static boolean orderValueAt(String lower, int at) {
		return at + 2 < lower.length() && alphanumeric(lower.charAt(at))
				&& (alphanumeric(lower.charAt(at + 1)) || lower.charAt(at + 1) == '-')
				&& (alphanumeric(lower.charAt(at + 2)) || lower.charAt(at + 2) == '-');
	}

	/** The end of {@code [A-Za-z0-9][A-Za-z0-9-]{2,49}} from {@code at} in the folded text, or -1. */
	private static int orderValueEnd(String lower, int at) {
		if (at >= lower.length() || !alphanumeric(lower.charAt(at))) {
			return -1;
		}
		int end = run(lower, at + 1, 49, c -> alphanumeric(c) || c == '-');
		return end - at >= 3 ? end : -1;
	}

	/**
	 * The {@link #ORDER_LOOSE} pattern's matches, read by hand on the folded text:
	 * {@code \b(?:order|ordre)[ \t]+} and a value of letters and digits, a hyphen, and more of
	 * them with hyphens, a digit among what follows the first hyphen. The first letters and digits
	 * end at the hyphen; the rest goes on as long as letters, digits and hyphens do.
	 */
	private static void looseOrderIds(String text, Matches matches) {
		String lower = lower(text);
		int from = 0;
		for (int p : literalPositions(lower, ORDER_STARTS)) {
			if (p < from || !wordBoundary(text, p) || !(lower.startsWith("order", p) || lower.startsWith("ordre", p))) {
				continue;
			}
			int value = run(lower, p + 5, Integer.MAX_VALUE, TextPatterns::blank);
			if (value == p + 5) {
				continue;
			}
			int hyphen = run(lower, value, Integer.MAX_VALUE, TextPatterns::alphanumeric);
			if (hyphen == value || !is(lower, hyphen, '-')) {
				continue;
			}
			int end = run(lower, hyphen + 1, Integer.MAX_VALUE, c -> alphanumeric(c) || c == '-');
			boolean digit = false;
			for (int i = hyphen + 1; i < end && !digit; i++) {
				digit = lower.charAt(i) >= '0' && lower.charAt(i) <= '9';
			}
			if (digit) {
				int start = p;
				if (!matches.next(() -> new String[] { text.substring(start, end), text.substring(value, end) })) {
					return;
				}
				from = end;
			}
		}
	}

	/** What {@code (?i)[A-Za-z0-9]} takes, in the folded text. */
	private static boolean alphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private static boolean blank(char c) {
		return c == ' ' || c == '\t';
	}

	private static boolean quote(String text, int at) {
		return is(text, at, '"') || is(text, at, '\'');
	}

	private static boolean is(String text, int at, char c) {
		return at < text.length() && text.charAt(at) == c;
	}

	/**
	 * The {@link #TRACE_ID} pattern's matches, read by hand where "00-" begins (a log repeats a
	 * trace id on many lines): {@code \b(00-[0-9a-f]{32}-[0-9a-f]{16}-0[01])\b}.
	 */
	private static void traceIds(String text, Matches matches) {
		int from = 0;
		for (int p = text.indexOf("00-"); p >= 0; p = text.indexOf("00-", Math.max(p + 1, from))) {
			if (p < from) {
				continue;
			}
			int e = p + 55;
			if (e <= text.length() && wordBoundary(text, p) && hex(text, p + 3, 32) && text.charAt(p + 35) == '-'
					&& hex(text, p + 36, 16) && text.charAt(p + 52) == '-' && text.charAt(p + 53) == '0'
					&& (text.charAt(p + 54) == '0' || text.charAt(p + 54) == '1') && wordBoundary(text, e)) {
				int start = p;
				if (!matches.next(() -> new String[] { text.substring(start, e), text.substring(start, e) })) {
					return;
				}
				from = e;
			}
		}
	}

	/**
	 * The {@link #WORD} pattern's matches, read by hand ({@code [\p{L}\p{N}][\p{L}\p{N}'_-]*}, code point
	 * by code point as RE2J reads a text): a subject's words are read on every evaluation, and RE2J
	 * took two runs of its machine for each.
	 */
	private static void words(String text, Matches matches) {
		int i = 0;
		while (i < text.length()) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (!letterOrNumber(c)) {
				continue;
			}
			int start = i - Character.charCount(c);
			while (i < text.length()) {
				c = text.codePointAt(i);
				if (!letterOrNumber(c) && c != '\'' && c != '_' && c != '-') {
					break;
				}
				i += Character.charCount(c);
			}
			int end = i;
			if (!matches.next(() -> new String[] { text.substring(start, end) })) {
				return;
			}
		}
	}

	/** RE2J's {@code [\p{L}\p{N}]}: its Unicode tables are older than the JDK's (they differ in 41,323 code points). */
	private static final Pattern LETTER_OR_NUMBER = Pattern.compile("[\\p{L}\\p{N}]");

	/** {@link #LETTER_OR_NUMBER}'s answers for the BMP, asked once per character: 0 not yet asked, 1 yes, 2 no. */
	private static final byte[] LETTER_OR_NUMBER_BMP = new byte[Character.MAX_VALUE + 1];

	private static boolean letterOrNumber(int c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		if (c > Character.MAX_VALUE) {
			return LETTER_OR_NUMBER.matcher(Character.toString(c)).matches();
		}
		byte known = LETTER_OR_NUMBER_BMP[c];
		if (known == 0) {
			// Threads that ask at once store the same answer
			known = LETTER_OR_NUMBER.matcher(Character.toString(c)).matches() ? (byte) 1 : (byte) 2;
			LETTER_OR_NUMBER_BMP[c] = known;
		}
		return known == 1;
	}

	/**
	 * What {@link #PRODUCT_NAME}'s alternatives take, each spelled out, in the order the pattern
	 * tries them: its alternatives in order, and within one, an optional part taken before left
	 * out ({@code e-?comm?(?:[ ]api)?}: "e-comm api", "e-comm", "e-com api", ...). Where two of
	 * them begin with the same words the text tells them apart ("access token", "access-token").
	 */
	private static final List<String> PRODUCT_NAMES = List.of("access token api", "access-token api", "access token",
			"access-token", "accesstoken api", "accesstoken", "e-payment api", "e-payment", "epayment api", "epayment",
			"recurring api", "recurring", "vipps login", "mobilepay login", "login api", "login with vipps",
			"openid connect", "oidc", "userinfo api", "userinfo", "checkout api", "vipps checkout", "mobilepay checkout",
			"e-comm api", "e-comm", "e-com api", "e-com", "ecomm api", "ecomm", "ecom api", "ecom",
			"order management api", "order management", "management api", "partner api", "report api", "settlement api",
			"webhooks api", "webhooks", "webhook api", "webhook", "qr api", "psp api", "check-in api", "sales api",
			"donations api", "invoice api", "efaktura");

	private static final Literals PRODUCT_NAME_LITERALS = new Literals(PRODUCT_NAMES);

	/**
	 * The {@link #PRODUCT_NAME} pattern's matches, read by hand on the folded text: at a word
	 * boundary, the first of {@link #PRODUCT_NAMES} that stands there and ends at a word boundary.
	 */
	private static void productNames(String text, Matches matches) {
		String lower = lower(text);
		int from = 0;
		for (int p : literalPositions(lower, PRODUCT_NAME_LITERALS)) {
			if (p < from || !wordBoundary(text, p)) {
				continue;
			}
			for (String name : PRODUCT_NAMES) {
				int end = p + name.length();
				if (lower.startsWith(name, p) && wordBoundary(text, end)) {
					int start = p;
					if (!matches.next(() -> new String[] { text.substring(start, end), text.substring(start, end) })) {
						return;
					}
					from = end;
					break;
				}
			}
		}
	}

	/**
	 * The {@link #REFERENCE_IN_JSON} pattern's matches, read by hand where one of its keys begins
	 * (the pattern is case-sensitive): the key, a colon, and a quoted value of 1 to 50 letters,
	 * digits and hyphens.
	 */
	private static void references(String text, Matches matches) {
		int from = 0;
		for (int p : literalPositions(text, REFERENCE_KEY_LITERALS)) {
			if (p < from) {
				continue;
			}
			int key = keyLength(text, p, REFERENCE_KEYS);
			int valueStart = afterColon(text, p + key, true);
			int valueEnd = valueStart < 0 ? -1 : run(text, valueStart, 50, TextPatterns::referenceCharacter);
			if (valueEnd > valueStart && valueEnd < text.length() && text.charAt(valueEnd) == '"') {
				int start = p;
				if (!matches.next(() -> new String[] { text.substring(start, valueEnd + 1),
						text.substring(valueStart, valueEnd) })) {
					return;
				}
				from = valueEnd + 1;
			}
		}
	}

	private static final List<String> REFERENCE_KEYS = List.of("\"reference\"", "\"orderId\"", "\"order_id\"");

	private static final Literals REFERENCE_KEY_LITERALS = new Literals(REFERENCE_KEYS);

	private static boolean referenceCharacter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
	}

	/**
	 * The {@link #ERROR_CODE} pattern's matches, read by hand on the folded text (it ignores case):
	 * {@code "name": "ErrorCode", "reason": "<code>"}, {@code "errorCode": <code>} with or without
	 * quotes (no closing quote needed), or {@code "error": "<word>"}, each into its own group.
	 */
	private static void errorCodes(String text, Matches matches) {
		String lower = lower(text);
		int from = 0;
		for (int p : literalPositions(lower, ERROR_KEY_LITERALS)) {
			if (p < from) {
				continue;
			}
			int group = -1;
			int valueStart = -1;
			int valueEnd = -1;
			int end = -1;
			if (lower.startsWith("\"name\"", p)) {
				int at = afterColon(lower, p + 6, true);
				if (at >= 0 && lower.startsWith("errorcode\"", at)) {
					at = skipSpace(lower, at + 10);
					if (at < lower.length() && lower.charAt(at) == ',') {
						at = skipSpace(lower, at + 1);
						if (lower.startsWith("\"reason\"", at)) {
							valueStart = afterColon(lower, at + 8, true);
							valueEnd = valueStart < 0 ? -1 : run(lower, valueStart, 40, TextPatterns::codeCharacter);
							if (valueEnd > valueStart && valueEnd < lower.length() && lower.charAt(valueEnd) == '"') {
								group = 1;
								end = valueEnd + 1;
							}
						}
					}
				}
			}
			else if (lower.startsWith("\"errorcode\"", p)) {
				int at = afterColon(lower, p + 11, false);
				if (at >= 0) {
					// the opening quote is optional (where no code follows it there is no match either way)
					if (at < lower.length() && lower.charAt(at) == '"') {
						at++;
					}
					valueStart = at;
					valueEnd = run(lower, at, 40, TextPatterns::codeCharacter);
					if (valueEnd > valueStart) {
						group = 2;
						end = valueEnd;
					}
				}
			}
			else if (lower.startsWith("\"error\"", p)) {
				valueStart = afterColon(lower, p + 7, true);
				valueEnd = valueStart < 0 ? -1 : run(lower, valueStart, 40, c -> (c >= 'a' && c <= 'z') || c == '_');
				if (valueEnd - valueStart >= 3 && valueEnd < lower.length() && lower.charAt(valueEnd) == '"') {
					group = 3;
					end = valueEnd + 1;
				}
			}
			if (group > 0) {
				int start = p;
				int which = group;
				int matchEnd = end;
				int codeStart = valueStart;
				int codeEnd = valueEnd;
				if (!matches.next(() -> {
					String[] groups = new String[4];
					groups[0] = text.substring(start, matchEnd);
					groups[which] = text.substring(codeStart, codeEnd);
					return groups;
				})) {
					return;
				}
				from = end;
			}
		}
	}

	private static final List<String> ERROR_KEYS = List.of("\"name\"", "\"errorcode\"", "\"error\"");

	private static final Literals ERROR_KEY_LITERALS = new Literals(ERROR_KEYS);

	/** What {@code (?i)[A-Za-z0-9_-]} takes, in the folded text. */
	private static boolean codeCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	/** The length of the key that begins at {@code at}. */
	private static int keyLength(String text, int at, List<String> keys) {
		for (String key : keys) {
			if (text.startsWith(key, at)) {
				return key.length();
			}
		}
		throw new IllegalArgumentException("No key at " + at);
	}

	/**
	 * After a key: {@code \s*:\s*} and, when {@code quoted}, a quote; where what follows begins,
	 * or -1.
	 */
	private static int afterColon(String text, int from, boolean quoted) {
		int at = skipSpace(text, from);
		if (at >= text.length() || text.charAt(at) != ':') {
			return -1;
		}
		at = skipSpace(text, at + 1);
		if (!quoted) {
			return at;
		}
		return at < text.length() && text.charAt(at) == '"' ? at + 1 : -1;
	}

	/** RE2J's {@code \s*}: where the spaces, tabs, line feeds, form feeds and returns from {@code from} end. */
	private static int skipSpace(String text, int from) {
		int at = from;
		while (at < text.length()) {
			char c = text.charAt(at);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
				break;
			}
			at++;
		}
		return at;
	}

	/** A class of characters. */
	private interface CharClass {

		boolean test(char c);

	}

	/**
	 * Where a run of the characters {@code accepts} takes, from {@code from} and at most {@code max}
	 * long, ends (as {@code [...]{1,max}} takes them, greedily).
	 */
	private static int run(String text, int from, int max, CharClass accepts) {
		int at = from;
		while (at < text.length() && at - from < max && accepts.test(text.charAt(at))) {
			at++;
		}
		return at;
	}

	/** Whether the {@code length} characters from {@code from} are lower-case hexadecimal digits. */
	private static boolean hex(String text, int from, int length) {
		for (int i = from; i < from + length; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	/** What {@code (?i)[a-z0-9-]} and a dot take, the Kelvin sign and the long s included. */
	private static boolean hostCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '\u212a' || c == '\u017f';
	}

	/** The groups of a match, of the pattern's own groups when it was tried behind one character. */
	private static String[] groups(Matcher matcher) {
		int offset = STARTS_AFTER_ONE.contains(matcher.pattern()) ? 1 : 0;
		String[] groups = new String[matcher.groupCount() + 1 - offset];
		for (int g = 0; g < groups.length; g++) {
			groups[g] = matcher.group(g + offset);
		}
		return groups;
	}

	/** Where any of the literals begins in the text, in order, each place once. */
	private static int[] literalPositions(String lower, Literals literals) {
		int[] at = new int[16];
		int count = 0;
		for (int g = 0; g < literals.anchors.length; g++) {
			String anchor = literals.anchors[g];
			String[] members = literals.members[g];
			for (int i = lower.indexOf(anchor); i >= 0; i = lower.indexOf(anchor, i + 1)) {
				if (members != null && !continuesWithAny(lower, i + anchor.length(), members)) {
					continue;
				}
				if (count == at.length) {
					at = Arrays.copyOf(at, count * 2);
				}
				at[count++] = i;
			}
		}
		Arrays.sort(at, 0, count);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || at[i] != at[distinct - 1]) {
				at[distinct++] = at[i];
			}
		}
		return Arrays.copyOf(at, distinct);
	}

	/** Whether one of the literals stands at {@code at}; compared by hand, most differ at once. */
	private static boolean continuesWithAny(String text, int at, String[] literals) {
		int left = text.length() - at;
		for (String literal : literals) {
			int i = 0;
			int length = literal.length();
			if (length <= left) {
				while (i < length && text.charAt(at + i) == literal.charAt(i)) {
					i++;
				}
			}
			if (i == length) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Literals to find in a text, grouped by their first four characters: "order id", "order_no",
	 * "order number"... stand where "order" does, so the text is searched once for the start they
	 * share and each place is checked against the group, not searched for every literal. (Every
	 * search reads the whole text: a pattern of 24 literals read it 24 times.)
	 */
	private static final class Literals {

		/** What each group begins with: the longest start its literals share. */
		private final String[] anchors;

		/**
		 * What follows the anchor in each of a group's literals, or null where a literal is the
		 * anchor itself (every place counts).
		 */
		private final String[][] members;

		Literals(List<String> literals) {
			Map<String, List<String>> groups = new LinkedHashMap<>();
			for (String literal : literals) {
				groups.computeIfAbsent(literal.substring(0, Math.min(4, literal.length())), k -> new ArrayList<>())
					.add(literal);
			}
			this.anchors = new String[groups.size()];
			this.members = new String[groups.size()][];
			int g = 0;
			for (List<String> group : groups.values()) {
				String anchor = group.get(0);
				for (String literal : group) {
					int shared = 0;
					while (shared < anchor.length() && shared < literal.length()
							&& anchor.charAt(shared) == literal.charAt(shared)) {
						shared++;
					}
					anchor = anchor.substring(0, shared);
				}
				this.anchors[g] = anchor;
				int shared = anchor.length();
				this.members[g++] = group.contains(anchor) ? null
						: group.stream().map(literal -> literal.substring(shared)).toArray(String[]::new);
			}
		}

	}

	/**
	 * A part of a text, without a copy: RE2J reads it through {@link #charAt}.
	 */
	private record Window(String text, int from, int to) implements CharSequence {

		@Override
		public int length() {
			return this.to - this.from;
		}

		@Override
		public char charAt(int index) {
			return this.text.charAt(this.from + index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return this.text.substring(this.from + start, this.from + end);
		}

		@Override
		public String toString() {
			return this.text.substring(this.from, this.to);
		}

	}

	/**
	 * What a pattern is run on: the whole text, or for a {@link #LINE_BOUND} pattern the lines that
	 * hold one of its literals, in order.
	 */
	static List<String> searched(Pattern pattern, String text) {
		String lower = lower(text);
		if (!LINE_BOUND.contains(pattern) || lower.length() != text.length()) {
			// (A lower-case copy of another length, "İ", has other positions: the whole text then.)
			return List.of(text);
		}
		TreeMap<Integer, Integer> lines = new TreeMap<>();
		for (String literal : GUARDS.get(pattern)) {
			int at = lower.indexOf(literal);
			while (at >= 0) {
				int start = lower.lastIndexOf('\n', at) + 1;
				int end = lower.indexOf('\n', at);
				end = end < 0 ? lower.length() : end;
				lines.put(start, end);
				at = end >= lower.length() ? -1 : lower.indexOf(literal, end);
			}
		}
		List<String> parts = new ArrayList<>(lines.size());
		lines.forEach((start, end) -> parts.add(text.substring(start, end)));
		return parts;
	}

	/**
	 * How many words a text has (letters or digits in a row), counted without a pattern.
	 */
	static int words(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean letter = Character.isLetterOrDigit(text.charAt(i));
			if (letter && !inWord) {
				words++;
			}
			inWord = letter;
		}
		return words;
	}

	static boolean containsAny(String lowerText, String... needles) {
		for (String needle : needles) {
			if (lowerText.contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
