package com.b2brics.connect.sandbox.emulator;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Sending and changing messages: sendMessage, sendDocument, editMessageText,
 * editMessageReplyMarkup, deleteMessage, pins, answerCallbackQuery, getFile, sendChatAction.
 * Enforces Telegram's limits (4096 characters after parsing, 1024 for captions, callback data
 * of 64 bytes, HTML syntax) and the sending rate limits.
 */
final class MessageMethods {

	static final int MAX_TEXT = 4096;

	static final int MAX_CAPTION = 1024;

	private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
			+ "markup are exactly the same as a current content and reply markup of the message";

	private final TelegramWorld world;

	private final ChatAccess access;

	private final SandboxSettings settings;

	MessageMethods(TelegramWorld world, SandboxSettings settings) {
		this.world = world;
		this.access = new ChatAccess(world);
		this.settings = settings;
	}

	void register(BiConsumer<String, BotMethod> registry) {
		registry.accept("sendMessage", p -> world.locked(() -> sendMessage(p)));
		registry.accept("sendDocument", p -> world.locked(() -> sendDocument(p)));
		registry.accept("copyMessage", p -> world.locked(() -> copyMessage(p)));
		registry.accept("editMessageText", p -> world.locked(() -> editMessageText(p)));
		registry.accept("editMessageReplyMarkup", p -> world.locked(() -> editMessageReplyMarkup(p)));
		registry.accept("deleteMessage", p -> world.locked(() -> deleteMessage(p)));
		registry.accept("pinChatMessage", p -> world.locked(() -> pinChatMessage(p)));
		registry.accept("unpinChatMessage", p -> world.locked(() -> unpinChatMessage(p)));
		registry.accept("unpinAllChatMessages", p -> world.locked(() -> unpinAllChatMessages(p)));
		registry.accept("answerCallbackQuery", p -> world.locked(() -> answerCallbackQuery(p)));
		registry.accept("getFile", p -> world.locked(() -> getFile(p)));
		registry.accept("sendChatAction", p -> world.locked(() -> {
			access.writable(p);
			return true;
		}));
	}

	/** The text parameter parsed by its parse_mode, refused as Telegram refuses it when empty or over 4096. */
	private static FormattedText checkedText(Params p) {
		String raw = p.string("text");
		if (raw == null || raw.isEmpty()) {
			throw TelegramError.badRequest("text_empty", "message text is empty");
		}
		FormattedText text = FormattedText.parse(raw, p.string("parse_mode"));
		if (text.isEmpty()) {
			throw TelegramError.badRequest("text_empty", "message text is empty");
		}
		if (text.length() > MAX_TEXT) {
			throw TelegramError.badRequest("text_too_long", "message is too long");
		}
		return text;
	}

	private Object sendMessage(Params p) {
		Chat chat = access.writable(p);
		FormattedText text = checkedText(p);
		Message message = postByBot(chat, p);
		message.text = text;
		return message.toJson(world);
	}

	private Object sendDocument(Params p) {
		Chat chat = access.writable(p);
		StoredFile file;
		Params.Upload upload = p.upload("document");
		if (upload != null) {
			file = null;
		}
		else {
			String reference = p.string("document");
			if (reference == null || reference.isEmpty()) {
				throw TelegramError.badRequest("document_missing", "there is no document in the request");
			}
			file = world.files.get(reference);
			if (file == null) {
				throw TelegramError.badRequest("file_not_found", "wrong file identifier/HTTP URL specified");
			}
		}
		FormattedText caption = checkedCaption(p);
		Message message = postByBot(chat, p);
		message.document = file != null ? file : world.storeFile(upload.fileName(), upload.contentType(), upload.content());
		message.caption = caption;
		return message.toJson(world);
	}

	/**
	 * copyMessage: the message's text, or its file with its caption (a new caption if given), posted
	 * by the bot without a link to the original; the answer is only the new message's id. Service
	 * messages cannot be copied; the source chat must be one the bot reads.
	 */
	private Object copyMessage(Params p) {
		Chat chat = access.writable(p);
		Long fromId = p.longValue("from_chat_id");
		if (fromId == null) {
			throw TelegramError.badRequest("parameter_missing", "from_chat_id is empty");
		}
		Chat from = world.chats.get(fromId);
		if (from == null) {
			throw TelegramError.chatNotFound();
		}
		if (!from.isPrivate()) {
			access.requireBotInGroup(from);
		}
		Long id = p.longValue("message_id");
		if (id == null) {
			throw TelegramError.badRequest("parameter_missing", "message identifier is not specified");
		}
		Message source = from.message(id);
		if (source == null) {
			throw TelegramError.badRequest("message_not_found", "message to copy not found");
		}
		if (source.isService() || (source.text == null && source.document == null)) {
			throw TelegramError.badRequest("message_cant_be_copied", "the message can't be copied");
		}
		FormattedText caption = checkedCaption(p);
		Message message = postByBot(chat, p);
		message.text = source.text;
		message.document = source.document;
		message.caption = source.document == null ? null : caption != null ? caption : source.caption;
		return Map.of("message_id", message.id);
	}

	/** The caption parameter parsed by its parse_mode (null when none), refused as Telegram refuses it over 1024. */
	private static FormattedText checkedCaption(Params p) {
		String raw = p.string("caption");
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		FormattedText caption = FormattedText.parse(raw, p.string("parse_mode"));
		if (caption.length() > MAX_CAPTION) {
			throw TelegramError.badRequest("caption_too_long", "message caption is too long");
		}
		return caption;
	}

	/**
	 * The bot's new message in the chat, with the call's keyboard and reply target, counted against
	 * the chat's rate limits; the caller fills in what it carries.
	 */
	private Message postByBot(Chat chat, Params p) {
		Map<String, Object> markup = markup(p);
		Message replyTo = replyTarget(chat, p);
		if (world.rateLimits.acquire(chat.id, !chat.isPrivate())) {
			world.stats.groupBurst();
		}
		Message message = world.post(chat, world.bot.id());
		message.markup = markup;
		message.replyTo = replyTo;
		showKeyboard(chat, markup);
		world.stats.messageSent();
		return message;
	}

	private Object editMessageText(Params p) {
		Message message = ownMessage(p);
		if (message.text == null) {
			throw TelegramError.badRequest("message_cant_be_edited", "there is no text in the message to edit");
		}
		FormattedText text = checkedText(p);
		Map<String, Object> markup = inlineMarkup(p);
		if (text.equals(message.text) && Objects.equals(markup, message.inlineMarkup())) {
			throw TelegramError.badRequest("message_not_modified", NOT_MODIFIED);
		}
		message.text = text;
		message.markup = markup;
		message.editDate = world.now();
		return message.toJson(world);
	}

	private Object editMessageReplyMarkup(Params p) {
		Message message = ownMessage(p);
		Map<String, Object> markup = inlineMarkup(p);
		if (Objects.equals(markup, message.inlineMarkup())) {
			throw TelegramError.badRequest("message_not_modified", NOT_MODIFIED);
		}
		message.markup = markup;
		message.editDate = world.now();
		return message.toJson(world);
	}

	/** A message of the bot's own, found as editMessage* methods find it. */
	private Message ownMessage(Params p) {
		if (p.has("inline_message_id")) {
			throw TelegramError.badRequest("message_not_found", "message to edit not found");
		}
		Chat chat = access.writable(p);
		Long id = p.longValue("message_id");
		if (id == null) {
			throw TelegramError.badRequest("parameter_missing", "message identifier is not specified");
		}
		Message message = chat.message(id);
		if (message == null) {
			throw TelegramError.badRequest("message_not_found", "message to edit not found");
		}
		if (message.fromId != world.bot.id() || message.isService()) {
			throw TelegramError.badRequest("message_cant_be_edited", "message can't be edited");
		}
		return message;
	}

	private Object deleteMessage(Params p) {
		Chat chat = access.chat(p);
		if (!chat.isPrivate()) {
			access.requireBotInGroup(chat);
		}
		long id = p.requiredLong("message_id");
		Message message = chat.message(id);
		if (message == null) {
			throw TelegramError.badRequest("message_not_found", "message to delete not found");
		}
		if (!chat.isPrivate() && message.fromId != world.bot.id()
				&& !chat.member(world.bot.id()).can("can_delete_messages")) {
			throw TelegramError.badRequest("missing_admin_rights", "message can't be deleted");
		}
		message.deleted = true;
		chat.pinned.remove(id);
		return true;
	}

	private Object pinChatMessage(Params p) {
		Chat chat = access.writable(p);
		access.requireRight(chat, "can_pin_messages", "not enough rights to manage pinned messages in the chat");
		long id = p.requiredLong("message_id");
		Message message = chat.message(id);
		if (message == null) {
			throw TelegramError.badRequest("message_not_found", "message to pin not found");
		}
		chat.pinned.remove(id);
		chat.pinned.addFirst(id);
		Message service = world.post(chat, world.bot.id());
		service.pinnedMessage = message;
		return true;
	}

	private Object unpinChatMessage(Params p) {
		Chat chat = access.writable(p);
		access.requireRight(chat, "can_pin_messages", "not enough rights to manage pinned messages in the chat");
		Long id = p.longValue("message_id");
		if (id == null) {
			chat.pinned.pollFirst();
			return true;
		}
		if (chat.message(id) == null) {
			throw TelegramError.badRequest("message_not_found", "message to unpin not found");
		}
		chat.pinned.remove(id);
		return true;
	}

	private Object unpinAllChatMessages(Params p) {
		Chat chat = access.writable(p);
		access.requireRight(chat, "can_pin_messages", "not enough rights to manage pinned messages in the chat");
		chat.pinned.clear();
		return true;
	}

	private Object answerCallbackQuery(Params p) {
		String id = p.requiredString("callback_query_id");
		CallbackQuery query = world.callbacks.get(id);
		if (query == null || System.nanoTime() - query.createdNanos > settings.callbackQueryTimeout().toNanos()) {
			world.callbacks.remove(id);
			throw TelegramError.badRequest("query_too_old",
					"query is too old and response timeout expired or query ID is invalid");
		}
		world.callbacks.remove(id);
		Map<String, Object> answer = Json.obj("callback_query_id", id, "message_id", query.messageId, "text",
				p.string("text"), "show_alert", p.bool("show_alert"), "url", p.string("url"), "date", world.now());
		Chat chat = world.chats.get(query.chatId);
		if (chat != null) {
			chat.callbackAnswers.put(query.userId, answer);
		}
		query.answer.complete(answer);
		return true;
	}

	/** The largest file getFile lets a bot download. */
	static final int MAX_DOWNLOAD = 20 * 1024 * 1024;

	private Object getFile(Params p) {
		String id = p.requiredString("file_id");
		StoredFile file = world.files.get(id);
		if (file == null) {
			throw TelegramError.badRequest("file_not_found", "invalid file_id");
		}
		// "For the moment, bots can download files of up to 20MB in size" (Bot API, getFile)
		if (file.content().length > MAX_DOWNLOAD) {
			throw TelegramError.badRequest("file_too_big", "file is too big");
		}
		return Json.obj("file_id", file.fileId(), "file_unique_id", file.fileUniqueId(), "file_size",
				file.content().length, "file_path", file.filePath());
	}

	private Map<String, Object> markup(Params p) {
		return ReplyMarkup.parse(p.json("reply_markup", "can't parse reply keyboard markup JSON object"));
	}

	private Map<String, Object> inlineMarkup(Params p) {
		Map<String, Object> markup = markup(p);
		if (markup != null && !ReplyMarkup.isInline(markup)) {
			throw TelegramError.badRequest("reply_markup_invalid", "inline keyboard expected");
		}
		return markup;
	}

	private Message replyTarget(Chat chat, Params p) {
		Map<String, Object> parameters = p.object("reply_parameters", "can't parse reply parameters JSON object");
		Long id;
		boolean allowWithout;
		if (parameters != null) {
			Object messageId = parameters.get("message_id");
			id = messageId instanceof Number n ? n.longValue() : null;
			allowWithout = Boolean.TRUE.equals(parameters.get("allow_sending_without_reply"));
		}
		else {
			id = p.longValue("reply_to_message_id");
			allowWithout = p.bool("allow_sending_without_reply");
		}
		if (id == null) {
			return null;
		}
		Message target = chat.message(id);
		if (target == null && !allowWithout) {
			throw TelegramError.badRequest("reply_not_found", "message to be replied not found");
		}
		return target;
	}

	/** A reply keyboard replaces what the chat's people see under their input field; a removal hides it. */
	private void showKeyboard(Chat chat, Map<String, Object> markup) {
		if (markup == null || ReplyMarkup.isInline(markup) || markup.containsKey("force_reply")) {
			return;
		}
		Iterable<Long> people = chat.isPrivate() ? java.util.List.of(chat.user.id)
				: chat.members.values().stream().filter(Member::isIn).map(m -> m.userId).toList();
		for (Long userId : people) {
			if (markup.containsKey("keyboard")) {
				chat.replyKeyboards.put(userId, markup);
			}
			else {
				chat.replyKeyboards.remove(userId);
			}
		}
	}
}
