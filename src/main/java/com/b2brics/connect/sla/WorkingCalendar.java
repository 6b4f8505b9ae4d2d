package com.b2brics.connect.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When someone works: a time zone, hours per weekday (one or more ranges a day; a range ending
 * at 00:00 runs to midnight), and holidays (days off whatever the weekday). Working time between
 * two instants counts only the instants inside working hours, as seen on the wall clock of the
 * zone: a range on a day the clocks change (Africa/Cairo, Europe/…) is as long as the wall clock
 * says in real time (an hour shorter or longer), and a range start or end that does not exist
 * that day moves to the first instant after the gap.
 *
 * <p>Immutable and thread-safe. Every result is exact (no rounding) and never negative.
 */
public final class WorkingCalendar {

	/** A search never looks further than this for the next working instant (a calendar may have none). */
	private static final int HORIZON_DAYS = 3 * 366;

	private final ZoneId zone;
	private final Map<DayOfWeek, List<HoursRange>> hours;
	private final Predicate<LocalDate> holiday;

	public WorkingCalendar(ZoneId zone, Map<DayOfWeek, List<HoursRange>> hours, Predicate<LocalDate> holiday) {
		this.zone = Objects.requireNonNull(zone);
		EnumMap<DayOfWeek, List<HoursRange>> copy = new EnumMap<>(DayOfWeek.class);
		hours.forEach((day, ranges) -> {
			List<HoursRange> sorted = new ArrayList<>(ranges);
			sorted.sort((a, b) -> a.start().compareTo(b.start()));
			for (int i = 1; i < sorted.size(); i++) {
				HoursRange previous = sorted.get(i - 1);
				if (previous.end().equals(LocalTime.MIDNIGHT) || previous.end().isAfter(sorted.get(i).start())) {
					throw new IllegalArgumentException("working hours overlap on " + day + ": " + sorted);
				}
			}
			copy.put(day, List.copyOf(sorted));
		});
		this.hours = copy;
		this.holiday = Objects.requireNonNull(holiday);
	}

	/** Every instant of every day: wall time equals working time (useful for 24/7 support). */
	public static WorkingCalendar allTheTime(ZoneId zone) {
		EnumMap<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day, List.of(new HoursRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		return new WorkingCalendar(zone, hours, date -> false);
	}

	public ZoneId zone() {
		return zone;
	}

	public Map<DayOfWeek, List<HoursRange>> hours() {
		return hours;
	}

	public boolean isHoliday(LocalDate date) {
		return holiday.test(date);
	}

	/** Working time from {@code from} (inclusive) to {@code to} (exclusive); zero when {@code to} is not after {@code from}. */
	public Duration workingTimeBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
		LocalDate last = to.atZone(zone).toLocalDate();
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			for (Instant[] range : rangesOn(day)) {
				Instant start = range[0].isAfter(from) ? range[0] : from;
				Instant end = range[1].isBefore(to) ? range[1] : to;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/**
	 * The instant at which {@code amount} of working time has passed since {@code from}. For a
	 * zero amount: {@code from} itself. Throws when the calendar has no working time within a few
	 * years (a calendar with no hours at all).
	 */
	public Instant plusWorkingTime(Instant from, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("negative working time: " + amount);
		}
		if (amount.isZero()) {
			return from;
		}
		Duration left = amount;
		LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			for (Instant[] range : rangesOn(day)) {
				Instant start = range[0].isAfter(from) ? range[0] : from;
				if (!range[1].isAfter(start)) {
					continue;
				}
				Duration available = Duration.between(start, range[1]);
				if (available.compareTo(left) >= 0) {
					return start.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw new IllegalStateException("no working time within " + HORIZON_DAYS + " days of " + from);
	}

	public boolean isWorkingTime(Instant instant) {
		LocalDate date = instant.atZone(zone).toLocalDate();
		for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
			for (Instant[] range : rangesOn(day)) {
				if (!instant.isBefore(range[0]) && instant.isBefore(range[1])) {
					return true;
				}
			}
		}
		return false;
	}

	/** The instant itself when it is working time, else the next start of working hours. */
	public Instant nextWorkingInstant(Instant from) {
		if (isWorkingTime(from)) {
			return from;
		}
		LocalDate day = from.atZone(zone).toLocalDate();
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			for (Instant[] range : rangesOn(day)) {
				if (range[0].isAfter(from) && range[1].isAfter(range[0])) {
					return range[0];
				}
			}
		}
		throw new IllegalStateException("no working time within " + HORIZON_DAYS + " days of " + from);
	}

	/** The day's working ranges as instants, in order; none on holidays. */
	private List<Instant[]> rangesOn(LocalDate day) {
		List<HoursRange> ranges = hours.get(day.getDayOfWeek());
		if (ranges == null || ranges.isEmpty() || holiday.test(day)) {
			return List.of();
		}
		List<Instant[]> result = new ArrayList<>(ranges.size());
		for (HoursRange range : ranges) {
			Instant start = ZonedDateTime.of(day, range.start(), zone).toInstant();
			Instant end = range.end().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
					: ZonedDateTime.of(day, range.end(), zone).toInstant();
			if (end.isAfter(start)) {
				result.add(new Instant[] { start, end });
			}
		}
		return result;
	}

	@Override
	public String toString() {
		return "WorkingCalendar[" + zone + " " + hours + "]";
	}
}
