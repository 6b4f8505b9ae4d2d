package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.MutableClock;
import com.b2brics.connect.leads.LeadGroupOpened;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.LoadBalancer;

/**
 * Response-time clocks across restarts and instances, with whole app instances on one database
 * (PostgreSQL when the suite runs on it, else one in-memory H2 shared by the instances), the real
 * db-scheduler check task, and one business clock the test moves for all instances. The partner
 * teams are people in the sandbox: what they receive is counted, and so are the stored events.
 */
class ResponseClocksInstancesEndToEndTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private static final long ADMIN = 6399000002L;

	private static Instant moscow(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
	}

	/** A lead the SLA watches: its importer (by first name, which the reminders show) and the partner's team. */
	private record Watched(long leadId, SimulatedUser importer, List<SimulatedUser> team) {
	}

	@Test
	void clocksRunningAcrossARestartRemindEachPointOnceAndLoseNone() throws Exception {
		MutableClock clock = new MutableClock();
		clock.set(moscow("2026-12-02T10:00")); // a Wednesday: 2 h allowed, reminders 11:00 and 11:36, due 12:00
		try (var sandboxServer = SandboxServer.start(Map.of()); var database = FreshDatabase.create("slarestart", false);
				var balancer = new LoadBalancer()) {
			Map<String, Object> common = common(sandboxServer, database, balancer);
			SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
			List<Watched> deals;
			int first;
			try (var a = AppInstance.start(with(common, "instance-a"), clock)) {
				first = a.port();
				balancer.add(first);
				deals = watch(a, sandbox, database, 3, "Restart");
				clock.set(moscow("2026-12-02T11:01"));
				for (Watched deal : deals) {
					for (SimulatedUser member : deal.team()) {
						member.sees(member.botChat(), "⏰ " + deal.importer().firstName());
					}
				}
				assertThat(count(database, "SELECT COUNT(*) FROM sla_reminders WHERE sent_at IS NOT NULL")).isEqualTo(deals.size());
			}
			// while no instance runs, the 80 % points and the breach pass
			clock.set(moscow("2026-12-02T12:05"));
			try (var b = AppInstance.start(with(common, "instance-b"), clock)) {
				balancer.remove(first);
				balancer.add(b.port());
				awaitEverythingOnce(database, sandbox, deals);
			}
		}
	}

	@Test
	void twoInstancesSendEachReminderOnce() throws Exception {
		MutableClock clock = new MutableClock();
		clock.set(moscow("2026-12-02T10:00"));
		try (var sandboxServer = SandboxServer.start(Map.of()); var database = FreshDatabase.create("slatwo", false);
				var balancer = new LoadBalancer()) {
			Map<String, Object> common = common(sandboxServer, database, balancer);
			SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
			try (var a = AppInstance.start(with(common, "instance-a"), clock);
					var b = AppInstance.start(with(common, "instance-b"), clock)) {
				balancer.add(a.port());
				balancer.add(b.port());
				List<Watched> deals = watch(a, sandbox, database, 2, "Twin");
				deals.addAll(watch(b, sandbox, database, 2, "Pair"));
				// both schedulers poll; besides, both instances run the check side by side, as an
				// overlapping run after a lost heartbeat would: each point is still handled once
				ExecutorService threads = Executors.newFixedThreadPool(4);
				try {
					for (String when : List.of("2026-12-02T11:01", "2026-12-02T11:40", "2026-12-02T12:05")) {
						clock.set(moscow(when));
						List<Callable<Integer>> checks = new ArrayList<>();
						for (int i = 0; i < 2; i++) {
							checks.add(() -> a.bean(ResponseClocks.class).check());
							checks.add(() -> b.bean(ResponseClocks.class).check());
						}
						for (Future<Integer> done : threads.invokeAll(checks)) {
							done.get();
						}
					}
				}
				finally {
					threads.shutdown();
				}
				awaitEverythingOnce(database, sandbox, deals);
			}
		}
	}

	/** Each partner member saw each of its two reminders once, the admin each breach once, and the events say the same. */
	private static void awaitEverythingOnce(FreshDatabase database, SandboxClient sandbox, List<Watched> deals) throws Exception {
		for (Watched deal : deals) {
			for (SimulatedUser member : deal.team()) {
				await().atMost(Duration.ofSeconds(60)).until(() -> reminders(member, deal) == 2);
			}
		}
		SimulatedUser admin = sandbox.user(ADMIN);
		for (Watched deal : deals) {
			await().atMost(Duration.ofSeconds(60)).until(() -> breaches(admin, deal) == 1);
		}
		// a little longer: nothing more arrives
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> deals.stream()
			.allMatch(deal -> breaches(admin, deal) == 1 && deal.team().stream().allMatch(m -> reminders(m, deal) == 2)));
		for (Watched deal : deals) {
			assertThat(column(database, """
					SELECT e.type || ' ' || COALESCE(e.detail, '') FROM sla_clock_events e JOIN sla_clocks c ON c.id = e.clock_id
					WHERE c.lead_id = %d ORDER BY e.id""".formatted(deal.leadId())))
				.containsExactly("STARTED FIRST_RESPONSE PT2H", "REMINDED 50%", "REMINDED 80%", "BREACHED FIRST_RESPONSE PT2H");
		}
		assertThat(count(database, "SELECT COUNT(*) FROM sla_reminders WHERE sent_at IS NULL")).isZero();
		assertThat(count(database, "SELECT COUNT(*) FROM sla_clocks WHERE breached_at IS NULL")).isZero();
	}

	private static long reminders(SimulatedUser member, Watched deal) {
		return member.messages(member.botChat()).stream()
			.filter(m -> m.text() != null && m.text().startsWith("⏰ " + deal.importer().firstName() + " "))
			.count();
	}

	private static long breaches(SimulatedUser admin, Watched deal) {
		return admin.messages(admin.botChat()).stream()
			.filter(m -> m.text() != null && m.text().contains("lead #" + deal.leadId() + ","))
			.count();
	}

	/**
	 * Leads on /russia services of different partners, whose groups opened now on the given
	 * instance (the event the leads module publishes when a group is ready); the teams and
	 * importers are sandbox people who started the bot.
	 */
	private static List<Watched> watch(AppInstance instance, SandboxClient sandbox, FreshDatabase database, int howMany, String prefix)
			throws Exception {
		Catalog catalog = instance.bean(Catalog.class);
		Map<Long, Service> byPartner = new LinkedHashMap<>();
		for (Service service : catalog.services("russia")) {
			byPartner.putIfAbsent(service.partnerId(), service);
		}
		Set<Long> taken = new LinkedHashSet<>(column(database, "SELECT partner_id FROM sla_deals").stream().map(Long::valueOf).toList());
		List<Service> services = byPartner.values().stream().filter(s -> !taken.contains(s.partnerId())).limit(howMany).toList();
		assertThat(services).hasSize(howMany);
		List<Watched> deals = new ArrayList<>();
		List<Long> started = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			Service service = services.get(i);
			List<SimulatedUser> team = new ArrayList<>();
			for (long id : catalog.teamMemberIds(service.partnerId())) {
				team.add(person(sandbox, id, "Member" + id % 1000));
				started.add(id);
			}
			SimulatedUser importer = sandbox.newUser(prefix + "Importer" + (char) ('A' + i), "en");
			importer.startBot();
			started.add(importer.id());
			deals.add(new Watched(9_100_000L + count(database, "SELECT COUNT(*) FROM sla_deals") + i, importer, team));
		}
		if (count(database,
				"SELECT COUNT(*) FROM bot_users WHERE started_at IS NOT NULL AND telegram_id = " + ADMIN) == 0) {
			person(sandbox, ADMIN, "Admin");
			started.add(ADMIN);
		}
		String ids = String.join(",", started.stream().map(String::valueOf).toList());
		await().atMost(Duration.ofSeconds(30)).until(() -> count(database,
				"SELECT COUNT(*) FROM bot_users WHERE started_at IS NOT NULL AND telegram_id IN (" + ids + ")") == started.size());
		ResponseClocks clocks = instance.bean(ResponseClocks.class);
		for (int i = 0; i < services.size(); i++) {
			Service service = services.get(i);
			Watched deal = deals.get(i);
			clocks.on(new LeadGroupOpened(deal.leadId(), -9_000_000L - deal.leadId(), service.id(), service.partnerId(), "russia",
					deal.importer().id()));
		}
		return deals;
	}

	private static SimulatedUser person(SandboxClient sandbox, long id, String name) {
		try {
			sandbox.post("/sandbox/api/users", Map.of("id", id, "first_name", name, "language_code", "en"));
		}
		catch (RuntimeException alreadyThere) {
			// created for an earlier deal
		}
		SimulatedUser user = sandbox.user(id);
		user.startBot();
		return user;
	}

	private static Map<String, Object> common(SandboxServer.Running sandboxServer, FreshDatabase database, LoadBalancer balancer) {
		Map<String, Object> common = new HashMap<>(database.properties());
		common.put("b2brics.sandbox.enabled", false);
		common.put("b2brics.telegram.bot-token", sandboxServer.botToken());
		common.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
		common.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + balancer.port() + "/telegram/webhook");
		common.put("b2brics.telegram.webhook-secret", "sla-secret");
		common.put("b2brics.admin-telegram-ids", ADMIN);
		common.put("b2brics.sla.check-interval", "300ms");
		common.put("db-scheduler.polling-interval", "250ms");
		return common;
	}

	private static Map<String, Object> with(Map<String, Object> common, String instanceId) {
		Map<String, Object> properties = new HashMap<>(common);
		properties.put("b2brics.telegram.instance-id", instanceId);
		return properties;
	}

	private static long count(FreshDatabase database, String sql) throws Exception {
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static List<String> column(FreshDatabase database, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}
}
