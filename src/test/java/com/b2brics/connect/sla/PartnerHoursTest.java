package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading what partners write with /hours, keeping it, and the working-time arithmetic in their hours. */
class PartnerHoursTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	private static HoursRange range(String text) {
		return HoursRange.parse(text);
	}

	@Test
	void readsDayGroupsRangesAndTheZone() {
		PartnerHours hours = PartnerHours.read("Mon-Fri 09:00-13:00,14:00-18:00 Sat 10:00-14:00 Asia/Kolkata").orElseThrow();
		assertThat(hours.zone()).isEqualTo(KOLKATA);
		assertThat(hours.hours()).hasSize(6).doesNotContainKey(DayOfWeek.SUNDAY);
		assertThat(hours.hours().get(DayOfWeek.WEDNESDAY)).containsExactly(range("09:00-13:00"), range("14:00-18:00"));
		assertThat(hours.hours().get(DayOfWeek.SATURDAY)).containsExactly(range("10:00-14:00"));

		assertThat(PartnerHours.read("Пн-Пт 18:00-23:00 Europe/Moscow").orElseThrow().hours()).hasSize(5);
		assertThat(PartnerHours.read("europe/moscow sat-mon 20:00-24:00").orElseThrow().hours().keySet())
			.containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
		assertThat(PartnerHours.read("Mon,Wed 9:00-12:00 UTC").orElseThrow().hours().keySet())
			.containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
		assertThat(PartnerHours.read("Monday–Friday 08:30-17:30 Africa/Cairo")).isPresent();
	}

	@Test
	void refusesWhatItCannotReadFully() {
		for (String bad : List.of("", "   ", "whenever", "Mon-Fri 09:00-18:00", "09:00-18:00 Europe/Moscow",
				"Mon-Fri Europe/Moscow", "Mon-Fri 18:00-09:00 Europe/Moscow", "Mon-Fri 09:00-18:00 Mars/Olympus",
				"Mon-Fri 09:00-18:00 Mon 19:00-20:00 Europe/Moscow", "Mon-Fri 09:00-13:00,12:00-18:00 Europe/Moscow",
				"Mon-Fri 25:00-26:00 Europe/Moscow", "Mon-Fri 09:00-18:00 Europe/Moscow Asia/Kolkata", "Sat 10:00-14:00 Sun UTC",
				"Mon-Fri 09:00-18:00 " + "Europe/Moscow ".repeat(20))) {
			assertThat(PartnerHours.read(bad)).as(bad).isEmpty();
		}
	}

	@Test
	void keepsAndDescribesThemAsWritten() {
		PartnerHours hours = PartnerHours.read("Mon-Fri 09:00-13:00,14:00-18:00 Sat 20:00-24:00 Asia/Kolkata").orElseThrow();
		assertThat(hours.stored()).isEqualTo("MON=09:00-13:00,14:00-18:00;TUE=09:00-13:00,14:00-18:00;WED=09:00-13:00,14:00-18:00;"
				+ "THU=09:00-13:00,14:00-18:00;FRI=09:00-13:00,14:00-18:00;SAT=20:00-24:00");
		assertThat(PartnerHours.fromStored("Asia/Kolkata", hours.stored())).isEqualTo(hours);
		assertThat(PartnerHours.describe(hours.hours(), Locale.ENGLISH))
			.isEqualTo("Mon–Fri 09:00–13:00, 14:00–18:00; Sat 20:00–24:00");
		assertThat(hours.hours().get(DayOfWeek.SATURDAY).get(0).end()).isEqualTo(LocalTime.MIDNIGHT);
	}

	@Test
	void workingTimeRunsInThePartnersHoursAndZoneWithTheStorefrontsHolidays() {
		// the storefront: Moscow, 09:00-18:00 on weekdays, 4 November a holiday
		LocalDate holiday = LocalDate.of(2026, 11, 4);
		WorkingCalendar storefront = new WorkingCalendar(MOSCOW, StorefrontCalendars.usualWeek("RU"), holiday::equals);
		// the partner works evenings, on Kolkata time (2.5 h ahead of Moscow)
		WorkingCalendar partner = PartnerHours.read("Mon-Fri 18:00-22:00 Asia/Kolkata").orElseThrow().calendar(storefront);
		assertThat(partner.zone()).isEqualTo(KOLKATA);

		// Tuesday 3 Nov, 10:00 Moscow = 12:30 Kolkata: 2 h of working time from there ends at 20:00 Kolkata
		Instant start = LocalDateTime.parse("2026-11-03T10:00").atZone(MOSCOW).toInstant();
		assertThat(partner.plusWorkingTime(start, Duration.ofHours(2)))
			.isEqualTo(LocalDateTime.parse("2026-11-03T20:00").atZone(KOLKATA).toInstant());
		assertThat(partner.isWorkingTime(start)).isFalse();
		assertThat(partner.nextWorkingInstant(start)).isEqualTo(LocalDateTime.parse("2026-11-03T18:00").atZone(KOLKATA).toInstant());
		// 6 h from Tuesday 18:00 Kolkata: 4 h on Tuesday, Wednesday is the storefront's holiday, 2 h on Thursday
		Instant tuesdayEvening = LocalDateTime.parse("2026-11-03T18:00").atZone(KOLKATA).toInstant();
		Instant due = partner.plusWorkingTime(tuesdayEvening, Duration.ofHours(6));
		assertThat(due).isEqualTo(LocalDateTime.parse("2026-11-05T20:00").atZone(KOLKATA).toInstant());
		assertThat(partner.workingTimeBetween(tuesdayEvening, due)).isEqualTo(Duration.ofHours(6));
		// in the storefront's hours the same 6 h from Tuesday 10:00 Moscow end on Thursday 16:00 Moscow (Wednesday off)
		assertThat(storefront.plusWorkingTime(start, Duration.ofHours(6)))
			.isEqualTo(LocalDateTime.parse("2026-11-03T16:00").atZone(MOSCOW).toInstant());
		// a Friday evening clock runs over the weekend to Monday evening
		Instant friday = LocalDateTime.parse("2026-11-06T21:00").atZone(KOLKATA).toInstant();
		assertThat(partner.plusWorkingTime(friday, Duration.ofHours(2)))
			.isEqualTo(LocalDateTime.parse("2026-11-09T19:00").atZone(KOLKATA).toInstant());
		assertThat(partner.workingTimeBetween(friday, LocalDateTime.parse("2026-11-09T18:00").atZone(KOLKATA).toInstant()))
			.isEqualTo(Duration.ofHours(1));
		assertThat(Map.copyOf(partner.hours())).hasSize(5);
	}
}
