package com.b2brics.connect.sandbox.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Managing chats as an administrator bot: title and description, invite links, join requests,
 * bans, and reading chats and their members; plus leaving a chat. Each admin method checks the
 * right Telegram requires and answers with its text when the bot lacks it.
 */
final class ChatMethods {

	private static final String INVITE_RIGHTS = "not enough rights to manage chat invite links";

	private static final String RESTRICT_RIGHTS = "not enough rights to restrict/unrestrict chat member";

	private static final String NOT_IN_PRIVATE = "method is available only for supergroups and groups";

	private final TelegramWorld world;

	private final ChatAccess access;

	ChatMethods(TelegramWorld world) {
		this.world = world;
		this.access = new ChatAccess(world);
	}

	void register(BiConsumer<String, BotMethod> registry) {
		registry.accept("setChatTitle", p -> world.locked(() -> setChatTitle(p)));
		registry.accept("setChatDescription", p -> world.locked(() -> setChatDescription(p)));
		registry.accept("exportChatInviteLink", p -> world.locked(() -> exportChatInviteLink(p)));
		registry.accept("createChatInviteLink", p -> world.locked(() -> createChatInviteLink(p)));
		registry.accept("editChatInviteLink", p -> world.locked(() -> editChatInviteLink(p)));
		registry.accept("revokeChatInviteLink", p -> world.locked(() -> revokeChatInviteLink(p)));
		registry.accept("approveChatJoinRequest", p -> world.locked(() -> approveChatJoinRequest(p)));
		registry.accept("declineChatJoinRequest", p -> world.locked(() -> declineChatJoinRequest(p)));
		registry.accept("banChatMember", p -> world.locked(() -> banChatMember(p)));
		registry.accept("unbanChatMember", p -> world.locked(() -> unbanChatMember(p)));
		registry.accept("getChat", p -> world.locked(() -> getChat(p)));
		registry.accept("getChatMember", p -> world.locked(() -> getChatMember(p)));
		registry.accept("getChatMemberCount", p -> world.locked(() -> getChatMemberCount(p)));
		registry.accept("getChatMembersCount", p -> world.locked(() -> getChatMemberCount(p)));
		registry.accept("getChatAdministrators", p -> world.locked(() -> getChatAdministrators(p)));
		registry.accept("leaveChat", p -> world.locked(() -> leaveChat(p)));
	}

	private Object setChatTitle(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_change_info", "not enough rights to change chat title");
		String title = p.string("title");
		if (title == null || title.isBlank()) {
			throw TelegramError.badRequest("title_invalid", "chat title is empty");
		}
		if (title.length() > 128) {
			throw TelegramError.badRequest("title_invalid", "chat title is too long");
		}
		if (title.equals(chat.title)) {
			throw TelegramError.badRequest("chat_not_modified", "chat title is not modified");
		}
		chat.title = title;
		Message service = world.post(chat, world.bot.id());
		service.newChatTitle = title;
		return true;
	}

	private Object setChatDescription(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_change_info", "not enough rights to change chat description");
		String description = p.string("description");
		description = description == null ? "" : description;
		if (description.length() > 255) {
			throw TelegramError.badRequest("description_invalid", "chat description is too long");
		}
		if (description.equals(chat.description)) {
			throw TelegramError.badRequest("chat_not_modified", "chat description is not modified");
		}
		chat.description = description;
		return true;
	}

	private Object exportChatInviteLink(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", INVITE_RIGHTS);
		if (chat.primaryLink != null) {
			chat.primaryLink.revoked = true;
		}
		chat.primaryLink = newLink(chat, true);
		return chat.primaryLink.link;
	}

	private Object createChatInviteLink(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", INVITE_RIGHTS);
		InviteLink link = newLink(chat, false);
		try {
			applyLinkSettings(link, p);
		}
		catch (TelegramError e) {
			world.links.remove(link.link);
			chat.inviteLinks.remove(link.link);
			throw e;
		}
		return world.linkJson(link);
	}

	private Object editChatInviteLink(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", INVITE_RIGHTS);
		InviteLink link = chatLink(chat, p);
		applyLinkSettings(link, p);
		return world.linkJson(link);
	}

	private Object revokeChatInviteLink(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", INVITE_RIGHTS);
		InviteLink link = chatLink(chat, p);
		link.revoked = true;
		chat.joinRequests.values().removeIf(request -> request.link() == link);
		if (link.primary) {
			chat.primaryLink = newLink(chat, true);
		}
		return world.linkJson(link);
	}

	private InviteLink chatLink(Chat chat, Params p) {
		String url = p.requiredString("invite_link");
		InviteLink link = chat.inviteLinks.get(url);
		if (link == null || link.revoked) {
			throw TelegramError.badRequest("invite_link_invalid", "INVITE_HASH_EXPIRED");
		}
		return link;
	}

	private InviteLink newLink(Chat chat, boolean primary) {
		InviteLink link = new InviteLink("https://t.me/+" + world.randomString(22), chat.id, primary);
		chat.inviteLinks.put(link.link, link);
		world.links.put(link.link, link);
		return link;
	}

	/** Telegram sets every option on create and edit; an omitted option is cleared. */
	private void applyLinkSettings(InviteLink link, Params p) {
		String name = p.string("name");
		if (name != null && name.length() > 32) {
			throw TelegramError.badRequest("invite_link_invalid", "invite link name is too long");
		}
		Long limit = p.longValue("member_limit");
		boolean requests = p.bool("creates_join_request");
		if (requests && limit != null && limit != 0) {
			throw TelegramError.badRequest("invite_link_invalid",
					"member limit can't be specified for links requiring administrator approval");
		}
		if (limit != null && (limit < 0 || limit > 99_999)) {
			throw TelegramError.badRequest("invite_link_invalid", "MEMBER_LIMIT_INVALID");
		}
		Long expire = p.longValue("expire_date");
		link.name = name == null || name.isEmpty() ? null : name;
		link.memberLimit = limit == null || limit == 0 ? null : limit.intValue();
		link.expireDate = expire == null || expire == 0 ? null : expire;
		link.createsJoinRequest = requests;
	}

	private Object approveChatJoinRequest(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", "CHAT_ADMIN_REQUIRED");
		SimUser user = access.user(p);
		if (chat.isMember(user.id)) {
			throw TelegramError.badRequest("user_already_participant", "USER_ALREADY_PARTICIPANT");
		}
		Chat.JoinRequest request = chat.joinRequests.get(user.id);
		if (request == null) {
			throw TelegramError.badRequest("join_request_missing", "HIDE_REQUESTER_MISSING");
		}
		world.join(chat, user, user.id, request.link(), true);
		return true;
	}

	private Object declineChatJoinRequest(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_invite_users", "CHAT_ADMIN_REQUIRED");
		SimUser user = access.user(p);
		if (chat.joinRequests.remove(user.id) == null) {
			throw TelegramError.badRequest("join_request_missing", "HIDE_REQUESTER_MISSING");
		}
		return true;
	}

	private Object banChatMember(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_restrict_members", RESTRICT_RIGHTS);
		SimUser user = access.user(p);
		Member member = chat.member(user.id);
		if (member != null && member.status.equals("creator")) {
			throw TelegramError.badRequest("cant_remove_owner", "can't remove chat owner");
		}
		if (member != null && member.status.equals("administrator")) {
			throw TelegramError.badRequest("user_is_admin", "user is an administrator of the chat");
		}
		chat.joinRequests.remove(user.id);
		world.removeMember(chat, user.id, world.bot.id(), "kicked");
		if (p.bool("revoke_messages")) {
			chat.messages.stream().filter(m -> m.fromId == user.id).forEach(m -> m.deleted = true);
		}
		return true;
	}

	private Object unbanChatMember(Params p) {
		Chat chat = access.group(p, NOT_IN_PRIVATE);
		access.requireRight(chat, "can_restrict_members", RESTRICT_RIGHTS);
		SimUser user = access.user(p);
		Member member = chat.member(user.id);
		if (member != null && member.status.equals("kicked")) {
			world.removeMember(chat, user.id, world.bot.id(), "left");
			return true;
		}
		if (p.bool("only_if_banned") || member == null || !member.isIn()) {
			return true;
		}
		if (member.isAdmin()) {
			throw TelegramError.badRequest("user_is_admin", "user is an administrator of the chat");
		}
		world.removeMember(chat, user.id, world.bot.id(), "left");
		return true;
	}

	private Object getChat(Params p) {
		Chat chat = access.chat(p);
		Map<String, Object> json = chat.toJson();
		if (chat.isPrivate()) {
			json.put("accent_color_id", 0);
			json.put("max_reaction_count", 11);
			json.put("accepted_gift_types", giftTypes());
			return json;
		}
		access.requireBotInGroup(chat);
		json.put("accent_color_id", 0);
		json.put("max_reaction_count", 11);
		json.put("accepted_gift_types", giftTypes());
		if (!chat.description.isEmpty()) {
			json.put("description", chat.description);
		}
		if (chat.primaryLink != null && chat.member(world.bot.id()).can("can_invite_users")) {
			json.put("invite_link", chat.primaryLink.link);
		}
		if (!chat.pinned.isEmpty()) {
			Message pinned = chat.message(chat.pinned.peekFirst());
			if (pinned != null) {
				json.put("pinned_message", pinned.toJson(world));
			}
		}
		json.put("permissions", Json.obj("can_send_messages", true, "can_send_audios", true, "can_send_documents", true,
				"can_send_photos", true, "can_send_videos", true, "can_send_video_notes", true,
				"can_send_voice_notes", true, "can_send_polls", true, "can_send_other_messages", true,
				"can_add_web_page_previews", true, "can_change_info", false, "can_invite_users", false,
				"can_pin_messages", false, "can_manage_topics", false));
		// Telegram tells only administrators, and leaves a false boolean out
		if (chat.historyVisible && chat.member(world.bot.id()).isAdmin()) {
			json.put("has_visible_history", true);
		}
		return json;
	}

	private static Map<String, Object> giftTypes() {
		return Json.obj("unlimited_gifts", false, "limited_gifts", false, "unique_gifts", false,
				"premium_subscription", false);
	}

	private Object getChatMember(Params p) {
		Chat chat = access.chat(p);
		long userId = p.requiredLong("user_id");
		if (userId != world.bot.id() && !world.users.containsKey(userId)) {
			throw TelegramError.badRequest("user_not_found", "user not found");
		}
		if (chat.isPrivate()) {
			String status = userId == chat.user.id || userId == world.bot.id() ? "member" : "left";
			return new Member(userId, status, null, 0).toJson(world.userJson(userId));
		}
		access.requireBotInGroup(chat);
		Member member = chat.member(userId);
		if (member == null) {
			member = new Member(userId, "left", null, 0);
		}
		return member.toJson(world.userJson(userId));
	}

	private Object getChatMemberCount(Params p) {
		Chat chat = access.chat(p);
		if (chat.isPrivate()) {
			return 2;
		}
		access.requireBotInGroup(chat);
		return chat.memberCount();
	}

	private Object getChatAdministrators(Params p) {
		Chat chat = access.chat(p);
		if (chat.isPrivate()) {
			throw TelegramError.badRequest("private_chat", "there are no administrators in the private chat");
		}
		access.requireBotInGroup(chat);
		List<Map<String, Object>> admins = new ArrayList<>();
		chat.members.values()
			.stream()
			.filter(Member::isAdmin)
			.forEach(m -> admins.add(m.toJson(world.userJson(m.userId))));
		return admins;
	}

	private Object leaveChat(Params p) {
		Chat chat = access.chat(p);
		if (chat.isPrivate()) {
			throw TelegramError.badRequest("private_chat", "chat member status can't be changed in private chats");
		}
		access.requireBotInGroup(chat);
		world.removeMember(chat, world.bot.id(), world.bot.id(), "left");
		return true;
	}
}
