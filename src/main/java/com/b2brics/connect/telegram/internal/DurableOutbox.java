package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.PendingLink;
import com.b2brics.connect.telegram.Priority;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The outbox: turns each request into a Bot API method with JSON parameters and stores it in the
 * caller's transaction. Telegram's text limits are kept here, the one place every text passes: a
 * text over a limit is fitted (cut, tags closed, "…") and logged, never refused, so no handler
 * fails and no person is left without an answer because of a long echo.
 */
@Component
class DurableOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(DurableOutbox.class);

	/** Telegram's limits, in UTF-16 units of the text as shown. */
	static final int MAX_TEXT = 4096;
	static final int MAX_CAPTION = 1024;
	static final int MAX_BUTTON_ANSWER = 200;
	static final int MAX_TITLE = 128;
	static final int MAX_DESCRIPTION = 255;
	static final int MAX_LINK_NAME = 32;
	static final int MAX_COPY_TEXT = 256;
	/** Telegram sets no documented limit, but clients show about this much and refuse far longer labels. */
	static final int MAX_BUTTON_LABEL = 64;

	private final OutboxStore store;
	private final CallbackSigner signer;
	private final OutboxSignal signal;
	private final ResultPlaceholders placeholders;
	private final com.b2brics.connect.telegram.TelegramProperties.Outbox settings;

	DurableOutbox(OutboxStore store, CallbackSigner signer, OutboxSignal signal, ResultPlaceholders placeholders,
			com.b2brics.connect.telegram.TelegramProperties properties) {
		this.settings = properties.outbox();
		this.store = store;
		this.signer = signer;
		this.signal = signal;
		this.placeholders = placeholders;
	}

	@Override
	@Transactional
	public long send(OutgoingMessage message) {
		if (message.foldKey() != null) {
			Long folded = fold(message);
			if (folded != null) {
				return folded;
			}
		}
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", message.chatId());
		addHtml(params, message.html());
		if (message.keyboard() != null) {
			params.add("reply_markup", markup(message.keyboard()));
		}
		if (message.replyToMessageId() > 0) {
			JsonObject reply = new JsonObject();
			reply.addProperty("message_id", message.replyToMessageId());
			reply.addProperty("allow_sending_without_reply", true);
			params.add("reply_parameters", reply);
		}
		return queue(message.chatId(), "sendMessage", params, message.priority(), true, true, 0, message.foldKey());
	}

	/**
	 * Adds a notice to the chat's newest message when that is a notice of the same fold key queued
	 * within {@code fold-within}: rewrites its row while it waits (nothing more is sent), else queues
	 * an edit of it (or rewrites the edit still waiting). Null when it cannot be folded: post it.
	 */
	private Long fold(OutgoingMessage message) {
		Optional<OutboxStore.Row> newest = store.newestMessage(message.chatId());
		if (newest.isEmpty() || !message.foldKey().equals(newest.get().foldKey())
				|| newest.get().createdAt().isBefore(Instant.now().minus(settings.foldWithin()))) {
			return null;
		}
		OutboxStore.Row row = newest.get();
		JsonObject params = com.google.gson.JsonParser.parseString(row.params()).getAsJsonObject();
		String html = params.get("text").getAsString() + "\n" + message.html();
		if (Html.visibleLength(html) > MAX_TEXT) {
			return null;
		}
		params.addProperty("text", html);
		if (store.rewritePending(row.id(), params.toString())) {
			return row.id();
		}
		if (!"SENT".equals(row.status())) {
			return null; // in flight: the edit could not name it yet, and the reader loses nothing by a new line
		}
		store.rewriteParams(row.id(), params.toString());
		Optional<OutboxStore.Row> edit = store.pendingEditOf(row.id());
		if (edit.isPresent()) {
			JsonObject editParams = com.google.gson.JsonParser.parseString(edit.get().params()).getAsJsonObject();
			editParams.addProperty("text", html);
			if (store.rewritePending(edit.get().id(), editParams.toString())) {
				return edit.get().id();
			}
		}
		return queueEdit(message.chatId(), MessageRef.queued(row.id()), html, message.priority());
	}

	@Override
	@Transactional
	public long copyMessage(long chatId, long fromChatId, long messageId, long replyTo, Priority priority) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		params.addProperty("from_chat_id", fromChatId);
		params.addProperty("message_id", messageId);
		if (replyTo > 0) {
			JsonObject reply = new JsonObject();
			reply.addProperty("message_id", replyTo);
			reply.addProperty("allow_sending_without_reply", true);
			params.add("reply_parameters", reply);
		}
		return queue(chatId, "copyMessage", params, priority, true, true, 0);
	}

	@Override
	@Transactional
	public long editText(long chatId, MessageRef message, String html, Keyboard.Inline keyboard, Priority priority) {
		JsonObject params = target(chatId, message);
		addHtml(params, html);
		if (keyboard != null) {
			params.add("reply_markup", markup(keyboard));
		}
		Optional<Long> unchanged = sameAsNow(message, params);
		if (unchanged.isPresent()) {
			return unchanged.get();
		}
		return queue(chatId, "editMessageText", params, priority, true, false, message.outboxId());
	}

	/** An edit of the text queued as it is (a fold rewrote the row it edits already, so it is never "the same"). */
	private long queueEdit(long chatId, MessageRef message, String html, Priority priority) {
		JsonObject params = target(chatId, message);
		addHtml(params, html);
		return queue(chatId, "editMessageText", params, priority, true, false, message.outboxId());
	}

	/**
	 * The row that already shows this text and keyboard when the message's newest send or text edit
	 * queued the very same: Telegram refuses an edit that changes nothing ("message is not modified"),
	 * so none is queued. Empty: queue the edit.
	 */
	private Optional<Long> sameAsNow(MessageRef message, JsonObject params) {
		if (message.outboxId() <= 0) {
			return Optional.empty();
		}
		return store.newestContentOf(message.outboxId())
			.filter(row -> !"editMessageReplyMarkup".equals(row.method()))
			.filter(row -> {
				JsonObject now = com.google.gson.JsonParser.parseString(row.params()).getAsJsonObject();
				return java.util.Objects.equals(now.get("text"), params.get("text"))
						&& java.util.Objects.equals(now.get("reply_markup"), params.get("reply_markup"));
			})
			.map(OutboxStore.Row::id);
	}

	/** The row that already shows this keyboard (its newest send or edit queued the very same), as {@link #sameAsNow} for text. */
	private Optional<Long> sameKeyboardAsNow(MessageRef message, JsonObject params) {
		if (message.outboxId() <= 0) {
			return Optional.empty();
		}
		return store.newestContentOf(message.outboxId())
			.filter(row -> java.util.Objects.equals(
					com.google.gson.JsonParser.parseString(row.params()).getAsJsonObject().get("reply_markup"),
					params.get("reply_markup")))
			.map(OutboxStore.Row::id);
	}

	@Override
	@Transactional
	public long editKeyboard(long chatId, MessageRef message, Keyboard.Inline keyboard) {
		JsonObject params = target(chatId, message);
		params.add("reply_markup", keyboard == null ? markup(Keyboard.inline(List.of())) : markup(keyboard));
		Optional<Long> unchanged = sameKeyboardAsNow(message, params);
		if (unchanged.isPresent()) {
			return unchanged.get();
		}
		return queue(chatId, "editMessageReplyMarkup", params, Priority.NORMAL, true, false, message.outboxId());
	}

	@Override
	@Transactional
	public long delete(long chatId, MessageRef message) {
		return queue(chatId, "deleteMessage", target(chatId, message), Priority.NORMAL, true, false, message.outboxId());
	}

	@Override
	@Transactional
	public long pin(long chatId, MessageRef message) {
		JsonObject params = target(chatId, message);
		params.addProperty("disable_notification", true);
		return queue(chatId, "pinChatMessage", params, Priority.NORMAL, true, false, message.outboxId());
	}

	@Override
	@Transactional
	public long unpinAll(long chatId) {
		return queue(chatId, "unpinAllChatMessages", chat(chatId), Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long answerButton(String callbackQueryId, String text, boolean alert) {
		JsonObject params = new JsonObject();
		params.addProperty("callback_query_id", callbackQueryId);
		if (text != null && !text.isEmpty()) {
			params.addProperty("text", fitPlain("answerCallbackQuery text", text, MAX_BUTTON_ANSWER));
			params.addProperty("show_alert", alert);
		}
		ButtonAnswers.record(callbackQueryId);
		// not tied to a chat's queue: the person is looking at a spinner right now
		return queue(0, "answerCallbackQuery", params, Priority.HIGH, false, false, 0);
	}

	@Override
	@Transactional
	public long setChatTitle(long chatId, String title) {
		JsonObject params = chat(chatId);
		params.addProperty("title", fitPlain("chat title", title, MAX_TITLE));
		return queue(chatId, "setChatTitle", params, Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long setChatDescription(long chatId, String description) {
		JsonObject params = chat(chatId);
		params.addProperty("description", fitPlain("chat description", description, MAX_DESCRIPTION));
		return queue(chatId, "setChatDescription", params, Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long approveJoinRequest(long chatId, long userId) {
		return queue(chatId, "approveChatJoinRequest", member(chatId, userId), Priority.HIGH, true, false, 0);
	}

	@Override
	@Transactional
	public long declineJoinRequest(long chatId, long userId) {
		return queue(chatId, "declineChatJoinRequest", member(chatId, userId), Priority.HIGH, true, false, 0);
	}

	@Override
	@Transactional
	public long removeMember(long chatId, long userId) {
		return queue(chatId, "banChatMember", member(chatId, userId), Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long unbanMember(long chatId, long userId) {
		JsonObject params = member(chatId, userId);
		params.addProperty("only_if_banned", true);
		return queue(chatId, "unbanChatMember", params, Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long revokeInviteLink(long chatId, String inviteLink) {
		JsonObject params = chat(chatId);
		params.addProperty("invite_link", inviteLink);
		return queue(chatId, "revokeChatInviteLink", params, Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public PendingLink createInviteLink(long chatId, String name, boolean createsJoinRequest, Instant expiresAt) {
		JsonObject params = chat(chatId);
		if (name != null) {
			params.addProperty("name", fitPlain("invite link name", name, MAX_LINK_NAME));
		}
		params.addProperty("creates_join_request", createsJoinRequest);
		if (expiresAt != null) {
			params.addProperty("expire_date", expiresAt.getEpochSecond());
		}
		// not in the group's queue and not paced: it is no message, and people wait on the messages that carry it
		long id = queue(chatId, "createChatInviteLink", params, Priority.HIGH, false, false, 0);
		return new PendingLink(id, placeholders.of(id));
	}

	@Override
	@Transactional
	public long leaveChat(long chatId) {
		return queue(chatId, "leaveChat", chat(chatId), Priority.NORMAL, true, false, 0);
	}

	@Override
	public Optional<Long> telegramMessageId(long outboxId) {
		return store.find(outboxId).map(OutboxStore.Row::telegramMessageId);
	}

	@Override
	public Optional<Long> sentAs(long chatId, long telegramMessageId) {
		return store.sentAs(chatId, telegramMessageId);
	}

	@Override
	public Optional<String> status(long outboxId) {
		return store.find(outboxId).map(OutboxStore.Row::status);
	}

	private long queue(long chatId, String method, JsonObject params, Priority priority, boolean ordered, boolean paced,
			long refOutboxId) {
		return queue(chatId, method, params, priority, ordered, paced, refOutboxId, null);
	}

	private long queue(long chatId, String method, JsonObject params, Priority priority, boolean ordered, boolean paced,
			long refOutboxId, String foldKey) {
		String json = params.toString();
		long id = store.insert(chatId, method, json, priority.weight(), ordered, paced, refOutboxId, foldKey, Instant.now());
		for (long result : placeholders.referencedIn(json)) {
			store.waitFor(id, result);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					signal.wake();
				}
			});
		}
		else {
			signal.wake();
		}
		return id;
	}

	/** HTML text without link previews (the context is ours, not a preview card). */
	private static void addHtml(JsonObject params, String html) {
		params.addProperty("text", checkedText(html));
		params.addProperty("parse_mode", "HTML");
		JsonObject preview = new JsonObject();
		preview.addProperty("is_disabled", true);
		params.add("link_preview_options", preview);
	}

	private static String checkedText(String html) {
		if (html == null || html.isBlank()) {
			throw new IllegalArgumentException("message text is empty");
		}
		return fitHtml("message text", html, MAX_TEXT);
	}

	/** HTML within {@code max} visible characters; a cut is logged, as it means some caller did not cut its echo. */
	static String fitHtml(String what, String html, int max) {
		String fitted = Html.fit(html, max);
		if (fitted != html) {
			log.warn("{} of {} characters cut to Telegram's {}: {}", what, Html.visibleLength(html), max,
					Html.cutPlain(html, 80));
		}
		return fitted;
	}

	static String fitPlain(String what, String text, int max) {
		String fitted = Html.cutPlain(text, max);
		if (fitted.length() < text.length()) {
			log.info("{} of {} characters cut to Telegram's {}", what, text.length(), max);
		}
		return fitted;
	}

	private static JsonObject chat(long chatId) {
		JsonObject params = new JsonObject();
		params.addProperty("chat_id", chatId);
		return params;
	}

	private static JsonObject member(long chatId, long userId) {
		JsonObject params = chat(chatId);
		params.addProperty("user_id", userId);
		return params;
	}

	/** message_id is filled in by the sender when the reference is to a queued message. */
	private static JsonObject target(long chatId, MessageRef message) {
		JsonObject params = chat(chatId);
		if (message.messageId() > 0) {
			params.addProperty("message_id", message.messageId());
		}
		else if (message.outboxId() <= 0) {
			throw new IllegalArgumentException("no message to refer to");
		}
		return params;
	}

	private JsonObject markup(Keyboard keyboard) {
		JsonObject markup = new JsonObject();
		if (keyboard instanceof Keyboard.Inline inline) {
			JsonArray rows = new JsonArray();
			for (List<InlineButton> row : inline.rows()) {
				JsonArray buttons = new JsonArray();
				for (InlineButton button : row) {
					buttons.add(inlineButton(button));
				}
				rows.add(buttons);
			}
			markup.add("inline_keyboard", rows);
		}
		else if (keyboard instanceof Keyboard.Reply reply) {
			JsonArray rows = new JsonArray();
			for (List<Keyboard.ReplyButton> row : reply.rows()) {
				JsonArray buttons = new JsonArray();
				for (Keyboard.ReplyButton button : row) {
					JsonObject json = new JsonObject();
					json.addProperty("text", fitPlain("button label", button.label(), MAX_BUTTON_LABEL));
					if (button.requestContact()) {
						json.addProperty("request_contact", true);
					}
					buttons.add(json);
				}
				rows.add(buttons);
			}
			markup.add("keyboard", rows);
			markup.addProperty("one_time_keyboard", reply.oneTime());
			markup.addProperty("resize_keyboard", reply.resize());
		}
		else {
			markup.addProperty("remove_keyboard", true);
		}
		return markup;
	}

	private JsonObject inlineButton(InlineButton button) {
		JsonObject json = new JsonObject();
		json.addProperty("text", fitPlain("button label", button.label(), MAX_BUTTON_LABEL));
		if (button.isCallback()) {
			json.addProperty("callback_data", signer.sign(button));
		}
		else if (button.url() != null) {
			json.addProperty("url", button.url());
		}
		else if (button.copyText() != null) {
			JsonObject copy = new JsonObject();
			copy.addProperty("text", fitPlain("copied text", button.copyText(), MAX_COPY_TEXT));
			json.add("copy_text", copy);
		}
		return json;
	}
}
