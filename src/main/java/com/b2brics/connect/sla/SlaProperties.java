package com.b2brics.connect.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA policies and working-hours calendars, edited in configuration until the admin console
 * exists (see the README's configuration section).
 *
 * @param calendars per storefront slug; anything left out comes from the storefront (its time
 *        zone, its country's public holidays and usual working week)
 * @param policies by key: {@code default}, a storefront slug ({@code egypt}), or a storefront and
 *        a specialization ({@code egypt/logistics}); the most specific one that exists applies,
 *        field by field
 * @param checkInterval how often the cluster looks for due reminders and breaches
 * @param checkThreads how many clocks one check handles at a time (each in its own transaction)
 */
@ConfigurationProperties("b2brics.sla")
public record SlaProperties(@DefaultValue Map<String, CalendarSettings> calendars,
		@DefaultValue Map<String, PolicySettings> policies, @DefaultValue("500ms") Duration checkInterval,
		@DefaultValue("4") int checkThreads) {

	/**
	 * @param zone the calendar's time zone; default the storefront's
	 * @param hours working hours per weekday ({@code MONDAY: [09:00-13:00, 14:00-18:00]}); default
	 *        the country's usual week (Sunday–Thursday in Egypt, Monday–Friday elsewhere), 09:00–18:00
	 * @param holidaysCountry whose public holidays count (ISO code); default the storefront's
	 *        country; jollyday provides them where it has data
	 * @param holidays further days off, e.g. for a country jollyday has no data for (China)
	 */
	public record CalendarSettings(String zone, Map<String, List<String>> hours, String holidaysCountry,
			@DefaultValue List<LocalDate> holidays) {
	}

	/** Each field empty: taken from the less specific policy, finally from {@link SlaPolicy#DEFAULT}. */
	public record PolicySettings(Duration leadFirstResponse, Duration nextResponse, Duration invitationAnswer,
			Duration supportFirstResponse, List<Integer> remindAtPercent) {
	}
}
