package com.b2brics.connect.telegram.internal;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramChats;

/** {@link TelegramChats} from what the connection learnt at start (getMe). */
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
}
