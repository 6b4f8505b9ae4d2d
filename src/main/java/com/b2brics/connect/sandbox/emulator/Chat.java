package com.b2brics.connect.sandbox.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat as Telegram keeps it: a private chat with one user (its id is the user's id), a basic
 * group (small negative id) or a supergroup ({@code -100…}). Holds members with their status,
 * messages, pins, invite links, pending join requests, and what each user currently sees of
 * the bot's reply keyboard and callback answers.
 */
final class Chat {

	final long id;

	final String type;

	final SimUser user;

	final String chatInstance;

	String title;

	String description = "";

	/**
	 * "Chat history for new members" in the group's settings: when false (Telegram's default for
	 * a new private group) people who join later see only what is posted after they joined.
	 */
	boolean historyVisible;

	final Map<Long, Member> members = new LinkedHashMap<>();

	final List<Message> messages = new ArrayList<>();

	final Map<Long, Message> messagesById = new HashMap<>();

	long nextMessageId = 1;

	/** Pinned message ids, the newest first. */
	final Deque<Long> pinned = new ArrayDeque<>();

	final Map<String, InviteLink> inviteLinks = new LinkedHashMap<>();

	InviteLink primaryLink;

	final Map<Long, JoinRequest> joinRequests = new LinkedHashMap<>();

	Long migratedTo;

	Long migratedFrom;

	final Map<Long, Map<String, Object>> replyKeyboards = new HashMap<>();

	final Map<Long, Map<String, Object>> callbackAnswers = new HashMap<>();

	/** A pending request to join through a link that requires approval. */
	record JoinRequest(long userId, long date, InviteLink link) {
	}

	Chat(long id, String type, SimUser user, String title, String chatInstance) {
		this.id = id;
		this.type = type;
		this.user = user;
		this.title = title;
		this.chatInstance = chatInstance;
	}

	boolean isPrivate() {
		return type.equals("private");
	}

	boolean isSupergroup() {
		return type.equals("supergroup");
	}

	/** "supergroup chat" / "group chat", as Telegram names them in its error texts. */
	String kindForErrors() {
		return isSupergroup() ? "supergroup chat" : "group chat";
	}

	Member member(long userId) {
		return members.get(userId);
	}

	boolean isMember(long userId) {
		Member member = members.get(userId);
		return member != null && member.isIn();
	}

	boolean isPinned(long messageId) {
		return !pinned.isEmpty() && pinned.peekFirst() == messageId;
	}

	Message message(long messageId) {
		Message message = messagesById.get(messageId);
		return message == null || message.deleted ? null : message;
	}

	int memberCount() {
		return (int) members.values().stream().filter(Member::isIn).count();
	}

	/** The Chat object inside messages and updates. */
	Map<String, Object> toJson() {
		if (isPrivate()) {
			return Json.obj("id", id, "first_name", user.firstName, "last_name", user.lastName, "username",
					user.username, "type", "private");
		}
		return Json.obj("id", id, "title", title, "type", type);
	}
}
