package com.b2brics.connect.telegram;

/**
 * What the bot knows about itself from Telegram, read without a Bot API call. Nothing here calls
 * Telegram: an update handler must not wait on Telegram (under a 429 storm it would fail and its
 * update go to the dead-letter list); anything with an effect, even one whose answer the next step
 * needs (an invite link), goes through the {@link Outbox}.
 */
public interface TelegramChats {

	/** The bot's own identity as Telegram reports it (getMe); available once the bot has started. */
	BotIdentity bot();

	record BotIdentity(long id, String username) {

		/** {@code https://t.me/<bot>?start=<payload>}. */
		public String deepLink(String payload) {
			return "https://t.me/" + username + "?start=" + payload;
		}
	}

	/** Telegram has not told the bot who it is yet; the caller's work should be retried later. */
	class TelegramUnavailable extends RuntimeException {

		public TelegramUnavailable(String message) {
			super(message);
		}
	}
}
