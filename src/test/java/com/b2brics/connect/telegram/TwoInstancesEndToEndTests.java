package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Two instances of the bot on one database behind a load balancer, one sandbox: every update is
 * handled once and every message sent once, and both instances share the work.
 */
class TwoInstancesEndToEndTests {

	@Test
	void eachUpdateIsHandledOnceAndEachMessageSentOnce() throws Exception {
		try (var sandboxServer = SandboxServer.start(Map.of());
				var database = FreshDatabase.create("two_instances", false);
				var balancer = new LoadBalancer()) {
			Map<String, Object> common = new HashMap<>(database.properties());
			common.put("b2brics.sandbox.enabled", false);
			common.put("b2brics.telegram.bot-token", sandboxServer.botToken());
			common.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
			common.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + balancer.port() + "/telegram/webhook");
			common.put("b2brics.telegram.webhook-secret", "two-instances-secret");
			Map<String, Object> first = new HashMap<>(common);
			first.put("b2brics.telegram.instance-id", "instance-a");
			Map<String, Object> second = new HashMap<>(common);
			second.put("b2brics.telegram.instance-id", "instance-b");
			try (var a = AppInstance.start(first); var b = AppInstance.start(second)) {
				balancer.add(a.port());
				balancer.add(b.port());
				SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
				List<SimulatedUser> users = new ArrayList<>();
				for (int i = 0; i < 12; i++) {
					SimulatedUser user = sandbox.newUser("Twin" + i, i % 2 == 0 ? "en" : "ru");
					user.startBot();
					users.add(user);
				}
				for (int round = 0; round < 4; round++) {
					for (SimulatedUser user : users) {
						user.writeToBot("/help");
					}
				}
				int updates = users.size() * 5;
				try {
					await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
						.until(() -> users.stream().allMatch(user -> botMessages(user).size() >= 5));
				}
				catch (org.awaitility.core.ConditionTimeoutException e) {
					throw new AssertionError("not all answers arrived; sandbox: " + sandbox.stats().raw() + "; webhook: "
							+ sandbox.get("/sandbox/api/bot/webhook"), e);
				}
				// nothing is left in flight that could still arrive twice
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					try (var connection = database.connect(); Statement statement = connection.createStatement()) {
						return count(statement, "SELECT COUNT(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')") == 0
								&& count(statement, "SELECT COUNT(*) FROM telegram_inbox WHERE status = 'PENDING'") == 0;
					}
				});
				for (SimulatedUser user : users) {
					List<SeenMessage> messages = botMessages(user);
					assertThat(messages).as("bot messages to %s", user.firstName()).hasSize(5);
					assertThat(messages.get(0).text()).containsAnyOf("Hello, Twin", "Здравствуйте, Twin");
				}
				try (var connection = database.connect(); Statement statement = connection.createStatement()) {
					assertThat(count(statement, "SELECT COUNT(*) FROM telegram_inbox")).isEqualTo(updates);
					assertThat(count(statement, "SELECT COUNT(*) FROM telegram_inbox WHERE status = 'DONE'")).isEqualTo(updates);
					assertThat(count(statement, "SELECT COUNT(*) FROM telegram_outbox WHERE method = 'sendMessage' AND status = 'SENT'"))
						.isEqualTo(updates);
					Set<String> handlers = new HashSet<>();
					try (ResultSet rs = statement.executeQuery("SELECT DISTINCT handled_by FROM telegram_inbox")) {
						while (rs.next()) {
							handlers.add(rs.getString(1));
						}
					}
					assertThat(handlers).as("both instances handled updates").containsExactlyInAnyOrder("instance-a", "instance-b");
				}
				assertThat(sandbox.stats().violationsTotal()).isZero();
			}
		}
	}

	private static List<SeenMessage> botMessages(SimulatedUser user) {
		return user.messages(user.botChat()).stream().filter(m -> m.fromId() != user.id()).toList();
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
