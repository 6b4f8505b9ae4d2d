package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.core.NotFound;

/** Every demo storefront has a calendar from its own zone, week and holidays; policies resolve by specificity. */
class StorefrontCalendarsTests extends EndToEndTest {

	@Autowired
	StorefrontCalendars calendars;

	@Autowired
	SlaPolicies policies;

	@Autowired
	Catalog catalog;

	@Test
	void eachStorefrontWorksInItsOwnZoneWeekAndHolidays() {
		for (var storefront : catalog.storefronts()) {
			WorkingCalendar calendar = calendars.forStorefront(storefront.slug());
			assertThat(calendar.zone()).as(storefront.slug()).isEqualTo(storefront.timeZone());
			assertThat(calendar.hours()).as(storefront.slug()).isNotEmpty();
		}
		assertThat(calendars.forStorefront("egypt").zone()).isEqualTo(ZoneId.of("Africa/Cairo"));
		assertThat(calendars.forStorefront("egypt").hours()).containsKey(DayOfWeek.SUNDAY).doesNotContainKey(DayOfWeek.FRIDAY);
		assertThat(calendars.forStorefront("russia").isHoliday(LocalDate.parse("2027-01-04"))).isTrue();
		assertThat(calendars.forStorefront("brazil").isHoliday(LocalDate.parse("2026-09-07"))).isTrue(); // Independence Day
		assertThat(calendars.forStorefront("india").isHoliday(LocalDate.parse("2026-01-26"))).isTrue(); // Republic Day
		assertThat(calendars.forStorefront("south-africa").isHoliday(LocalDate.parse("2026-04-27"))).isTrue(); // Freedom Day
		// China from the configured list: National Day week
		assertThat(calendars.forStorefront("china").isHoliday(LocalDate.parse("2026-10-05"))).isTrue();
		assertThat(calendars.forStorefront("china").isHoliday(LocalDate.parse("2026-10-12"))).isFalse();
		assertThatThrownBy(() -> calendars.forStorefront("atlantis")).isInstanceOf(NotFound.class);
	}

	@Test
	void policiesFallBackFieldByField() {
		SlaPolicy policy = policies.policyFor("egypt", Specialization.LOGISTICS);
		assertThat(policy.leadFirstResponse()).isEqualTo(Duration.ofHours(2));
		assertThat(policy.remindAtPercent()).containsExactly(50, 80);
		assertThat(policies.policyFor("russia", null)).isEqualTo(SlaPolicy.DEFAULT);
		assertThat(SlaPolicy.DEFAULT.with(new SlaProperties.PolicySettings(Duration.ofHours(8), null, null, null, null))
			.leadFirstResponse()).isEqualTo(Duration.ofHours(8));
		assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
				java.util.List.of(50))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
				java.util.List.of(100))).isInstanceOf(IllegalArgumentException.class);
	}
}
