package com.b2brics.connect.telegram;

/**
 * A message the bot will send: HTML text (Telegram's subset; escape user input with
 * {@link Html#escape}), optional buttons, priority, and the message it replies to (0: none).
 */
public record OutgoingMessage(long chatId, String html, Keyboard keyboard, Priority priority, long replyToMessageId) {

	public static OutgoingMessage to(long chatId, String html) {
		return new OutgoingMessage(chatId, html, null, Priority.NORMAL, 0);
	}

	public OutgoingMessage with(Keyboard keyboard) {
		return new OutgoingMessage(chatId, html, keyboard, priority, replyToMessageId);
	}

	public OutgoingMessage priority(Priority priority) {
		return new OutgoingMessage(chatId, html, keyboard, priority, replyToMessageId);
	}

	public OutgoingMessage replyTo(long messageId) {
		return new OutgoingMessage(chatId, html, keyboard, priority, messageId);
	}
}
