package com.b2brics.connect.sandbox;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import com.b2brics.connect.sandbox.emulator.Sandbox;
import com.b2brics.connect.telegram.BotApiEndpoint;
import com.b2brics.connect.telegram.BotApiEndpointProvider;

/**
 * Points the app's bot at the sandbox that runs on the app's own web port: the Bot API root,
 * the sandbox bot's token, the app's webhook on the same port and a secret generated at start.
 */
class EmbeddedBotApiEndpoint implements BotApiEndpointProvider, ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBotApiEndpoint.class);

	private final Sandbox sandbox;

	private final String webhookSecret;

	private volatile int port = -1;

	EmbeddedBotApiEndpoint(Sandbox sandbox) {
		this.sandbox = sandbox;
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		this.webhookSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String namespace = event.getApplicationContext().getServerNamespace();
		if (namespace == null || namespace.isEmpty()) {
			port = event.getWebServer().getPort();
			log.info("""

					  Telegram sandbox (no TELEGRAM_BOT_TOKEN set, so the bot talks to this emulator)
					    web client      http://localhost:{}/sandbox   act as simulated Telegram users
					    control API     http://localhost:{}/sandbox/api  (docs/sandbox.md)
					    the bot         @{}, Bot API root http://localhost:{}
					""", port, port, sandbox.bot().username(), port);
		}
	}

	@Override
	public BotApiEndpoint endpoint() {
		if (port <= 0) {
			throw new IllegalStateException("The web server has not started yet: the sandbox has no port");
		}
		String root = "http://127.0.0.1:" + port;
		return new BotApiEndpoint(root, sandbox.bot().token(), root + "/telegram/webhook", webhookSecret);
	}
}
