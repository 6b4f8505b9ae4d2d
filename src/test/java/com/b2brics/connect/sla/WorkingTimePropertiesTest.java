package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.core.SeededTries;

/**
 * Properties of working time that must hold for any calendar and any instants: it never
 * decreases as the end moves later, never exceeds wall time, adds up over consecutive spans, and
 * {@code plusWorkingTime} is its inverse. Zones include Cairo, Moscow, Kolkata, São Paulo and
 * zones with daylight-saving changes. Cases come from seeded random numbers ({@link SeededTries}:
 * a failure prints its seed and {@code -Dproperty.seed=} replays it).
 */
class WorkingTimePropertiesTest {

	private static final List<String> ZONES = List.of("Africa/Cairo", "Europe/Moscow", "Asia/Kolkata",
			"America/Sao_Paulo", "Africa/Johannesburg", "Asia/Shanghai", "Europe/London", "America/New_York");

	/** 2023–2028, seconds. */
	private static final long FROM = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
	private static final long TO = Instant.parse("2028-12-31T00:00:00Z").getEpochSecond();

	private static final long MAX_SPAN = Duration.ofDays(20).toSeconds();

	/** A calendar and how it was made, so a failing case can be read. */
	record Calendar(ZoneId zone, Map<DayOfWeek, List<HoursRange>> hours, int holidayEvery) {

		WorkingCalendar build() {
			int every = holidayEvery;
			return new WorkingCalendar(zone, hours, date -> every > 1 && date.getDayOfYear() % every == 0);
		}
	}

	static Calendar calendar(SplittableRandom random) {
		ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
		Map<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		int days = random.nextInt(8); // 0..7 weekdays drawn (repeats allowed, as a map of random keys)
		for (int i = 0; i < days; i++) {
			hours.put(DayOfWeek.values()[random.nextInt(7)], ranges(random));
		}
		return new Calendar(zone, hours, random.nextInt(21));
	}

	/** One or two non-overlapping ranges a day, on the quarter hour, possibly running to midnight. */
	static List<HoursRange> ranges(SplittableRandom random) {
		int a = random.nextInt(96);
		int b = random.nextInt(96);
		int c = random.nextInt(96);
		boolean two = random.nextBoolean();
		int start = Math.min(a, b);
		int end = Math.max(a, b) + 1; // 1..96
		List<HoursRange> ranges = new ArrayList<>();
		ranges.add(new HoursRange(time(start), end == 96 ? LocalTime.MIDNIGHT : time(end)));
		if (two && end < 95 && c > end) {
			// a second range right after the first: to c, or to midnight when c is where it starts
			ranges.add(new HoursRange(time(end + 1), c == end + 1 ? LocalTime.MIDNIGHT : time(c)));
		}
		return ranges;
	}

	private static LocalTime time(int quarter) {
		return LocalTime.of(quarter / 4, (quarter % 4) * 15);
	}

	static Instant instant(SplittableRandom random) {
		return Instant.ofEpochSecond(random.nextLong(FROM, TO + 1));
	}

	static Duration span(SplittableRandom random) {
		return Duration.ofSeconds(random.nextLong(0, MAX_SPAN + 1));
	}

	record SpansCase(Calendar calendar, Instant from, Duration first, Duration more) {
	}

	record InverseCase(Calendar calendar, Instant from, Duration amount) {
	}

	@Test
	void neverExceedsWallTimeAndNeverDecreases() {
		SeededTries.forAll("neverExceedsWallTimeAndNeverDecreases", 300,
				random -> new SpansCase(calendar(random), instant(random), span(random), span(random)), c -> {
					WorkingCalendar calendar = c.calendar().build();
					Instant middle = c.from().plus(c.first());
					Instant end = middle.plus(c.more());
					Duration toMiddle = calendar.workingTimeBetween(c.from(), middle);
					Duration toEnd = calendar.workingTimeBetween(c.from(), end);
					assertThat(toMiddle).isBetween(Duration.ZERO, c.first());
					assertThat(toEnd).isBetween(toMiddle, c.first().plus(c.more()));
					// additive over consecutive spans
					assertThat(toEnd).isEqualTo(toMiddle.plus(calendar.workingTimeBetween(middle, end)));
				});
	}

	@Test
	void plusWorkingTimeIsTheInverse() {
		SeededTries.forAll("plusWorkingTimeIsTheInverse", 300,
				random -> new InverseCase(calendar(random), instant(random), span(random)), c -> {
					WorkingCalendar calendar = c.calendar().build();
					if (calendar.hours().isEmpty()) {
						return; // no working time at all: nothing to add (checked in WorkingCalendarTest)
					}
					Duration asked = Duration.ofSeconds(c.amount().toSeconds() / 20); // up to a day of working time
					Instant due = calendar.plusWorkingTime(c.from(), asked);
					assertThat(due).isAfterOrEqualTo(c.from());
					assertThat(calendar.workingTimeBetween(c.from(), due)).isEqualTo(asked);
					if (!asked.isZero()) {
						// the due instant is the first at which that much has passed: a second earlier it had not
						assertThat(calendar.workingTimeBetween(c.from(), due.minusSeconds(1))).isLessThan(asked);
						assertThat(calendar.isWorkingTime(due.minusSeconds(1))).isTrue();
					}
				});
	}
}
