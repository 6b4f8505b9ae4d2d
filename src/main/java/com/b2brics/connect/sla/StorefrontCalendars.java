package com.b2brics.connect.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Storefront;
import com.b2brics.connect.core.NotFound;

/**
 * The working-hours calendar of each storefront: what is configured under
 * {@code b2brics.sla.calendars}, over what the storefront implies: its time zone, its country's
 * public holidays and usual working week, 09:00 to 18:00.
 */
@Service
public class StorefrontCalendars {

	/** Countries whose weekend is Friday and Saturday. */
	private static final Set<String> FRIDAY_SATURDAY_WEEKEND = Set.of("EG", "SA", "AE", "IR", "IQ", "JO", "KW", "OM", "QA",
			"BH", "DZ", "LY", "SD", "YE", "SY");

	private static final HoursRange DEFAULT_HOURS = new HoursRange(LocalTime.of(9, 0), LocalTime.of(18, 0));

	private final Catalog catalog;
	private final PublicHolidays publicHolidays;
	private final SlaProperties properties;
	private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

	StorefrontCalendars(Catalog catalog, PublicHolidays publicHolidays, SlaProperties properties) {
		this.catalog = catalog;
		this.publicHolidays = publicHolidays;
		this.properties = properties;
	}

	/** The storefront's calendar (built once); a storefront that does not exist is {@link NotFound}. */
	public WorkingCalendar forStorefront(String storefrontSlug) {
		return calendars.computeIfAbsent(storefrontSlug, slug -> build(catalog.storefront(slug)
			.orElseThrow(() -> new NotFound("storefront " + slug))));
	}

	private WorkingCalendar build(Storefront storefront) {
		SlaProperties.CalendarSettings settings = properties.calendars().get(storefront.slug());
		ZoneId zone = settings != null && settings.zone() != null ? ZoneId.of(settings.zone()) : storefront.timeZone();
		Map<DayOfWeek, List<HoursRange>> hours = settings != null && settings.hours() != null
				&& !settings.hours().isEmpty() ? parse(settings.hours()) : usualWeek(storefront.countryCode());
		String country = settings != null && settings.holidaysCountry() != null ? settings.holidaysCountry()
				: storefront.countryCode();
		Set<LocalDate> extra = settings == null ? Set.of() : new HashSet<>(settings.holidays());
		return new WorkingCalendar(zone, hours, date -> extra.contains(date) || publicHolidays.isHoliday(country, date));
	}

	static Map<DayOfWeek, List<HoursRange>> usualWeek(String countryCode) {
		EnumMap<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		boolean fridaySaturday = FRIDAY_SATURDAY_WEEKEND.contains(countryCode.toUpperCase(Locale.ROOT));
		for (DayOfWeek day : DayOfWeek.values()) {
			boolean weekend = fridaySaturday ? day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY
					: day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
			if (!weekend) {
				hours.put(day, List.of(DEFAULT_HOURS));
			}
		}
		return hours;
	}

	static Map<DayOfWeek, List<HoursRange>> parse(Map<String, List<String>> configured) {
		EnumMap<DayOfWeek, List<HoursRange>> hours = new EnumMap<>(DayOfWeek.class);
		configured.forEach((day, ranges) -> hours.put(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)),
				ranges.stream().map(HoursRange::parse).toList()));
		return hours;
	}
}
