package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of working time that must hold for any calendar and any instants: it never
 * decreases as the end moves later, never exceeds wall time, adds up over consecutive spans, and
 * {@code plusWorkingTime} is its inverse. Zones include Cairo, Moscow, Kolkata, São Paulo and
 * zones with daylight-saving changes.
 */
class WorkingTimePropertiesTest {

	private static final List<String> ZONES = List.of("Africa/Cairo", "Europe/Moscow", "Asia/Kolkata",
			"America/Sao_Paulo", "Africa/Johannesburg", "Asia/Shanghai", "Europe/London", "America/New_York");

	/** 2023–2028, seconds. */
	private static final long FROM = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
	private static final long TO = Instant.parse("2028-12-31T00:00:00Z").getEpochSecond();

	@Provide
	Arbitrary<WorkingCalendar> calendars() {
		Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
		Arbitrary<Map<DayOfWeek, List<HoursRange>>> hours = Arbitraries.maps(Arbitraries.of(DayOfWeek.class), ranges())
			.ofMinSize(0).ofMaxSize(7).map(m -> m.isEmpty() ? m : new EnumMap<>(m));
		Arbitrary<Integer> holidayEvery = Arbitraries.integers().between(0, 20);
		return Combinators.combine(zone, hours, holidayEvery).as((z, h, every) -> new WorkingCalendar(z, h,
				date -> every > 1 && date.getDayOfYear() % every == 0));
	}

	/** One or two non-overlapping ranges a day, on the quarter hour, possibly running to midnight. */
	private Arbitrary<List<HoursRange>> ranges() {
		Arbitrary<Integer> quarter = Arbitraries.integers().between(0, 95);
		return Combinators.combine(quarter, quarter, quarter, Arbitraries.of(true, false)).as((a, b, c, two) -> {
			int start = Math.min(a, b);
			int end = Math.max(a, b) + 1; // 1..96
			HoursRange first = new HoursRange(time(start), end == 96 ? LocalTime.MIDNIGHT : time(end));
			if (two && end < 95 && c > end) {
				return List.of(first, new HoursRange(time(end + 1 > c ? c : end + 1), time(c) .equals(time(end + 1 > c ? c : end + 1)) ? LocalTime.MIDNIGHT : time(c)));
			}
			return List.of(first);
		}).filter(list -> list.stream().allMatch(r -> r.end().equals(LocalTime.MIDNIGHT) || r.end().isAfter(r.start())));
	}

	private static LocalTime time(int quarter) {
		return LocalTime.of(quarter / 4, (quarter % 4) * 15);
	}

	@Provide
	Arbitrary<Instant> instants() {
		return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
	}

	@Provide
	Arbitrary<Duration> spans() {
		return Arbitraries.longs().between(0, Duration.ofDays(20).toSeconds()).map(Duration::ofSeconds);
	}

	@Property(tries = 300)
	void neverExceedsWallTimeAndNeverDecreases(@ForAll("calendars") WorkingCalendar calendar, @ForAll("instants") Instant from,
			@ForAll("spans") Duration first, @ForAll("spans") Duration more) {
		Instant middle = from.plus(first);
		Instant end = middle.plus(more);
		Duration toMiddle = calendar.workingTimeBetween(from, middle);
		Duration toEnd = calendar.workingTimeBetween(from, end);
		assertThat(toMiddle).isBetween(Duration.ZERO, first);
		assertThat(toEnd).isBetween(toMiddle, first.plus(more));
		// additive over consecutive spans
		assertThat(toEnd).isEqualTo(toMiddle.plus(calendar.workingTimeBetween(middle, end)));
	}

	@Property(tries = 300)
	void plusWorkingTimeIsTheInverse(@ForAll("calendars") WorkingCalendar calendar, @ForAll("instants") Instant from,
			@ForAll("spans") Duration amount) {
		if (calendar.hours().isEmpty()) {
			return; // no working time at all: nothing to add (checked in WorkingCalendarTest)
		}
		Duration asked = Duration.ofSeconds(amount.toSeconds() / 20); // up to a day of working time
		Instant due = calendar.plusWorkingTime(from, asked);
		assertThat(due).isAfterOrEqualTo(from);
		assertThat(calendar.workingTimeBetween(from, due)).isEqualTo(asked);
		if (!asked.isZero()) {
			// the due instant is the first at which that much has passed: a second earlier it had not
			assertThat(calendar.workingTimeBetween(from, due.minusSeconds(1))).isLessThan(asked);
			assertThat(calendar.isWorkingTime(due.minusSeconds(1))).isTrue();
		}
	}
}
