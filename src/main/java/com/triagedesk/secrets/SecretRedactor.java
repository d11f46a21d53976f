package com.triagedesk.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.springframework.stereotype.Component;

/**
 * Finds secrets in any text a developer sends (fields, free text, raw HTTP, curl command lines,
 * JSON and form bodies, query strings, HAR files, e-mails) and cuts each to its last four
 * characters. Every pattern is RE2J, so the time is linear in the input whatever it holds, and
 * each rule runs only when a literal it needs occurs in the text.
 * <p>
 * Redaction is the first thing done to anything received, before it is stored, logged or
 * evaluated, so no later code sees a live secret.
 */
@Component
public final class SecretRedactor {

	private static final String KEYS = "client[_-]?secret|ocp[_-]apim[_-]subscription[_-]key|subscription[_-]?key"
			+ "|x[_-]api[_-]key|api[_-]?key|access[_-]?token|id[_-]?token|refresh[_-]?token|auth[_-]?token"
			+ "|webhook[_-]?secret|signing[_-]?secret|secret|password|passwd|pwd|passord|adgangskode|salasana";

	private static final String VALUE = "(\"[^\"\\r\\n]+\"|'[^'\\r\\n]+'|[^\\s\"'&,;<>}\\])]+)";

	private static final List<Rule> RULES = List.of(
			// A whole PEM block, also with the line breaks escaped inside a JSON string.
			new Rule(Pattern.compile(
					"-----BEGIN [A-Z ]*PRIVATE KEY-----([A-Za-z0-9+/=\\s\\\\:,-]{16,}?)-----END [A-Z ]*PRIVATE KEY-----"),
					List.of("private key"), 1, m -> SecretKind.PRIVATE_KEY, v -> true),
			// The start of a PEM block pasted without its end.
			new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----((?:(?:\\s|\\\\n)*[A-Za-z0-9+/=]{16,})+)"),
					List.of("private key"), 1, m -> SecretKind.PRIVATE_KEY, v -> true),
			// HAR and similar JSON: {"name": "Authorization", "value": "Bearer …"}
			new Rule(Pattern.compile("(?i)\"name\"[ \\t]*:[ \\t]*\"(authorization|proxy-authorization|client[_-]secret"
					+ "|ocp-apim-subscription-key|x-api-key|cookie|password|access_token)\"[ \\t]*,[ \\t]*\"value\""
					+ "[ \\t]*:[ \\t]*\"(?:(?:bearer|basic|token)[ \\t]+)?([^\"]+)\""), List.of("\"name\""), 2,
					m -> kindOfName(m.group(1), m.group(0)), v -> true),
			// Authorization: Bearer … / Basic … (headers, curl -H, code)
			new Rule(Pattern.compile("(?i)\\b(?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?[ \\t]*"
					+ "(?:(bearer|basic|digest|token)[ \\t]+)?([^\\s\"',;]{8,})"), List.of("authorization"), 2,
					m -> "basic".equalsIgnoreCase(m.group(1)) ? SecretKind.BASIC_CREDENTIALS : SecretKind.BEARER_TOKEN,
					v -> true),
			// curl -u id:secret
			new Rule(Pattern.compile("(?:^|\\s)(?:-u|--user)[ \\t]+[\"']?[^\\s\"':]+:([^\\s\"']+)"),
					List.of("-u", "--user"), 1, m -> SecretKind.BASIC_CREDENTIALS, v -> true),
			// https://user:password@host (a '/' in the password is not valid in a URL, but is pasted anyway)
			new Rule(Pattern.compile("(?i)\\b(?:https?|ftp|postgres(?:ql)?|mysql|amqp|redis|mongodb|smtp|imap)://"
					+ "[^\\s/:@\"']+:([^\\s@\"']+)@"), List.of("://"), 1, m -> SecretKind.PASSWORD,
					v -> true),
			// name: value, name=value, "name": "value" in headers, JSON, forms, query strings, YAML
			new Rule(Pattern.compile("(?i)([\"']?\\b(?:" + KEYS + ")\\b[\"']?)[ \\t]*[:=][ \\t]*" + VALUE),
					List.of("secret", "key", "token", "pass", "pwd", "adgangskode", "salasana"), 2,
					m -> kindOfName(m.group(1), ""), v -> true),
			// Prose: "our client secret is Q3kz…", "passordet er …"
			new Rule(Pattern.compile("(?i)\\b(client[ _-]?secret|subscription[ _-]?key|access[ _-]?token"
					+ "|webhook[ _-]?secret|password|passordet|passord|adgangskode|salasana)\\b[ \\t]*"
					+ "(?:(?:is|er|on|was|var|equals)[ \\t]+)?[:=]?[ \\t]*([A-Za-z0-9+/=_.~-]{12,})"),
					List.of("secret", "key", "token", "pass", "adgangskode", "salasana"), 2,
					m -> kindOfName(m.group(1), ""), SecretRedactor::looksGenerated),
			// Any JSON Web Token, wherever it stands.
			new Rule(Pattern.compile("(eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"), List.of("eyj"),
					1, m -> SecretKind.BEARER_TOKEN, v -> true));

	/**
	 * Cuts every secret in {@code text}; {@code location} names where the text came from.
	 */
	public RedactedText redact(String location, String text) {
		if (text == null || text.isEmpty()) {
			return new RedactedText(text, List.of());
		}
		List<Redaction> found = new ArrayList<>();
		String current = text;
		String lower = text.toLowerCase(Locale.ROOT);
		for (Rule rule : RULES) {
			if (rule.triggeredBy(lower)) {
				int before = found.size();
				current = rule.apply(current, location, found);
				if (found.size() != before) {
					lower = current.toLowerCase(Locale.ROOT);
				}
			}
		}
		return new RedactedText(current, found);
	}

	private static SecretKind kindOfName(String name, String whole) {
		String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (n.contains("client") && n.contains("secret")) {
			return SecretKind.CLIENT_SECRET;
		}
		if (n.contains("subscription") || n.contains("apikey") || n.equals("ocpapimsubscriptionkey")) {
			return SecretKind.SUBSCRIPTION_KEY;
		}
		if (n.contains("authorization")) {
			return whole.toLowerCase(Locale.ROOT).contains("\"basic ") ? SecretKind.BASIC_CREDENTIALS
					: SecretKind.BEARER_TOKEN;
		}
		if (n.contains("token") || n.equals("cookie")) {
			return SecretKind.BEARER_TOKEN;
		}
		if (n.contains("secret")) {
			return SecretKind.WEBHOOK_SECRET;
		}
		return SecretKind.PASSWORD;
	}

	/** In prose, only something that looks machine-made is taken for a secret, not an ordinary word. */
	private static boolean looksGenerated(String value) {
		boolean digit = value.chars().anyMatch(Character::isDigit);
		boolean letter = value.chars().anyMatch(Character::isLetter);
		return (digit && letter) || value.length() >= 24;
	}

	private record Rule(Pattern pattern, List<String> triggers, int valueGroup, Function<Matcher, SecretKind> kind,
			Predicate<String> accepts) {

		boolean triggeredBy(String lowerText) {
			for (String trigger : triggers) {
				if (lowerText.contains(trigger)) {
					return true;
				}
			}
			return false;
		}

		String apply(String text, String location, List<Redaction> found) {
			Matcher matcher = pattern.matcher(text);
			StringBuilder out = null;
			int copied = 0;
			while (matcher.find()) {
				int start = matcher.start(valueGroup);
				int end = matcher.end(valueGroup);
				if (start < 0) {
					continue;
				}
				String raw = text.substring(start, end);
				String quote = quoteOf(raw);
				String value = raw.substring(quote.length(), raw.length() - quote.length()).strip();
				if (Masking.isNotASecret(value) || !accepts.test(value)) {
					continue;
				}
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				String kept = Masking.cut(value);
				out.append(text, copied, start).append(quote).append(kept).append(quote);
				copied = end;
				found.add(new Redaction(location, kind.apply(matcher), kept));
			}
			if (out == null) {
				return text;
			}
			return out.append(text, copied, text.length()).toString();
		}

		private static String quoteOf(String raw) {
			if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
					&& raw.charAt(raw.length() - 1) == raw.charAt(0)) {
				return raw.substring(0, 1);
			}
			return "";
		}

	}

}
