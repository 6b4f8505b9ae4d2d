package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.LoadBalancer;

/**
 * Invitations across instances, with the real clock and real db-scheduler timers: two instances
 * on one database let the deadlines of an unanswered invitation pass, and each fires once, with
 * never more than one live offer; then both stop with an offer pending, a new instance starts,
 * and the pending deadline still fires, once.
 */
class InvitationInstancesEndToEndTests {

	private static final long ADMIN = 6399000001L;

	private static final List<Long> CERTIFIERS = List.of(6200000006L, 6200000007L, 6200000008L, 6200000009L, 6200000010L, 6200000024L);

	@Test
	void twoInstancesFireEachDeadlineOnceAndAPendingDeadlineFiresAfterARestart() throws Exception {
		try (var sandboxServer = SandboxServer.start(Map.of());
				var database = FreshDatabase.create("invitations", false);
				var balancer = new LoadBalancer()) {
			Map<String, Object> common = new HashMap<>(database.properties());
			common.put("b2brics.sandbox.enabled", false);
			common.put("b2brics.telegram.bot-token", sandboxServer.botToken());
			common.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
			common.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + balancer.port() + "/telegram/webhook");
			common.put("b2brics.telegram.webhook-secret", "invitations-secret");
			common.put("b2brics.admin-telegram-ids", ADMIN);
			// real time: each deadline is waited out; the offer on India must outlive the stop of both
			// instances (a second or two) and may fall due while none runs: the new instance still fires it
			common.put("b2brics.invitations.offer-timeout", "2s");
			common.put("b2brics.invitations.offer-timeouts.india", "8s");
			common.put("db-scheduler.polling-interval", "250ms");
			Map<String, Object> first = new HashMap<>(common);
			first.put("b2brics.telegram.instance-id", "instance-a");
			Map<String, Object> second = new HashMap<>(common);
			second.put("b2brics.telegram.instance-id", "instance-b");
			long group;
			long pending;
			long pendingOffer;
			try (var a = AppInstance.start(first); var b = AppInstance.start(second)) {
				balancer.add(a.port());
				balancer.add(b.port());
				SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
				for (long id : CERTIFIERS) {
					sandbox.post("/sandbox/api/users", Map.of("id", id, "first_name", "Certifier" + id % 100, "language_code", "en"));
					sandbox.user(id).startBot();
				}
				sandbox.post("/sandbox/api/users", Map.of("id", ADMIN, "first_name", "Admin", "language_code", "en"));
				SimulatedUser admin = sandbox.user(ADMIN);
				admin.startBot();
				group = sandbox.createGroup("Deal room", admin);
				await().atMost(Duration.ofSeconds(60)).until(() -> admin.currentlySees(group, "is now a B2BRICS working group"));
				await().atMost(Duration.ofSeconds(20)).until(() -> count(database,
						"SELECT COUNT(*) FROM bot_users WHERE started_at IS NOT NULL AND telegram_id IN (" + ids() + ")") == CERTIFIERS.size());

				// nobody answers: four deadlines pass, handled by whichever instance's scheduler picks each, once
				InvitationEngine engine = a.bean(InvitationEngine.class);
				long invitation = engine.open(EngineTestSupport.testDeal(group, ADMIN), ADMIN, Specialization.CERTIFICATION,
						"Conformity certificate, two instances").invitationId();
				AtomicLong mostLive = new AtomicLong();
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
					mostLive.accumulateAndGet(count(database,
							"SELECT COUNT(*) FROM invitation_offers WHERE status = 'LIVE' AND invitation_id = " + invitation), Math::max);
					return "EXHAUSTED".equals(text(database, "SELECT status FROM invitations WHERE id = " + invitation));
				});
				assertThat(mostLive.get()).isEqualTo(1);
				assertThat(column(database, "SELECT event FROM invitation_history WHERE invitation_id = " + invitation + " ORDER BY id"))
					.containsExactly("PENDING", "EXPIRED", "FORWARDED", "EXPIRED", "FORWARDED", "EXPIRED", "FORWARDED", "EXPIRED",
							"EXHAUSTED");
				assertThat(column(database, "SELECT status FROM invitation_offers WHERE invitation_id = " + invitation))
					.containsExactly("EXPIRED", "EXPIRED", "EXPIRED", "EXPIRED");
				// db-scheduler removes a one-time task's row after its handler committed: the last one may still be there
				await().atMost(Duration.ofSeconds(10)).until(() -> count(database,
						"SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = '" + InvitationEngine.DEADLINE_TASK + "'") == 0);

				// an offer pending (8 s on India) when every instance stops
				pending = engine.open(EngineTestSupport.testDeal(group, ADMIN, "india"), ADMIN, Specialization.CERTIFICATION,
						"Conformity certificate, across a restart").invitationId();
				pendingOffer = count(database, "SELECT id FROM invitation_offers WHERE status = 'LIVE' AND invitation_id = " + pending);
			}
			assertThat(text(database, "SELECT status FROM invitation_offers WHERE id = " + pendingOffer)).isEqualTo("LIVE");
			assertThat(count(database, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = '" + InvitationEngine.DEADLINE_TASK
					+ "' AND task_instance = '" + pendingOffer + "'")).isEqualTo(1);

			Map<String, Object> third = new HashMap<>(common);
			third.put("b2brics.telegram.instance-id", "instance-c");
			try (var c = AppInstance.start(third)) {
				balancer.add(c.port());
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
					.until(() -> "EXPIRED".equals(text(database, "SELECT status FROM invitation_offers WHERE id = " + pendingOffer)));
				assertThat(column(database, "SELECT event FROM invitation_history WHERE invitation_id = " + pending + " ORDER BY id"))
					.containsExactly("PENDING", "EXPIRED", "FORWARDED");
				assertThat(count(database,
						"SELECT COUNT(*) FROM invitation_offers WHERE status = 'LIVE' AND invitation_id = " + pending)).isEqualTo(1);
				assertThat(c.bean(InvitationEngine.class).cancel(pending, ADMIN)).isEqualTo(InvitationEngine.Outcome.DONE);
			}
		}
	}

	private static String ids() {
		return String.join(",", CERTIFIERS.stream().map(String::valueOf).toList());
	}

	private static long count(FreshDatabase database, String sql) throws Exception {
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static String text(FreshDatabase database, String sql) throws Exception {
		List<String> values = column(database, sql);
		return values.isEmpty() ? null : values.get(0);
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
