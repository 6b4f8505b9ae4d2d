package com.b2brics.connect.sandbox.emulator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A pressed callback button waiting for answerCallbackQuery (within Telegram's time). */
final class CallbackQuery {

	final String id;

	final long userId;

	final long chatId;

	final long messageId;

	final long createdNanos;

	final CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();

	CallbackQuery(String id, long userId, long chatId, long messageId) {
		this.id = id;
		this.userId = userId;
		this.chatId = chatId;
		this.messageId = messageId;
		this.createdNanos = System.nanoTime();
	}
}
