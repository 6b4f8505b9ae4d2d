package com.b2brics.connect.telegram;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot reaches Telegram and how hard it pushes. Limits sit at or a little under Telegram's
 * published ones (30 messages/s per bot, 1/s per chat, 20/min per group; see {@link Outbox}) so
 * that jitter on either side never turns into a 429.
 *
 * @param botToken empty: the embedded sandbox decides the endpoint
 * @param apiUrl server root; requests go to {@code <apiUrl>/bot<token>/<method>}
 * @param webhookUrl public URL of {@code /telegram/webhook}; empty: long polling
 * @param webhookSecret value Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param callbackSecret key that signs inline button data; empty: derived from the bot token
 * @param instanceId this instance's name in claims and leases; empty: host name and port
 * @param webhookMaxBody the largest webhook body read (Telegram's updates are a few KB); more: 413
 * @param startupMaxBackoff the longest pause between two tries to register the webhook (or start
 *        polling) and publish the commands while the Bot API does not answer at start
 */
@ConfigurationProperties("b2brics.telegram")
public record TelegramProperties(String botToken, @DefaultValue("https://api.telegram.org") String apiUrl,
		String webhookUrl, String webhookSecret, String callbackSecret, String instanceId,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue Inbox inbox, @DefaultValue Outbox outbox,
		@DefaultValue("1MB") DataSize webhookMaxBody, @DefaultValue("60s") Duration startupMaxBackoff) {

	/**
	 * @param maxAttempts tries before an update goes to the dead-letter list
	 * @param firstBackoff wait after the first failure; doubles each time
	 * @param workers updates handled in parallel (never two of one chat)
	 * @param batchSize rows written in one group commit at most
	 * @param keep how long handled updates are kept for de-duplication (Telegram redelivers for 24 h)
	 * @param lease how long an instance holds an update it took (over the handler's commit or rollback
	 *        and the recording of a failure); no other instance takes it before, one that crashed
	 *        leaves it to the others after
	 */
	public record Inbox(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration firstBackoff,
			@DefaultValue("4") int workers, @DefaultValue("500") int batchSize, @DefaultValue("7d") Duration keep,
			@DefaultValue("500ms") Duration pollInterval, @DefaultValue("2m") Duration lease) {
	}

	/**
	 * Telegram's sending limits as sliding windows (its Bots FAQ: about one message a second in one
	 * chat, at most 20 a minute in one group, about 30 a second over all chats), counted from the
	 * moment Telegram answered a call, so that a window measured here is never shorter than the one
	 * Telegram measures from the arrival. A chat that has been quiet gets its next message at once.
	 *
	 * @param perSecond messages per second for the whole bot (a little under Telegram's 30)
	 * @param chatInterval least gap between two messages to one chat, private or group (Telegram's one a
	 *        second; counted from Telegram's answer to the previous one, so arrivals are never closer)
	 * @param groupLimit messages one group takes within {@code groupWindow}
	 * @param groupWindow the sliding window of {@code groupLimit} (Telegram's is a minute; only a test
	 *        suite whose sandbox uses a shorter window shortens it, to the same value)
	 * @param answerReserve places of a group's window that only answers to a person's action
	 *        ({@link com.b2brics.connect.telegram.Priority#ANSWER}) may take: notices leave them free
	 * @param foldWithin how long after a folded notice (e.g. "X joined") the next one of its kind is
	 *        added to it by an edit rather than posted, while it is still the bot's newest message there
	 * @param maxBackoff longest wait between retries of a failing message
	 * @param claimFor how long a claimed message is reserved for the instance sending it
	 * @param senders messages in flight at once
	 */
	public record Outbox(@DefaultValue("25") int perSecond, @DefaultValue("1000ms") Duration chatInterval,
			@DefaultValue("20") int groupLimit, @DefaultValue("60s") Duration groupWindow,
			@DefaultValue("4") int answerReserve, @DefaultValue("2m") Duration foldWithin,
			@DefaultValue("5m") Duration maxBackoff, @DefaultValue("60s") Duration claimFor, @DefaultValue("8") int senders,
			@DefaultValue("200ms") Duration pollInterval) {
	}
}
