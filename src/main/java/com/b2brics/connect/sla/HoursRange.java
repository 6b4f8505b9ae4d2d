package com.b2brics.connect.sla;

import java.time.LocalTime;
import java.util.Objects;

/** A range of working hours within one day; {@code end} 00:00 means midnight at the day's end. */
public record HoursRange(LocalTime start, LocalTime end) {

	public HoursRange {
		Objects.requireNonNull(start);
		Objects.requireNonNull(end);
		if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
			throw new IllegalArgumentException("a range of working hours must end after it starts: " + start + "-" + end);
		}
	}

	/** Reads a range written as 09:00-18:00 (24:00 for midnight). */
	public static HoursRange parse(String text) {
		String[] parts = text.trim().split("-");
		if (parts.length != 2) {
			throw new IllegalArgumentException("not a range of hours (09:00-18:00): " + text);
		}
		return new HoursRange(LocalTime.parse(parts[0].trim()), parseEnd(parts[1].trim()));
	}

	private static LocalTime parseEnd(String text) {
		return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
	}
}
