package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Without a public webhook URL the bot fetches updates by long polling; the conversation is
 * the same for the people in it. The server here is also a partial one that does not know some
 * methods the bot calls at start: the bot logs that and works on.
 */
class LongPollingEndToEndTests {

	@Test
	void withoutAWebhookUrlTheBotAnswersThroughLongPollingEvenOnAPartialServer() throws Exception {
		try (var sandboxServer = SandboxServer.start(Map.of("b2brics.sandbox.unsupported-methods", "setMyCommands,deleteWebhook"));
				var database = FreshDatabase.create("polling", false)) {
			Map<String, Object> properties = new HashMap<>(database.properties());
			properties.put("b2brics.sandbox.enabled", false);
			properties.put("b2brics.telegram.bot-token", sandboxServer.botToken());
			properties.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
			properties.put("b2brics.telegram.webhook-url", "");
			try (var bot = AppInstance.start(properties)) {
				assertThat(bot.isRunning()).isTrue();
				SandboxClient sandbox = new SandboxClient(sandboxServer.baseUrl());
				// the bot connects in the background after start; a method the server does not know counts as done, not
				// retried (nor asked again for the other scopes and languages of the menus)
				org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
					.until(() -> sandbox.stats().calls("unsupported:setMyCommands") == 1);
				assertThat(sandbox.stats().calls("unsupported:setMyCommands")).isEqualTo(1);
				assertThat(sandbox.stats().calls("unsupported:deleteWebhook")).isEqualTo(1);
				assertThat(sandbox.get("/sandbox/api/bot/webhook").get("url")).isEqualTo("");
				SimulatedUser user = sandbox.newUser("Pavel", "ru");
				user.startBot();
				user.sees(user.botChat(), "Здравствуйте, Pavel!");
				user.writeToBot("/help");
				user.sees(user.botChat(), "Что я умею");
				assertThat(sandbox.stats().calls("getUpdates")).isPositive();
				assertThat(sandbox.stats().webhookDeliveries()).isZero();
			}
		}
	}
}
