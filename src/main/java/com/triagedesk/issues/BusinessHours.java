package com.triagedesk.issues;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Business hours of the support desk: Monday to Friday from an opening to a closing local time in one zone,
 * Norwegian public holidays excluded. First-response targets run in this time only, so a request sent on
 * Friday afternoon does not breach its target over the weekend.
 * <p>
 * Business time is the time that passes inside each business day's opening hours. Opening and closing are
 * wall-clock times, so an Oslo day runs 08:00–16:00 in summer and winter time alike; Oslo changes its clocks on
 * Sunday nights, so such a day is always eight hours long. In a zone that changes them during opening hours,
 * that day counts the hours that really pass, which keeps {@link #plus} and {@link #between} exact inverses.
 */
final class BusinessHours {

	/** The Gregorian computus only holds from the first full year of the Gregorian calendar. */
	private static final int FIRST_GREGORIAN_YEAR = 1583;

	/** Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Ascension Day, Whit Sunday, Whit Monday. */
	private static final int[] DAYS_FROM_EASTER = { -3, -2, 0, 1, 39, 49, 50 };

	private final ZoneId zone;

	private final LocalTime opens;

	private final LocalTime closes;

	/** Only a day on which the clocks change during opening hours is longer or shorter than this. */
	private final Duration dayLength;

	/**
	 * @param zone where opening and closing are local times
	 * @param opens the local time business hours start each business day
	 * @param closes the local time business hours end each business day, strictly after {@code opens}
	 * @throws IllegalArgumentException if {@code opens} is not before {@code closes}
	 */
	BusinessHours(ZoneId zone, LocalTime opens, LocalTime closes) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.opens = Objects.requireNonNull(opens, "opens");
		this.closes = Objects.requireNonNull(closes, "closes");
		// Hours past midnight would make a business day straddle two dates, which no rule here expects.
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException(
					"Business hours must open before they close on the same day, got " + opens + "–" + closes);
		}
		this.dayLength = Duration.between(opens, closes);
	}

	/**
	 * The desk's hours: 08:00–16:00 in Europe/Oslo.
	 */
	static BusinessHours oslo() {
		return new BusinessHours(ZoneId.of("Europe/Oslo"), LocalTime.of(8, 0), LocalTime.of(16, 0));
	}

	/**
	 * The zone in which opening and closing are local times.
	 */
	ZoneId zone() {
		return this.zone;
	}

	/**
	 * The local time business hours start.
	 */
	LocalTime opens() {
		return this.opens;
	}

	/**
	 * The local time business hours end.
	 */
	LocalTime closes() {
		return this.closes;
	}

	/**
	 * Whether the desk is staffed on this date: a weekday that is not a Norwegian public holiday.
	 * @throws IllegalArgumentException for a weekday before 1583, see {@link #easterSunday(int)}
	 */
	boolean isBusinessDay(LocalDate date) {
		return !isWeekend(date.getDayOfWeek()) && !isNorwegianPublicHoliday(date);
	}

	/**
	 * Whether the date is a Norwegian public holiday (helligdag); 24 and 31 December are not.
	 * @throws IllegalArgumentException for a date before 1583, see {@link #easterSunday(int)}
	 */
	static boolean isNorwegianPublicHoliday(LocalDate date) {
		return holidays(date.getYear()).contains(date);
	}

	/**
	 * The Norwegian public holidays of a year, in date order. Fewer than twelve in years where two coincide,
	 * as Ascension Day and 1 May did in 2008.
	 * @throws IllegalArgumentException for a year before 1583, see {@link #easterSunday(int)}
	 */
	static SortedSet<LocalDate> norwegianPublicHolidays(int year) {
		return Collections.unmodifiableSortedSet(holidays(year));
	}

	/**
	 * Easter Sunday on the Gregorian calendar, by the anonymous Gregorian (Meeus–Jones–Butcher) algorithm.
	 * @throws IllegalArgumentException for a year before 1583, when the Gregorian calendar was not yet in use
	 */
	static LocalDate easterSunday(int year) {
		if (year < FIRST_GREGORIAN_YEAR) {
			throw new IllegalArgumentException(
					"Gregorian Easter is only defined from " + FIRST_GREGORIAN_YEAR + ", got " + year);
		}
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int monthAndDay = h + l - 7 * m + 114;
		return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
	}

	/**
	 * The instant at which {@code businessTime} of business time has passed, counting from {@code start}. Counting
	 * outside business hours begins at the next opening; time that runs out exactly at closing ends at closing,
	 * not at the next opening.
	 * @throws IllegalArgumentException if {@code businessTime} is negative
	 */
	Instant plus(Instant start, Duration businessTime) {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(businessTime, "businessTime");
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("Business time must not be negative, got " + businessTime);
		}
		if (businessTime.isZero()) {
			return start;
		}
		// The result lies in the first day whose closing leaves businessTime behind. between() counts whole days
		// without visiting them, so a search for that day stays fast over years; and because the answer is
		// derived from between(), the two are exact inverses.
		long notEnough = localDate(start).toEpochDay() - 1;
		// Five business days a week at most: this first guess falls short only by the holidays in between.
		long step = businessTime.dividedBy(this.dayLength) / 5 * 7 + 1;
		long enough = notEnough + step;
		while (!reachedByClosing(start, enough, businessTime)) {
			notEnough = enough;
			step *= 2;
			enough = notEnough + step;
		}
		while (enough - notEnough > 1) {
			long middle = notEnough + (enough - notEnough) / 2;
			if (reachedByClosing(start, middle, businessTime)) {
				enough = middle;
			}
			else {
				notEnough = middle;
			}
		}
		// The day before did not reach businessTime, so the surplus at closing is all business time of this day.
		Instant closing = closingOn(LocalDate.ofEpochDay(enough));
		return closing.minus(between(start, closing).minus(businessTime));
	}

	/**
	 * The business time inside {@code [from, to)}; zero when {@code to} is not after {@code from}.
	 */
	Duration between(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		LocalDate first = localDate(from);
		LocalDate last = localDate(to);
		// The days at each end are cut by the span and need their instants, with a day's margin either side so
		// that offset changes near midnight need no reasoning. Days further inside lie wholly in the span and
		// need only be counted, which keeps spans of decades cheap.
		if (ChronoUnit.DAYS.between(first, last) < 4) {
			return overlap(first.minusDays(1), last.plusDays(1), from, to);
		}
		return overlap(first.minusDays(1), first.plusDays(1), from, to)
			.plus(wholeDays(first.plusDays(2), last.minusDays(2)))
			.plus(overlap(last.minusDays(1), last.plusDays(1), from, to));
	}

	private boolean reachedByClosing(Instant start, long epochDay, Duration businessTime) {
		return between(start, closingOn(LocalDate.ofEpochDay(epochDay))).compareTo(businessTime) >= 0;
	}

	/** Business time of {@code [from, to)} on the days {@code firstDay} to {@code lastDay}, visiting each. */
	private Duration overlap(LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {
		Duration total = Duration.ZERO;
		for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			Instant start = latest(from, openingOn(day));
			Instant end = earliest(to, closingOn(day));
			// Holidays are looked up last: the margin days may lie before the first Gregorian Easter.
			if (start.isBefore(end) && isBusinessDay(day)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	/** All business time of the days {@code firstDay} to {@code lastDay}, without visiting each. */
	private Duration wholeDays(LocalDate firstDay, LocalDate lastDay) {
		Duration total = this.dayLength.multipliedBy(businessDays(firstDay, lastDay));
		for (LocalDate day : daysWithClockChange(firstDay, lastDay)) {
			if (isBusinessDay(day)) {
				total = total.plus(Duration.between(openingOn(day), closingOn(day))).minus(this.dayLength);
			}
		}
		return total;
	}

	/** Candidates for a day that is not {@link #dayLength} long: local dates on which the offset changes. */
	private SortedSet<LocalDate> daysWithClockChange(LocalDate firstDay, LocalDate lastDay) {
		SortedSet<LocalDate> days = new TreeSet<>();
		Instant end = lastDay.plusDays(2).atStartOfDay(this.zone).toInstant();
		ZoneOffsetTransition transition = this.zone.getRules()
			.nextTransition(firstDay.minusDays(1).atStartOfDay(this.zone).toInstant());
		while (transition != null && transition.getInstant().isBefore(end)) {
			for (LocalDate day : new LocalDate[] { transition.getDateTimeBefore().toLocalDate(),
					transition.getDateTimeAfter().toLocalDate() }) {
				if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
					days.add(day);
				}
			}
			transition = this.zone.getRules().nextTransition(transition.getInstant());
		}
		return days;
	}

	private static long businessDays(LocalDate firstDay, LocalDate lastDay) {
		long days = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
		long weekdays = days / 7 * 5;
		DayOfWeek dayOfWeek = firstDay.getDayOfWeek();
		for (long i = 0; i < days % 7; i++) {
			if (!isWeekend(dayOfWeek)) {
				weekdays++;
			}
			dayOfWeek = dayOfWeek.plus(1);
		}
		// Every holiday falls in the year it is computed for, so a year at a time covers the range exactly.
		for (int year = firstDay.getYear(); year <= lastDay.getYear(); year++) {
			for (LocalDate holiday : holidays(year)) {
				if (!isWeekend(holiday.getDayOfWeek()) && !holiday.isBefore(firstDay) && !holiday.isAfter(lastDay)) {
					weekdays--;
				}
			}
		}
		return weekdays;
	}

	/** A set, because movable and fixed holidays sometimes coincide and must not be subtracted twice. */
	private static SortedSet<LocalDate> holidays(int year) {
		LocalDate easter = easterSunday(year);
		SortedSet<LocalDate> holidays = new TreeSet<>();
		holidays.add(LocalDate.of(year, Month.JANUARY, 1));
		holidays.add(LocalDate.of(year, Month.MAY, 1));
		holidays.add(LocalDate.of(year, Month.MAY, 17));
		holidays.add(LocalDate.of(year, Month.DECEMBER, 25));
		holidays.add(LocalDate.of(year, Month.DECEMBER, 26));
		for (int days : DAYS_FROM_EASTER) {
			holidays.add(easter.plusDays(days));
		}
		return holidays;
	}

	private static boolean isWeekend(DayOfWeek dayOfWeek) {
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

	private LocalDate localDate(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	private Instant openingOn(LocalDate day) {
		return day.atTime(this.opens).atZone(this.zone).toInstant();
	}

	private Instant closingOn(LocalDate day) {
		return day.atTime(this.closes).atZone(this.zone).toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
