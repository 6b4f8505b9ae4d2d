package com.b2brics.connect.telegram;

/** A basic group became a supergroup: from now on it is {@code newChatId}. */
public record ChatMigrated(long updateId, ChatRef chat, TelegramUser user, long newChatId) implements TelegramEvent {
}
