package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** A Bot API answer: the HTTP status and the JSON body Telegram would send. */
public record ApiResponse(int status, Map<String, Object> body) {

	static ApiResponse ok(Object result) {
		return new ApiResponse(200, Json.obj("ok", true, "result", result));
	}

	static ApiResponse ok(Object result, String description) {
		return new ApiResponse(200, Json.obj("ok", true, "result", result, "description", description));
	}

	static ApiResponse error(TelegramError error) {
		return new ApiResponse(error.code(), error.body());
	}

	/** What a gateway answers when the Bot API does not: the outcome of the call is unknown. */
	public static ApiResponse errorTimeout() {
		return error(504, "Gateway Timeout");
	}

	static ApiResponse error(int code, String description) {
		return new ApiResponse(code, Json.obj("ok", false, "error_code", code, "description", description));
	}
}
