package com.b2brics.connect.telegram;

/**
 * What the bot knows about itself from Telegram, and reads of a chat's settings for background
 * jobs. An update handler must not wait on Telegram (under a 429 storm it would fail and its
 * update go to the dead-letter list); anything with an effect, even one whose answer the next step
 * needs (an invite link), goes through the {@link Outbox}. The reads here are for scheduled work
 * outside any update handler, which keeps its own backoff.
 */
public interface TelegramChats {

	/** The bot's own identity as Telegram reports it (getMe); available once the bot has started. */
	BotIdentity bot();

	/**
	 * Whether people who join the group see the messages posted before they joined ("Chat
	 * history for new members: Visible"); Telegram tells this to administrators only (getChat's
	 * {@code has_visible_history}), so the bot must be one. A read: it changes nothing. One try:
	 * throws {@link TelegramUnavailable} when Telegram did not answer or refused.
	 */
	boolean historyVisibleToNewMembers(long chatId);

	record BotIdentity(long id, String username) {

		/** {@code https://t.me/<bot>?start=<payload>}. */
		public String deepLink(String payload) {
			return "https://t.me/" + username + "?start=" + payload;
		}
	}

	/** Telegram has not told the bot who it is yet, or did not answer a read; retry later. */
	class TelegramUnavailable extends RuntimeException {

		public TelegramUnavailable(String message) {
			super(message);
		}
	}
}
