package com.b2brics.connect.telegram;

/** The bot left or was removed from a group ({@code user} is who removed it), or a user blocked it in private. */
public record BotRemovedFromChat(long updateId, ChatRef chat, TelegramUser user) implements TelegramEvent {
}
