package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.leads.LeadClosed;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Response-time clocks through the sandbox with the clock moved: the first-response clock starts
 * when the lead's group opens and runs only in the partner's working hours (the storefront's
 * calendar: Moscow, Monday to Friday 09:00–18:00); the partner is reminded at 50 % and 80 %, never
 * outside working hours; a partner's message stops the clock, the importer's next one starts
 * another; at the due instant the admins are told and the lead is flagged.
 */
class ResponseClocksEndToEndTests extends EndToEndTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	@Autowired
	Catalog catalog;

	@Autowired
	ResponseClocks clocks;

	@Autowired
	MessageSource messages;

	@Autowired
	PartnerFigures figures;

	/**
	 * Leads earlier tests of the shared context left open have running clocks, and these tests move
	 * the clock by days: each would be reminded twice and breached before this test's messages, at
	 * a private chat's one a second (the admins' chat alone took one breach per earlier lead). They
	 * are no part of these tests: the clocks module is told they closed, so they stop as a closed
	 * lead's do (only the clocks module hears it; the leads and groups stay as they were).
	 */
	@BeforeEach
	void earlierLeadsStopTheirClocks() {
		jdbc.sql("SELECT DISTINCT lead_id FROM sla_clocks WHERE running_key IS NOT NULL").query(Long.class).list()
			.forEach(leadId -> clocks.on(new LeadClosed(leadId, 0)));
	}

	private static Instant moscow(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
	}

	private record Deal(long leadId, long group, SimulatedUser importer, SimulatedUser partner) {
	}

	/** A lead on a /russia service opened at the clock's current instant, with the importer and a partner member in its group. */
	private Deal openDeal(String importerName, Service service) throws Exception {
		List<SimulatedUser> team = sandboxTeam(catalog.teamMemberIds(service.partnerId()));
		serveWaitingLeads();
		if (pool.freeGroups() == 0) {
			addPoolGroup("Room for " + importerName);
		}
		SimulatedUser importer = sandbox.newUser(importerName, "en");
		importer.openLink(contactDeepLink(service));
		patientlySees(importer, importer.botChat(), "is ready");
		Map<String, Object> lead = jdbc.sql("SELECT id, chat_id FROM leads WHERE importer_id = :id").param("id", importer.id())
			.query().singleRow();
		long group = ((Number) lead.get("chat_id")).longValue();
		importer.press(importer.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, importer));
		SimulatedUser partner = team.get(0);
		SeenMessage news = patientlySees(partner, partner.botChat(), importerName);
		Locale locale = "ru".equals(sandbox.get("/sandbox/api/users/" + partner.id()).get("language_code"))
				? Locale.forLanguageTag("ru") : Locale.ENGLISH;
		partner.press(partner.botChat(), news.id(), messages.getMessage("lead.partner.join", null, locale));
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, partner));
		return new Deal(((Number) lead.get("id")).longValue(), group, importer, partner);
	}

	private Map<String, Object> clockOf(long leadId, String kind) {
		return jdbc.sql("SELECT * FROM sla_clocks WHERE lead_id = :lead AND kind = :kind").param("lead", leadId).param("kind", kind)
			.query().singleRow();
	}

	/** Read as OffsetDateTime: drivers differ in what a plain getObject gives for timestamptz. */
	private Instant dueAt(long leadId, String kind) {
		return jdbc.sql("SELECT due_at FROM sla_clocks WHERE lead_id = :lead AND kind = :kind").param("lead", leadId).param("kind", kind)
			.query((rs, n) -> rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant()).single();
	}

	private List<String> events(long leadId) {
		return jdbc.sql("""
				SELECT e.type FROM sla_clock_events e JOIN sla_clocks c ON c.id = e.clock_id
				WHERE c.lead_id = :lead ORDER BY e.id""").param("lead", leadId).query(String.class).list();
	}

	private long remindersSeen(SimulatedUser partner, String importerName) {
		return partner.messages(partner.botChat()).stream().filter(m -> m.text() != null && m.text().startsWith("⏰ " + importerName))
			.count();
	}

	@Test
	void thePartnerIsRemindedInWorkingHoursAndTheirAnswerStopsTheClock() throws Exception {
		clock.set(moscow("2026-12-02T10:00")); // a Wednesday
		Deal deal = openDeal("Timur", catalog.services("russia").get(0));
		assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE").get("running_key")).isNotNull();
		assertThat(dueAt(deal.leadId(), "FIRST_RESPONSE")).isEqualTo(moscow("2026-12-02T12:00"));

		clock.set(moscow("2026-12-02T10:59"));
		clocks.check();
		clock.set(moscow("2026-12-02T11:01"));
		clocks.check();
		patientlySees(deal.partner(), deal.partner().botChat(), "⏰ Timur");
		assertThat(remindersSeen(deal.partner(), "Timur")).isEqualTo(1);
		clocks.check(); // nothing new: each reminder once
		assertThat(remindersSeen(deal.partner(), "Timur")).isEqualTo(1);

		clock.set(moscow("2026-12-02T11:10"));
		deal.partner().write(deal.group(), "Hello Timur, we can ship next week.");
		await().atMost(Duration.ofSeconds(10)).until(() -> clockOf(deal.leadId(), "FIRST_RESPONSE").get("running_key") == null);
		Map<String, Object> stopped = clockOf(deal.leadId(), "FIRST_RESPONSE");
		assertThat(stopped.get("outcome")).isEqualTo("MET");
		assertThat(((Number) stopped.get("working_ms")).longValue()).isEqualTo(Duration.ofMinutes(70).toMillis());
		assertThat(((Number) stopped.get("stopped_by")).longValue()).isEqualTo(deal.partner().id());

		// the importer writes: the next-response clock (4 h) starts; a second message does not start another
		clock.set(moscow("2026-12-02T11:20"));
		deal.importer().write(deal.group(), "Great, what documents do you need?");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM sla_clocks WHERE lead_id = :lead AND kind = 'NEXT_RESPONSE'")
			.param("lead", deal.leadId()).query(Long.class).single() == 1);
		deal.importer().write(deal.group(), "And the price for 2 containers?");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM sla_clocks WHERE lead_id = :lead AND kind = 'NEXT_RESPONSE'").param("lead", deal.leadId())
			.query(Long.class).single() == 1);
		assertThat(dueAt(deal.leadId(), "NEXT_RESPONSE"))
			.isEqualTo(moscow("2026-12-02T15:20"));
		assertThat(events(deal.leadId())).containsExactly("STARTED", "REMINDED", "STOPPED", "STARTED");

		// the partner's figures: at least this first response (70 min, in time) over 30 days
		long partnerId = catalog.partnerOfTeamMember(deal.partner().id()).orElseThrow().id();
		PartnerFigures.Figures month = figures.firstResponse(partnerId, clock.instant().minus(Duration.ofDays(30)));
		assertThat(month.answered()).isGreaterThanOrEqualTo(1);
		assertThat(month.median()).isPresent();
		assertThat(month.withinSla()).isPresent();
		deal.partner().writeToBot("/stats");
		SeenMessage stats = patientlySees(deal.partner(), deal.partner().botChat(), "📊");
		assertThat(stats.text()).contains(catalog.partner(partnerId).orElseThrow().companyName()).contains("30").contains("90");
		SimulatedUser outsider = sandbox.newUser("Outsider", "en");
		outsider.startBot();
		outsider.writeToBot("/stats");
		patientlySees(outsider, outsider.botChat(), "you are not in a partner's team");

		// closing the lead cancels the running clock
		deal.partner().write(deal.group(), "/close");
		// the close question, not the deal room's question about the partner's zone (it has buttons too)
		List<String> closeLabels = List.of(messages.getMessage("lead.close.yes", null, Locale.ENGLISH),
				messages.getMessage("lead.close.yes", null, Locale.forLanguageTag("ru")));
		java.util.function.Predicate<SeenMessage> closeQuestion = m -> m.buttons() != null
				&& m.buttons().stream().anyMatch(closeLabels::contains);
		await().atMost(Duration.ofSeconds(60)).until(() -> deal.partner().messages(deal.group()).stream().anyMatch(closeQuestion));
		var confirm = deal.partner().messages(deal.group()).stream().filter(closeQuestion).reduce((a, b) -> b).orElseThrow();
		deal.partner().press(deal.group(), confirm.id(), confirm.buttons().get(0));
		await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(clockOf(deal.leadId(), "NEXT_RESPONSE").get("outcome")));
	}

	@Test
	void outsideWorkingHoursNothingIsSentAndTheBreachComesInWorkingTime() throws Exception {
		clock.set(moscow("2026-12-04T17:00")); // a Friday, an hour before the end of the day
		Deal deal = openDeal("Vera", catalog.services("russia").get(1));
		// 2 h of working time: 1 h on Friday and 1 h on Monday
		assertThat(dueAt(deal.leadId(), "FIRST_RESPONSE"))
			.isEqualTo(moscow("2026-12-07T10:00"));

		for (String when : List.of("2026-12-04T18:00", "2026-12-04T23:00", "2026-12-05T12:00", "2026-12-06T20:00", "2026-12-07T08:59")) {
			clock.set(moscow(when));
			clocks.check();
		}
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> remindersSeen(deal.partner(), "Vera") == 0);

		clock.set(moscow("2026-12-07T09:00")); // the 50 % point fell on Friday 18:00: it waits for Monday morning
		clocks.check();
		patientlySees(deal.partner(), deal.partner().botChat(), "⏰ Vera");

		clock.set(moscow("2026-12-07T10:01")); // the 80 % reminder (09:36) and the breach (10:00) are both due
		clocks.check();
		SimulatedUser admin = platformAdmin();
		SeenMessage breach = patientlySees(admin, admin.botChat(), "Response time exceeded: lead #" + deal.leadId());
		assertThat(breach.text()).contains("Vera").contains("/russia").contains("2 h 0 min");
		assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE").get("breached_at")).isNotNull();
		// the flagged lead on the admins' page
		var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/admin/sla"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin".getBytes()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("BREACHED, waiting").contains(Long.toString(deal.leadId()));
		await().atMost(Duration.ofSeconds(10)).until(() -> remindersSeen(deal.partner(), "Vera") == 2);

		clock.set(moscow("2026-12-07T10:10"));
		deal.partner().write(deal.group(), "Sorry for the wait, here is our offer.");
		await().atMost(Duration.ofSeconds(10)).until(() -> "LATE".equals(clockOf(deal.leadId(), "FIRST_RESPONSE").get("outcome")));
		assertThat(events(deal.leadId())).containsExactly("STARTED", "REMINDED", "REMINDED", "BREACHED", "STOPPED");
	}

	@Test
	void etaPausesTheClockPostsThePromiseAndRemindsWhenItPasses() throws Exception {
		clock.set(moscow("2026-12-09T10:00")); // a Wednesday
		Deal deal = openDeal("Gleb", catalog.services("russia").get(2));
		SimulatedUser partner = deal.partner();
		Locale locale = "ru".equals(sandbox.get("/sandbox/api/users/" + partner.id()).get("language_code"))
				? Locale.forLanguageTag("ru") : Locale.ENGLISH;

		// bad input first: a clear answer, nothing paused
		deal.importer().write(deal.group(), "/eta 15:00");
		seesInGroup(deal.importer(), deal.group(), "Only the partner's team can name an answer time");
		clock.set(moscow("2026-12-09T10:30"));
		partner.write(deal.group(), "/eta soon");
		seesInGroup(partner, deal.group(), messages.getMessage("sla.eta.examples", null, locale).replaceAll("<[^>]+>", "").substring(0, 20));
		partner.write(deal.group(), "/eta 2026-12-01 10:00");
		seesInGroup(partner, deal.group(), messages.getMessage("sla.eta.past", null, locale).replaceAll("<[^>]+>", "").substring(0, 20));
		assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE").get("paused_until")).isNull();
		SimulatedUser stranger = sandbox.newUser("Nobody", "en");
		stranger.startBot();
		stranger.writeToBot("/eta 15:00");
		patientlySees(stranger, stranger.botChat(), "works in a deal's working group");

		// 30 min counted; the partner promises 15:00: the promise is posted, the clock pauses, 90 min are left from 15:00
		partner.write(deal.group(), "/eta 15:00");
		seesInGroup(deal.importer(), deal.group(), "will answer by 9 Dec 15:00 (Europe/Moscow)");
		await().atMost(Duration.ofSeconds(10)).until(() -> clockOf(deal.leadId(), "FIRST_RESPONSE").get("paused_until") != null);
		assertThat(dueAt(deal.leadId(), "FIRST_RESPONSE")).isEqualTo(moscow("2026-12-09T16:30"));

		// during the pause: no reminder, no breach
		clock.set(moscow("2026-12-09T14:00"));
		clocks.check();
		assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE").get("breached_at")).isNull();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> remindersSeen(partner, "Gleb") == 0);

		// the named time passes without an answer: the partner is reminded of it, once
		clock.set(moscow("2026-12-09T15:01"));
		clocks.check();
		clocks.check();
		// in the partner's language (earlier tests of the shared context may have left the demo partner in Russian)
		await().atMost(Duration.ofSeconds(60)).until(() -> partner.currentlySees(partner.botChat(), "(9 Dec 15:00 (Europe/Moscow))")
				|| partner.currentlySees(partner.botChat(), "(9 дек. 15:00 (Europe/Moscow))"));
		assertThat(partner.messages(partner.botChat()).stream().filter(m -> m.text() != null
				&& (m.text().contains("9 Dec 15:00 (Europe/Moscow)") || m.text().contains("9 дек. 15:00 (Europe/Moscow)"))).count())
			.isEqualTo(1);

		// the answer: 30 min before the pause + 20 min after it = 50 min of working time, within the 2 h
		clock.set(moscow("2026-12-09T15:20"));
		partner.write(deal.group(), "Here is the quote.");
		await().atMost(Duration.ofSeconds(10)).until(() -> "MET".equals(clockOf(deal.leadId(), "FIRST_RESPONSE").get("outcome")));
		assertThat(((Number) clockOf(deal.leadId(), "FIRST_RESPONSE").get("working_ms")).longValue())
			.isEqualTo(Duration.ofMinutes(50).toMillis());
		assertThat(events(deal.leadId())).containsExactly("STARTED", "PAUSED", "ETA_PASSED", "STOPPED");
	}

	private Locale localeOf(SimulatedUser user) {
		return "ru".equals(sandbox.get("/sandbox/api/users/" + user.id()).get("language_code")) ? Locale.forLanguageTag("ru")
				: Locale.ENGLISH;
	}

	/** What the user sees last in the bot chat, once it has the fragment. */
	private static SeenMessage botSays(SimulatedUser user, String fragment) {
		return await("user " + user.id() + " sees \"" + fragment + "\"").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> {
				List<SeenMessage> all = user.messages(user.botChat());
				return all.isEmpty() ? null : all.get(all.size() - 1);
			}, m -> m != null && m.text() != null && m.text().contains(fragment));
	}

	private static long answersWith(SimulatedUser user, String fragment) {
		return user.messages(user.botChat()).stream().filter(m -> m.text() != null && m.text().contains(fragment)).count();
	}

	private long hoursRows(long partnerId) {
		return jdbc.sql("SELECT COUNT(*) FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).query(Long.class).single();
	}

	@Test
	void aPartnerWithEveningHoursIsRemindedInThemAndAChangeLeavesRunningClocksAlone() throws Exception {
		clock.set(moscow("2026-12-16T09:30")); // a Wednesday
		Service service = catalog.services("russia").get(3);
		long partnerId = service.partnerId();
		SimulatedUser member = sandboxTeam(catalog.teamMemberIds(partnerId)).get(0);
		Locale locale = localeOf(member);
		String examples = plain(messages.getMessage("sla.hours.examples", null, locale)).substring(0, 30);
		jdbc.sql("DELETE FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).update();
		try {
			// not set yet: the storefront's hours apply, and the examples say how to set them
			member.writeToBot("/hours");
			String company = catalog.partner(partnerId).orElseThrow().companyName();
			assertThat(botSays(member, examples).text())
				.contains(plain(messages.getMessage("sla.hours.default", new Object[] { company }, locale)));

			// bad input: a clear answer with examples, nothing stored
			String bad = plain(messages.getMessage("sla.hours.bad", null, locale));
			List<String> nonsense = List.of("/hours whenever", "/hours Mon-Fri 18:00-23:00", "/hours Mon-Fri 23:00-18:00 Europe/Moscow",
					"/hours Mon-Fri 18:00-23:00 Mars/Olympus", "/hours Mon-Fri 18:00-23:00 Europe/Moscow " + "x".repeat(300));
			long badBefore = answersWith(member, bad);
			for (int i = 0; i < nonsense.size(); i++) {
				member.writeToBot(nonsense.get(i));
				long expected = badBefore + i + 1;
				await().atMost(Duration.ofSeconds(20)).until(() -> answersWith(member, bad) == expected);
			}
			assertThat(botSays(member, bad).text()).contains(examples);
			assertThat(hoursRows(partnerId)).isZero();
			// someone outside any partner's team is refused, also nothing stored
			SimulatedUser outsider = sandbox.newUser("Hourless", "en");
			outsider.startBot();
			outsider.writeToBot("/hours Mon-Fri 09:00-18:00 Europe/Moscow");
			patientlySees(outsider, outsider.botChat(), "you are not in a partner's team");

			// evening hours, Moscow time
			member.writeToBot("/hours Mon-Fri 18:00-23:00 Europe/Moscow");
			PartnerHours evenings = PartnerHours.read("Mon-Fri 18:00-23:00 Europe/Moscow").orElseThrow();
			botSays(member, plain(messages.getMessage("sla.hours.saved",
					new Object[] { company, PartnerHours.describe(evenings.hours(), locale), "Europe/Moscow" }, locale)));
			assertThat(jdbc.sql("SELECT zone, hours FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).query().singleRow())
				.containsEntry("zone", "Europe/Moscow")
				.containsEntry("hours", "MON=18:00-23:00;TUE=18:00-23:00;WED=18:00-23:00;THU=18:00-23:00;FRI=18:00-23:00");
			member.writeToBot("/hours");
			assertThat(botSays(member, examples).text()).contains("18:00–23:00").contains("Europe/Moscow");

			// a lead at 10:00: its 2 h run from 18:00, so the 50 % point is 19:00 and the due time 20:00 Moscow
			clock.set(moscow("2026-12-16T10:00"));
			Deal deal = openDeal("Olga", service);
			assertThat(dueAt(deal.leadId(), "FIRST_RESPONSE")).isEqualTo(moscow("2026-12-16T20:00"));
			assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE")).containsEntry("calendar_zone", "Europe/Moscow");

			// /hours in the group: pointed to the private chat, nothing changed
			deal.partner().write(deal.group(), "/hours Mon-Fri 09:00-18:00 UTC");
			seesInGroup(deal.partner(), deal.group(), plain(messages.getMessage("sla.hours.private", null, locale)).substring(0, 25));
			assertThat(jdbc.sql("SELECT zone FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).query(String.class)
				.single()).isEqualTo("Europe/Moscow");

			// a change now leaves the running clock in the hours it started with
			deal.partner().writeToBot("/hours Mon-Fri 09:00-18:00 Europe/Moscow");
			await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT hours FROM sla_partner_hours WHERE partner_id = :p")
				.param("p", partnerId).query(String.class).single().startsWith("MON=09:00-18:00"));

			// the storefront's working day passes, and the evening up to 18:59: nothing to the partner, no breach
			for (String when : List.of("2026-12-16T12:00", "2026-12-16T15:00", "2026-12-16T17:59", "2026-12-16T18:59")) {
				clock.set(moscow(when));
				clocks.check();
			}
			await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> remindersSeen(deal.partner(), "Olga") == 0);
			assertThat(clockOf(deal.leadId(), "FIRST_RESPONSE").get("breached_at")).isNull();

			// 19:00 in their evening: the first reminder, naming their due time
			clock.set(moscow("2026-12-16T19:00"));
			clocks.check();
			SeenMessage reminder = patientlySees(deal.partner(), deal.partner().botChat(), "⏰ Olga");
			assertThat(reminder.text()).contains("16 Dec 20:00 (Europe/Moscow)");
			assertThat(remindersSeen(deal.partner(), "Olga")).isEqualTo(1);

			// the answer at 19:10: 70 min of their working time, in time (the storefront's hours would say 8 h, late)
			clock.set(moscow("2026-12-16T19:10"));
			deal.partner().write(deal.group(), "Good evening Olga, here is our offer.");
			await().atMost(Duration.ofSeconds(10)).until(() -> "MET".equals(clockOf(deal.leadId(), "FIRST_RESPONSE").get("outcome")));
			assertThat(((Number) clockOf(deal.leadId(), "FIRST_RESPONSE").get("working_ms")).longValue())
				.isEqualTo(Duration.ofMinutes(70).toMillis());
			assertThat(events(deal.leadId())).containsExactly("STARTED", "REMINDED", "STOPPED");
		}
		finally {
			jdbc.sql("DELETE FROM sla_partner_hours WHERE partner_id = :p").param("p", partnerId).update();
		}
	}

	private static String plain(String html) {
		return html.replaceAll("<[^>]+>", "");
	}

	/**
	 * A message in the person's chat with the bot, which may queue behind others at a private chat's
	 * pace of one a second (the bound is patient; the clocks of earlier tests' leads are stopped).
	 */
	private static SeenMessage patientlySees(SimulatedUser user, long chat, String fragment) {
		await().atMost(Duration.ofSeconds(60)).until(() -> user.currentlySees(chat, fragment));
		return user.sees(chat, fragment);
	}

	/** Telegram lets a bot post 20 messages a minute into a group, so a reply there may wait in the queue. */
	private static void seesInGroup(SimulatedUser user, long group, String fragment) {
		await("user " + user.id() + " sees \"" + fragment + "\" in group " + group).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100)).until(() -> user.currentlySees(group, fragment));
	}
}
