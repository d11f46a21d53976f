package com.triagedesk.issues;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BusinessHours#plus} and {@link BusinessHours#between} agree with each other and with counting day by day,
 * for instants from 1990 to 2100, many of them on or next to opening and closing.
 */
class BusinessHoursProperties {

	final BusinessHours hours = BusinessHours.oslo();

	@Property(tries = 1000)
	void betweenUndoesPlus(@ForAll("instants") Instant start, @ForAll("durations") Duration businessTime) {
		assertThat(hours.between(start, hours.plus(start, businessTime))).isEqualTo(businessTime);
	}

	@Property(tries = 1000)
	void plusNeverGoesBack(@ForAll("instants") Instant start, @ForAll("durations") Duration one,
			@ForAll("durations") Duration other) {
		Duration shorter = one.compareTo(other) <= 0 ? one : other;
		Duration longer = one.compareTo(other) <= 0 ? other : one;

		assertThat(hours.plus(start, shorter)).isBeforeOrEqualTo(hours.plus(start, longer)).isAfterOrEqualTo(start);
	}

	@Property(tries = 1000)
	void plusEndsInsideBusinessHours(@ForAll("instants") Instant start, @ForAll("durations") Duration businessTime) {
		Assume.that(!businessTime.isZero());

		ZonedDateTime due = hours.plus(start, businessTime).atZone(hours.zone());

		assertThat(hours.isBusinessDay(due.toLocalDate())).isTrue();
		assertThat(due.toLocalTime()).isAfter(hours.opens()).isBeforeOrEqualTo(hours.closes());
	}

	@Property(tries = 1000)
	void betweenAddsUp(@ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
		Instant[] sorted = Stream.of(a, b, c).sorted().toArray(Instant[]::new);

		assertThat(hours.between(sorted[0], sorted[1]).plus(hours.between(sorted[1], sorted[2])))
			.isEqualTo(hours.between(sorted[0], sorted[2]));
	}

	@Property(tries = 1000)
	void plusOfBetweenReachesTheEndWhenItIsInsideBusinessHours(@ForAll("instants") Instant one,
			@ForAll("instants") Instant other) {
		Instant from = one.isBefore(other) ? one : other;
		Instant to = one.isBefore(other) ? other : one;

		Instant reached = hours.plus(from, hours.between(from, to));

		assertThat(reached).isBeforeOrEqualTo(to);
		ZonedDateTime end = to.atZone(hours.zone());
		if (hours.isBusinessDay(end.toLocalDate()) && end.toLocalTime().isAfter(hours.opens())
				&& !end.toLocalTime().isAfter(hours.closes())) {
			assertThat(reached).isEqualTo(to);
		}
	}

	@Property(tries = 1000)
	void betweenAgreesWithCountingDayByDay(@ForAll("instants") Instant from, @ForAll("durations") Duration span) {
		// Taken as real time rather than business time: up to almost three years.
		Instant to = from.plus(span.multipliedBy(6));

		assertThat(hours.between(from, to)).isEqualTo(countDayByDay(from, to));
	}

	/** The obvious, slow way: every day between the two, clipped to its opening hours. */
	Duration countDayByDay(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		LocalDate first = LocalDate.ofInstant(from, hours.zone());
		LocalDate last = LocalDate.ofInstant(to, hours.zone());
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (!hours.isBusinessDay(day)) {
				continue;
			}
			Instant opening = day.atTime(hours.opens()).atZone(hours.zone()).toInstant();
			Instant closing = day.atTime(hours.closes()).atZone(hours.zone()).toInstant();
			Instant start = from.isAfter(opening) ? from : opening;
			Instant end = to.isBefore(closing) ? to : closing;
			if (start.isBefore(end)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	@Provide
	Arbitrary<Instant> instants() {
		Arbitrary<LocalDate> dates = Arbitraries.longs()
			.between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
		Arbitrary<LocalTime> anyTime = Arbitraries.longs()
			.between(0, LocalTime.MAX.toNanoOfDay())
			.map(LocalTime::ofNanoOfDay);
		// Off-by-one mistakes live at opening and closing.
		Arbitrary<LocalTime> edges = Arbitraries.of(LocalTime.of(8, 0), LocalTime.of(16, 0),
				LocalTime.of(7, 59, 59, 999_999_999), LocalTime.of(8, 0, 0, 1), LocalTime.of(15, 59, 59, 999_999_999),
				LocalTime.of(16, 0, 0, 1), LocalTime.MIDNIGHT, LocalTime.of(2, 30), LocalTime.of(12, 0));
		Arbitrary<LocalTime> times = Arbitraries.frequencyOf(Tuple.of(3, anyTime),
				Tuple.of(2, edges));
		return Combinators.combine(dates, times).as((date, time) -> date.atTime(time).atZone(hours.zone()).toInstant());
	}

	@Provide
	Arbitrary<Duration> durations() {
		Arbitrary<Duration> upToAFewDays = Arbitraries.longs()
			.between(0, Duration.ofHours(8 * 5).toNanos())
			.map(Duration::ofNanos);
		Arbitrary<Duration> upToTwoYears = Arbitraries.longs()
			.between(0, Duration.ofHours(8 * 500).toSeconds())
			.map(Duration::ofSeconds);
		Arbitrary<Duration> wholeDays = Arbitraries.integers().between(0, 600).map(days -> Duration.ofHours(8L * days));
		return Arbitraries.oneOf(upToAFewDays, upToTwoYears, wholeDays, Arbitraries.just(Duration.ZERO));
	}

}
