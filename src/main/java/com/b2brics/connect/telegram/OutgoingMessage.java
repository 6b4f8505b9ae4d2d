package com.b2brics.connect.telegram;

/**
 * A message the bot will send: HTML text (Telegram's subset; escape user input with
 * {@link Html#escape}), optional buttons, priority (see {@link Priority} for the order within a
 * chat: an {@link Priority#ANSWER} goes before notices queued earlier), the message it replies to
 * (0: none) and its fold key (null: none).
 * <p>
 * A message with a fold key is a notice that may be folded: if the bot's newest message in the chat
 * is a notice of the same key sent within {@code b2brics.telegram.outbox.fold-within}, this text is
 * added to it as a new line (the queued row is rewritten, or the sent message edited in place)
 * instead of posting one more message. Only for notices without buttons whose reader loses nothing
 * when they share one message ("X joined", "Y joined").
 */
public record OutgoingMessage(long chatId, String html, Keyboard keyboard, Priority priority, long replyToMessageId,
		String foldKey) {

	public static OutgoingMessage to(long chatId, String html) {
		return new OutgoingMessage(chatId, html, null, Priority.NORMAL, 0, null);
	}

	public OutgoingMessage with(Keyboard keyboard) {
		return new OutgoingMessage(chatId, html, keyboard, priority, replyToMessageId, foldKey);
	}

	public OutgoingMessage priority(Priority priority) {
		return new OutgoingMessage(chatId, html, keyboard, priority, replyToMessageId, foldKey);
	}

	public OutgoingMessage replyTo(long messageId) {
		return new OutgoingMessage(chatId, html, keyboard, priority, messageId, foldKey);
	}

	/** Folds this notice into the chat's newest notice of the same key (see above). */
	public OutgoingMessage foldAs(String key) {
		return new OutgoingMessage(chatId, html, keyboard, priority, replyToMessageId, key);
	}
}
