package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Working-time arithmetic across weekends, holidays, time zones, midnight and daylight-saving changes. */
class WorkingCalendarTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
	private static final PublicHolidays HOLIDAYS = new PublicHolidays();

	private static Map<DayOfWeek, List<HoursRange>> week(Set<DayOfWeek> days, String... ranges) {
		Map<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : days) {
			hours.put(day, java.util.Arrays.stream(ranges).map(HoursRange::parse).toList());
		}
		return hours;
	}

	private static final Set<DayOfWeek> MON_FRI = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	private static Instant at(ZoneId zone, String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	private final WorkingCalendar moscow = new WorkingCalendar(MOSCOW, week(MON_FRI, "09:00-18:00"),
			date -> HOLIDAYS.isHoliday("RU", date));

	@Test
	void withinOneWorkingDay() {
		assertThat(moscow.workingTimeBetween(at(MOSCOW, "2026-11-25T10:00"), at(MOSCOW, "2026-11-25T12:30")))
			.isEqualTo(Duration.ofMinutes(150));
		// before and after hours count nothing
		assertThat(moscow.workingTimeBetween(at(MOSCOW, "2026-11-25T06:00"), at(MOSCOW, "2026-11-25T09:30")))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(moscow.workingTimeBetween(at(MOSCOW, "2026-11-25T17:00"), at(MOSCOW, "2026-11-25T23:59")))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void acrossAWeekend() {
		// Friday 17:00 → Monday 10:00: one hour on Friday, one on Monday
		assertThat(moscow.workingTimeBetween(at(MOSCOW, "2026-11-27T17:00"), at(MOSCOW, "2026-11-30T10:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(moscow.plusWorkingTime(at(MOSCOW, "2026-11-27T17:00"), Duration.ofHours(2)))
			.isEqualTo(at(MOSCOW, "2026-11-30T10:00"));
		assertThat(moscow.isWorkingTime(at(MOSCOW, "2026-11-28T12:00"))).isFalse();
		assertThat(moscow.nextWorkingInstant(at(MOSCOW, "2026-11-28T12:00"))).isEqualTo(at(MOSCOW, "2026-11-30T09:00"));
	}

	@Test
	void russianNewYearHolidaysFromJollyday() {
		assertThat(HOLIDAYS.covers("RU")).isTrue();
		assertThat(moscow.isHoliday(LocalDate.parse("2027-01-05"))).isTrue(); // a Tuesday in the New Year holidays
		// 2 hours asked on 31 Dec 2026 (a Thursday) at 17:00: one hour that day, the rest after the holidays
		Instant due = moscow.plusWorkingTime(at(MOSCOW, "2026-12-31T17:00"), Duration.ofHours(2));
		LocalDate dueDay = due.atZone(MOSCOW).toLocalDate();
		assertThat(dueDay).isAfter(LocalDate.parse("2027-01-08"));
		assertThat(moscow.isHoliday(dueDay)).isFalse();
		assertThat(due.atZone(MOSCOW).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
		// Victory Day
		assertThat(moscow.isHoliday(LocalDate.parse("2026-05-09"))).isTrue();
	}

	@Test
	void egyptWorksSundayToThursdayAndHasItsOwnHolidays() {
		var week = StorefrontCalendars.usualWeek("EG");
		assertThat(week).doesNotContainKeys(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).containsKey(DayOfWeek.SUNDAY);
		WorkingCalendar cairo = new WorkingCalendar(CAIRO, week, date -> HOLIDAYS.isHoliday("EG", date));
		// Thursday 17:00 → Sunday 10:00: one hour Thursday, one hour Sunday
		assertThat(cairo.workingTimeBetween(at(CAIRO, "2026-11-26T17:00"), at(CAIRO, "2026-11-29T10:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(cairo.isHoliday(LocalDate.parse("2026-10-06"))).isTrue(); // Armed Forces Day
		assertThat(StorefrontCalendars.usualWeek("BR")).doesNotContainKeys(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
	}

	@Test
	void cairoDaylightSavingStartAndEnd() {
		WorkingCalendar always = WorkingCalendar.allTheTime(CAIRO);
		// Egypt has had DST again since 2023: last Friday of April 00:00 → 01:00, last Thursday of October 24:00 → 23:00
		Instant beforeStart = at(CAIRO, "2026-04-23T22:00");
		Instant afterStart = at(CAIRO, "2026-04-24T03:00");
		assertThat(Duration.between(beforeStart, afterStart)).isEqualTo(Duration.ofHours(4)); // one wall hour missing
		assertThat(always.workingTimeBetween(beforeStart, afterStart)).isEqualTo(Duration.ofHours(4));

		Instant beforeEnd = at(CAIRO, "2026-10-29T22:00");
		Instant afterEnd = ZonedDateTime.of(LocalDateTime.parse("2026-10-30T02:00"), CAIRO).toInstant();
		assertThat(always.workingTimeBetween(beforeEnd, afterEnd)).isEqualTo(Duration.between(beforeEnd, afterEnd))
			.isEqualTo(Duration.ofHours(5)); // the wall hour 23:00–24:00 happens twice

		// a working range over the change is as long as real time says: 22:00–02:00 on the night of the start is 3 hours
		WorkingCalendar nights = new WorkingCalendar(CAIRO, week(Set.of(DayOfWeek.THURSDAY), "22:00-24:00")
				.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
						(a, b) -> a, () -> new EnumMap<>(DayOfWeek.class))), date -> false);
		// Thursday 23 April 2026 22:00–24:00 in Cairo: midnight does not exist, 24:00 is 01:00 DST → still 2 real hours
		assertThat(nights.workingTimeBetween(at(CAIRO, "2026-04-23T00:00"), at(CAIRO, "2026-04-25T00:00")))
			.isEqualTo(Duration.ofHours(2));
		// Thursday 29 October 2026 22:00–24:00: 24:00 happens once the clock fell back from 24:00 to 23:00 → 3 real hours
		assertThat(nights.workingTimeBetween(at(CAIRO, "2026-10-29T00:00"), at(CAIRO, "2026-10-31T00:00")))
			.isEqualTo(Duration.ofHours(3));
	}

	@Test
	void timeZonesAndMidnight() {
		WorkingCalendar kolkata = new WorkingCalendar(ZoneId.of("Asia/Kolkata"), week(MON_FRI, "09:00-18:00"), d -> false);
		// the same instant is working time in Moscow (10:00) and in Kolkata (12:30)
		Instant instant = at(MOSCOW, "2026-11-25T10:00");
		assertThat(moscow.isWorkingTime(instant)).isTrue();
		assertThat(kolkata.isWorkingTime(instant)).isTrue();
		// Moscow 18:00 is Kolkata 20:30: Kolkata is done for the day
		assertThat(kolkata.isWorkingTime(at(MOSCOW, "2026-11-25T18:00"))).isFalse();

		WorkingCalendar lateShift = new WorkingCalendar(MOSCOW, week(MON_FRI, "20:00-24:00", "00:00-02:00"), d -> false);
		// Tuesday 23:00 → Wednesday 01:00 crosses midnight inside working hours
		assertThat(lateShift.workingTimeBetween(at(MOSCOW, "2026-11-24T23:00"), at(MOSCOW, "2026-11-25T01:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(lateShift.plusWorkingTime(at(MOSCOW, "2026-11-24T23:30"), Duration.ofHours(1)))
			.isEqualTo(at(MOSCOW, "2026-11-25T00:30"));
	}

	@Test
	void splitDaysAndBadInput() {
		WorkingCalendar lunch = new WorkingCalendar(MOSCOW, week(MON_FRI, "09:00-13:00", "14:00-18:00"), d -> false);
		assertThat(lunch.workingTimeBetween(at(MOSCOW, "2026-11-25T12:00"), at(MOSCOW, "2026-11-25T15:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(lunch.plusWorkingTime(at(MOSCOW, "2026-11-25T12:30"), Duration.ofHours(1)))
			.isEqualTo(at(MOSCOW, "2026-11-25T14:30"));
		assertThat(lunch.workingTimeBetween(at(MOSCOW, "2026-11-25T15:00"), at(MOSCOW, "2026-11-25T12:00"))).isZero();

		assertThatThrownBy(() -> HoursRange.parse("18:00-09:00")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> HoursRange.parse("nine to five")).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> new WorkingCalendar(MOSCOW, week(MON_FRI, "09:00-13:00", "12:00-18:00"), d -> false))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
		assertThatThrownBy(() -> lunch.plusWorkingTime(Instant.now(), Duration.ofHours(-1)))
			.isInstanceOf(IllegalArgumentException.class);
		WorkingCalendar never = new WorkingCalendar(MOSCOW, Map.of(), d -> false);
		assertThat(never.workingTimeBetween(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(30)))).isZero();
		assertThatThrownBy(() -> never.plusWorkingTime(Instant.EPOCH, Duration.ofMinutes(1)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void chinaHasNoLibraryDataSoItsDaysOffAreConfigured() {
		assertThat(HOLIDAYS.covers("CN")).isFalse();
		assertThat(HOLIDAYS.isHoliday("CN", LocalDate.parse("2026-10-01"))).isFalse();
		for (String country : List.of("RU", "BR", "EG", "IN", "ZA")) {
			assertThat(HOLIDAYS.covers(country)).as(country).isTrue();
		}
	}
}
