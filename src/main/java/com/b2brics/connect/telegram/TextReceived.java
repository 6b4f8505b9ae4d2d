package com.b2brics.connect.telegram;

/** A user wrote plain text (not a command). {@code replyToMessageId} is 0 when it is no reply. */
public record TextReceived(long updateId, ChatRef chat, TelegramUser user, long messageId, String text,
		long replyToMessageId) implements TelegramEvent {
}
