package com.b2brics.connect.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Telegram sandbox ({@code b2brics.sandbox.*}); each is documented in
 * {@code docs/sandbox.md}.
 *
 * @param enabled starts the embedded sandbox; unset means "when no real bot token is configured"
 * @param botToken the token the emulated bot answers to; its numeric prefix is the bot's user id
 * @param botUsername the bot's username, used in deep links {@code https://t.me/<username>?start=…}
 * @param botFirstName the bot's display name
 * @param webhookMaxConnections default {@code max_connections} of {@code setWebhook}
 * @param deliveryRetryBackoff first pause before a failed webhook delivery is retried; doubles per attempt
 * @param deliveryRetryMaxBackoff the longest pause between two webhook delivery attempts
 * @param webhookTimeout how long a webhook POST may take before it counts as failed
 * @param timeoutMs how long an injected time-out keeps the Bot API response hanging
 * @param callbackQueryTimeout how long a callback query can be answered with answerCallbackQuery
 * @param callbackAnswerWait how long a simulated press waits for the bot's answerCallbackQuery
 * @param unsupportedMethods Bot API methods to answer with 404 Not Found, as an old or partial
 *        Bot API server would (to try the bot against one)
 * @param groupRateWindow the window in which one group takes 20 messages; Telegram's is a minute,
 *        and only a test suite that wants the same rule in less time shortens it (with the outbox's
 *        group interval shortened in proportion)
 * @param botApiMaxBody the largest request body of a Bot API call (Telegram takes uploads up to 50 MB)
 * @param controlApiMaxBody the largest request body of the control API and the web client (a
 *        document sent by a simulated person travels in it as base64)
 */
@ConfigurationProperties("b2brics.sandbox")
public record SandboxProperties(
		Boolean enabled,
		@DefaultValue("7000000001:AAsandbox-b2brics-connect-0000000000") String botToken,
		@DefaultValue("B2bricsConnectBot") String botUsername,
		@DefaultValue("B2BRICS Connect") String botFirstName,
		@DefaultValue("40") int webhookMaxConnections,
		@DefaultValue("1s") Duration deliveryRetryBackoff,
		@DefaultValue("60s") Duration deliveryRetryMaxBackoff,
		@DefaultValue("30s") Duration webhookTimeout,
		@DefaultValue("5000") long timeoutMs,
		@DefaultValue("15s") Duration callbackQueryTimeout,
		@DefaultValue("3s") Duration callbackAnswerWait,
		@DefaultValue("") java.util.List<String> unsupportedMethods,
		@DefaultValue("60s") Duration groupRateWindow,
		@DefaultValue("50MB") org.springframework.util.unit.DataSize botApiMaxBody,
		@DefaultValue("16MB") org.springframework.util.unit.DataSize controlApiMaxBody) {

	/** Defaults for every setting, as in {@code docs/sandbox.md}; handy in tests. */
	public static SandboxProperties defaults() {
		return new SandboxProperties(null, "7000000001:AAsandbox-b2brics-connect-0000000000", "B2bricsConnectBot",
				"B2BRICS Connect", 40, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30), 5000,
				Duration.ofSeconds(15), Duration.ofSeconds(3), java.util.List.of(), Duration.ofSeconds(60),
				org.springframework.util.unit.DataSize.ofMegabytes(50), org.springframework.util.unit.DataSize.ofMegabytes(16));
	}
}
