package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/**
 * An answer of the Bot API with {@code "ok":false}: the HTTP status equals {@code error_code},
 * the description is Telegram's own text. {@code kind} names the rule the bot broke for the
 * stats; {@code null} for errors that are no rule violation (injected faults, conflicts).
 */
public final class TelegramError extends RuntimeException {

	private final int code;

	private final String kind;

	private final Map<String, Object> parameters;

	TelegramError(int code, String description, String kind, Map<String, Object> parameters) {
		super(description, null, false, false);
		this.code = code;
		this.kind = kind;
		this.parameters = parameters;
	}

	static TelegramError badRequest(String kind, String text) {
		return new TelegramError(400, "Bad Request: " + text, kind, null);
	}

	static TelegramError forbidden(String kind, String text) {
		return new TelegramError(403, "Forbidden: " + text, kind, null);
	}

	static TelegramError tooManyRequests(String kind, long retryAfter) {
		return new TelegramError(429, "Too Many Requests: retry after " + retryAfter, kind,
				Map.of("retry_after", retryAfter));
	}

	static TelegramError migrated(long newChatId) {
		return new TelegramError(400, "Bad Request: group chat was upgraded to a supergroup chat", "chat_upgraded",
				Map.of("migrate_to_chat_id", newChatId));
	}

	static TelegramError conflict(String kind, String text) {
		return new TelegramError(409, "Conflict: " + text, kind, null);
	}

	static TelegramError chatNotFound() {
		return badRequest("chat_not_found", "chat not found");
	}

	public int code() {
		return code;
	}

	public String description() {
		return getMessage();
	}

	public String kind() {
		return kind;
	}

	/** The body Telegram answers with. */
	public Map<String, Object> body() {
		return Json.obj("ok", false, "error_code", code, "description", getMessage(), "parameters", parameters);
	}
}
