package com.b2brics.connect.telegram;

/**
 * Points at a bot message for later edits: either by Telegram's message id (known, e.g. from a
 * button press) or by the outbox id of a message that may not have been sent yet; the sender
 * resolves the latter when the edit goes out, after the original (same chat, FIFO).
 */
public record MessageRef(long messageId, long outboxId) {

	public static MessageRef telegram(long messageId) {
		return new MessageRef(messageId, 0);
	}

	public static MessageRef queued(long outboxId) {
		return new MessageRef(0, outboxId);
	}
}
