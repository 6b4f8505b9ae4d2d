package com.b2brics.connect.telegram;

/**
 * A user pressed one of our inline buttons whose signed callback data checked out (not forged,
 * not expired, pressed by the user it was made for). The listener answers it with
 * {@link Outbox#answerButton}; if no listener does, an empty answer stops the client's spinner.
 */
public record ButtonPressed(long updateId, ChatRef chat, TelegramUser user, long messageId, String callbackQueryId,
		String action, String payload) implements TelegramEvent {
}
