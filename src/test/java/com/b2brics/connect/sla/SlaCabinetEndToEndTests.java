package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The SLA in the partner's cabinet, as a team member uses it: Statistics shows what /stats does,
 * Working hours what /hours does, and a zone button changes the zone and keeps the hours (standard
 * hours when none were set).
 */
class SlaCabinetEndToEndTests extends EndToEndTest {

	@Autowired
	Catalog catalog;

	@Autowired
	MessageSource messages;

	@Autowired
	Accounts accounts;

	@Autowired
	PartnerStats stats;

	private String t(SimulatedUser user, String key, Object... args) {
		return messages.getMessage(key, args, accounts.localeOf(user.id())).replaceAll("<[^>]+>", "");
	}

	private Map<String, Object> hoursRow(long partnerId) {
		return jdbc.sql("SELECT zone, hours FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).query().listOfRows()
			.stream().findFirst().orElse(null);
	}

	/** Opens the cabinet and presses one of its buttons; returns the cabinet message. */
	private SeenMessage openCabinetAndPress(SimulatedUser member, String label) {
		long before = member.messages(member.botChat()).size();
		member.writeToBot("/cabinet");
		SeenMessage cabinet = await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<SeenMessage> all = member.messages(member.botChat());
			return all.size() > before ? all.get(all.size() - 1) : null;
		}, m -> m != null && m.hasButton(label));
		member.press(member.botChat(), cabinet.id(), label);
		return cabinet;
	}

	private SeenMessage newestWith(SimulatedUser member, String fragment, long after) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<SeenMessage> all = member.messages(member.botChat());
			for (int i = all.size() - 1; i >= 0 && all.get(i).id() > after; i--) {
				if (all.get(i).text() != null && all.get(i).text().contains(fragment)) {
					return all.get(i);
				}
			}
			return null;
		}, m -> m != null);
	}

	@Test
	void statisticsAndWorkingHoursFromTheCabinetAndAZoneButtonKeepsTheHours() {
		long partnerId = catalog.services("india").get(0).partnerId();
		SimulatedUser member = sandboxTeam(catalog.teamMemberIds(partnerId)).get(0);
		Locale locale = accounts.localeOf(member.id());
		String company = catalog.partner(partnerId).orElseThrow().companyName();
		jdbc.sql("DELETE FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).update();
		try {
			// Statistics: the /stats answer, for this member's company
			SeenMessage cabinet = openCabinetAndPress(member, t(member, "sla.cabinet.stats"));
			assertThat(cabinet.buttons()).contains(t(member, "sla.cabinet.stats"), t(member, "sla.cabinet.hours"));
			SeenMessage figures = newestWith(member, "📊", cabinet.id());
			assertThat(figures.text()).isEqualTo(stats.answer(member.id(), locale).replaceAll("<[^>]+>", ""));
			assertThat(figures.text()).contains(company);

			// Working hours: none set yet, the examples and the zone buttons
			cabinet = openCabinetAndPress(member, t(member, "sla.cabinet.hours"));
			SeenMessage hours = newestWith(member, t(member, "sla.hours.default", company).substring(0, 12), cabinet.id());
			assertThat(hours.text()).contains("/hours Mon-Fri");
			assertThat(hours.buttons()).contains("🌐 Asia/Kolkata", "🌐 Europe/Moscow", "🌐 Africa/Cairo");
			assertThat(hoursRow(partnerId)).isNull();

			// a zone button without hours set: the standard week in that zone
			member.press(member.botChat(), hours.id(), "🌐 Asia/Kolkata");
			await().atMost(Duration.ofSeconds(10)).until(() -> hoursRow(partnerId) != null);
			assertThat(hoursRow(partnerId)).containsEntry("zone", "Asia/Kolkata")
				.containsEntry("hours", "MON=09:00-18:00;TUE=09:00-18:00;WED=09:00-18:00;THU=09:00-18:00;FRI=09:00-18:00");
			newestWith(member, "Asia/Kolkata", hours.id());

			// own evening hours, then another zone from the cabinet: the hours stay
			member.writeToBot("/hours Mon-Thu 18:00-23:00 Sat 10:00-14:00 Europe/Moscow");
			await().atMost(Duration.ofSeconds(10)).until(() -> "Europe/Moscow".equals(hoursRow(partnerId).get("zone")));
			cabinet = openCabinetAndPress(member, t(member, "sla.cabinet.hours"));
			SeenMessage current = newestWith(member, "18:00–23:00", cabinet.id());
			assertThat(current.text()).contains("Europe/Moscow");
			member.press(member.botChat(), current.id(), "🌐 Africa/Cairo");
			await().atMost(Duration.ofSeconds(10)).until(() -> "Africa/Cairo".equals(hoursRow(partnerId).get("zone")));
			assertThat(hoursRow(partnerId)).containsEntry("hours",
					"MON=18:00-23:00;TUE=18:00-23:00;WED=18:00-23:00;THU=18:00-23:00;SAT=10:00-14:00");
		}
		finally {
			jdbc.sql("DELETE FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).update();
		}
	}
}
