package com.b2brics.connect.sandbox.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything Telegram knows in this sandbox: users, chats, messages, invite links, files and
 * open callback queries, guarded by one lock (correctness first; the load is a few hundred
 * messages per second at most). The Bot API methods and the simulated people both act here;
 * whatever the bot should hear about becomes an update in the {@link UpdateQueue}.
 */
final class TelegramWorld {

	private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final ReentrantLock lock = new ReentrantLock();

	final BotIdentity bot;

	final Clock clock;

	final SandboxStats stats;

	final UpdateQueue updates;

	final RateLimits rateLimits;

	final SecureRandom random = new SecureRandom();

	final Map<Long, SimUser> users = new LinkedHashMap<>();

	final Map<Long, Chat> chats = new LinkedHashMap<>();

	final Map<String, InviteLink> links = new HashMap<>();

	final Map<String, StoredFile> files = new HashMap<>();

	final Map<String, StoredFile> filesByPath = new HashMap<>();

	final Map<String, CallbackQuery> callbacks = new HashMap<>();

	final Map<String, Object> botSettings = new HashMap<>();
	final CommandMenus commandMenus = new CommandMenus(this);

	/*
	 * Numbering survives a reset: the app dedupes by id and must never see an old id again. It
	 * also starts from the clock, so a sandbox started again (the embedded one, with the app's
	 * database kept under ./data) does not hand out the ids of the people of its last run, nor of
	 * its groups: the pool of working groups in that database must never mistake a new group of
	 * a restarted sandbox for one it already holds.
	 */
	private long lastUserId = 6_100_000_000L + Numbering.sinceBase() * 10 % 800_000_000L;

	private long lastSupergroup = 2_100_000_000L + Numbering.sinceBase() * 10 % 7_000_000_000L;

	private long lastGroup = 400_000_000L + Numbering.sinceBase() * 10 % 500_000_000L;

	private long lastFile;

	TelegramWorld(BotIdentity bot, Clock clock, SandboxStats stats, UpdateQueue updates, RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.bot = bot;
		this.clock = clock;
		this.stats = stats;
		this.updates = updates;
	}

	<T> T locked(Supplier<T> action) {
		lock.lock();
		try {
			return action.get();
		}
		finally {
			lock.unlock();
		}
	}

	void lock() {
		lock.lock();
	}

	void unlock() {
		lock.unlock();
	}

	/** Unix time by the business clock: message dates, join dates, link expiry. */
	long now() {
		return clock.instant().getEpochSecond();
	}

	long nextUserId() {
		return ++lastUserId;
	}

	long nextSupergroupId() {
		return -(1_000_000_000_000L + ++lastSupergroup);
	}

	long nextGroupId() {
		return -(++lastGroup);
	}

	long nextFileNumber() {
		return ++lastFile;
	}

	String randomString(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
		}
		return text.toString();
	}

	Map<String, Object> userJson(long id) {
		if (id == bot.id()) {
			return bot.toJson();
		}
		SimUser user = users.get(id);
		return user == null ? Json.obj("id", id, "is_bot", false, "first_name", "Deleted Account") : user.toJson();
	}

	String displayName(long id) {
		if (id == bot.id()) {
			return bot.firstName();
		}
		SimUser user = users.get(id);
		return user == null ? "Deleted Account" : user.displayName();
	}

	Chat privateChat(SimUser user) {
		return chats.computeIfAbsent(user.id, id -> new Chat(id, "private", user, null, chatInstance()));
	}

	String chatInstance() {
		return Long.toString(Math.abs(random.nextLong()));
	}

	/** A new message in the chat, seen by whoever is in the chat now. */
	Message post(Chat chat, long fromId) {
		Message message = new Message(chat.nextMessageId++, chat, fromId, now());
		Set<Long> audience = new HashSet<>();
		if (chat.isPrivate()) {
			audience.add(chat.user.id);
		}
		else {
			chat.members.values().stream().filter(Member::isIn).forEach(m -> audience.add(m.userId));
		}
		message.audience = Set.copyOf(audience);
		chat.messages.add(message);
		chat.messagesById.put(message.id, message);
		return message;
	}

	boolean sees(long userId, Message message) {
		if (message.deleted) {
			return false;
		}
		Chat chat = message.chat;
		if (chat.isPrivate()) {
			return chat.user.id == userId;
		}
		if (message.audience.contains(userId)) {
			return true;
		}
		// earlier history: only with "Chat history for new members" set to Visible
		Member member = chat.member(userId);
		return chat.historyVisible && member != null && member.isIn() && message.id < member.joinedAtMessageId;
	}

	/**
	 * The pin bar: the chat's newest pin, shown to every member. Whether Telegram shows a pin
	 * older than a member's join in a group with hidden history is not modelled: the sandbox
	 * shows it (the bot pins a deal's context before the people join).
	 */
	boolean seesPinBar(long userId, Message pinned) {
		return sees(userId, pinned) || (!pinned.chat.isPrivate() && pinned.chat.isMember(userId));
	}

	/** Gives the bot a message update if it is in the chat and its privacy mode lets it see the message. */
	void tellBot(Message message) {
		Chat chat = message.chat;
		if (message.fromId == bot.id()) {
			return;
		}
		if (chat.isPrivate()) {
			if (chat.user.startedBot && !chat.user.blockedBot) {
				updates.add("message", chat.id, message.toJson(this));
			}
			return;
		}
		Member botMember = chat.member(bot.id());
		if (botMember == null || !botMember.isIn()) {
			return;
		}
		if (botMember.isAdmin() || message.isService() || addressedToBot(message)) {
			updates.add("message", chat.id, message.toJson(this));
		}
	}

	void tellBotEdited(Message message) {
		Chat chat = message.chat;
		Member botMember = chat.member(bot.id());
		boolean botSees = chat.isPrivate() ? chat.user.startedBot && !chat.user.blockedBot
				: botMember != null && botMember.isIn() && (botMember.isAdmin() || addressedToBot(message));
		if (botSees) {
			updates.add("edited_message", chat.id, message.toJson(this));
		}
	}

	/** Privacy mode: a bot that is no admin sees commands and replies to its own messages only. */
	private boolean addressedToBot(Message message) {
		if (message.replyTo != null && message.replyTo.fromId == bot.id()) {
			return true;
		}
		if (message.text == null || !message.text.text().startsWith("/")) {
			return false;
		}
		String command = message.text.text().split("\\s", 2)[0];
		int at = command.indexOf('@');
		return at < 0 || command.substring(at + 1).equalsIgnoreCase(bot.username());
	}

	/** A member's status changed: the bot hears it (my_chat_member for itself, chat_member if allowed). */
	void tellMemberChange(Chat chat, long actorId, Member before, Member after, InviteLink link, boolean viaRequest) {
		Map<String, Object> payload = Json.obj("chat", chat.toJson(), "from", userJson(actorId), "date", now(),
				"old_chat_member", before.toJson(userJson(before.userId)), "new_chat_member",
				after.toJson(userJson(after.userId)));
		if (link != null) {
			payload.put("invite_link", linkJson(link));
		}
		if (viaRequest) {
			payload.put("via_join_request", true);
		}
		if (after.userId == bot.id()) {
			updates.add("my_chat_member", chat.id, payload);
			return;
		}
		Member botMember = chat.member(bot.id());
		if (botMember != null && botMember.isAdmin()) {
			updates.add("chat_member", chat.id, payload);
		}
	}

	Map<String, Object> linkJson(InviteLink link) {
		Chat chat = chats.get(link.chatId);
		int pending = chat == null ? 0
				: (int) chat.joinRequests.values().stream().filter(r -> r.link() == link).count();
		return link.toJson(bot.toJson(), pending);
	}

	/** The user becomes a member: a join service message and a member update. */
	void join(Chat chat, SimUser user, long actorId, InviteLink link, boolean viaRequest) {
		Member before = chat.member(user.id);
		Member old = before == null ? new Member(user.id, "left", null, 0) : before.copy();
		Member now = new Member(user.id, "member", null, chat.nextMessageId);
		chat.members.put(user.id, now);
		chat.joinRequests.remove(user.id);
		if (link != null) {
			link.joined++;
		}
		Message service = post(chat, actorId);
		service.newChatMembers = List.of(user.id);
		tellBot(service);
		tellMemberChange(chat, actorId, old, now, link, viaRequest);
	}

	/** The user is out (left, removed or banned): a service message and a member update. */
	void removeMember(Chat chat, long userId, long actorId, String status) {
		Member member = chat.member(userId);
		Member old = member == null ? new Member(userId, "left", null, 0) : member.copy();
		boolean wasIn = member != null && member.isIn();
		Member now = new Member(userId, status, null, 0);
		chat.members.put(userId, now);
		chat.replyKeyboards.remove(userId);
		if (wasIn) {
			Message service = post(chat, actorId);
			service.leftChatMember = userId;
			tellBot(service);
		}
		if (!old.status.equals(status)) {
			tellMemberChange(chat, actorId, old, now, null, false);
		}
	}

	StoredFile storeFile(String fileName, String mimeType, byte[] content) {
		long number = nextFileNumber();
		String extension = fileName != null && fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.'))
				: "";
		StoredFile file = new StoredFile("BQACAgIAAxkBAAI" + randomString(40), "AgAD" + randomString(12),
				fileName, mimeType == null ? "application/octet-stream" : mimeType, content,
				"documents/file_" + number + extension);
		files.put(file.fileId(), file);
		filesByPath.put(file.filePath(), file);
		return file;
	}

	/** Forgets users, chats, links, files and queries; the bot and the id numbering stay. */
	void clear() {
		users.clear();
		chats.clear();
		links.clear();
		files.clear();
		filesByPath.clear();
		callbacks.clear();
		rateLimits.reset();
	}
}
