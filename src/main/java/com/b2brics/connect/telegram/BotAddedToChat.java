package com.b2brics.connect.telegram;

/**
 * The bot was added to a group or its rights changed; {@code user} is who did it, {@code rights}
 * what the bot may now do there ({@code admin} false: a plain member without rights).
 */
public record BotAddedToChat(long updateId, ChatRef chat, TelegramUser user, BotRights rights)
		implements TelegramEvent {
}
