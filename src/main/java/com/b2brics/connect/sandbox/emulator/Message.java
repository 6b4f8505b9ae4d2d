package com.b2brics.connect.sandbox.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message in a chat: text with entities, a document, a contact or a service event (members
 * joined or left, a pin, a title change, a migration). Knows who could see it when it was
 * posted, so people who left or were banned no longer see what follows.
 */
final class Message {

	final long id;

	final Chat chat;

	final long fromId;

	final long date;

	FormattedText text;

	FormattedText caption;

	/** The reply_markup as sent (inline or reply keyboard, removal, force reply). */
	Map<String, Object> markup;

	Long editDate;

	StoredFile document;

	Map<String, Object> contact;

	Message replyTo;

	List<Long> newChatMembers;

	Long leftChatMember;

	String newChatTitle;

	Message pinnedMessage;

	Long migrateToChatId;

	Long migrateFromChatId;

	boolean groupChatCreated;

	boolean supergroupChatCreated;

	Set<Long> audience = Set.of();

	boolean deleted;

	Message(long id, Chat chat, long fromId, long date) {
		this.id = id;
		this.chat = chat;
		this.fromId = fromId;
		this.date = date;
	}

	boolean isService() {
		return newChatMembers != null || leftChatMember != null || newChatTitle != null || pinnedMessage != null
				|| migrateToChatId != null || migrateFromChatId != null || groupChatCreated || supergroupChatCreated;
	}

	Map<String, Object> inlineMarkup() {
		return ReplyMarkup.isInline(markup) ? markup : null;
	}

	/** The Message object as the bot receives it. */
	Map<String, Object> toJson(TelegramWorld world) {
		return toJson(world, true);
	}

	private Map<String, Object> toJson(TelegramWorld world, boolean nested) {
		Map<String, Object> json = Json.obj("message_id", id, "from", world.userJson(fromId), "chat",
				chat.toJson(), "date", date, "edit_date", editDate);
		if (nested && replyTo != null) {
			json.put("reply_to_message", replyTo.toJson(world, false));
		}
		if (text != null) {
			json.put("text", text.text());
			if (!text.entities().isEmpty()) {
				json.put("entities", text.entities());
			}
		}
		if (document != null) {
			json.put("document", document.documentJson());
		}
		if (caption != null && !caption.isEmpty()) {
			json.put("caption", caption.text());
			if (!caption.entities().isEmpty()) {
				json.put("caption_entities", caption.entities());
			}
		}
		if (contact != null) {
			json.put("contact", contact);
		}
		if (newChatMembers != null) {
			json.put("new_chat_members", newChatMembers.stream().map(world::userJson).toList());
		}
		if (leftChatMember != null) {
			json.put("left_chat_member", world.userJson(leftChatMember));
		}
		if (newChatTitle != null) {
			json.put("new_chat_title", newChatTitle);
		}
		if (pinnedMessage != null && nested) {
			json.put("pinned_message", pinnedMessage.toJson(world, false));
		}
		if (groupChatCreated) {
			json.put("group_chat_created", true);
		}
		if (supergroupChatCreated) {
			json.put("supergroup_chat_created", true);
		}
		if (migrateToChatId != null) {
			json.put("migrate_to_chat_id", migrateToChatId);
		}
		if (migrateFromChatId != null) {
			json.put("migrate_from_chat_id", migrateFromChatId);
		}
		if (inlineMarkup() != null) {
			json.put("reply_markup", inlineMarkup());
		}
		return json;
	}

	/** What a person sees in the sandbox's control API and web client. */
	Map<String, Object> seenJson(TelegramWorld world) {
		Map<String, Object> from = world.userJson(fromId);
		Map<String, Object> json = Json.obj("id", id, "chat_id", chat.id, "from", from, "from_id", fromId, "date", date,
				"edited", editDate != null, "edit_date", editDate, "text", text == null ? null : text.text(), "html",
				text == null ? null : text.toHtml(), "entities", text == null ? null : text.entities(), "caption",
				caption == null ? null : caption.text(), "reply_markup", markup, "pinned", chat.isPinned(id));
		if (document != null) {
			json.put("document", Json.obj("file_name", document.fileName(), "file_id", document.fileId(), "mime_type",
					document.mimeType(), "file_size", document.content().length, "file_path", document.filePath()));
		}
		if (contact != null) {
			json.put("contact", contact);
		}
		if (replyTo != null) {
			json.put("reply_to_message_id", replyTo.id);
		}
		if (isService()) {
			json.put("service", serviceText(world));
		}
		return json;
	}

	private String serviceText(TelegramWorld world) {
		String who = world.displayName(fromId);
		if (newChatMembers != null) {
			List<String> names = newChatMembers.stream().map(world::displayName).toList();
			return names.equals(List.of(who)) ? who + " joined the group" : who + " added " + String.join(", ", names);
		}
		if (leftChatMember != null) {
			return leftChatMember == fromId ? who + " left the group"
					: who + " removed " + world.displayName(leftChatMember);
		}
		if (newChatTitle != null) {
			return who + " changed the group name to \"" + newChatTitle + "\"";
		}
		if (pinnedMessage != null) {
			String pinned = pinnedMessage.text == null ? "a message" : "\"" + abbreviate(pinnedMessage.text.text()) + "\"";
			return who + " pinned " + pinned;
		}
		if (migrateToChatId != null) {
			return "The group was upgraded to a supergroup (" + migrateToChatId + ")";
		}
		if (migrateFromChatId != null) {
			return "The supergroup was upgraded from a group (" + migrateFromChatId + ")";
		}
		return who + " created the group";
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
	}
}
