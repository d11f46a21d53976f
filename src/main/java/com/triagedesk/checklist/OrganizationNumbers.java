package com.triagedesk.checklist;

import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * Organization numbers of the three countries the provider serves, with their check digits:
 * Norwegian (9 digits, MOD11), Danish CVR (8 digits, MOD11) and Finnish Y-tunnus (NNNNNNN-C).
 */
final class OrganizationNumbers {

	private static final Pattern LABEL = Pattern.compile("(?i)^(?:org(?:ani[sz]ation|anisasjons)?(?:[ .-]*(?:nr|no|number"
			+ "|nummer))?\\.?|orgnr\\.?|cvr(?:[ .-]*(?:nr|nummer))?\\.?|y-?tunnus|yritystunnus)[ \t:.#-]*");

	private static final Pattern Y_TUNNUS = Pattern.compile("\\d{7}-\\d");

	private static final int[] NO_WEIGHTS = { 3, 2, 7, 6, 5, 4, 3, 2 };

	private static final int[] DK_WEIGHTS = { 2, 7, 6, 5, 4, 3, 2, 1 };

	private static final int[] FI_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2 };

	private OrganizationNumbers() {
	}

	/**
	 * @param number the number in its usual written form ({@code 123456785}, {@code 12345678},
	 * {@code 1366959-8})
	 * @param country {@code NO}, {@code DK} or {@code FI}; null when the shape fits no country
	 * @param valid whether the check digit holds
	 */
	record OrganizationNumber(String number, String country, boolean valid) {

		String describe() {
			return switch (country == null ? "" : country) {
				case "NO" -> "Norwegian organization number";
				case "DK" -> "Danish CVR number";
				case "FI" -> "Finnish Y-tunnus";
				default -> "organization number";
			};
		}

	}

	/**
	 * Reads a number as people write it: with spaces, dots or dashes, {@code NO …  MVA},
	 * {@code DK12345678}, {@code FI13669598}. Empty when no country's shape fits.
	 */
	static Optional<OrganizationNumber> read(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		// "Org.nr. 918713867", "Y-tunnus: 1366959-8": a label typed into the field
		String text = LABEL.matcher(raw.strip()).replaceFirst("").strip().toUpperCase(Locale.ROOT);
		if (text.endsWith("MVA")) {
			text = text.substring(0, text.length() - 3);
		}
		String country = null;
		if (text.startsWith("NO") || text.startsWith("DK") || text.startsWith("FI")) {
			country = text.substring(0, 2);
			text = text.substring(2);
		}
		String compact = text.replace(" ", "").replace(".", "").replace("\u00a0", "");
		if (Y_TUNNUS.matcher(compact).matches() && (country == null || country.equals("FI"))) {
			return Optional.of(new OrganizationNumber(compact, "FI", finnishValid(compact)));
		}
		String digits = compact.replace("-", "");
		if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty()) {
			return Optional.empty();
		}
		if (digits.length() == 9 && (country == null || country.equals("NO"))) {
			return Optional.of(new OrganizationNumber(digits, "NO", norwegianValid(digits)));
		}
		if (digits.length() == 8 && "FI".equals(country)) {
			String yTunnus = digits.substring(0, 7) + "-" + digits.charAt(7);
			return Optional.of(new OrganizationNumber(yTunnus, "FI", finnishValid(yTunnus)));
		}
		if (digits.length() == 8) {
			return Optional.of(new OrganizationNumber(digits, "DK", danishValid(digits)));
		}
		return Optional.empty();
	}

	static boolean norwegianValid(String digits) {
		if (digits.length() != 9 || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (digits.charAt(i) - '0') * NO_WEIGHTS[i];
		}
		int remainder = sum % 11;
		int check = remainder == 0 ? 0 : 11 - remainder;
		return check != 10 && check == digits.charAt(8) - '0';
	}

	static boolean danishValid(String digits) {
		if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit) || digits.charAt(0) == '0') {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (digits.charAt(i) - '0') * DK_WEIGHTS[i];
		}
		return sum % 11 == 0;
	}

	static boolean finnishValid(String yTunnus) {
		if (yTunnus.length() != 9 || yTunnus.charAt(7) != '-') {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 7; i++) {
			sum += (yTunnus.charAt(i) - '0') * FI_WEIGHTS[i];
		}
		int remainder = sum % 11;
		if (remainder == 1) {
			return false;
		}
		int check = remainder == 0 ? 0 : 11 - remainder;
		return check == yTunnus.charAt(8) - '0';
	}

}
