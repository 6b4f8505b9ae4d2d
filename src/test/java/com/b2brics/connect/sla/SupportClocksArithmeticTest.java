package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sla.SupportClocks.Status;
import com.b2brics.connect.sla.SupportClocks.View;

/**
 * Support clocks' arithmetic over a working calendar (Moscow, Monday to Friday 09:00–18:00, Russian
 * holidays), one hour allowed: pauses across a night and a weekend, resuming moves the due
 * instant, MET and LATE by the due instant, and the reminder points.
 */
class SupportClocksArithmeticTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final PublicHolidays HOLIDAYS = new PublicHolidays();
	private static final List<Integer> POINTS = List.of(50, 80);

	private final WorkingCalendar calendar;

	SupportClocksArithmeticTest() {
		Map<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
			hours.put(day, List.of(HoursRange.parse("09:00-18:00")));
		}
		calendar = new WorkingCalendar(MOSCOW, hours, date -> HOLIDAYS.isHoliday("RU", date));
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
	}

	/** A clock started at the instant, as SupportClocks.start stores it. */
	private View started(String when) {
		Instant start = at(when);
		Duration allowed = Duration.ofHours(1);
		return new View(1, 7, 1, "russia", Status.RUNNING, allowed, start, calendar.plusWorkingTime(start, allowed), Duration.ZERO,
				start, null, null, 0, null, 1, null);
	}

	@Test
	void startedOutsideWorkingHoursCountsFromTheNextWorkingMorning() {
		View friday = started("2026-12-11T17:30"); // a Friday: half an hour today, half on Monday
		assertThat(friday.dueAt()).isEqualTo(at("2026-12-14T09:30"));
		assertThat(friday.workedUntil(at("2026-12-13T12:00"), calendar)).isEqualTo(Duration.ofMinutes(30));
		View night = started("2026-12-09T22:00");
		assertThat(night.dueAt()).isEqualTo(at("2026-12-10T10:00"));
		assertThat(night.ticketNumber()).isEqualTo("T-000007");
	}

	@Test
	void aPauseAcrossTheNightMovesTheDueByThePausedTime() {
		View clock = started("2026-12-09T10:00"); // Wednesday, due 11:00
		View paused = clock.pausedAt(at("2026-12-09T10:20"), calendar);
		assertThat(paused.status()).isEqualTo(Status.PAUSED);
		assertThat(paused.worked()).isEqualTo(Duration.ofMinutes(20));
		assertThat(paused.countingSince()).isNull();
		// while paused nothing counts, nothing is overdue and no reminder is due
		assertThat(paused.workedUntil(at("2026-12-09T17:00"), calendar)).isEqualTo(Duration.ofMinutes(20));
		assertThat(paused.isOverdue(at("2026-12-09T12:00"))).isFalse();
		assertThat(paused.reminderDue(POINTS, at("2026-12-09T12:00"), calendar)).isZero();

		View resumed = paused.resumedAt(at("2026-12-10T09:10"), calendar); // Thursday morning: 40 min left
		assertThat(resumed.status()).isEqualTo(Status.RUNNING);
		assertThat(resumed.dueAt()).isEqualTo(at("2026-12-10T09:50"));
		assertThat(resumed.pausedAt()).isNull();
		View met = resumed.answeredAt(42, at("2026-12-10T09:45"), calendar);
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.worked()).isEqualTo(Duration.ofMinutes(55));
		assertThat(met.answeredBy()).isEqualTo(42L);
		assertThat(resumed.answeredAt(42, at("2026-12-10T09:51"), calendar).status()).isEqualTo(Status.LATE);
	}

	@Test
	void aPauseAcrossAWeekendResumedOnSaturdayCountsFromMonday() {
		View clock = started("2026-12-11T17:00"); // Friday, due 18:00
		View paused = clock.pausedAt(at("2026-12-11T17:40"), calendar);
		View resumed = paused.resumedAt(at("2026-12-12T12:00"), calendar); // the reporter answers on Saturday
		assertThat(resumed.dueAt()).isEqualTo(at("2026-12-14T09:20"));
		// the 50 % point passed before the pause: due at the first working instant; 80 % after 8 more minutes
		assertThat(resumed.reminderAt(50, calendar)).isEqualTo(at("2026-12-14T09:00"));
		assertThat(resumed.reminderAt(80, calendar)).isEqualTo(at("2026-12-14T09:08"));
		assertThat(resumed.reminderDue(POINTS, at("2026-12-13T20:00"), calendar)).isZero();
		assertThat(resumed.reminderDue(POINTS, at("2026-12-14T09:10"), calendar)).isEqualTo(80);
		assertThat(resumed.isOverdue(at("2026-12-14T09:20"))).isFalse();
		assertThat(resumed.isOverdue(at("2026-12-14T09:21"))).isTrue();
	}

	@Test
	void aResumeAfterTheAllowedTimeWasUsedUpKeepsTheDue() {
		View clock = started("2026-12-09T10:00");
		View paused = clock.pausedAt(at("2026-12-09T11:30"), calendar); // paused half an hour late
		View resumed = paused.resumedAt(at("2026-12-09T15:00"), calendar);
		assertThat(resumed.dueAt()).isEqualTo(at("2026-12-09T11:00"));
		assertThat(resumed.isOverdue(at("2026-12-09T15:00"))).isTrue();
		// answered while paused: late, since counting stopped after the due instant
		assertThat(paused.answeredAt(1, at("2026-12-09T14:00"), calendar).status()).isEqualTo(Status.LATE);
		// paused in time and answered while paused, however late on the wall clock: met
		View pausedInTime = clock.pausedAt(at("2026-12-09T10:30"), calendar);
		assertThat(pausedInTime.answeredAt(1, at("2026-12-10T17:00"), calendar).status()).isEqualTo(Status.MET);
	}

	@Test
	void metOrLateByTheDueInstantEvenAfterHours() {
		View clock = started("2026-12-09T17:00"); // due at the end of the working day
		assertThat(clock.dueAt()).isEqualTo(at("2026-12-09T18:00"));
		assertThat(clock.answeredAt(1, at("2026-12-09T18:00"), calendar).status()).isEqualTo(Status.MET);
		assertThat(clock.isOverdue(at("2026-12-09T18:00"))).isFalse();
		// in the evening no more working time was counted than allowed, yet the promise was broken (and the breach told)
		View evening = clock.answeredAt(1, at("2026-12-09T19:00"), calendar);
		assertThat(evening.worked()).isEqualTo(Duration.ofHours(1));
		assertThat(evening.status()).isEqualTo(Status.LATE);
		assertThat(clock.isOverdue(at("2026-12-09T19:00"))).isTrue();
		View cancelled = clock.cancelledAt(at("2026-12-09T17:45"), calendar);
		assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
		assertThat(cancelled.worked()).isEqualTo(Duration.ofMinutes(45));
		assertThat(cancelled.stoppedAt()).isEqualTo(at("2026-12-09T17:45"));
	}

	@Test
	void remindersAtTheirPointsOnceEachAndNeverAfterHoursOrPastDue() {
		View clock = started("2026-12-09T10:00");
		assertThat(clock.reminderDue(POINTS, at("2026-12-09T10:29"), calendar)).isZero();
		assertThat(clock.reminderDue(POINTS, at("2026-12-09T10:30"), calendar)).isEqualTo(50);
		// both points passed together: told once, as the highest
		assertThat(clock.reminderDue(POINTS, at("2026-12-09T10:50"), calendar)).isEqualTo(80);
		View remindedAt50 = new View(1, 7, 1, "russia", Status.RUNNING, clock.allowed(), clock.startedAt(), clock.dueAt(),
				Duration.ZERO, clock.countingSince(), null, null, 50, null, 1, null);
		assertThat(remindedAt50.reminderDue(POINTS, at("2026-12-09T10:40"), calendar)).isZero();
		assertThat(remindedAt50.reminderDue(POINTS, at("2026-12-09T10:48"), calendar)).isEqualTo(80);
		// past due the breach is told instead
		assertThat(clock.reminderDue(POINTS, at("2026-12-09T11:01"), calendar)).isZero();
		// a point at the very end of the working day waits for the next morning
		View late = started("2026-12-09T17:30");
		assertThat(late.reminderAt(50, calendar)).isEqualTo(at("2026-12-10T09:00"));
		assertThat(late.reminderDue(POINTS, at("2026-12-09T20:00"), calendar)).isZero();
	}
}
