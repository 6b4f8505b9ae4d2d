package com.b2brics.connect.telegram;

/** A user edited a message they had sent. */
public record TextEdited(long updateId, ChatRef chat, TelegramUser user, long messageId, String text)
		implements TelegramEvent {
}
