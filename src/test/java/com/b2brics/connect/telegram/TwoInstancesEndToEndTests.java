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

	/**
	 * The outage as it happened: two instances on one database, and a Start whose handler fails
	 * on its first try after it opened the lead. The try is claimed with a lease in a transaction
	 * of its own, so the rollback does not hand the update to the other instance before the failure
	 * and its retry time are recorded: each importer ends with one lead and one answer, the retry
	 * waits for its backoff, and the inbox counts exactly the tries that ran.
	 */
	@Test
	void aFailingUpdateIsTriedByOneInstanceAtATimeAndEachTryIsCountedOnce() throws Exception {
		FirstTryFails failure = new FirstTryFails(Duration.ofMillis(600));
		try (var sandboxServer = SandboxServer.start(Map.of());
				var database = FreshDatabase.create("inbox_lease", false);
				var balancer = new LoadBalancer()) {
			Map<String, Object> common = new HashMap<>(database.properties());
			common.put("b2brics.sandbox.enabled", false);
			common.put("b2brics.telegram.bot-token", sandboxServer.botToken());
			common.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
			common.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + balancer.port() + "/telegram/webhook");
			common.put("b2brics.telegram.webhook-secret", "lease-secret");
			common.put("b2brics.telegram.inbox.first-backoff", "400ms");
			common.put("b2brics.telegram.inbox.max-attempts", "5");
			Map<String, Object> first = new HashMap<>(common);
			first.put("b2brics.telegram.instance-id", "instance-a");
			Map<String, Object> second = new HashMap<>(common);
			second.put("b2brics.telegram.instance-id", "instance-b");
			List<org.springframework.context.ApplicationListener<?>> listeners = List.of(failure);
			try (var a = AppInstance.start(first, null, listeners); var b = AppInstance.start(second, null, listeners)) {
				balancer.add(a.port());
				balancer.add(b.port());
				SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
				List<SimulatedUser> importers = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					SimulatedUser importer = sandbox.newUser("Importer" + i, "en");
					importer.startBot(contactPayload(i % 2 == 0 ? a.port() : b.port()));
					importers.add(importer);
				}
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
					.until(() -> importers.stream().allMatch(importer -> importer.currentlySees(importer.botChat(), "Thank you, Importer")));
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					try (var connection = database.connect(); Statement statement = connection.createStatement()) {
						return count(statement, "SELECT COUNT(*) FROM telegram_inbox WHERE status = 'PENDING'") == 0;
					}
				});
				try (var connection = database.connect(); Statement statement = connection.createStatement()) {
					for (SimulatedUser importer : importers) {
						assertThat(count(statement, "SELECT COUNT(*) FROM leads WHERE importer_id = " + importer.id()))
							.as("leads of %s", importer.firstName()).isEqualTo(1);
						assertThat(failure.tries(importer.id())).as("tries of %s's Start", importer.firstName()).isEqualTo(2);
						try (ResultSet rs = statement.executeQuery("SELECT status, attempts FROM telegram_inbox WHERE chat_id = "
								+ importer.id() + " AND payload LIKE '%/start %'")) {
							assertThat(rs.next()).isTrue();
							assertThat(rs.getString("status")).isEqualTo("DONE");
							assertThat(rs.getInt("attempts")).as("tries counted for %s's Start", importer.firstName()).isEqualTo(2);
							assertThat(rs.next()).isFalse();
						}
						assertThat(failure.retryWaited(importer.id())).as("the retry of %s's Start waited for its backoff", importer.firstName())
							.isGreaterThanOrEqualTo(Duration.ofMillis(350));
						assertThat(botMessages(importer)).as("answers to %s", importer.firstName()).hasSize(1);
					}
				}
				assertThat(failure.overlaps()).as("tries of one update running at once").isZero();
			}
		}
	}

	/** Presses Contact in Telegram on a service card of the instance; returns the deep link's start payload. */
	private static String contactPayload(int port) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/russia/services/rail-freight-china-russia/contact"))
			.header("User-Agent", "Mozilla/5.0 Chrome/156.0").GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		String location = java.net.URLDecoder.decode(response.headers().firstValue("Location").orElseThrow(),
				java.nio.charset.StandardCharsets.UTF_8);
		var start = java.util.regex.Pattern.compile("start=([A-Za-z0-9_-]+)").matcher(location);
		assertThat(start.find()).as(location).isTrue();
		return start.group(1);
	}

	/**
	 * A listener added to both instances: the first try of each importer's Start fails a while after
	 * its lead was opened (so the lead is rolled back), the next succeeds. Counts tries, notes tries
	 * of one importer that run at once, and how long the retry waited after the failure.
	 */
	static final class FirstTryFails implements org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> {

		private final Duration holdBeforeFailing;
		private final Map<Long, java.util.concurrent.atomic.AtomicInteger> tries = new java.util.concurrent.ConcurrentHashMap<>();
		private final Map<Long, java.util.concurrent.atomic.AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
		private final Map<Long, Long> failedAt = new java.util.concurrent.ConcurrentHashMap<>();
		private final Map<Long, Long> retriedAt = new java.util.concurrent.ConcurrentHashMap<>();
		private final java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();

		FirstTryFails(Duration holdBeforeFailing) {
			this.holdBeforeFailing = holdBeforeFailing;
		}

		@Override
		public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
			if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof com.b2brics.connect.leads.LeadOpened opened) {
				on(opened);
			}
		}

		private void on(com.b2brics.connect.leads.LeadOpened opened) {
			long importer = opened.importerId();
			int attempt = tries.computeIfAbsent(importer, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
			var now = running.computeIfAbsent(importer, k -> new java.util.concurrent.atomic.AtomicInteger());
			if (now.incrementAndGet() > 1) {
				overlaps.incrementAndGet();
			}
			try {
				if (attempt == 1) {
					Thread.sleep(holdBeforeFailing.toMillis());
					failedAt.put(importer, System.nanoTime());
					throw new IllegalStateException("failing on purpose after the lead was opened");
				}
				retriedAt.putIfAbsent(importer, System.nanoTime());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			finally {
				now.decrementAndGet();
			}
		}

		int tries(long importer) {
			var count = tries.get(importer);
			return count == null ? 0 : count.get();
		}

		Duration retryWaited(long importer) {
			return Duration.ofNanos(retriedAt.get(importer) - failedAt.get(importer));
		}

		int overlaps() {
			return overlaps.get();
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
