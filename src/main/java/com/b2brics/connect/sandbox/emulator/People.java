package com.b2brics.connect.sandbox.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated people and what they do in Telegram: create an account, open deep links and
 * invite links, write, press buttons, share their contact, block the bot, leave groups, send
 * files, create groups with the bot as administrator, upgrade groups. Each action produces the
 * messages and updates Telegram would. Backs the control API and the web client.
 */
public final class People {

	private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern TELEGRAM_LINK = Pattern
		.compile("^(?:https?://)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(.+)$", Pattern.CASE_INSENSITIVE);

	private final TelegramWorld world;

	private final SandboxSettings settings;

	People(TelegramWorld world, SandboxSettings settings) {
		this.world = world;
		this.settings = settings;
	}

	// ---- users ----

	public Map<String, Object> createUser(String firstName, String lastName, String username, String languageCode,
			String phone) {
		return createUser(null, firstName, lastName, username, languageCode, phone);
	}

	/**
	 * As above, with an id chosen by the caller (demo data with fixed people); an id already taken
	 * is refused, as is one that is not a positive user id.
	 */
	public Map<String, Object> createUser(Long requestedId, String firstName, String lastName, String username,
			String languageCode, String phone) {
		if (requestedId != null && requestedId <= 0) {
			throw ControlError.badInput("id must be a positive user id");
		}
		if (firstName == null || firstName.isBlank()) {
			throw ControlError.badInput("first_name is required");
		}
		if (username != null && !username.isEmpty() && !username.matches("[A-Za-z][A-Za-z0-9_]{4,31}")) {
			throw ControlError.badInput("username must be 5-32 characters of A-Z, a-z, 0-9 and _, starting with a letter");
		}
		return world.locked(() -> {
			if (username != null && world.users.values().stream().anyMatch(u -> username.equalsIgnoreCase(u.username))) {
				throw ControlError.conflict("username @" + username + " is taken");
			}
			if (requestedId != null && world.users.containsKey(requestedId)) {
				throw ControlError.conflict("user " + requestedId + " exists");
			}
			long id = requestedId != null ? requestedId : world.nextUserId();
			String number = phone == null || phone.isBlank() ? "+99966" + String.format("%07d", id % 10_000_000) : phone;
			SimUser user = new SimUser(id, firstName.trim(), blankToNull(lastName), blankToNull(username),
					blankToNull(languageCode), number);
			world.users.put(id, user);
			return userJson(user);
		});
	}

	public List<Map<String, Object>> users() {
		return world.locked(() -> world.users.values().stream().map(this::userJson).toList());
	}

	public Map<String, Object> userInfo(long userId) {
		return world.locked(() -> userJson(user(userId)));
	}

	private Map<String, Object> userJson(SimUser u) {
		return Json.obj("id", u.id, "first_name", u.firstName, "last_name", u.lastName, "username", u.username,
				"language_code", u.languageCode, "phone", u.phone, "started_bot", u.startedBot, "blocked_bot",
				u.blockedBot);
	}

	public Map<String, Object> bot() {
		return Json.obj("id", world.bot.id(), "username", world.bot.username(), "first_name", world.bot.firstName(),
				"token", world.bot.token(), "link", "https://t.me/" + world.bot.username());
	}

	/** Every command menu the bot set: scope, language_code and commands. */
	public List<Map<String, Object>> commandMenus() {
		return world.locked(world.commandMenus::all);
	}

	/**
	 * The command menu this person sees in this chat ({@code chatId} their own id: their private
	 * chat with the bot), resolved as Telegram does from the menus the bot set.
	 */
	public Map<String, Object> commandMenuSeenBy(long userId, long chatId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = chatId == userId ? world.privateChat(user) : anyChat(chatId);
			return Json.obj("user_id", userId, "chat_id", chatId, "commands", world.commandMenus.seenBy(user, chat));
		});
	}

	public Map<String, Object> blockBot(long userId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			if (!user.blockedBot) {
				user.blockedBot = true;
				Chat chat = world.privateChat(user);
				chat.replyKeyboards.remove(user.id);
				if (user.startedBot) {
					privateStatusChange(user, "member", "kicked");
				}
			}
			return Json.obj("result", "blocked", "user_id", user.id);
		});
	}

	public Map<String, Object> unblockBot(long userId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			if (user.blockedBot) {
				user.blockedBot = false;
				if (user.startedBot) {
					privateStatusChange(user, "kicked", "member");
				}
			}
			return Json.obj("result", "unblocked", "user_id", user.id);
		});
	}

	private void privateStatusChange(SimUser user, String before, String after) {
		Chat chat = world.privateChat(user);
		Map<String, Object> payload = Json.obj("chat", chat.toJson(), "from", user.toJson(), "date", world.now(),
				"old_chat_member", new Member(world.bot.id(), before, null, 0).toJson(world.bot.toJson()),
				"new_chat_member", new Member(world.bot.id(), after, null, 0).toJson(world.bot.toJson()));
		world.updates.add("my_chat_member", chat.id, payload);
	}

	// ---- links ----

	/** The user opens a t.me link: a bot deep link (presses Start) or an invite link (joins or asks to). */
	public Map<String, Object> openLink(long userId, String url) {
		if (url == null || url.isBlank()) {
			throw ControlError.badInput("url is required");
		}
		return world.locked(() -> openLinkLocked(user(userId), url.trim()));
	}

	private Map<String, Object> openLinkLocked(SimUser user, String url) {
		Matcher m = TELEGRAM_LINK.matcher(url);
		if (!m.matches()) {
			throw ControlError.badInput("not a Telegram link: " + url + " (expected https://t.me/...)");
		}
		String rest = m.group(1);
		if (rest.startsWith("+") || rest.startsWith("joinchat/")) {
			String hash = rest.startsWith("+") ? rest.substring(1) : rest.substring("joinchat/".length());
			return joinByLink(user, "https://t.me/+" + hash.split("[?#/]")[0]);
		}
		String username = rest.split("[?#/]")[0];
		if (!username.equalsIgnoreCase(world.bot.username())) {
			throw ControlError.badInput("the sandbox hosts only the bot @" + world.bot.username() + "; @" + username
					+ " is not known here");
		}
		String start = null;
		int query = rest.indexOf('?');
		if (query >= 0) {
			for (String pair : rest.substring(query + 1).split("&")) {
				String[] kv = pair.split("=", 2);
				if (kv[0].equals("start")) {
					start = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
				}
				else if (kv[0].equals("startgroup") || kv[0].equals("startchannel")) {
					throw ControlError.badInput("adding the bot to groups by link is not emulated; use POST /sandbox/api/groups");
				}
			}
		}
		return pressStart(user, start);
	}

	private Map<String, Object> pressStart(SimUser user, String payload) {
		boolean dropped = false;
		if (payload != null && !payload.isEmpty() && !START_PAYLOAD.matcher(payload).matches()) {
			world.stats.violation("start_payload_invalid", 400);
			payload = null;
			dropped = true;
		}
		Chat chat = world.privateChat(user);
		if (user.blockedBot) {
			user.blockedBot = false;
			if (user.startedBot) {
				privateStatusChange(user, "kicked", "member");
			}
		}
		user.startedBot = true;
		Message message = world.post(chat, user.id);
		message.text = FormattedText.plain(payload == null || payload.isEmpty() ? "/start" : "/start " + payload);
		world.tellBot(message);
		return Json.obj("result", "start_sent", "chat_id", chat.id, "message_id", message.id, "payload", payload,
				"payload_dropped", dropped);
	}

	private Map<String, Object> joinByLink(SimUser user, String url) {
		InviteLink link = world.links.get(url);
		if (link == null) {
			return Json.obj("result", "link_invalid");
		}
		Chat chat = world.chats.get(link.chatId);
		while (chat != null && chat.migratedTo != null) {
			chat = world.chats.get(chat.migratedTo);
		}
		if (chat == null) {
			return Json.obj("result", "link_invalid");
		}
		Member member = chat.member(user.id);
		if (member != null && member.isIn()) {
			return Json.obj("result", "already_member", "chat_id", chat.id);
		}
		if (member != null && member.status.equals("kicked")) {
			return Json.obj("result", "banned", "chat_id", chat.id);
		}
		if (link.revoked) {
			return Json.obj("result", "link_revoked", "chat_id", chat.id);
		}
		if (link.expireDate != null && link.expireDate <= world.now()) {
			return Json.obj("result", "link_expired", "chat_id", chat.id);
		}
		if (link.memberLimit != null && link.joined >= link.memberLimit) {
			return Json.obj("result", "member_limit_reached", "chat_id", chat.id);
		}
		if (link.createsJoinRequest) {
			if (!chat.joinRequests.containsKey(user.id)) {
				Chat.JoinRequest request = new Chat.JoinRequest(user.id, world.now(), link);
				chat.joinRequests.put(user.id, request);
				world.privateChat(user);
				Member bot = chat.member(world.bot.id());
				if (bot != null && bot.can("can_invite_users")) {
					world.updates.add("chat_join_request", chat.id,
							Json.obj("chat", chat.toJson(), "from", user.toJson(), "user_chat_id", user.id, "date",
									request.date(), "invite_link", world.linkJson(link)));
				}
			}
			return Json.obj("result", "join_requested", "chat_id", chat.id);
		}
		world.join(chat, user, user.id, link, false);
		return Json.obj("result", "joined", "chat_id", chat.id);
	}

	// ---- writing ----

	public Map<String, Object> write(long userId, long chatId, String text, Long replyToMessageId) {
		if (text == null || text.isBlank()) {
			throw ControlError.badInput("text is required");
		}
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = chatToWrite(user, chatId);
			// Telegram's apps send a text over 4096 characters as several messages, as here
			List<Object> ids = new java.util.ArrayList<>();
			Message first = null;
			for (String part : splitForTelegram(text)) {
				Message message = world.post(chat, user.id);
				message.text = FormattedText.plain(part);
				if (first == null && replyToMessageId != null) {
					message.replyTo = visibleMessage(user, chat, replyToMessageId);
				}
				world.tellBot(message);
				ids.add(message.id);
				first = first == null ? message : first;
			}
			return ids.size() == 1 ? Json.obj("result", "sent", "chat_id", chat.id, "message_id", first.id)
					: Json.obj("result", "sent", "chat_id", chat.id, "message_id", first.id, "message_ids", ids);
		});
	}

	/** Pieces of at most 4096 UTF-16 units, never splitting a surrogate pair. */
	static List<String> splitForTelegram(String text) {
		List<String> parts = new java.util.ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(text.length(), start + MessageMethods.MAX_TEXT);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			parts.add(text.substring(start, end));
			start = end;
		}
		return parts;
	}

	public Map<String, Object> editMessage(long userId, long chatId, long messageId, String text) {
		if (text == null || text.isBlank()) {
			throw ControlError.badInput("text is required");
		}
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = chatToWrite(user, chatId);
			Message message = visibleMessage(user, chat, messageId);
			if (message.fromId != user.id || message.text == null) {
				throw ControlError.conflict("a user can edit only their own text messages");
			}
			message.text = FormattedText.plain(text);
			message.editDate = world.now();
			world.tellBotEdited(message);
			return Json.obj("result", "edited", "chat_id", chat.id, "message_id", message.id);
		});
	}

	public Map<String, Object> shareContact(long userId, Long chatId, String phone) {
		return shareContact(userId, chatId, phone, null);
	}

	/**
	 * Shares a contact card: the user's own (with {@code phone}, if given, as their number from now
	 * on), or, with {@code contactUserId}, another sandbox person's from their address book, as
	 * Telegram does through the attachment menu (that person's number, names and user_id).
	 */
	public Map<String, Object> shareContact(long userId, Long chatId, String phone, Long contactUserId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = chatToWrite(user, chatId == null ? user.id : chatId);
			if (contactUserId == null || contactUserId == user.id) {
				return shareContactLocked(user, chat, phone);
			}
			SimUser other = user(contactUserId);
			Message message = world.post(chat, user.id);
			message.contact = Json.obj("phone_number", other.phone, "first_name", other.firstName, "last_name",
					other.lastName, "user_id", other.id);
			world.tellBot(message);
			return Json.obj("result", "contact_shared", "chat_id", chat.id, "message_id", message.id, "phone", other.phone);
		});
	}

	private Map<String, Object> shareContactLocked(SimUser user, Chat chat, String phone) {
		if (phone != null && !phone.isBlank()) {
			user.phone = phone.trim();
		}
		Message message = world.post(chat, user.id);
		message.contact = Json.obj("phone_number", user.phone, "first_name", user.firstName, "last_name",
				user.lastName, "user_id", user.id);
		hideOneTimeKeyboard(chat, user);
		world.tellBot(message);
		return Json.obj("result", "contact_shared", "chat_id", chat.id, "message_id", message.id, "phone", user.phone);
	}

	public Map<String, Object> sendDocument(long userId, long chatId, String fileName, String contentBase64,
			String mimeType, String caption) {
		return sendDocument(userId, chatId, fileName, contentBase64, mimeType, caption, null);
	}

	/** A file posted by a person, optionally as a reply to a message they can see. */
	public Map<String, Object> sendDocument(long userId, long chatId, String fileName, String contentBase64,
			String mimeType, String caption, Long replyToMessageId) {
		if (fileName == null || fileName.isBlank()) {
			throw ControlError.badInput("file_name is required");
		}
		byte[] content;
		try {
			content = Base64.getDecoder().decode(contentBase64 == null ? "" : contentBase64);
		}
		catch (IllegalArgumentException e) {
			throw ControlError.badInput("content_base64 is not Base64");
		}
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = chatToWrite(user, chatId);
			StoredFile file = world.storeFile(fileName, mimeType, content);
			Message message = world.post(chat, user.id);
			message.document = file;
			if (replyToMessageId != null) {
				message.replyTo = visibleMessage(user, chat, replyToMessageId);
			}
			if (caption != null && !caption.isBlank()) {
				message.caption = FormattedText.plain(caption);
			}
			world.tellBot(message);
			return Json.obj("result", "sent", "chat_id", chat.id, "message_id", message.id, "file_id", file.fileId());
		});
	}

	// ---- buttons ----

	/**
	 * Presses the button with that label: on the given message, or on the newest message showing
	 * it, or on the user's reply keyboard. A callback button waits (bounded) for the bot's answer.
	 */
	public Map<String, Object> press(long userId, long chatId, Long messageId, String label, Long waitMillis) {
		if (label == null || label.isEmpty()) {
			throw ControlError.badInput("text (the button's label) is required");
		}
		CallbackQuery query;
		world.lock();
		try {
			SimUser user = user(userId);
			Chat chat = chatSeenBy(user, chatId);
			Message message = null;
			Map<String, Object> button = null;
			if (messageId != null) {
				message = visibleMessage(user, chat, messageId);
				button = inlineButton(message, label);
			}
			else {
				for (int i = chat.messages.size() - 1; i >= 0 && button == null; i--) {
					Message candidate = chat.messages.get(i);
					if (world.sees(user.id, candidate)) {
						button = inlineButton(candidate, label);
						message = candidate;
					}
				}
			}
			if (button == null) {
				Map<String, Object> keyboardButton = messageId == null ? replyButton(chat, user, label) : null;
				if (keyboardButton == null) {
					throw ControlError.notFound("no button \"" + label + "\" "
							+ (messageId == null ? "in chat " + chatId : "on message " + messageId) + " for user " + userId);
				}
				return pressReplyButton(user, chat, keyboardButton);
			}
			if (button.get("callback_data") != null) {
				requireCanWrite(user, chat);
				query = new CallbackQuery(Long.toUnsignedString(world.random.nextLong()), user.id, chat.id, message.id);
				world.callbacks.put(query.id, query);
				world.updates.add("callback_query", chat.id, Json.obj("id", query.id, "from", user.toJson(), "message",
						message.toJson(world), "chat_instance", chat.chatInstance, "data", button.get("callback_data")));
			}
			else if (button.get("url") != null) {
				String url = (String) button.get("url");
				if (TELEGRAM_LINK.matcher(url).matches()) {
					Map<String, Object> opened = new LinkedHashMap<>(openLinkLocked(user, url));
					opened.put("url", url);
					return opened;
				}
				return Json.obj("result", "url_opened", "url", url);
			}
			else if (button.get("copy_text") instanceof Map<?, ?> copy) {
				return Json.obj("result", "text_copied", "text", copy.get("text"));
			}
			else {
				throw ControlError.badInput("the sandbox does not emulate this kind of button: " + button.keySet());
			}
		}
		finally {
			world.unlock();
		}
		long wait = waitMillis == null ? settings.callbackAnswerWait().toMillis() : Math.max(0, waitMillis);
		try {
			Map<String, Object> answer = query.answer.get(wait, TimeUnit.MILLISECONDS);
			return Json.obj("result", "callback_answered", "callback_query_id", query.id, "answered", true, "text",
					answer.get("text"), "show_alert", answer.get("show_alert"), "url", answer.get("url"));
		}
		catch (TimeoutException e) {
			return Json.obj("result", "callback_sent", "callback_query_id", query.id, "answered", false);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Json.obj("result", "callback_sent", "callback_query_id", query.id, "answered", false);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Object> pressReplyButton(SimUser user, Chat chat, Map<String, Object> button) {
		requireCanWrite(user, chat);
		if (Boolean.TRUE.equals(button.get("request_contact"))) {
			return shareContactLocked(user, chat, null);
		}
		Message message = world.post(chat, user.id);
		message.text = FormattedText.plain((String) button.get("text"));
		hideOneTimeKeyboard(chat, user);
		world.tellBot(message);
		return Json.obj("result", "text_sent", "chat_id", chat.id, "message_id", message.id);
	}

	private void hideOneTimeKeyboard(Chat chat, SimUser user) {
		Map<String, Object> keyboard = chat.replyKeyboards.get(user.id);
		if (keyboard != null && Boolean.TRUE.equals(keyboard.get("one_time_keyboard"))) {
			chat.replyKeyboards.remove(user.id);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> inlineButton(Message message, String label) {
		Map<String, Object> markup = message.inlineMarkup();
		if (markup == null) {
			return null;
		}
		for (List<Map<String, Object>> row : (List<List<Map<String, Object>>>) markup.get("inline_keyboard")) {
			for (Map<String, Object> button : row) {
				if (label.equals(button.get("text"))) {
					return button;
				}
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> replyButton(Chat chat, SimUser user, String label) {
		Map<String, Object> keyboard = chat.replyKeyboards.get(user.id);
		if (keyboard == null) {
			return null;
		}
		for (List<Map<String, Object>> row : (List<List<Map<String, Object>>>) keyboard.get("keyboard")) {
			for (Map<String, Object> button : row) {
				if (label.equals(button.get("text"))) {
					return button;
				}
			}
		}
		return null;
	}

	// ---- groups ----

	public Map<String, Object> createGroup(String title, long creatorId, Map<?, ?> botRights, String type,
			String botStatus, List<Long> memberIds) {
		return createGroup(title, creatorId, botRights, type, botStatus, memberIds, false);
	}

	/**
	 * A group as its creator makes it; {@code historyVisible} is its "Chat history for new
	 * members" setting (false: Hidden, as Telegram's apps make a new private group).
	 */
	public Map<String, Object> createGroup(String title, long creatorId, Map<?, ?> botRights, String type,
			String botStatus, List<Long> memberIds, boolean historyVisible) {
		if (title == null || title.isBlank()) {
			throw ControlError.badInput("title is required");
		}
		String chatType = type == null || type.isBlank() ? "supergroup" : type;
		if (!chatType.equals("supergroup") && !chatType.equals("group")) {
			throw ControlError.badInput("type must be supergroup or group");
		}
		String status = botStatus == null || botStatus.isBlank() ? "administrator" : botStatus;
		if (!List.of("administrator", "member", "left").contains(status)) {
			throw ControlError.badInput("bot_status must be administrator, member or left");
		}
		return world.locked(() -> {
			SimUser creator = user(creatorId);
			List<SimUser> others = memberIds == null ? List.of() : memberIds.stream().map(this::user).toList();
			long id = chatType.equals("group") ? world.nextGroupId() : world.nextSupergroupId();
			Chat chat = new Chat(id, chatType, null, title.trim(), world.chatInstance());
			chat.historyVisible = historyVisible;
			world.chats.put(id, chat);
			chat.members.put(creator.id, new Member(creator.id, "creator", null, 1));
			Message created = world.post(chat, creator.id);
			if (chatType.equals("group")) {
				created.groupChatCreated = true;
			}
			else {
				created.supergroupChatCreated = true;
			}
			for (SimUser other : others) {
				if (other.id != creator.id) {
					world.join(chat, other, creator.id, null, false);
				}
			}
			if (!status.equals("left")) {
				setBotStatusLocked(chat, creator.id, status, botRights);
			}
			return Json.obj("id", id, "type", chatType, "title", chat.title);
		});
	}

	/** A group admin changes the bot's standing: adds, promotes, demotes or removes it. */
	public Map<String, Object> setBotStatus(long chatId, Long byUserId, String status, Map<?, ?> rights) {
		if (!List.of("administrator", "member", "left", "kicked").contains(status)) {
			throw ControlError.badInput("status must be administrator, member, left or kicked");
		}
		return world.locked(() -> {
			Chat chat = group(chatId);
			long actor = byUserId != null ? user(byUserId).id : creatorOf(chat);
			setBotStatusLocked(chat, actor, status, rights);
			return Json.obj("result", "bot_" + status, "chat_id", chat.id);
		});
	}

	private void setBotStatusLocked(Chat chat, long actorId, String status, Map<?, ?> rights) {
		long botId = world.bot.id();
		Member before = chat.member(botId);
		Member old = before == null ? new Member(botId, "left", null, 0) : before.copy();
		if (status.equals("left") || status.equals("kicked")) {
			world.removeMember(chat, botId, actorId, status);
			return;
		}
		Member now = new Member(botId, status, status.equals("administrator") ? AdminRights.of(rights) : null,
				old.isIn() ? old.joinedAtMessageId : chat.nextMessageId);
		chat.members.put(botId, now);
		world.tellMemberChange(chat, actorId, old, now, null, false);
		if (!old.isIn()) {
			Message service = world.post(chat, actorId);
			service.newChatMembers = List.of(botId);
			world.tellBot(service);
		}
	}

	/**
	 * A group admin (default: the creator) sets "Chat history for new members" to Visible or
	 * Hidden in the group's settings. Telegram sends the bot no update for it.
	 */
	public Map<String, Object> setHistoryVisible(long chatId, Long byUserId, boolean visible) {
		return world.locked(() -> {
			Chat chat = group(chatId);
			long actor = byUserId != null ? user(byUserId).id : creatorOf(chat);
			Member member = chat.member(actor);
			if (member == null || !member.isAdmin()) {
				throw ControlError.conflict("user " + actor + " is not an administrator of chat " + chatId);
			}
			chat.historyVisible = visible;
			return Json.obj("result", "settings_changed", "chat_id", chat.id, "history_visible", visible);
		});
	}

	public Map<String, Object> addMember(long chatId, long userId, Long byUserId) {
		return world.locked(() -> {
			Chat chat = group(chatId);
			SimUser user = user(userId);
			long actor = byUserId != null ? user(byUserId).id : creatorOf(chat);
			if (!chat.isMember(actor)) {
				throw ControlError.conflict("user " + actor + " is not in the chat and cannot add anyone");
			}
			Member member = chat.member(user.id);
			if (member != null && member.isIn()) {
				throw ControlError.conflict("user " + userId + " is already a member");
			}
			if (member != null && member.status.equals("kicked")) {
				throw ControlError.conflict("user " + userId + " is banned in this chat");
			}
			world.join(chat, user, actor, null, false);
			return Json.obj("result", "joined", "chat_id", chat.id, "user_id", user.id);
		});
	}

	public Map<String, Object> leave(long userId, long chatId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			Chat chat = group(chatId);
			if (!chat.isMember(user.id)) {
				throw ControlError.conflict("user " + userId + " is not a member of chat " + chatId);
			}
			if (chat.member(user.id).status.equals("creator")) {
				throw ControlError.conflict("the creator of the chat cannot leave it in the sandbox");
			}
			world.removeMember(chat, user.id, user.id, "left");
			return Json.obj("result", "left", "chat_id", chat.id);
		});
	}

	/** Upgrades a basic group to a supergroup: a new chat id, service messages in both chats. */
	public Map<String, Object> migrate(long chatId) {
		return world.locked(() -> {
			Chat old = group(chatId);
			if (!old.type.equals("group")) {
				throw ControlError.badInput("only a basic group (type group) can be upgraded to a supergroup");
			}
			long actor = creatorOf(old);
			Chat chat = new Chat(world.nextSupergroupId(), "supergroup", null, old.title, world.chatInstance());
			chat.description = old.description;
			chat.historyVisible = old.historyVisible;
			old.members.forEach((id, member) -> {
				Member copy = member.copy();
				copy.joinedAtMessageId = member.isIn() ? 1 : 0;
				chat.members.put(id, copy);
			});
			chat.inviteLinks.putAll(old.inviteLinks);
			chat.primaryLink = old.primaryLink;
			chat.joinRequests.putAll(old.joinRequests);
			chat.migratedFrom = old.id;
			world.chats.put(chat.id, chat);
			Message moved = world.post(old, actor);
			moved.migrateToChatId = chat.id;
			world.tellBot(moved);
			old.migratedTo = chat.id;
			Message arrived = world.post(chat, actor);
			arrived.migrateFromChatId = old.id;
			world.tellBot(arrived);
			return Json.obj("result", "migrated", "old_chat_id", old.id, "chat_id", chat.id);
		});
	}

	// ---- reading ----

	public List<Map<String, Object>> chats(long userId) {
		return world.locked(() -> {
			SimUser user = user(userId);
			List<Map<String, Object>> result = new ArrayList<>();
			Chat own = world.chats.get(user.id);
			if (own != null && user.startedBot) {
				result.add(Json.obj("id", own.id, "type", "private", "title", world.bot.firstName(), "with_bot", true,
						"blocked", user.blockedBot, "last_message", lastSeen(user, own)));
			}
			for (Chat chat : world.chats.values()) {
				if (!chat.isPrivate() && chat.migratedTo == null && chat.isMember(user.id)) {
					result.add(Json.obj("id", chat.id, "type", chat.type, "title", chat.title, "status",
							chat.member(user.id).status, "last_message", lastSeen(user, chat)));
				}
			}
			return result;
		});
	}

	private Map<String, Object> lastSeen(SimUser user, Chat chat) {
		for (int i = chat.messages.size() - 1; i >= 0; i--) {
			Message message = chat.messages.get(i);
			if (world.sees(user.id, message)) {
				return Json.obj("id", message.id, "date", message.date, "text",
						message.text != null ? message.text.text()
								: message.document != null ? "📎 " + message.document.fileName() : null);
			}
		}
		return null;
	}

	/** What the user sees in the chat (or, without a user, everything in it). */
	public Map<String, Object> messages(long chatId, Long asUserId) {
		return world.locked(() -> {
			SimUser viewer = asUserId == null ? null : user(asUserId);
			Chat chat = viewer == null ? anyChat(chatId) : chatSeenBy(viewer, chatId);
			List<Map<String, Object>> seen = new ArrayList<>();
			for (Message message : chat.messages) {
				if (viewer == null ? !message.deleted : world.sees(viewer.id, message)) {
					seen.add(message.seenJson(world));
				}
			}
			Map<String, Object> result = Json.obj("chat", chatJson(chat), "messages", seen);
			Message pinned = chat.pinned.isEmpty() ? null : chat.message(chat.pinned.peekFirst());
			if (pinned != null && (viewer == null || world.seesPinBar(viewer.id, pinned))) {
				result.put("pinned_message", pinned.seenJson(world));
			}
			if (viewer != null) {
				result.put("reply_keyboard", chat.replyKeyboards.get(viewer.id));
				result.put("last_callback_answer", chat.callbackAnswers.get(viewer.id));
			}
			result.values().removeIf(java.util.Objects::isNull);
			return result;
		});
	}

	public List<Map<String, Object>> members(long chatId) {
		return world.locked(() -> {
			Chat chat = anyChat(chatId);
			if (chat.isPrivate()) {
				return List.of(
						Json.obj("id", chat.user.id, "status", chat.user.blockedBot ? "blocked_bot" : "member", "user",
								chat.user.toJson()),
						Json.obj("id", world.bot.id(), "status", chat.user.blockedBot ? "kicked" : "member", "user",
								world.bot.toJson()));
			}
			List<Map<String, Object>> result = new ArrayList<>();
			chat.members.values()
				.stream()
				.sorted(Comparator.comparingInt(m -> rank(m.status)))
				.forEach(m -> {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("id", m.userId);
					json.putAll(m.toJson(world.userJson(m.userId)));
					result.add(json);
				});
			chat.joinRequests.values()
				.forEach(r -> result.add(Json.obj("id", r.userId(), "status", "join_requested", "user",
						world.userJson(r.userId()), "invite_link", r.link().link)));
			return result;
		});
	}

	public Map<String, Object> chat(long chatId) {
		return world.locked(() -> chatJson(anyChat(chatId)));
	}

	private Map<String, Object> chatJson(Chat chat) {
		Map<String, Object> json = Json.obj("id", chat.id, "type", chat.type, "title",
				chat.isPrivate() ? world.bot.firstName() : chat.title, "description",
				chat.description.isEmpty() ? null : chat.description, "migrated_to_chat_id", chat.migratedTo,
				"migrated_from_chat_id", chat.migratedFrom);
		if (!chat.isPrivate()) {
			json.put("member_count", chat.memberCount());
			json.put("history_visible", chat.historyVisible);
			Member bot = chat.member(world.bot.id());
			json.put("bot_status", bot == null ? "left" : bot.status);
			json.put("invite_links", chat.inviteLinks.values().stream().map(world::linkJson).toList());
		}
		return json;
	}

	private static int rank(String status) {
		return switch (status) {
			case "creator" -> 0;
			case "administrator" -> 1;
			case "member" -> 2;
			case "restricted" -> 3;
			case "left" -> 4;
			default -> 5;
		};
	}

	// ---- lookups ----

	private SimUser user(long userId) {
		SimUser user = world.users.get(userId);
		if (user == null) {
			throw ControlError.notFound("no simulated user " + userId);
		}
		return user;
	}

	private Chat anyChat(long chatId) {
		Chat chat = world.chats.get(chatId);
		if (chat == null) {
			throw ControlError.notFound("no chat " + chatId);
		}
		return chat;
	}

	private Chat group(long chatId) {
		Chat chat = anyChat(chatId);
		if (chat.isPrivate()) {
			throw ControlError.badInput("chat " + chatId + " is a private chat, not a group");
		}
		return chat;
	}

	private long creatorOf(Chat chat) {
		return chat.members.values()
			.stream()
			.filter(m -> m.status.equals("creator"))
			.map(m -> m.userId)
			.findFirst()
			.orElseThrow(() -> ControlError.conflict("chat " + chat.id + " has no creator"));
	}

	/** The chat as the user addresses it: their private chat with the bot is the user's id or the bot's. */
	private Chat chatSeenBy(SimUser user, long chatId) {
		if (chatId == user.id || chatId == world.bot.id()) {
			Chat chat = world.chats.get(user.id);
			if (chat == null) {
				throw ControlError.notFound("user " + user.id + " has no chat with the bot yet: open https://t.me/"
						+ world.bot.username() + " first");
			}
			return chat;
		}
		Chat chat = anyChat(chatId);
		if (chat.isPrivate()) {
			throw ControlError.notFound("chat " + chatId + " is another user's private chat");
		}
		Member member = chat.member(user.id);
		if (member == null) {
			throw ControlError.notFound("user " + user.id + " has never been in chat " + chatId);
		}
		return chat;
	}

	private Chat chatToWrite(SimUser user, long chatId) {
		Chat chat = chatSeenBy(user, chatId);
		requireCanWrite(user, chat);
		return chat;
	}

	private void requireCanWrite(SimUser user, Chat chat) {
		if (chat.isPrivate()) {
			if (user.blockedBot) {
				throw ControlError.conflict("user " + user.id + " blocked the bot; unblock it first");
			}
			if (!user.startedBot) {
				throw ControlError.conflict("user " + user.id + " has not started the bot; open its link first");
			}
			return;
		}
		if (chat.migratedTo != null) {
			throw ControlError.conflict("chat " + chat.id + " was upgraded to " + chat.migratedTo);
		}
		if (!chat.isMember(user.id)) {
			throw ControlError.conflict("user " + user.id + " is not a member of chat " + chat.id);
		}
	}

	private Message visibleMessage(SimUser user, Chat chat, long messageId) {
		Message message = chat.message(messageId);
		if (message == null || !world.sees(user.id, message)) {
			throw ControlError.notFound("no message " + messageId + " in chat " + chat.id + " for user " + user.id);
		}
		return message;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
