package com.b2brics.connect.telegram;

import java.time.Instant;

/**
 * Bot API calls whose answer is needed at once (an invite link to hand out, a member's status),
 * so they cannot wait in the outbox. Retries 429/5xx/time-outs a few times within a bounded
 * time, then throws {@link TelegramUnavailable}; the caller's transaction then rolls back and
 * the update that led here is retried by the inbox.
 */
public interface TelegramChats {

	/**
	 * A personal invite link: one named link per person, optionally needing approval
	 * ({@code createsJoinRequest}), expiring at {@code expiresAt} (null: never).
	 */
	InviteLink createInviteLink(long chatId, String name, boolean createsJoinRequest, Instant expiresAt);

	/** creator, administrator, member, restricted, left or kicked. */
	String memberStatus(long chatId, long userId);

	int memberCount(long chatId);

	/**
	 * Whether people who join the group see the messages posted before they joined ("Chat
	 * history for new members: Visible"); Telegram tells this to administrators only (getChat's
	 * {@code has_visible_history}), so the bot must be one. A read: it changes nothing.
	 */
	boolean historyVisibleToNewMembers(long chatId);

	/** The bot's own identity as Telegram reports it (getMe); available once the bot has started. */
	BotIdentity bot();

	record InviteLink(String url, String name, boolean createsJoinRequest, Instant expiresAt) {
	}

	record BotIdentity(long id, String username) {

		/** {@code https://t.me/<bot>?start=<payload>}. */
		public String deepLink(String payload) {
			return "https://t.me/" + username + "?start=" + payload;
		}
	}

	/** Telegram could not be reached or kept refusing; the caller's work should be retried later. */
	class TelegramUnavailable extends RuntimeException {

		public TelegramUnavailable(String message) {
			super(message);
		}
	}

	/** Telegram refused for good (no rights, chat not found, …). */
	class TelegramRefused extends RuntimeException {

		private final int errorCode;

		public TelegramRefused(int errorCode, String description) {
			super(description);
			this.errorCode = errorCode;
		}

		public int errorCode() {
			return errorCode;
		}
	}
}
