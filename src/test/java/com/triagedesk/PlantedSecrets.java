package com.triagedesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fresh secrets of every kind the redactor knows, each made for one place in one run and recorded
 * with that place, and a search for them (or the distinctive part of them, plain, base64- or
 * URL-encoded) in any text: a log, a database dump, a mail. Every value is random, so a hit can only
 * be this run's secret.
 */
final class PlantedSecrets {

	/**
	 * One planted secret: its kind (as the redactor names it), where it went, and its value.
	 */
	record Planted(String kind, String where, String value) {

		@Override
		public String toString() {
			return kind + " in " + where;
		}

	}

	/**
	 * A planted secret found where it must not be, and the form it was found in.
	 */
	record Leak(Planted secret, String form, String context) {

		@Override
		public String toString() {
			return secret + " (as " + form + "): …" + context + "…";
		}

	}

	private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final String HEX = "0123456789abcdef";

	private final SecureRandom random = new SecureRandom();

	private final List<Planted> planted = new ArrayList<>();

	List<Planted> all() {
		return List.copyOf(planted);
	}

	long kinds() {
		return planted.stream().map(Planted::kind).distinct().count();
	}

	/** A client secret as the portal shows it: base64 of 32 random bytes. */
	String clientSecret(String where) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		// '+' and '/' would make the URL-encoded form differ; keep them, that is what portals show.
		return plant("CLIENT_SECRET", where, Base64.getEncoder().encodeToString(bytes));
	}

	/** An Ocp-Apim-Subscription-Key: 32 hex digits. */
	String subscriptionKey(String where) {
		return plant("SUBSCRIPTION_KEY", where, chars(HEX, 32));
	}

	/** An access token as the accesstoken endpoint returns it: a signed JWT. */
	String jwt(String where) {
		Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
		String header = url.encodeToString(("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"" + chars(ALNUM, 16) + "\"}")
			.getBytes(StandardCharsets.UTF_8));
		String payload = url.encodeToString(("{\"sub\":\"" + chars(ALNUM, 12) + "\",\"jti\":\"" + chars(ALNUM, 24)
				+ "\",\"exp\":1795000000}").getBytes(StandardCharsets.UTF_8));
		byte[] signature = new byte[64];
		random.nextBytes(signature);
		return plant("BEARER_TOKEN", where, header + "." + payload + "." + url.encodeToString(signature));
	}

	/** An opaque bearer token (no JWT). */
	String opaqueToken(String where) {
		return plant("BEARER_TOKEN", where, chars(ALNUM, 40));
	}

	/** Basic credentials: base64 of client id and secret; the secret inside is planted too. */
	String basicCredentials(String where) {
		String password = plant("BASIC_CREDENTIALS", where + " (the password inside)", chars(ALNUM, 24));
		return plant("BASIC_CREDENTIALS", where, Base64.getEncoder()
			.encodeToString(("0b3b1b2c-4d5e:" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** The password of {@code curl -u id:password}. */
	String basicPassword(String where) {
		return plant("BASIC_CREDENTIALS", where, chars(ALNUM, 20));
	}

	/** A webhook secret as the webhooks API answers it: a UUID. */
	String webhookSecret(String where) {
		String hex = chars(HEX, 32);
		return plant("WEBHOOK_SECRET", where, hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16)
				+ "-a" + hex.substring(17, 20) + "-" + hex.substring(20));
	}

	/** A password someone chose: letters, digits and a sign. */
	String password(String where) {
		return plant("PASSWORD", where, "Pw" + chars(ALNUM, 16) + "!");
	}

	/** A password for a URL ({@code https://user:password@host}): no sign that needs encoding. */
	String urlPassword(String where) {
		return plant("PASSWORD", where, chars(ALNUM, 18));
	}

	/** A PEM private key; each line of its body is planted. */
	String privateKey(String where) {
		StringBuilder pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
		for (int line = 0; line < 4; line++) {
			byte[] bytes = new byte[48];
			random.nextBytes(bytes);
			pem.append(plant("PRIVATE_KEY", where + " (line " + (line + 1) + ")",
					Base64.getEncoder().encodeToString(bytes))).append('\n');
		}
		return pem.append("-----END PRIVATE KEY-----").toString();
	}

	/**
	 * A credential the app itself handed out (an API key, a follow-up token): it may be stored only
	 * as a hash and never logged either.
	 */
	String credential(String kind, String where, String value) {
		return plant(kind, where, value);
	}

	/** A random marker that is no secret, to prove that a search sees what it searches. */
	String marker(String label) {
		return "mark-" + label + "-" + chars(ALNUM, 12);
	}

	private String plant(String kind, String where, String value) {
		planted.add(new Planted(kind, where, value));
		return value;
	}

	private String chars(String alphabet, int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	// ---- the search --------------------------------------------------------------------------

	/**
	 * Every planted secret that appears in the text. A redacted secret keeps only its last four
	 * characters, so the search looks for the part before them and for the middle part, as they
	 * are and base64- or URL-encoded, ignoring letter case (a full-text index lowercases).
	 */
	List<Leak> findIn(String text) {
		return findIn(text, secret -> true);
	}

	/**
	 * The planted secrets of those chosen that appear in the text.
	 */
	List<Leak> findIn(String text, Predicate<Planted> which) {
		String haystack = text.toLowerCase(Locale.ROOT);
		List<Leak> leaks = new ArrayList<>();
		for (Planted secret : planted.stream().filter(which).toList()) {
			for (Needle needle : needles(secret.value())) {
				int at = haystack.indexOf(needle.text());
				if (at >= 0) {
					int from = Math.max(0, at - 40);
					int to = Math.min(text.length(), at + needle.text().length() + 40);
					leaks.add(new Leak(secret, needle.form(), text.substring(from, to).replaceAll("\\s+", " ")));
					break;
				}
			}
		}
		return leaks;
	}

	private record Needle(String form, String text) {
	}

	/**
	 * What would give a secret away: all of it but the last four characters (which a redaction
	 * keeps), its middle (a secret cut at both ends), and those encoded.
	 */
	static Set<String> forms(String secret) {
		Set<String> forms = new LinkedHashSet<>();
		for (Needle needle : needles(secret)) {
			forms.add(needle.text());
		}
		return forms;
	}

	private static List<Needle> needles(String secret) {
		List<Needle> needles = new ArrayList<>();
		String head = secret.substring(0, secret.length() - 4);
		String middle = secret.length() >= 20 ? secret.substring(4, secret.length() - 4) : head;
		for (String part : new LinkedHashSet<>(List.of(head, middle))) {
			add(needles, "plain", part);
			add(needles, "URL-encoded", URLEncoder.encode(part, StandardCharsets.UTF_8));
			add(needles, "JSON-escaped", part.replace("/", "\\/"));
			for (String base64 : base64Fragments(part.getBytes(StandardCharsets.UTF_8))) {
				add(needles, "base64", base64);
				add(needles, "base64url", base64.replace('+', '-').replace('/', '_'));
			}
		}
		// A JWT's segments stand alone in a token split at its dots (a full-text index does that).
		for (String segment : secret.split("[.\\-]")) {
			// The last four characters of the last segment are the ones a redaction keeps.
			String telling = secret.endsWith(segment) ? segment.substring(0, Math.max(0, segment.length() - 4)) : segment;
			if (telling.length() >= 16) {
				add(needles, "segment", telling);
			}
		}
		return needles;
	}

	private static void add(List<Needle> needles, String form, String text) {
		// Shorter pieces could turn up by chance in a large dump.
		if (text.length() >= 10 && needles.stream().noneMatch(n -> n.text().equals(text.toLowerCase(Locale.ROOT)))) {
			needles.add(new Needle(form, text.toLowerCase(Locale.ROOT)));
		}
	}

	/**
	 * The characters of a base64 encoding that depend on these bytes alone, at each of the three
	 * offsets the bytes can have in a longer encoded text.
	 */
	static List<String> base64Fragments(byte[] bytes) {
		List<String> fragments = new ArrayList<>();
		for (int offset = 0; offset < 3; offset++) {
			byte[] shifted = new byte[offset + bytes.length];
			System.arraycopy(bytes, 0, shifted, offset, bytes.length);
			String encoded = Base64.getEncoder().encodeToString(shifted);
			// Skip the group that mixes in the bytes before; keep only whole groups of ours.
			int start = offset == 0 ? 0 : 4;
			int firstByte = offset == 0 ? 0 : 3;
			int groups = (shifted.length - firstByte) / 3;
			if (groups > 0) {
				fragments.add(encoded.substring(start, start + 4 * groups));
			}
		}
		return fragments;
	}

}
