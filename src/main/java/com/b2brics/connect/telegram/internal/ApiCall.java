package com.b2brics.connect.telegram.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.response.BaseResponse;

/**
 * Any Bot API method by name with stored parameters: the outbox keeps method + JSON parameters,
 * and this replays them through the client library. Nested objects (reply_markup, …) are sent
 * as JSON, as Telegram expects in form parameters.
 */
final class ApiCall<R extends BaseResponse> extends BaseRequest<ApiCall<R>, R> {

	private final String method;

	ApiCall(String method, Class<R> responseType, JsonObject params) {
		super(responseType);
		this.method = method;
		for (var entry : params.entrySet()) {
			JsonElement value = entry.getValue();
			if (value.isJsonNull()) {
				continue;
			}
			add(entry.getKey(), value.isJsonPrimitive() ? value.getAsString() : value);
		}
	}

	@Override
	public String getMethod() {
		return method;
	}
}
