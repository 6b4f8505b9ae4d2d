package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.ConnectApplication;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The bot process killed with kill -9 while updates wait to be handled and messages wait to be
 * sent, then started again, while the sandbox (Telegram) keeps its state: nothing is lost, and
 * nothing Telegram had already acknowledged is sent again. A message whose send was in flight
 * at the kill may arrive twice: the Bot API has no idempotency key (the at-least-once window).
 */
class CrashRecoveryEndToEndTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void nothingIsLostAndNothingAcknowledgedIsSentAgainAfterKillMinus9() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (var sandboxServer = SandboxServer.start(Map.of("b2brics.sandbox.delivery-retry-max-backoff", "2s"));
				var database = FreshDatabase.create("crash", true)) {
			List<String> command = botCommand(port, sandboxServer, database);
			SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());

			Process bot = start(command, "first");
			List<SimulatedUser> users = new ArrayList<>();
			List<Long> greetingIds = new ArrayList<>();
			try {
				awaitUp(port);
				for (int i = 0; i < 8; i++) {
					SimulatedUser user = sandbox.newUser("Crash" + i, "en");
					user.startBot();
					users.add(user);
				}
				for (SimulatedUser user : users) {
					greetingIds.add(user.sees(user.botChat(), "Hello, " + user.firstName()).id());
				}
				// a burst: replies are paced at one per 1.1 s per chat, so most still wait when the kill comes
				for (int round = 0; round < 6; round++) {
					for (SimulatedUser user : users) {
						user.writeToBot("/help");
					}
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> users.stream().anyMatch(u -> helpAnswers(u) >= 1));
			}
			finally {
				bot.destroyForcibly().waitFor();
			}
			long waitingAtKill;
			long inFlightAtKill;
			try (var connection = database.connect(); Statement statement = connection.createStatement()) {
				waitingAtKill = count(statement, "SELECT COUNT(*) FROM telegram_outbox WHERE status = 'PENDING'")
						+ count(statement, "SELECT COUNT(*) FROM telegram_inbox WHERE status = 'PENDING'");
				inFlightAtKill = count(statement, "SELECT COUNT(*) FROM telegram_outbox WHERE status = 'SENDING'");
			}
			assertThat(waitingAtKill).as("work left undone at the kill").isPositive();
			// people keep writing while the bot is down; Telegram keeps those updates
			for (SimulatedUser user : users) {
				user.writeToBot("/help");
			}

			Process restarted = start(command, "second");
			try {
				awaitUp(port);
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
					.until(() -> users.stream().allMatch(u -> helpAnswers(u) >= 7));
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					try (var connection = database.connect(); Statement statement = connection.createStatement()) {
						return count(statement, "SELECT COUNT(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')") == 0;
					}
				});
			}
			finally {
				restarted.destroy();
				restarted.waitFor();
			}
			try (var connection = database.connect(); Statement statement = connection.createStatement()) {
				assertThat(count(statement, "SELECT COUNT(*) FROM telegram_inbox WHERE status = 'DONE'"))
					.as("every update stored and handled").isEqualTo(users.size() * 8L);
			}
			long duplicates = 0;
			for (int i = 0; i < users.size(); i++) {
				SimulatedUser user = users.get(i);
				List<SeenMessage> fromBot = user.messages(user.botChat()).stream().filter(m -> m.fromId() != user.id()).toList();
				assertThat(fromBot.stream().filter(m -> m.text().startsWith("Hello,"))).as("greeting sent once").hasSize(1);
				assertThat(fromBot.get(0).id()).isEqualTo(greetingIds.get(i));
				duplicates += helpAnswers(user) - 7;
			}
			assertThat(duplicates).as("resent only what was in flight at the kill").isLessThanOrEqualTo(inFlightAtKill);
			assertThat(sandbox.stats().violationsTotal()).isZero();
			System.out.printf("crash recovery: %d rows waiting and %d in flight at the kill, %d duplicates%n", waitingAtKill,
					inFlightAtKill, duplicates);
		}
	}

	private static long helpAnswers(SimulatedUser user) {
		return user.messages(user.botChat())
			.stream()
			.filter(m -> m.fromId() != user.id() && m.text() != null && m.text().startsWith("What I can do"))
			.count();
	}

	private static List<String> botCommand(int port, SandboxServer.Running sandbox, FreshDatabase database) {
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				ConnectApplication.class.getName()));
		Map<String, Object> properties = new java.util.LinkedHashMap<>(database.properties());
		properties.put("server.port", port);
		properties.put("b2brics.sandbox.enabled", false);
		properties.put("b2brics.telegram.bot-token", sandbox.botToken());
		properties.put("b2brics.telegram.api-url", sandbox.baseUrl());
		properties.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + port + "/telegram/webhook");
		properties.put("b2brics.telegram.webhook-secret", "crash-secret");
		properties.put("b2brics.telegram.instance-id", "crash-bot");
		// with a bot token the app refuses to start without a configured admin password
		properties.put("spring.security.user.password", "crash-admin");
		properties.put("spring.main.banner-mode", "off");
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

	private static Process start(List<String> command, String name) throws Exception {
		File log = Path.of("target", "crash-bot-" + name + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static void awaitUp(int port) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			HttpResponse<String> response = http.send(
					// the health details (the bot's name) are for the admin only
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
						.header("Authorization", "Basic " + java.util.Base64.getEncoder()
							.encodeToString("admin:crash-admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return response.body().contains("\"telegram\":{\"details\"") && response.body().contains("\"bot\":\"@");
		});
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
