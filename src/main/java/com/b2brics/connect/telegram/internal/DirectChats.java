package com.b2brics.connect.telegram.internal;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramChats;
import com.google.gson.JsonObject;
import com.pengrad.telegrambot.response.GetChatResponse;

/** {@link TelegramChats} from what the connection learnt at start (getMe), and one-try reads. */
@Component
class DirectChats implements TelegramChats {

	private final BotConnection connection;

	DirectChats(BotConnection connection) {
		this.connection = connection;
	}

	@Override
	public BotIdentity bot() {
		BotIdentity identity = connection.identity();
		if (identity == null) {
			throw new TelegramUnavailable("the bot has not been identified by Telegram yet");
		}
		return identity;
	}

	@Override
	public boolean historyVisibleToNewMembers(long chatId) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		// Telegram leaves a false boolean out of ChatFullInfo: absent means hidden
		return Boolean.TRUE.equals(((GetChatResponse) call("getChat", params).response()).chat().hasVisibleHistory());
	}

	private ApiResult call(String method, JsonObject params) {
		ApiResult result = connection.client().call(method, params);
		if (result.ok()) {
			connection.answered();
			return result;
		}
		if (result.noAnswer()) {
			connection.noAnswer(result.description());
		}
		throw new TelegramUnavailable(method + ": " + result);
	}
}
