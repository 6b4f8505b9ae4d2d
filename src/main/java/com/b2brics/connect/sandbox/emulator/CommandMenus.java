package com.b2brics.connect.sandbox.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bot's command menus as Telegram keeps them: one list per scope ({@code default},
 * {@code all_private_chats}, {@code all_group_chats}, {@code all_chat_administrators},
 * {@code chat}, {@code chat_administrators}, {@code chat_member}) and language code (empty: every
 * language without its own list). setMyCommands checks what Telegram checks (at most 100
 * commands of 1–32 lower-case letters, digits and underscores, descriptions of 1–256 characters,
 * a known scope type with its chat_id / user_id, the chat known for the chat scopes, a two-letter
 * language code); an empty list deletes. getMyCommands returns exactly the list of its scope and
 * language (empty if none), as Telegram does; {@link #seenBy} resolves what one person sees in one
 * chat with Telegram's order of fallbacks. Guarded by the world's lock; kept across a reset, like
 * the bot's other settings.
 */
final class CommandMenus {

	private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
	private static final List<String> TYPES = List.of("default", "all_private_chats", "all_group_chats",
			"all_chat_administrators", "chat", "chat_administrators", "chat_member");

	/** One scope: its type and, for the chat scopes, the chat (and member). */
	record Scope(String type, Long chatId, Long userId) {

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", type);
			if (chatId != null) {
				json.put("chat_id", chatId);
			}
			if (userId != null) {
				json.put("user_id", userId);
			}
			return json;
		}
	}

	private record Key(Scope scope, String languageCode) {
	}

	private final TelegramWorld world;
	private final Map<Key, List<Map<String, Object>>> menus = new LinkedHashMap<>();

	CommandMenus(TelegramWorld world) {
		this.world = world;
	}

	boolean set(Params p) {
		Key key = key(p);
		List<Map<String, Object>> commands = commands(p.json("commands", "can't parse commands JSON array"));
		if (commands.isEmpty()) {
			menus.remove(key);
		}
		else {
			menus.put(key, commands);
		}
		return true;
	}

	List<Map<String, Object>> get(Params p) {
		return menus.getOrDefault(key(p), List.of());
	}

	boolean delete(Params p) {
		menus.remove(key(p));
		return true;
	}

	/** Every list set, for the control API: scope, language_code and commands. */
	List<Map<String, Object>> all() {
		List<Map<String, Object>> all = new ArrayList<>();
		menus.forEach((key, commands) -> all.add(Json.obj("scope", key.scope().toJson(), "language_code", key.languageCode(),
				"commands", commands)));
		return all;
	}

	/**
	 * The menu this person sees in this chat (their private chat with the bot when the chat is
	 * their own id), by Telegram's algorithm: the first list set of, in a private chat, chat,
	 * all_private_chats, default; in a group, chat_member, chat_administrators (admins), chat,
	 * all_chat_administrators (admins), all_group_chats, default; each with the person's language
	 * first, then without.
	 */
	List<Map<String, Object>> seenBy(SimUser user, Chat chat) {
		String language = user.languageCode == null || user.languageCode.length() < 2 ? ""
				: user.languageCode.substring(0, 2).toLowerCase(Locale.ROOT);
		List<Scope> order = new ArrayList<>();
		if ("private".equals(chat.type)) {
			order.add(new Scope("chat", chat.id, null));
			order.add(new Scope("all_private_chats", null, null));
		}
		else {
			Member member = chat.member(user.id);
			boolean admin = member != null && member.isAdmin();
			order.add(new Scope("chat_member", chat.id, user.id));
			if (admin) {
				order.add(new Scope("chat_administrators", chat.id, null));
			}
			order.add(new Scope("chat", chat.id, null));
			if (admin) {
				order.add(new Scope("all_chat_administrators", null, null));
			}
			order.add(new Scope("all_group_chats", null, null));
		}
		order.add(new Scope("default", null, null));
		for (Scope scope : order) {
			for (String code : language.isEmpty() ? List.of("") : List.of(language, "")) {
				List<Map<String, Object>> menu = menus.get(new Key(scope, code));
				if (menu != null) {
					return menu;
				}
			}
		}
		return List.of();
	}

	private Key key(Params p) {
		String language = p.string("language_code");
		language = language == null ? "" : language.trim();
		if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
			throw TelegramError.badRequest("parameter_invalid", "invalid language code specified");
		}
		return new Key(scope(p.object("scope", "can't parse BotCommandScope JSON object")), language);
	}

	private Scope scope(Map<String, Object> json) {
		if (json == null) {
			return new Scope("default", null, null);
		}
		Object type = json.get("type");
		if (!(type instanceof String name) || !TYPES.contains(name)) {
			throw TelegramError.badRequest("parameter_invalid", "unsupported bot command scope type");
		}
		if (!name.startsWith("chat")) {
			return new Scope(name, null, null);
		}
		Long chatId = number(json.get("chat_id"), "chat_id");
		Chat chat = world.chats.get(chatId);
		if (chat == null) {
			throw TelegramError.chatNotFound();
		}
		if (!"chat".equals(name) && "private".equals(chat.type)) {
			throw TelegramError.badRequest("parameter_invalid", "the chat must be a group or a supergroup");
		}
		Long userId = "chat_member".equals(name) ? number(json.get("user_id"), "user_id") : null;
		if (userId != null && chat.member(userId) == null) {
			throw TelegramError.badRequest("user_not_found", "user not found");
		}
		return new Scope(name, chatId, userId);
	}

	private static Long number(Object value, String name) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		if (value instanceof String s && !s.isBlank()) {
			try {
				return Long.parseLong(s.trim());
			}
			catch (NumberFormatException e) {
				throw TelegramError.chatNotFound();
			}
		}
		throw TelegramError.badRequest("parameter_missing", name + " is empty");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> commands(Object json) {
		if (!(json instanceof List<?> list)) {
			throw TelegramError.badRequest("parameter_invalid", "can't parse commands JSON array");
		}
		if (list.size() > 100) {
			throw TelegramError.badRequest("parameter_invalid", "too many commands specified");
		}
		List<Map<String, Object>> commands = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw TelegramError.badRequest("parameter_invalid", "can't parse BotCommand JSON object");
			}
			Object command = ((Map<String, Object>) map).get("command");
			Object description = ((Map<String, Object>) map).get("description");
			if (!(command instanceof String c) || !COMMAND.matcher(c).matches()) {
				throw TelegramError.badRequest("bot_command_invalid", "BOT_COMMAND_INVALID");
			}
			if (!(description instanceof String d) || d.isBlank() || d.codePointCount(0, d.length()) > 256) {
				throw TelegramError.badRequest("bot_command_description_invalid", "BOT_COMMAND_DESCRIPTION_INVALID");
			}
			commands.add(Json.obj("command", c, "description", d));
		}
		return List.copyOf(commands);
	}
}
