package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The outbox: turns each request into a Bot API method with JSON parameters and stores it in the
 * caller's transaction. Text limits are checked here, where the caller can still be told.
 */
@Component
class DurableOutbox implements Outbox {

	static final int MAX_TEXT = 4096;

	private final OutboxStore store;
	private final CallbackSigner signer;
	private final OutboxSignal signal;

	DurableOutbox(OutboxStore store, CallbackSigner signer, OutboxSignal signal) {
		this.store = store;
		this.signer = signer;
		this.signal = signal;
	}

	@Override
	@Transactional
	public long send(OutgoingMessage message) {
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
		return queue(message.chatId(), "sendMessage", params, message.priority(), true, true, 0);
	}

	@Override
	@Transactional
	public long editText(long chatId, MessageRef message, String html, Keyboard.Inline keyboard, Priority priority) {
		JsonObject params = target(chatId, message);
		addHtml(params, html);
		if (keyboard != null) {
			params.add("reply_markup", markup(keyboard));
		}
		return queue(chatId, "editMessageText", params, priority, true, false, message.outboxId());
	}

	@Override
	@Transactional
	public long editKeyboard(long chatId, MessageRef message, Keyboard.Inline keyboard) {
		JsonObject params = target(chatId, message);
		params.add("reply_markup", keyboard == null ? markup(Keyboard.inline(List.of())) : markup(keyboard));
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
			params.addProperty("text", text.length() > 200 ? text.substring(0, 200) : text);
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
		params.addProperty("title", title.length() > 128 ? title.substring(0, 128) : title);
		return queue(chatId, "setChatTitle", params, Priority.NORMAL, true, false, 0);
	}

	@Override
	@Transactional
	public long setChatDescription(long chatId, String description) {
		JsonObject params = chat(chatId);
		params.addProperty("description", description.length() > 255 ? description.substring(0, 255) : description);
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
	public long leaveChat(long chatId) {
		return queue(chatId, "leaveChat", chat(chatId), Priority.NORMAL, true, false, 0);
	}

	@Override
	public Optional<Long> telegramMessageId(long outboxId) {
		return store.find(outboxId).map(OutboxStore.Row::telegramMessageId);
	}

	@Override
	public Optional<String> status(long outboxId) {
		return store.find(outboxId).map(OutboxStore.Row::status);
	}

	private long queue(long chatId, String method, JsonObject params, Priority priority, boolean ordered, boolean paced,
			long refOutboxId) {
		long id = store.insert(chatId, method, params.toString(), priority.weight(), ordered, paced, refOutboxId,
				Instant.now());
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
		if (html.length() > MAX_TEXT * 2) {
			// the visible text (without tags) must stay within 4096; markup may add some length
			throw new IllegalArgumentException("message text is too long: " + html.length());
		}
		return html;
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
					json.addProperty("text", button.label());
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
		json.addProperty("text", button.label());
		if (button.isCallback()) {
			json.addProperty("callback_data", signer.sign(button));
		}
		else if (button.url() != null) {
			json.addProperty("url", button.url());
		}
		else if (button.copyText() != null) {
			JsonObject copy = new JsonObject();
			copy.addProperty("text", button.copyText());
			json.add("copy_text", copy);
		}
		return json;
	}
}
