package com.b2brics.connect.telegram;

/** A user posted a file. {@code replyToMessageId} is 0 when it is no reply. */
public record DocumentPosted(long updateId, ChatRef chat, TelegramUser user, long messageId, String fileId,
		String fileUniqueId, String fileName, String mimeType, long fileSize, String caption, long replyToMessageId)
		implements TelegramEvent {
}
