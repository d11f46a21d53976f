package com.triagedesk.checklist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Dates as people write them: {@code 2026-11-20}, ISO date-times, {@code 20.11.2026},
 * {@code 20/11/2026} (day first, as in the Nordics), {@code 18. november}, {@code Nov 18, 2026},
 * {@code today}, {@code i går}.
 */
final class Dates {

	private static final Pattern ISO_PREFIX = Pattern
		.compile("^\\s*(20\\d\\d|19\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ].*)?\\s*$");

	private static final Pattern DAY_FIRST = Pattern
		.compile("^\\s*(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})(?:[ T,]+\\d{1,2}[:.]\\d{2}(?::\\d{2})?)?\\s*$");

	private static final int MAX_DATES = 50;

	private Dates() {
	}

	/**
	 * One date as given in a field: {@code 2026-11-20}, {@code 2026/11/20}, {@code 20.11.2026 14:30},
	 * {@code 20.11.26}, {@code Nov 20, 2026} …
	 */
	static Optional<LocalDate> parse(String raw, LocalDate today) {
		if (raw == null) {
			return Optional.empty();
		}
		Matcher iso = ISO_PREFIX.matcher(raw);
		if (iso.matches()) {
			return date(iso.group(1), iso.group(2), iso.group(3));
		}
		Matcher dayFirst = DAY_FIRST.matcher(raw);
		if (dayFirst.matches()) {
			String year = dayFirst.group(3).length() == 2 ? "20" + dayFirst.group(3) : dayFirst.group(3);
			return date(year, dayFirst.group(2), dayFirst.group(1));
		}
		List<LocalDate> found = find(raw, today);
		return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
	}

	static List<LocalDate> find(String text, LocalDate today) {
		List<LocalDate> dates = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return dates;
		}
		// A date inside an identifier (acme-2026-11-30-0001) is part of the identifier.
		Matcher iso = TextPatterns.ISO_DATE.matcher(text.indexOf('-') < 0 ? "" : text);
		while (iso.find() && dates.size() < MAX_DATES) {
			int start = iso.start();
			int end = iso.end(3);
			boolean glued = (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '-'
					|| text.charAt(start - 1) == '_'))
					|| (end + 1 < text.length() && text.charAt(end) == '-' && Character.isLetterOrDigit(text.charAt(end + 1)));
			if (!glued) {
				date(iso.group(1), iso.group(2), iso.group(3)).ifPresent(d -> add(dates, d));
			}
		}
		for (String[] m : TextPatterns.all(TextPatterns.DOTTED_DATE, text)) {
			date(m[4], m[3], m[1]).ifPresent(d -> add(dates, d));
		}
		for (String[] m : TextPatterns.all(TextPatterns.DAY_MONTH, text)) {
			withYear(m[3], month(m[2]), m[1], today).ifPresent(d -> add(dates, d));
		}
		for (String[] m : TextPatterns.all(TextPatterns.MONTH_DAY, text)) {
			withYear(m[3], month(m[1]), m[2], today).ifPresent(d -> add(dates, d));
		}
		if (TextPatterns.any(TextPatterns.TODAY, text)) {
			add(dates, today);
		}
		if (TextPatterns.any(TextPatterns.YESTERDAY, text)) {
			add(dates, today.minusDays(1));
		}
		return dates;
	}

	private static void add(List<LocalDate> dates, LocalDate date) {
		if (dates.size() < MAX_DATES && !dates.contains(date)) {
			dates.add(date);
		}
	}

	/**
	 * A date written without its year is the latest such day that is not in the future.
	 */
	private static Optional<LocalDate> withYear(String year, int month, String day, LocalDate today) {
		if (month == 0) {
			return Optional.empty();
		}
		if (year != null) {
			return date(year, String.valueOf(month), day);
		}
		Optional<LocalDate> thisYear = date(String.valueOf(today.getYear()), String.valueOf(month), day);
		if (thisYear.isPresent() && thisYear.get().isAfter(today)) {
			return date(String.valueOf(today.getYear() - 1), String.valueOf(month), day);
		}
		return thisYear;
	}

	private static Optional<LocalDate> date(String year, String month, String day) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static int month(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		String[][] months = { { "jan", "tammi" }, { "feb", "helmi" }, { "mar", "maalis" }, { "apr", "huhti" },
				{ "ma", "touko" }, { "jun", "kesä" }, { "jul", "heinä" }, { "aug", "elo" }, { "sep", "syys" },
				{ "o", "loka" }, { "nov", "marras" }, { "de", "joulu" } };
		for (int i = 0; i < months.length; i++) {
			String finnish = months[i][1];
			if (n.startsWith(finnish)) {
				return i + 1;
			}
		}
		if (n.startsWith("mar")) {
			return 3;
		}
		if (n.startsWith("ma")) {
			return 5;
		}
		for (int i = 0; i < months.length; i++) {
			if (n.startsWith(months[i][0])) {
				return i + 1;
			}
		}
		return 0;
	}

}
