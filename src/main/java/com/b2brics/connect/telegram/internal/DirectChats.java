package com.b2brics.connect.telegram.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramChats;
import com.google.gson.JsonObject;
import com.pengrad.telegrambot.model.ChatInviteLink;
import com.pengrad.telegrambot.response.ChatInviteLinkResponse;
import com.pengrad.telegrambot.response.GetChatMemberCountResponse;
import com.pengrad.telegrambot.response.GetChatMemberResponse;
import com.pengrad.telegrambot.response.GetChatResponse;

/** {@link TelegramChats} over direct Bot API calls with a few bounded retries. */
@Component
class DirectChats implements TelegramChats {

	private static final Logger log = LoggerFactory.getLogger(DirectChats.class);
	private static final int TRIES = 3;
	private static final long LONGEST_WAIT_MS = 5000;

	private final BotConnection connection;

	DirectChats(BotConnection connection) {
		this.connection = connection;
	}

	@Override
	public InviteLink createInviteLink(long chatId, String name, boolean createsJoinRequest, Instant expiresAt) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		if (name != null) {
			params.addProperty("name", name.length() > 32 ? name.substring(0, 32) : name);
		}
		params.addProperty("creates_join_request", createsJoinRequest);
		if (expiresAt != null) {
			params.addProperty("expire_date", expiresAt.getEpochSecond());
		}
		ChatInviteLink link = ((ChatInviteLinkResponse) call("createChatInviteLink", params).response()).chatInviteLink();
		return new InviteLink(link.inviteLink(), link.name(), Boolean.TRUE.equals(link.createsJoinRequest()),
				link.expireDate() == null ? null : Instant.ofEpochSecond(link.expireDate()));
	}

	@Override
	public String memberStatus(long chatId, long userId) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		params.addProperty("user_id", userId);
		return ((GetChatMemberResponse) call("getChatMember", params).response()).chatMember().status().name();
	}

	@Override
	public int memberCount(long chatId) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		return ((GetChatMemberCountResponse) call("getChatMemberCount", params).response()).count();
	}

	@Override
	public boolean historyVisibleToNewMembers(long chatId) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		// Telegram leaves a false boolean out of ChatFullInfo: absent means hidden
		return Boolean.TRUE.equals(((GetChatResponse) call("getChat", params).response()).chat().hasVisibleHistory());
	}

	@Override
	public BotIdentity bot() {
		BotIdentity identity = connection.identity();
		if (identity == null) {
			throw new TelegramUnavailable("the bot has not been identified by Telegram yet");
		}
		return identity;
	}

	private ApiResult call(String method, JsonObject params) {
		ApiResult result = null;
		for (int attempt = 1; attempt <= TRIES; attempt++) {
			result = connection.client().call(method, params);
			if (result.ok()) {
				connection.answered();
				return result;
			}
			if (!result.transientFailure()) {
				throw new TelegramRefused(result.errorCode(), result.description());
			}
			if (result.noAnswer()) {
				connection.noAnswer(result.description());
			}
			long wait = result.retryAfter() > 0 ? result.retryAfter() * 1000L : 300L * attempt;
			if (wait > LONGEST_WAIT_MS || attempt == TRIES) {
				break;
			}
			log.info("{} not answered ({}), try {} of {}", method, result, attempt, TRIES);
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new TelegramUnavailable(method + ": " + result);
	}
}
