package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.sandbox.emulator.Json;

/**
 * The outage as it happened: the app starts while the Bot API is down. It used to try
 * {@code setWebhook} and {@code setMyCommands} once, never register its webhook when Telegram came
 * back, and report UP. Now health says the bot is not ready, with the reason, until the webhook is
 * in place; the registration is tried again with backoff, and once Telegram answers updates flow.
 */
class BotApiDownAtStartEndToEndTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void startedWhileTheBotApiIsDownTheBotIsNotReadyUntilItsWebhookIsRegisteredWhenTelegramIsBack() throws Exception {
		try (var sandboxServer = SandboxServer.start(Map.of());
				var database = FreshDatabase.create("bot_api_down", false);
				// the way to Telegram: down (502 from the proxy) until the sandbox is put behind it
				var telegram = new LoadBalancer();
				var webhook = new LoadBalancer()) {
			SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
			// and once it is reachable, the Bot API answers 5xx to every call the fault plan may touch (setMyCommands)
			sandbox.faults(0, 1.0, 0, 11);
			Map<String, Object> properties = new HashMap<>(database.properties());
			properties.put("b2brics.sandbox.enabled", false);
			properties.put("b2brics.telegram.bot-token", sandboxServer.botToken());
			properties.put("b2brics.telegram.api-url", "http://127.0.0.1:" + telegram.port());
			properties.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + webhook.port() + "/telegram/webhook");
			properties.put("b2brics.telegram.webhook-secret", "outage-secret");
			properties.put("b2brics.telegram.startup-max-backoff", "2s");
			properties.put("spring.security.user.password", "outage-admin");
			try (var app = AppInstance.start(properties)) {
				webhook.add(app.port());
				// not ready, and it says why; Telegram has no webhook for the bot
				await().atMost(Duration.ofSeconds(20)).until(() -> telegramHealth(app.port()).get("status").equals("DOWN"));
				Map<String, Object> down = telegramHealth(app.port());
				assertThat(details(down).get("ready")).isEqualTo(false);
				assertThat((String) details(down).get("updates")).startsWith("not routed: setWebhook failed");
				assertThat(overallStatus(app.port())).isEqualTo(503);
				assertThat(probe(app.port(), "readiness")).as("a load balancer keeps it out").isEqualTo(503);
				assertThat(probe(app.port(), "liveness")).as("the process itself is fine").isEqualTo(200);
				assertThat(sandbox.get("/sandbox/api/bot/webhook").get("url")).isEqualTo("");

				// Telegram is reachable again (setMyCommands still fails): the webhook is registered, the bot is ready
				telegram.add(sandboxServer.port());
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
					.until(() -> String.valueOf(sandbox.get("/sandbox/api/bot/webhook").get("url")).endsWith("/telegram/webhook"));
				await().atMost(Duration.ofSeconds(20)).until(() -> telegramHealth(app.port()).get("status").equals("UP"));
				assertThat(details(telegramHealth(app.port())).get("ready")).isEqualTo(true);
				assertThat(probe(app.port(), "readiness")).isEqualTo(200);
				long failedMenus = sandbox.stats().faultsInjectedTotal();
				assertThat(failedMenus).as("setMyCommands refused while faults are on").isPositive();

				// the faults are lifted: the command menu is published by the same retries
				sandbox.noFaults();
				await().atMost(Duration.ofSeconds(20)).until(() -> !commandMenu(sandboxServer).isEmpty());

				// and an update flows through
				SimulatedUser user = sandbox.newUser("Back", "en");
				user.startBot();
				user.sees(user.botChat(), "Hello, Back!");
				user.writeToBot("/help");
				user.sees(user.botChat(), "What I can do");
				assertThat(overallStatus(app.port())).isEqualTo(200);
			}
		}
	}

	/** The bot's command menu as Telegram has it (getMyCommands). */
	@SuppressWarnings("unchecked")
	private static java.util.List<Object> commandMenu(SandboxServer.Running sandbox) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(sandbox.baseUrl() + "/bot" + sandbox.botToken() + "/getMyCommands")).build(),
				HttpResponse.BodyHandlers.ofString());
		Object result = ((Map<String, Object>) Json.read(response.body())).get("result");
		return result instanceof java.util.List<?> list ? (java.util.List<Object>) list : java.util.List.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> telegramHealth(int port) throws Exception {
		HttpResponse<String> response = http.send(admin(port, "/actuator/health"), HttpResponse.BodyHandlers.ofString());
		Map<String, Object> health = (Map<String, Object>) Json.read(response.body());
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("telegram");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> component) {
		return (Map<String, Object>) component.get("details");
	}

	private static int overallStatus(int port) throws Exception {
		return http.send(admin(port, "/actuator/health"), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** A public probe, as a load balancer or Kubernetes asks it: no login. */
	private static int probe(int port, String name) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/" + name)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static HttpRequest admin(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:outage-admin".getBytes()))
			.build();
	}
}
