package com.b2brics.connect.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.exporters.ReferralCodeCheck;
import com.b2brics.connect.exporters.ReferralCodeCheck.Outcome;
import com.b2brics.connect.leads.LeadGroupOpened;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * What a code brings once an exporter registers with it: the verdicts registration asks for,
 * the attribution (first code wins, never the own team), the working chat with the partner that
 * only the two sides can enter, waiting for a group when the pool is empty, the confirmation
 * once a chat on a service opens, and figures in the bot that equal the stored events.
 */
class ReferralAttributionEndToEndTests extends ReferralTestSupport {

	private static final Duration GROUP_PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ReferralCodeCheck check;

	@Autowired
	ReferralAttribution attribution;

	@Autowired
	ReferralStatistics statistics;

	private Map<String, Object> attributionOf(long exporterId) {
		return jdbc.sql("SELECT * FROM referral_attributions WHERE exporter_id = :e").param("e", exporterId).query().singleRow();
	}

	@Test
	void theCheckAcceptsACodeInAnyCaseAndExplainsEveryRefusal() {
		long partner = newPartner("Verdict Partners");
		SimulatedUser member = teamMember(partner, "Vera", "en");
		String code = newCode(partner, member.id(), null);
		String dead = newCode(partner, member.id(), null);
		transactions.executeWithoutResult(tx -> codes.deactivate(dead, partner, member.id(), now()));
		long stranger = 6_391_000_001L;

		ReferralCodeCheck.Verdict accepted = check.check("  " + code.toLowerCase(Locale.ROOT) + " ", stranger);
		assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(accepted.accepted()).isTrue();
		assertThat(accepted.code()).isEqualTo(code);
		assertThat(accepted.partnerName()).isEqualTo("Verdict Partners");
		assertThat(check.check("ref_" + code.toLowerCase(Locale.ROOT), stranger).outcome()).isEqualTo(Outcome.ACCEPTED);

		assertThat(check.check("QQQQQ", stranger).outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(check.check("<b>x</b>", stranger).outcome()).isEqualTo(Outcome.UNKNOWN);
		String unknown = java.util.stream.Stream.generate(ReferralCode::generate).filter(c -> codes.find(c).isEmpty())
			.findFirst().orElseThrow();
		assertThat(check.check(unknown, stranger).outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(check.check(dead.toLowerCase(Locale.ROOT), stranger)).isEqualTo(
				new ReferralCodeCheck.Verdict(Outcome.INACTIVE, dead, "Verdict Partners"));
		assertThat(check.check(code, member.id())).isEqualTo(
				new ReferralCodeCheck.Verdict(Outcome.OWN_TEAM, code, "Verdict Partners"));

		// should a registration with the own team's code get through anyway, it is not attributed
		long exporterId = nextExporterId();
		registered(exporterId, member, "Own Team Export", code);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM referral_attributions WHERE exporter_id = :e").param("e", exporterId).query(Long.class)
			.single() == 0);
		assertThat(events(code, "REGISTRATION", true)).isZero();
	}

	@Test
	void theExporterAndTheReferringPartnerMeetInTheirOwnChatAndTheFirstCodeWins() throws Exception {
		long partner = newPartner("Kama Referral Partners");
		SimulatedUser pavel = teamMember(partner, "Pavel", "en");
		String code = newCode(partner, pavel.id(), "exhibition");
		long otherPartner = newPartner("Late Partner Co");
		String otherCode = newCode(otherPartner, 1, null);
		serveWaitingLeads();
		addPoolGroup("Referral room");
		addPoolGroup("Personal room");

		// Elena opens the partner's bot link (its code in lower case) and registers as an exporter in the bot
		SimulatedUser exporter = sandbox.newUser("Elena", "en");
		exporter.startBot("ref_" + code.toLowerCase(Locale.ROOT));
		exporter.sees(exporter.botChat(), "Referral code " + code + ": the partner Kama Referral Partners will accompany you");
		exporter.sees(exporter.botChat(), "Step 1");
		exporter.writeToBot("Ural Steel Export");
		exporter.sees(exporter.botChat(), "Step 2: Ural Steel Export");
		exporter.press(exporter.botChat(), "Russia");
		exporter.sees(exporter.botChat(), "Last step");
		exporter.press(exporter.botChat(), "📱 Share my contact");
		exporter.sees(exporter.botChat(), "Welcome to B2BRICS, Ural Steel Export");
		long exporterId = jdbc.sql("SELECT id FROM exporters WHERE telegram_user_id = :u").param("u", exporter.id())
			.query(Long.class).single();
		assertThat(jdbc.sql("SELECT referral_code FROM exporters WHERE id = :id").param("id", exporterId).query(String.class)
			.single()).isEqualTo(code);

		await().atMost(GROUP_PATIENCE).until(() -> exporter.currentlySees(exporter.botChat(), "Your working chat with"));
		SeenMessage ready = exporter.sees(exporter.botChat(), "Your working chat with");
		assertThat(ready.text()).contains("Kama Referral Partners");
		SeenMessage told = pavel.sees(pavel.botChat(), "registered on B2BRICS");
		assertThat(told.text()).contains("Ural Steel Export").contains(code).contains("/russia");
		Map<String, Object> row = attributionOf(exporterId);
		assertThat(row.get("code")).isEqualTo(code);
		assertThat(((Number) row.get("partner_id")).longValue()).isEqualTo(partner);
		long group = ((Number) row.get("chat_id")).longValue();
		assertThat(pool.holderOf(group)).contains(new com.b2brics.connect.groups.GroupPool.Holder("REFERRAL",
				((Number) row.get("id")).longValue()));
		assertThat(events(code, "REGISTRATION", true)).isEqualTo(1);

		exporter.press(exporter.botChat(), "Open chat");
		await().atMost(GROUP_PATIENCE).until(() -> isGroupMember(group, exporter));
		pavel.press(pavel.botChat(), "Join chat");
		await().atMost(GROUP_PATIENCE).until(() -> isGroupMember(group, pavel));
		await().atMost(GROUP_PATIENCE).until(() -> exporter.pinnedMessage(group) != null);
		assertThat(exporter.pinnedMessage(group).text()).contains("Ural Steel Export").contains("Kama Referral Partners")
			.contains(code).contains("/russia");
		await().atMost(GROUP_PATIENCE).until(() -> exporter.currentlySees(group, "Pavel joined the chat"));

		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		assertThat(stranger.openLink((String) ready.button("Open chat").get("url")).result()).isEqualTo("join_requested");
		await().atMost(GROUP_PATIENCE).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM group_join_refusals WHERE chat_id = :chat AND user_id = :user")
			.param("chat", group).param("user", stranger.id()).query(Long.class).single() == 1);
		assertThat(isGroupMember(group, stranger)).isFalse();

		// the same exporter again with another partner's link: the bot says they are registered; and should the
		// event come again with another code, for them or their Telegram account as a new exporter: first wins
		exporter.startBot("ref_" + otherCode);
		exporter.sees(exporter.botChat(), "You are already registered as an exporter: Ural Steel Export");
		registered(exporterId, exporter, "Ural Steel Export", otherCode);
		registered(nextExporterId(), exporter, "Ural Steel Export 2", otherCode);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> events(otherCode, "REGISTRATION", true) == 0);
		assertThat(attributionOf(exporterId).get("code")).isEqualTo(code);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_attributions WHERE exporter_telegram_id = :u")
			.param("u", exporter.id()).query(Long.class).single()).isEqualTo(1);

		// a chat on a service opens for the exporter: the registration is confirmed, and the partner is told once
		Service service = catalog.services("russia").get(0);
		addPoolGroup("Exporter's service chat");
		exporter.openLink(contactDeepLink(service));
		// the lead's own group is prepared in the same transaction first: be patient
		await().atMost(GROUP_PATIENCE).until(() -> pavel.currentlySees(pavel.botChat(), "Registration confirmed"));
		SeenMessage confirmed = pavel.sees(pavel.botChat(), "Registration confirmed");
		assertThat(confirmed.text()).contains("Ural Steel Export").contains(code);
		assertThat(attributionOf(exporterId).get("confirmed_at")).isNotNull();
		assertThat(events(code, "CONFIRMED", true)).isEqualTo(1);
		long lead = jdbc.sql("SELECT id FROM leads WHERE importer_id = :u").param("u", exporter.id()).query(Long.class).single();
		transactions.executeWithoutResult(tx -> attribution.on(new LeadGroupOpened(lead, 1, service.id(), service.partnerId(),
				"russia", exporter.id())));
		assertThat(events(code, "CONFIRMED", true)).isEqualTo(1);
		assertThat(pavel.messages(pavel.botChat()).stream().filter(m -> m.text() != null && m.text().contains("Registration confirmed")))
			.hasSize(1);
	}

	@Test
	void withThePoolEmptyChatsWaitThenFiguresInTheBotEqualTheStoredEventsOverSeveralDays() throws Exception {
		long partner = newPartner("Figures Partners");
		SimulatedUser olga = teamMember(partner, "Olga", "en");
		String a = newCode(partner, olga.id(), "site");
		String b = newCode(partner, olga.id(), "fair");
		LocalDate day0 = ReferralEvents.dayOf(now());

		// day 0: two people and a robot on A, one person on B; two exporters register, with no free group
		openSiteLink("/r/" + a, "b2b_visitor=visitor-one-0001", CHROME);
		openSiteLink("/r/" + a, "b2b_visitor=visitor-two-0002", CHROME);
		openSiteLink("/r/" + a, null, "TelegramBot (like TwitterBot)");
		openSiteLink("/r/" + b, "b2b_visitor=visitor-one-0001", CHROME);
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser first = sandbox.newUser("FirstExporter", "en");
		first.startBot();
		SimulatedUser second = sandbox.newUser("SecondExporter", "en");
		second.startBot();
		long firstId = nextExporterId();
		long secondId = nextExporterId();
		registered(firstId, first, "First Export LLC", a);
		// the listener runs asynchronously: the first registration is stored before the second, so it is first in the queue
		await().atMost(GROUP_PATIENCE).until(() -> platformAdmin().currentlySees(PLATFORM_ADMIN, "First Export LLC"));
		registered(secondId, second, "Second Export LLC", b);
		await().atMost(GROUP_PATIENCE).until(() -> platformAdmin().currentlySees(PLATFORM_ADMIN, "Second Export LLC"));
		assertThat(attributionOf(firstId).get("chat_id")).isNull();
		assertThat(attributionOf(secondId).get("chat_id")).isNull();

		// an admin adds a group (the waiting chat's own setup goes before the group's welcome: no waiting for that)
		long one = sandbox.createGroup("Referral rescue 1", platformAdmin());
		await().atMost(GROUP_PATIENCE).until(() -> first.currentlySees(first.botChat(), "Your working chat with"));
		assertThat(((Number) attributionOf(firstId).get("chat_id")).longValue()).isEqualTo(one);
		assertThat(attributionOf(secondId).get("chat_id")).isNull();
		long two = sandbox.createGroup("Referral rescue 2", platformAdmin());
		await().atMost(GROUP_PATIENCE).until(() -> second.currentlySees(second.botChat(), "Your working chat with"));
		assertThat(((Number) attributionOf(secondId).get("chat_id")).longValue()).isEqualTo(two);

		// day 1: visitor one again on A, and the first exporter's chat on a service opens twice at once
		clock.advance(Duration.ofDays(1));
		openSiteLink("/r/" + a, "b2b_visitor=visitor-one-0001", CHROME);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<?>> both = List.of(1, 2).stream().map(n -> threads.submit(() -> {
				together.await(10, TimeUnit.SECONDS);
				transactions.executeWithoutResult(tx -> attribution.on(new LeadGroupOpened(-n, 1, 1, 1, "russia", first.id())));
				return null;
			})).<Future<?>>map(f -> f).toList();
			for (Future<?> f : both) {
				f.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		olga.sees(olga.botChat(), "Registration confirmed");
		assertThat(events(a, "CONFIRMED", true)).isEqualTo(1);

		// day 2: Olga reads her figures
		clock.advance(Duration.ofDays(1));
		openSiteLink("/r/" + b, "b2b_visitor=visitor-three-0003", CHROME);
		LocalDate today = day0.plusDays(2);
		olga.writeToBot("/cabinet");
		olga.sees(olga.botChat(), "partner cabinet");
		olga.press(olga.botChat(), "🔗 Referrals");
		SeenMessage list = olga.sees(olga.botChat(), "Today per code");
		olga.press(olga.botChat(), "📊 Statistics");
		SeenMessage stats = olga.sees(olga.botChat(), "Referral statistics of");

		Map<String, long[]> stored = storedFigures(partner, today);
		assertThat(stored.get(a)).containsExactly(0, 0, 0, 0, 3, 0, 1, 1, 3, 0, 1, 1);
		assertThat(stored.get(b)).containsExactly(1, 0, 0, 0, 2, 0, 1, 0, 2, 0, 1, 0);
		for (String code : List.of(a, b)) {
			long[] f = stored.get(code);
			assertThat(stats.text()).contains(code + " · " + (code.equals(a) ? "site" : "fair") + "\n"
					+ "Today: " + figures(f, 0) + "\n7 days: " + figures(f, 4) + "\n30 days: " + figures(f, 8));
			assertThat(list.text()).contains(code + " · " + (code.equals(a) ? "site" : "fair") + "\n   " + figures(f, 0));
		}
		long[] total = new long[12];
		stored.values().forEach(f -> {
			for (int i = 0; i < 12; i++) {
				total[i] += f[i];
			}
		});
		assertThat(stats.text()).contains("All codes\nToday: " + figures(total, 0) + "\n7 days: " + figures(total, 4)
				+ "\n30 days: " + figures(total, 8));

		// the per-day figures a chart will draw
		List<ReferralStatistics.Day> days = statistics.daily(partner, null, day0, today);
		assertThat(days).extracting(ReferralStatistics.Day::day).containsExactly(day0, day0.plusDays(1), today);
		assertThat(days).extracting(ReferralStatistics.Day::figures).containsExactly(
				new ReferralStatistics.Figures(3, 0, 2, 0), new ReferralStatistics.Figures(1, 0, 0, 1),
				new ReferralStatistics.Figures(1, 0, 0, 0));
		assertThat(statistics.daily(partner, b, day0, today)).extracting(ReferralStatistics.Day::figures).containsExactly(
				new ReferralStatistics.Figures(1, 0, 1, 0), ReferralStatistics.Figures.NONE, new ReferralStatistics.Figures(1, 0, 0, 0));

		// 31 days later nothing is left in the 30-day window
		clock.advance(Duration.ofDays(31));
		assertThat(statistics.total(partner, ReferralEvents.dayOf(now()))).isEqualTo(ReferralStatistics.Periods.NONE);
	}

	private static String figures(long[] f, int from) {
		return "clicks " + f[from] + " · requests " + f[from + 1] + " · registrations " + f[from + 2] + " · confirmed " + f[from + 3];
	}

	/** Per code, counted from the stored rows: today's, 7 days' and 30 days' clicks, requests, registrations, confirmations. */
	private Map<String, long[]> storedFigures(long partner, LocalDate today) {
		Map<String, long[]> result = new HashMap<>();
		List<String> kinds = List.of("CLICK", "REQUEST", "REGISTRATION", "CONFIRMED");
		jdbc.sql("""
				SELECT e.code, e.kind, e.event_day FROM referral_events e JOIN referral_codes c ON c.code = e.code
				WHERE c.partner_id = :p AND e.counted = TRUE""").param("p", partner).query((rs, n) -> {
			long[] f = result.computeIfAbsent(rs.getString("code"), k -> new long[12]);
			int kind = kinds.indexOf(rs.getString("kind"));
			LocalDate day = rs.getObject("event_day", LocalDate.class);
			if (day.equals(today)) {
				f[kind]++;
			}
			if (!day.isBefore(today.minusDays(6)) && !day.isAfter(today)) {
				f[4 + kind]++;
			}
			if (!day.isBefore(today.minusDays(29)) && !day.isAfter(today)) {
				f[8 + kind]++;
			}
			return null;
		}).list();
		return result;
	}
}
