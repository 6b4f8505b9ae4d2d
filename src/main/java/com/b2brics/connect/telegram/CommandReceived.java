package com.b2brics.connect.telegram;

/**
 * A user sent a bot command, e.g. {@code /start abc} → command {@code start}, args {@code abc}.
 * The command is lower case and without the {@code @botname} suffix. {@code replyToMessageId} is
 * the message it answers (a command sent as a reply to a card or a file), 0 when it is no reply.
 */
public record CommandReceived(long updateId, ChatRef chat, TelegramUser user, long messageId, String command,
		String args, long replyToMessageId) implements TelegramEvent {

	public CommandReceived(long updateId, ChatRef chat, TelegramUser user, long messageId, String command, String args) {
		this(updateId, chat, user, messageId, command, args, 0);
	}
}
