package com.b2brics.connect.sla;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * A country's public holidays from jollyday (a maintained library: Russia, Brazil, Egypt, India,
 * South Africa and many more), read once per country and year. A country it has no data for
 * (China) has none here: configure its days off as the calendar's {@code holidays}.
 */
@Component
public class PublicHolidays {

	private static final Logger log = LoggerFactory.getLogger(PublicHolidays.class);

	private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();
	private final Map<String, Set<LocalDate>> byCountryAndYear = new ConcurrentHashMap<>();

	/** Whether jollyday knows the country's holidays. */
	public boolean covers(String countryCode) {
		return manager(countryCode).isPresent();
	}

	public boolean isHoliday(String countryCode, LocalDate date) {
		return of(countryCode, Year.from(date)).contains(date);
	}

	public Set<LocalDate> of(String countryCode, Year year) {
		String key = countryCode.toLowerCase(Locale.ROOT) + ":" + year;
		return byCountryAndYear.computeIfAbsent(key, k -> manager(countryCode)
			// the day itself and, where the law moves it (a holiday on a weekend), the day it is observed on
			.map(m -> m.getHolidays(year).stream().flatMap(h -> Stream.of(h.getDate(), h.getActualDate()))
				.collect(Collectors.toUnmodifiableSet()))
			.orElse(Set.of()));
	}

	private Optional<HolidayManager> manager(String countryCode) {
		String code = countryCode.toUpperCase(Locale.ROOT);
		return managers.computeIfAbsent(code, c -> {
			if (!HolidayManager.getSupportedCalendarCodes().contains(c)) {
				log.info("No public holiday data for country {}: configure its days off", c);
				return Optional.empty();
			}
			return Optional.of(HolidayManager.getInstance(ManagerParameters.create(c)));
		});
	}
}
