package com.b2brics.connect.deals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.b2brics.connect.sla.HoursRange;
import com.b2brics.connect.sla.WorkingCalendar;

/**
 * How long the customer has to review a READY stage: the working days after the day it was reported
 * ready, in the storefront's calendar (weekends and public holidays do not count). It ends when
 * working hours end on the last of them; the reminder goes when they start that day, a working day
 * before the end.
 */
record ReviewWindow(Instant remindAt, Instant dueAt) {

	private static final int HORIZON_DAYS = 3 * 366;

	static ReviewWindow of(WorkingCalendar calendar, Instant readyAt, int workingDays) {
		LocalDate day = readyAt.atZone(calendar.zone()).toLocalDate();
		int counted = 0;
		for (int i = 0; i < HORIZON_DAYS; i++) {
			day = day.plusDays(1);
			List<HoursRange> hours = calendar.hours().get(day.getDayOfWeek());
			if (hours == null || hours.isEmpty() || calendar.isHoliday(day)) {
				continue;
			}
			if (++counted == workingDays) {
				HoursRange first = hours.get(0);
				HoursRange last = hours.get(hours.size() - 1);
				Instant start = ZonedDateTime.of(day, first.start(), calendar.zone()).toInstant();
				Instant end = last.end().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()
						: ZonedDateTime.of(day, last.end(), calendar.zone()).toInstant();
				return new ReviewWindow(start, end);
			}
		}
		throw new IllegalStateException("no " + workingDays + " working days within " + HORIZON_DAYS + " days of " + readyAt);
	}
}
