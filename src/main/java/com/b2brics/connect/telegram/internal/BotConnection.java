package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotApiEndpoint;
import com.b2brics.connect.telegram.BotApiEndpointProvider;
import com.b2brics.connect.telegram.TelegramChats.BotIdentity;
import com.b2brics.connect.telegram.TelegramProperties;

/**
 * The bot's live connection: which Bot API server, the client, who the bot is, and whether the
 * server answered lately (for health). Opened once the web server runs, because an embedded Bot
 * API server listens on the app's own port.
 */
@Component
class BotConnection {

	private static final Logger log = LoggerFactory.getLogger(BotConnection.class);

	private final TelegramProperties properties;
	private final ObjectProvider<BotApiEndpointProvider> endpointProviders;
	private final AtomicReference<BotClient> client = new AtomicReference<>();
	private final AtomicReference<BotIdentity> identity = new AtomicReference<>();
	private volatile Instant lastAnswer;
	private volatile Instant lastNoAnswer;
	private volatile String lastNoAnswerReason;
	private volatile String routedBy;
	private volatile String notRoutedReason = "not connected yet";

	BotConnection(TelegramProperties properties, ObjectProvider<BotApiEndpointProvider> endpointProviders) {
		this.properties = properties;
		this.endpointProviders = endpointProviders;
	}

	/** Resolves the endpoint and opens the client; idempotent. */
	synchronized BotClient open() {
		BotClient current = client.get();
		if (current != null) {
			return current;
		}
		BotApiEndpointProvider provider = endpointProviders.getIfAvailable();
		BotApiEndpoint endpoint = provider != null ? provider.endpoint()
				: new BotApiEndpoint(properties.apiUrl(), properties.botToken(), properties.webhookUrl(),
						properties.webhookSecret());
		if (endpoint.token() == null || endpoint.token().isBlank()) {
			throw new IllegalStateException("No bot token: set TELEGRAM_BOT_TOKEN, or leave it empty to use the sandbox");
		}
		log.info("Bot API server {} ({})", endpoint.apiUrl(),
				endpoint.usesWebhook() ? "updates by webhook to " + endpoint.webhookUrl() : "updates by long polling");
		BotClient opened = new BotClient(endpoint, properties.requestTimeout());
		client.set(opened);
		return opened;
	}

	boolean isOpen() {
		return client.get() != null;
	}

	BotClient client() {
		BotClient current = client.get();
		if (current == null) {
			throw new IllegalStateException("the bot connection is not open yet");
		}
		return current;
	}

	BotApiEndpoint endpoint() {
		return client().endpoint();
	}

	void identified(BotIdentity bot) {
		identity.set(bot);
	}

	BotIdentity identity() {
		return identity.get();
	}

	void answered() {
		lastAnswer = Instant.now();
	}

	void noAnswer(String reason) {
		lastNoAnswer = Instant.now();
		lastNoAnswerReason = reason;
	}

	/** Updates can arrive now: the webhook is registered, or long polling runs. */
	void routed(String how) {
		routedBy = how;
		notRoutedReason = null;
	}

	/** Updates cannot arrive yet, and why (for health). */
	void notRouted(String reason) {
		if (routedBy == null) {
			notRoutedReason = reason;
		}
	}

	/** How updates arrive ("webhook …", "long polling"); null until they can. */
	String routedBy() {
		return routedBy;
	}

	String notRoutedReason() {
		return notRoutedReason;
	}

	Instant lastAnswer() {
		return lastAnswer;
	}

	Instant lastNoAnswer() {
		return lastNoAnswer;
	}

	String lastNoAnswerReason() {
		return lastNoAnswerReason;
	}

	void close() {
		BotClient current = client.getAndSet(null);
		if (current != null) {
			current.close();
		}
	}
}
