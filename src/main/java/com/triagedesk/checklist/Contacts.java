package com.triagedesk.checklist;

import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.re2j.Pattern;

/**
 * Who to call: the reporter's name and a phone number, from the fields or from the signature.
 * Numbers are read with libphonenumber; Norwegian is assumed when no country code is given.
 */
final class Contacts {

	static final String DEFAULT_REGION = "NO";

	/** The countries the provider serves; a number without a country code is tried in this order. */
	private static final List<String> REGIONS = List.of("NO", "DK", "FI");

	/** A phone number is looked for in this much of the prose at its start and at its end (the signature). */
	private static final int SEARCH_WINDOW = 8 * 1024;

	private static final Pattern DATE_LIKE = Pattern.compile("^\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}$|^\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}$");

	private static final java.util.Set<String> IDENTIFIER_WORDS = java.util.Set.of("msn", "order", "orderid", "ordre",
			"transaction", "transactionid", "cvr", "y-tunnus", "tunnus", "id", "reference", "nr", "no", "number",
			"nummer", "serial", "payment", "payments", "betaling", "agreement", "charge", "invoice", "faktura", "kid",
			"ordrenummer", "amount", "beløp", "kr", "nok");

	private static final java.util.Set<String> PHONE_WORDS = java.util.Set.of("phone", "tel", "tlf", "telefon",
			"telephone", "mobile", "mobil", "ring", "call", "puhelin", "puh", "mob");

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	record Contact(String name, String phone, ItemResult result) {
	}

	Contact find(ChecklistInput input, String prose, String additionalInfo) {
		ChecklistItem item = ChecklistItem.CONTACT;
		String name = blankToNull(input.reporterName());
		String nameSource = name == null ? null : "reporter.name";
		if (name == null) {
			Optional<String> signed = signature(prose);
			if (signed.isPresent()) {
				name = signed.get();
				nameSource = "description (signature)";
			}
		}
		String phone = null;
		String phoneSource = null;
		String field = blankToNull(input.reporterPhone());
		if (field != null) {
			Optional<PhoneNumber> parsed = parse(field);
			if (parsed.isEmpty()) {
				return new Contact(name, null, ItemResult.of(item, ItemState.INVALID, "'" + field
						+ "' is not a phone number we can call: write it with the country code, e.g. +47 912 34 567.",
						field, "reporter.phone"));
			}
			phone = phones.format(parsed.get(), PhoneNumberFormat.E164);
			phoneSource = "reporter.phone";
		}
		else {
			for (String text : new String[] { prose, additionalInfo }) {
				Optional<PhoneNumber> found = findIn(text);
				if (found.isPresent()) {
					phone = phones.format(found.get(), PhoneNumberFormat.E164);
					phoneSource = (text == prose ? "description" : "additionalInfo") + " (text)";
					break;
				}
			}
		}
		if (name != null && phone != null) {
			String source = nameSource.equals(phoneSource) ? nameSource : nameSource + " + " + phoneSource;
			return new Contact(name, phone, ItemResult.ok(item, name + ", " + phone, source));
		}
		if (name != null) {
			return new Contact(name, null, ItemResult.of(item, ItemState.INSUFFICIENT,
					"Add a phone number where we can reach you (with the country code, e.g. +47 912 34 567).", name,
					nameSource));
		}
		if (phone != null) {
			return new Contact(null, phone, ItemResult.of(item, ItemState.INSUFFICIENT,
					"Add your name, so we know who to ask for.", phone, phoneSource));
		}
		return new Contact(null, null, ItemResult.of(item, ItemState.MISSING,
				"Add your name and a phone number where we can reach you (e.g. +47 912 34 567)."));
	}

	/**
	 * A phone field as people fill it in: Norwegian without a country code first, then Danish
	 * and Finnish; a remark in brackets ("(mobil)") is ignored.
	 */
	Optional<PhoneNumber> parse(String text) {
		PhoneNumber plain = plainNumber(text);
		if (plain != null && phones.isValidNumber(plain)) {
			return Optional.of(plain);
		}
		return parseWithLibrary(text);
	}

	/** {@link #parse}, every number through libphonenumber's parser. */
	Optional<PhoneNumber> parseWithLibrary(String text) {
		String number = text;
		int bracket = number.indexOf('(');
		if (bracket > 0 && number.indexOf(')', bracket) > 0 && !number.substring(0, bracket).isBlank()) {
			number = number.substring(0, bracket);
		}
		for (String region : REGIONS) {
			try {
				PhoneNumber parsed = phones.parse(number, region);
				if (phones.isValidNumber(parsed)) {
					return Optional.of(parsed);
				}
			}
			catch (NumberParseException ex) {
				// not a number in this region; try the next
			}
		}
		return Optional.empty();
	}

	/**
	 * The shapes most phone fields hold, "+47 912 34 567" (or +45) and "912 34 567": eight digits
	 * not beginning with 0, apart by spaces or hyphens, read without libphonenumber's parser, whose
	 * regular expressions (extensions, viability, the country code) took a sixth of an evaluation.
	 * Such a number parses to the same in every region tried, or without the country code to a
	 * Norwegian one (not beginning with 0, no international prefix; not with 47, which
	 * libphonenumber may take for the country code). Null for anything else: the parser reads it.
	 * {@code ContactsProperties} checks that {@link #parse} answers as the parser alone does.
	 */
	static PhoneNumber plainNumber(String text) {
		if (text.length() > 250) {
			// libphonenumber refuses longer input whatever it holds
			return null;
		}
		int countryCode = 0;
		int i = 0;
		if (text.startsWith("+47") || text.startsWith("+45")) {
			countryCode = text.charAt(2) == '7' ? 47 : 45;
			i = 3;
		}
		long national = 0;
		int digits = 0;
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (digits == 0 && c == '0') {
					return null;
				}
				national = national * 10 + (c - '0');
				if (++digits > 8) {
					return null;
				}
			}
			else if (c != ' ' && c != '-') {
				return null;
			}
		}
		if (digits != 8) {
			return null;
		}
		if (countryCode == 0) {
			if (national / 1_000_000 == 47) {
				return null;
			}
			countryCode = 47;
		}
		return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(national);
	}

	private Optional<PhoneNumber> findIn(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String window = text.length() <= 2 * SEARCH_WINDOW ? text
				: text.substring(0, SEARCH_WINDOW) + "\n" + text.substring(text.length() - SEARCH_WINDOW);
		for (String region : REGIONS) {
			for (PhoneNumberMatch match : phones.findNumbers(window, region, Leniency.VALID, 10_000)) {
				if (!partOfSomethingElse(window, match)) {
					return Optional.of(match.number());
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Dates, order references and identifiers are digits too: a number glued to letters or written
	 * like a date is not a phone number.
	 */
	private static boolean partOfSomethingElse(String text, PhoneNumberMatch match) {
		String raw = match.rawString();
		if (DATE_LIKE.matcher(raw.strip()).matches()) {
			return true;
		}
		int before = match.start() - 1;
		if (before >= 0) {
			char c = text.charAt(before);
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/' || c == '.') {
				return true;
			}
		}
		int after = match.end();
		if (after < text.length()) {
			char c = text.charAt(after);
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/') {
				return true;
			}
		}
		String lower = text.substring(Math.max(0, match.start() - 25), match.start()).toLowerCase(java.util.Locale.ROOT);
		List<String> words = TextPatterns.all(TextPatterns.WORD, lower).stream().map(w -> w[0]).toList();
		List<String> recent = words.subList(Math.max(0, words.size() - 3), words.size());
		if (recent.stream().anyMatch(PHONE_WORDS::contains)) {
			return false;
		}
		return recent.stream().anyMatch(w -> IDENTIFIER_WORDS.contains(w) || w.startsWith("org"));
	}

	/**
	 * The name under a closing such as "Best regards" or "Med vennlig hilsen".
	 */
	private static Optional<String> signature(String prose) {
		if (prose == null) {
			return Optional.empty();
		}
		String tail = prose.length() > SEARCH_WINDOW ? prose.substring(prose.length() - SEARCH_WINDOW) : prose;
		List<String[]> closings = TextPatterns.all(TextPatterns.CLOSING, tail);
		if (closings.isEmpty()) {
			return Optional.empty();
		}
		String line = closings.get(closings.size() - 1)[1].strip();
		List<String[]> name = TextPatterns.all(TextPatterns.PERSON_NAME, line);
		return name.isEmpty() ? Optional.empty() : Optional.of(name.get(0)[1].strip());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
