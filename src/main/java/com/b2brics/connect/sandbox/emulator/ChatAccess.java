package com.b2brics.connect.sandbox.emulator;

/**
 * Finds the chat or user a Bot API call names and checks that the bot may act there, with
 * Telegram's answers: unknown chats, upgraded groups, users who never started or blocked the
 * bot, groups the bot is not in, and missing administrator rights.
 */
final class ChatAccess {

	private final TelegramWorld world;

	ChatAccess(TelegramWorld world) {
		this.world = world;
	}

	/** The chat by {@code chat_id}; a user without a private chat yet is "chat not found". */
	Chat chat(Params p) {
		Object raw = p.raw("chat_id");
		if (raw == null || raw.toString().isBlank()) {
			throw TelegramError.badRequest("parameter_missing", "chat_id is empty");
		}
		long id;
		try {
			id = raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString().trim());
		}
		catch (NumberFormatException e) {
			throw TelegramError.chatNotFound();
		}
		Chat chat = world.chats.get(id);
		if (chat == null) {
			if (world.users.containsKey(id)) {
				throw TelegramError.forbidden("user_not_started", "bot can't initiate conversation with a user");
			}
			throw TelegramError.chatNotFound();
		}
		if (chat.migratedTo != null) {
			throw TelegramError.migrated(chat.migratedTo);
		}
		return chat;
	}

	/** A chat the bot may post in: the user started and did not block it, or the bot is in the group. */
	Chat writable(Params p) {
		Chat chat = chat(p);
		if (chat.isPrivate()) {
			SimUser user = chat.user;
			if (user.blockedBot) {
				throw TelegramError.forbidden("bot_blocked", "bot was blocked by the user");
			}
			if (!user.startedBot && !hasFreshJoinRequest(user)) {
				throw TelegramError.forbidden("user_not_started", "bot can't initiate conversation with a user");
			}
			return chat;
		}
		requireBotInGroup(chat);
		return chat;
	}

	/** A group or supergroup the bot is in; private chats are refused with the method's text. */
	Chat group(Params p, String privateChatText) {
		Chat chat = chat(p);
		if (chat.isPrivate()) {
			throw TelegramError.badRequest("private_chat", privateChatText);
		}
		requireBotInGroup(chat);
		return chat;
	}

	void requireBotInGroup(Chat chat) {
		Member bot = chat.member(world.bot.id());
		if (bot != null && bot.status.equals("kicked")) {
			throw TelegramError.forbidden("bot_not_member", "bot was kicked from the " + chat.kindForErrors());
		}
		if (bot == null || !bot.isIn()) {
			throw TelegramError.forbidden("bot_not_member", "bot is not a member of the " + chat.kindForErrors());
		}
	}

	void requireRight(Chat chat, String right, String text) {
		if (chat.isPrivate()) {
			return;
		}
		Member bot = chat.member(world.bot.id());
		if (bot == null || !bot.can(right)) {
			throw TelegramError.badRequest("missing_admin_rights", text);
		}
	}

	SimUser user(Params p) {
		long id = p.requiredLong("user_id");
		SimUser user = world.users.get(id);
		if (user == null) {
			throw TelegramError.badRequest("user_not_found", "user not found");
		}
		return user;
	}

	/** Telegram lets a bot write for five minutes to a user whose join request it is handling. */
	private boolean hasFreshJoinRequest(SimUser user) {
		long now = world.now();
		return world.chats.values()
			.stream()
			.map(chat -> chat.joinRequests.get(user.id))
			.anyMatch(request -> request != null && now - request.date() <= 300);
	}
}
