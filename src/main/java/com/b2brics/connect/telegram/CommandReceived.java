package com.b2brics.connect.telegram;

/**
 * A user sent a bot command, e.g. {@code /start abc} → command {@code start}, args {@code abc}.
 * The command is lower case and without the {@code @botname} suffix.
 */
public record CommandReceived(long updateId, ChatRef chat, TelegramUser user, long messageId, String command,
		String args) implements TelegramEvent {
}
