package com.b2brics.connect.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A partner company's own working hours and time zone, as its team set them with {@code /hours}.
 * Read from what people write (Mon-Fri 09:00-18:00 Europe/Moscow; several day groups and ranges,
 * Russian day names too) and kept in one line of text.
 */
record PartnerHours(ZoneId zone, Map<DayOfWeek, List<HoursRange>> hours) {

	/** Longer input is refused rather than read. */
	static final int MAX_INPUT = 200;

	private static final Pattern DAYS = Pattern.compile("([\\p{L}]+)(?:-([\\p{L}]+))?");
	private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
	private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

	PartnerHours {
		EnumMap<DayOfWeek, List<HoursRange>> copy = new EnumMap<>(DayOfWeek.class);
		hours.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
		hours = copy;
		new WorkingCalendar(zone, hours, date -> false); // refuses overlapping ranges
	}

	/**
	 * Reads what a person wrote: groups of days each followed by one or more ranges of hours, and
	 * a time zone; empty when it is not that, has no working hours, repeats a day or overlaps.
	 */
	static Optional<PartnerHours> read(String input) {
		if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String[] tokens = input.trim().replace('–', '-').replace('—', '-').split("[\\s,;]+");
		ZoneId zone = null;
		EnumMap<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		List<DayOfWeek> days = List.of();
		boolean daysHaveRanges = true;
		try {
			for (String token : tokens) {
				Matcher range = RANGE.matcher(token);
				Matcher dayMatcher = DAYS.matcher(token.toLowerCase(Locale.ROOT));
				if (range.matches()) {
					if (days.isEmpty()) {
						return Optional.empty();
					}
					HoursRange hoursRange = new HoursRange(time(range.group(1), range.group(2), false),
							time(range.group(3), range.group(4), true));
					for (DayOfWeek day : days) {
						hours.computeIfAbsent(day, d -> new ArrayList<>()).add(hoursRange);
					}
					daysHaveRanges = true;
				}
				else if (dayMatcher.matches() && DAY_NAMES.containsKey(dayMatcher.group(1))
						&& (dayMatcher.group(2) == null || DAY_NAMES.containsKey(dayMatcher.group(2)))) {
					List<DayOfWeek> more = days(DAY_NAMES.get(dayMatcher.group(1)),
							dayMatcher.group(2) == null ? null : DAY_NAMES.get(dayMatcher.group(2)));
					List<DayOfWeek> group = new ArrayList<>(daysHaveRanges ? List.of() : days); // Mon,Wed 10:00-12:00
					for (DayOfWeek day : more) {
						if (hours.containsKey(day) || group.contains(day)) {
							return Optional.empty(); // a day twice
						}
						group.add(day);
					}
					days = group;
					daysHaveRanges = false;
				}
				else if (zone == null && (token.contains("/") || token.equalsIgnoreCase("UTC"))) {
					zone = zone(token);
				}
				else {
					return Optional.empty();
				}
			}
			if (zone == null || !daysHaveRanges || hours.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new PartnerHours(zone, hours));
		}
		catch (DateTimeException | IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	/** A time zone however it is capitalized: europe/moscow is Europe/Moscow. */
	private static ZoneId zone(String token) {
		if (token.equalsIgnoreCase("UTC")) {
			return ZoneId.of("UTC");
		}
		return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(token)).findFirst().map(ZoneId::of)
			.orElseThrow(() -> new IllegalArgumentException("unknown time zone " + token));
	}

	private static LocalTime time(String hour, String minute, boolean end) {
		int h = Integer.parseInt(hour);
		int m = Integer.parseInt(minute);
		if (end && h == 24 && m == 0) {
			return LocalTime.MIDNIGHT;
		}
		return LocalTime.of(h, m);
	}

	/** The days from one to another, through the weekend if need be (Sat-Mon). */
	private static List<DayOfWeek> days(DayOfWeek from, DayOfWeek to) {
		List<DayOfWeek> days = new ArrayList<>();
		DayOfWeek day = from;
		days.add(day);
		while (to != null && day != to) {
			day = day.plus(1);
			days.add(day);
		}
		return days;
	}

	private static Map<String, DayOfWeek> dayNames() {
		Map<String, DayOfWeek> names = new java.util.HashMap<>();
		String[] russian = { "пн", "вт", "ср", "чт", "пт", "сб", "вс" };
		for (DayOfWeek day : DayOfWeek.values()) {
			String english = day.name().toLowerCase(Locale.ROOT);
			names.put(english, day);
			names.put(english.substring(0, 3), day);
			names.put(russian[day.ordinal()], day);
		}
		return Map.copyOf(names);
	}

	/** The calendar these hours make, with the holidays of the storefront's country. */
	WorkingCalendar calendar(WorkingCalendar storefront) {
		return new WorkingCalendar(zone, hours, storefront::isHoliday);
	}

	/** One line to store: MON=09:00-18:00;TUE=09:00-13:00,14:00-18:00 (24:00 for midnight). */
	String stored() {
		return hours.entrySet().stream().map(e -> e.getKey().name().substring(0, 3) + "=" + e.getValue().stream()
			.map(r -> r.start() + "-" + (r.end().equals(LocalTime.MIDNIGHT) ? "24:00" : r.end().toString()))
			.collect(Collectors.joining(","))).collect(Collectors.joining(";"));
	}

	/** Reads what {@link #stored()} wrote. */
	static PartnerHours fromStored(String zone, String stored) {
		EnumMap<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		for (String day : stored.split(";")) {
			String[] parts = day.split("=");
			DayOfWeek dayOfWeek = DAY_NAMES.get(parts[0].toLowerCase(Locale.ROOT));
			hours.put(dayOfWeek, java.util.Arrays.stream(parts[1].split(",")).map(HoursRange::parse).toList());
		}
		return new PartnerHours(ZoneId.of(zone), hours);
	}

	/** For people: Mon–Fri 09:00–18:00, Sat 10:00–14:00, consecutive days with equal hours joined. */
	static String describe(Map<DayOfWeek, List<HoursRange>> hours, Locale locale) {
		List<String> groups = new ArrayList<>();
		DayOfWeek[] week = DayOfWeek.values();
		for (int i = 0; i < week.length;) {
			List<HoursRange> ranges = hours.get(week[i]);
			int j = i;
			while (j + 1 < week.length && ranges != null && ranges.equals(hours.get(week[j + 1]))) {
				j++;
			}
			if (ranges != null && !ranges.isEmpty()) {
				String days = week[i].getDisplayName(TextStyle.SHORT, locale)
						+ (j > i ? "–" + week[j].getDisplayName(TextStyle.SHORT, locale) : "");
				groups.add(days + " " + ranges.stream()
					.map(r -> r.start() + "–" + (r.end().equals(LocalTime.MIDNIGHT) ? "24:00" : r.end().toString()))
					.collect(Collectors.joining(", ")));
			}
			i = j + 1;
		}
		return String.join("; ", groups);
	}
}
