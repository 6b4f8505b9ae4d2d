package com.b2brics.connect.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the deadline a partner names with {@code /eta}, in English or Russian, on the wall clock
 * of the given zone: {@code 15:00} (today, or tomorrow if that time has passed), {@code tomorrow
 * 10:00} / {@code завтра 10:00}, {@code 2h} / {@code 2 часа} / {@code 90 min} / {@code 30м},
 * {@code in 3 days} / {@code через 3 дня}, and a date {@code 2026-12-01 14:00} or {@code 01.12
 * 14:00}. Anything else: empty.
 */
final class EtaParser {

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
	private static final Pattern RELATIVE = Pattern.compile(
			"(?:in|через)?\\s*(\\d{1,3})\\s*(h|hr|hrs|hour|hours|ч|час|часа|часов|m|min|mins|minute|minutes|м|мин|минут|минуты|минуту|d|day|days|д|день|дня|дней)");
	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
	private static final Pattern DOT_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}))?(?=\\s)");

	private EtaParser() {
	}

	static Optional<Instant> parse(String text, Instant now, ZoneId zone) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (s.isEmpty() || s.length() > 64) {
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(zone);
		Matcher relative = RELATIVE.matcher(s);
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			String unit = relative.group(2);
			Duration d = unit.startsWith("h") || unit.startsWith("ч") ? Duration.ofHours(amount)
					: unit.startsWith("d") || unit.startsWith("д") ? Duration.ofDays(amount) : Duration.ofMinutes(amount);
			return amount == 0 ? Optional.empty() : Optional.of(now.plus(d));
		}
		LocalDate day = null;
		String rest = s;
		if (s.startsWith("tomorrow") || s.startsWith("завтра")) {
			day = local.toLocalDate().plusDays(1);
			rest = s.replaceFirst("^(tomorrow|завтра)\\s*(at|в)?\\s*", "");
		}
		else if (s.startsWith("today") || s.startsWith("сегодня")) {
			day = local.toLocalDate();
			rest = s.replaceFirst("^(today|сегодня)\\s*(at|в)?\\s*", "");
		}
		else {
			Matcher iso = ISO_DATE.matcher(s);
			Matcher dot = DOT_DATE.matcher(s + " ");
			try {
				if (iso.lookingAt()) {
					day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
					rest = s.substring(iso.end()).trim();
				}
				else if (dot.lookingAt() && s.length() > dot.end() - 0 && !TIME.matcher(s).matches()) {
					int year = dot.group(3) == null ? local.getYear() : Integer.parseInt(dot.group(3));
					day = LocalDate.of(year, Integer.parseInt(dot.group(2)), Integer.parseInt(dot.group(1)));
					rest = s.substring(Math.min(s.length(), dot.end())).trim();
				}
			}
			catch (java.time.DateTimeException invalidDate) {
				return Optional.empty();
			}
		}
		rest = rest.replaceFirst("^(at|в)\\s+", "");
		LocalTime time;
		Matcher t = TIME.matcher(rest);
		if (t.matches()) {
			int hour = Integer.parseInt(t.group(1));
			int minute = Integer.parseInt(t.group(2));
			if (hour > 23 || minute > 59) {
				return Optional.empty();
			}
			time = LocalTime.of(hour, minute);
		}
		else if (rest.isEmpty() && day != null) {
			time = LocalTime.of(10, 0); // "tomorrow": the morning
		}
		else {
			return Optional.empty();
		}
		if (day == null) {
			day = local.toLocalDate();
			if (!ZonedDateTime.of(day, time, zone).toInstant().isAfter(now)) {
				day = day.plusDays(1); // "15:00" said at 16:00 means tomorrow's
			}
		}
		return Optional.of(ZonedDateTime.of(day, time, zone).toInstant());
	}
}
