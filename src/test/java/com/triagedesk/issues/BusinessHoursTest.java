package com.triagedesk.issues;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The desk's hours, 08:00–16:00 in Oslo, over dates checked by hand against a calendar. Times are Oslo local
 * times.
 */
class BusinessHoursTest {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	static final Duration FOUR_HOURS = Duration.ofHours(4);

	final BusinessHours hours = BusinessHours.oslo();

	static Instant oslo(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
	}

	@Nested
	class Holidays {

		@ParameterizedTest
		@ValueSource(strings = { "1583-04-10", "1818-03-22", "1943-04-25", "2000-04-23", "2008-03-23", "2024-03-31",
				"2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", "2285-03-22" })
		void computesGregorianEasterSunday(LocalDate easter) {
			assertThat(BusinessHours.easterSunday(easter.getYear())).isEqualTo(easter);
		}

		@Test
		void listsTheTwelveHolidaysOf2026() {
			assertThat(BusinessHours.norwegianPublicHolidays(2026)).containsExactly(LocalDate.of(2026, 1, 1),
					LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5),
					LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14),
					LocalDate.of(2026, 5, 17), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25),
					LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
		}

		@Test
		void countsAHolidayOnceWhenTwoFallOnTheSameDate() {
			// 2008: Ascension Day was 1 May. 2027: Whit Monday is 17 May.
			assertThat(BusinessHours.norwegianPublicHolidays(2008)).hasSize(11).contains(LocalDate.of(2008, 5, 1));
			assertThat(BusinessHours.norwegianPublicHolidays(2027)).hasSize(11).contains(LocalDate.of(2027, 5, 17));
			assertThat(hours.between(oslo("2008-01-01T00:00"), oslo("2009-01-01T00:00")))
				.isEqualTo(Duration.ofHours(8 * 254));
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-12-24", "2026-12-31", "2026-04-01", "2026-05-13", "2026-05-15", "2026-05-26",
				"2027-05-18" })
		void treatsTheDaysAroundHolidaysAsBusinessDays(LocalDate date) {
			assertThat(BusinessHours.isNorwegianPublicHoliday(date)).isFalse();
			assertThat(hours.isBusinessDay(date)).isTrue();
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-01-01", "2026-04-02", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
				"2026-05-25", "2026-12-25", "2027-01-01", "2027-05-17" })
		void closesOnWeekdayHolidays(LocalDate date) {
			assertThat(BusinessHours.isNorwegianPublicHoliday(date)).isTrue();
			assertThat(hours.isBusinessDay(date)).isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-09-05", "2026-09-06", "2026-12-26", "2026-05-17" })
		void closesOnWeekends(LocalDate date) {
			assertThat(hours.isBusinessDay(date)).isFalse();
		}

		@Test
		void rejectsYearsBeforeTheGregorianCalendar() {
			assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.easterSunday(1582))
				.withMessageContaining("1583");
			assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.norwegianPublicHolidays(1000));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> BusinessHours.isNorwegianPublicHoliday(LocalDate.of(1500, 5, 17)));
		}

	}

	@Nested
	class FourHourTarget {

		@ParameterizedTest(name = "{0} + 4h = {1}")
		@CsvSource({
				// Friday afternoon: two hours on Friday, two on Monday.
				"2026-09-04T14:00, 2026-09-07T10:00",
				// Saturday: counting starts on Monday morning.
				"2026-09-05T11:00, 2026-09-07T12:00",
				// Before opening: counting starts at 08:00.
				"2026-09-08T07:00, 2026-09-08T12:00",
				// One second before closing.
				"2026-09-08T15:59:59, 2026-09-09T11:59:59",
				// At closing: nothing left of the day.
				"2026-09-08T16:00, 2026-09-09T12:00",
				// After closing.
				"2026-09-08T19:30, 2026-09-09T12:00",
				// Ending exactly at closing stays on that day.
				"2026-09-08T12:00, 2026-09-08T16:00",
				"2026-09-04T12:00, 2026-09-04T16:00",
				// Easter 2026: Thursday, Friday and Monday are holidays.
				"2026-04-01T14:00, 2026-04-07T10:00",
				// 17 May 2027 is a Monday.
				"2027-05-14T14:00, 2027-05-18T10:00",
				// Ascension Day 2026 is Thursday 14 May.
				"2026-05-13T14:00, 2026-05-15T10:00",
				// Whit Monday 2026 is 25 May.
				"2026-05-22T14:00, 2026-05-26T10:00",
				// Christmas Eve is a business day; Christmas Day and Boxing Day are not, and a weekend follows.
				"2026-12-24T14:00, 2026-12-28T10:00",
				// New Year's Eve is a business day; 1 January 2027 is a Friday.
				"2026-12-31T14:00, 2027-01-04T10:00" })
		void fallsDueAfterFourBusinessHours(LocalDateTime created, LocalDateTime due) {
			Instant start = created.atZone(OSLO).toInstant();

			assertThat(hours.plus(start, FOUR_HOURS)).isEqualTo(due.atZone(OSLO).toInstant());
			assertThat(hours.between(start, due.atZone(OSLO).toInstant())).isEqualTo(FOUR_HOURS);
		}

		@Test
		void endsAtClosingRatherThanTheNextOpening() {
			assertThat(hours.plus(oslo("2026-09-04T16:00"), Duration.ofHours(8))).isEqualTo(oslo("2026-09-07T16:00"));
			assertThat(hours.plus(oslo("2026-09-04T08:00"), Duration.ofHours(8))).isEqualTo(oslo("2026-09-04T16:00"));
		}

		@Test
		void returnsTheStartForNoTimeAtAll() {
			assertThat(hours.plus(oslo("2026-09-05T11:00"), Duration.ZERO)).isEqualTo(oslo("2026-09-05T11:00"));
		}

		@Test
		void rejectsANegativeTarget() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> hours.plus(oslo("2026-09-04T14:00"), Duration.ofMinutes(-1)))
				.withMessageContaining("negative");
		}

	}

	@Nested
	class DaylightSavingTime {

		@Test
		void countsEightHoursOnTheDaysAroundTheSpringChange() {
			// The clocks go forward on Sunday 29 March 2026.
			assertThat(hours.plus(oslo("2026-03-27T12:00"), Duration.ofHours(8))).isEqualTo(oslo("2026-03-30T12:00"));
			assertThat(hours.between(oslo("2026-03-27T00:00"), oslo("2026-03-31T00:00")))
				.isEqualTo(Duration.ofHours(16));
			// Monday 23 to Tuesday 31 March: seven business days.
			assertThat(hours.between(oslo("2026-03-23T00:00"), oslo("2026-04-01T00:00")))
				.isEqualTo(Duration.ofHours(7 * 8));
		}

		@Test
		void countsEightHoursOnTheDaysAroundTheAutumnChange() {
			// The clocks go back on Sunday 25 October 2026.
			assertThat(hours.plus(oslo("2026-10-23T12:00"), Duration.ofHours(8))).isEqualTo(oslo("2026-10-26T12:00"));
			assertThat(hours.between(oslo("2026-10-23T00:00"), oslo("2026-10-27T00:00")))
				.isEqualTo(Duration.ofHours(16));
		}

		@Test
		void countsEightHoursForEveryBusinessDayOfAYear() {
			// 2026 has 261 weekdays, eight of them holidays.
			assertThat(hours.between(oslo("2026-01-01T00:00"), oslo("2027-01-01T00:00")))
				.isEqualTo(Duration.ofHours(8 * 253));
		}

		@Test
		void countsTheTimeThatPassesWhenTheClocksChangeDuringOpeningHours() {
			// Israel moves its clocks from 02:00 to 03:00 on Friday 27 March 2026, so 01:00–09:00 is seven hours.
			ZoneId jerusalem = ZoneId.of("Asia/Jerusalem");
			BusinessHours nightShift = new BusinessHours(jerusalem, LocalTime.of(1, 0), LocalTime.of(9, 0));
			Instant thursdayClosing = LocalDateTime.parse("2026-03-26T09:00").atZone(jerusalem).toInstant();
			Instant fridayOpening = LocalDateTime.parse("2026-03-27T01:00").atZone(jerusalem).toInstant();

			assertThat(nightShift.plus(fridayOpening, Duration.ofHours(1)))
				.isEqualTo(LocalDateTime.parse("2026-03-27T03:00").atZone(jerusalem).toInstant());
			assertThat(nightShift.plus(thursdayClosing, Duration.ofHours(7)))
				.isEqualTo(LocalDateTime.parse("2026-03-27T09:00").atZone(jerusalem).toInstant());
			assertThat(nightShift.plus(thursdayClosing, Duration.ofHours(8)))
				.isEqualTo(LocalDateTime.parse("2026-03-30T02:00").atZone(jerusalem).toInstant());
			// Saturday to Sunday: the weekdays lie far enough inside to be counted as whole days.
			assertThat(nightShift.between(LocalDateTime.parse("2026-03-21T00:00").atZone(jerusalem).toInstant(),
					LocalDateTime.parse("2026-03-29T00:00").atZone(jerusalem).toInstant()))
				.isEqualTo(Duration.ofHours(4 * 8 + 7));
		}

	}

	@Nested
	class Between {

		@ParameterizedTest(name = "[{0}, {1}) = {2}")
		@CsvSource({
				// Across a weekend.
				"2026-09-04T14:00, 2026-09-07T10:00, PT4H",
				"2026-09-04T00:00, 2026-09-08T00:00, PT16H",
				// Across Easter 2026: only Tuesday 31 March, Wednesday 1 April and Tuesday 7 April.
				"2026-03-31T00:00, 2026-04-08T00:00, PT24H",
				"2026-04-01T14:00, 2026-04-07T10:00, PT4H",
				// Part of a day.
				"2026-09-08T10:30, 2026-09-08T13:15, PT2H45M",
				"2026-09-08T15:59:59, 2026-09-09T08:00:01, PT2S",
				// Ends outside business hours.
				"2026-09-08T06:00, 2026-09-08T20:00, PT8H",
				"2026-09-07T17:00, 2026-09-08T07:00, PT0S",
				"2026-09-05T09:00, 2026-09-06T15:00, PT0S",
				"2026-05-17T00:00, 2026-05-18T00:00, PT0S",
				"2026-09-08T16:00, 2026-09-08T16:00, PT0S",
				// From after to.
				"2026-09-08T14:00, 2026-09-08T10:00, PT0S" })
		void countsBusinessTimeInsideTheSpan(LocalDateTime from, LocalDateTime to, Duration expected) {
			assertThat(hours.between(from.atZone(OSLO).toInstant(), to.atZone(OSLO).toInstant())).isEqualTo(expected);
		}

		@Test
		void undoesPlus() {
			Instant start = oslo("2026-04-01T14:00");
			for (int minutes = 0; minutes <= 5 * 8 * 60; minutes += 7) {
				Duration target = Duration.ofMinutes(minutes);
				assertThat(hours.between(start, hours.plus(start, target))).isEqualTo(target);
			}
		}

	}

	@Nested
	class LongSpans {

		@Test
		void addsTwoThousandBusinessDaysWithoutVisitingEveryMinute() {
			// The 2000th business day counted from Monday 5 January 2026 is Wednesday 30 November 2033.
			Instant start = oslo("2026-01-05T08:00");
			Instant due = hours.plus(start, Duration.ofHours(8 * 2000));

			assertThat(due).isEqualTo(oslo("2033-11-30T16:00"));
			assertThat(hours.between(start, due)).isEqualTo(Duration.ofHours(8 * 2000));
		}

		@Test
		void countsTwentyYears() {
			// 5053 business days from 2020 to 2039, counted day by day with an independent calendar.
			assertThat(hours.between(oslo("2020-01-01T00:00"), oslo("2040-01-01T00:00")))
				.isEqualTo(Duration.ofHours(8 * 5053));
		}

		@Test
		void addsAndCountsCenturies() {
			Instant start = oslo("1990-03-14T11:22:33.123456789");
			Duration target = Duration.ofHours(8 * 25_000).plusMinutes(17).plusNanos(1);

			assertThat(hours.between(start, hours.plus(start, target))).isEqualTo(target);
		}

	}

	@Nested
	class Construction {

		@Test
		void knowsTheDesksHours() {
			assertThat(hours.zone()).isEqualTo(OSLO);
			assertThat(hours.opens()).isEqualTo(LocalTime.of(8, 0));
			assertThat(hours.closes()).isEqualTo(LocalTime.of(16, 0));
		}

		@Test
		void takesOtherHoursInOtherZones() {
			BusinessHours utc = new BusinessHours(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 30));

			// Four o'clock on Friday leaves an hour and a half of the week.
			assertThat(utc.plus(Instant.parse("2026-09-04T16:00:00Z"), Duration.ofHours(2)))
				.isEqualTo(Instant.parse("2026-09-07T09:30:00Z"));
		}

		@Test
		void rejectsHoursThatDoNotOpenBeforeTheyClose() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BusinessHours(OSLO, LocalTime.of(16, 0), LocalTime.of(8, 0)))
				.withMessageContaining("open before they close");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BusinessHours(OSLO, LocalTime.of(8, 0), LocalTime.of(8, 0)));
		}

		@Test
		void rejectsNulls() {
			assertThatNullPointerException()
				.isThrownBy(() -> new BusinessHours(null, LocalTime.of(8, 0), LocalTime.of(16, 0)));
			assertThatNullPointerException().isThrownBy(() -> new BusinessHours(OSLO, null, LocalTime.of(16, 0)));
			assertThatNullPointerException().isThrownBy(() -> new BusinessHours(OSLO, LocalTime.of(8, 0), null));
			assertThatNullPointerException().isThrownBy(() -> hours.plus(null, FOUR_HOURS));
			assertThatNullPointerException().isThrownBy(() -> hours.plus(Instant.EPOCH, null));
			assertThatNullPointerException().isThrownBy(() -> hours.between(null, Instant.EPOCH));
			assertThatNullPointerException().isThrownBy(() -> hours.between(Instant.EPOCH, null));
			assertThatNullPointerException().isThrownBy(() -> hours.isBusinessDay(null));
		}

	}

}
