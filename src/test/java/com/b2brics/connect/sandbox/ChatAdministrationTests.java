package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.model.ChatFullInfo;
import com.pengrad.telegrambot.model.ChatInviteLink;
import com.pengrad.telegrambot.model.ChatMember;
import com.pengrad.telegrambot.request.ApproveChatJoinRequest;
import com.pengrad.telegrambot.request.BanChatMember;
import com.pengrad.telegrambot.request.CreateChatInviteLink;
import com.pengrad.telegrambot.request.GetChat;
import com.pengrad.telegrambot.request.GetChatAdministrators;
import com.pengrad.telegrambot.request.GetChatMember;
import com.pengrad.telegrambot.request.GetChatMemberCount;
import com.pengrad.telegrambot.request.PinChatMessage;
import com.pengrad.telegrambot.request.SendMessage;

/** Working groups as the bot administers them: links, join requests, bans, pins, info, migration. */
class ChatAdministrationTests extends SandboxTestSupport {

	private SimulatedUser admin;

	private long group;

	@BeforeEach
	void anAdminCreatesAWorkingGroupWithTheBot() {
		admin = sandbox.newUser("Olga", "ru");
		group = sandbox.createGroup("Deal #1", admin);
	}

	private String createLink(Map<String, ?> options) {
		Map<String, Object> params = new java.util.HashMap<>(options);
		params.put("chat_id", group);
		Raw raw = api("createChatInviteLink", params);
		assertThat(raw.ok()).as(raw.body().toString()).isTrue();
		return (String) raw.result().get("invite_link");
	}

	@Test
	void theBotAddedAsAdministratorHearsWhoAddedIt() {
		List<Map<String, Object>> updates = updatesUntil(u -> u.containsKey("message"));

		Map<String, Object> change = obj(updates.get(0).get("my_chat_member"));
		assertThat(obj(change.get("from")).get("id")).isEqualTo(admin.id());
		assertThat(obj(change.get("old_chat_member")).get("status")).isEqualTo("left");
		assertThat(obj(change.get("new_chat_member"))).containsEntry("status", "administrator")
			.containsEntry("can_invite_users", true)
			.containsEntry("can_restrict_members", true);
		Map<String, Object> added = obj(updates.get(1).get("message"));
		assertThat(list(added.get("new_chat_members"))).extracting(m -> m.get("id")).containsExactly(7000000001L);
		assertThat(group).isLessThan(-1_000_000_000_000L);
	}

	@Test
	void inviteLinksLookLikeTelegrams() {
		ChatInviteLink link = bot.execute(new CreateChatInviteLink(group).name("importer").memberLimit(1))
			.chatInviteLink();

		assertThat(link.inviteLink()).matches("https://t\\.me/\\+[A-Za-z0-9_-]{22}");
		assertThat(link.creator().id()).isEqualTo(7000000001L);
		assertThat(link.isPrimary()).isFalse();
		assertThat(link.isRevoked()).isFalse();
		assertThat(link.memberLimit()).isEqualTo(1);
		assertThat(link.name()).isEqualTo("importer");
	}

	@Test
	void memberLimitAndJoinRequestsExcludeEachOther() {
		Raw raw = api("createChatInviteLink", Map.of("chat_id", group, "member_limit", 1, "creates_join_request", true));

		assertThat(raw.description())
			.isEqualTo("Bad Request: member limit can't be specified for links requiring administrator approval");
	}

	@Test
	void aJoinRequestIsApprovedByTheBot() {
		SimulatedUser importer = sandbox.newUser("Ivan", "ru");
		String link = createLink(Map.of("creates_join_request", true, "name", "importer"));
		updates();

		assertThat(importer.openLink(link).result()).isEqualTo("join_requested");
		Map<String, Object> request = obj(update("chat_join_request").get("chat_join_request"));
		assertThat(request.get("user_chat_id")).isEqualTo(importer.id());
		assertThat(obj(request.get("invite_link"))).containsEntry("invite_link", link)
			.containsEntry("creates_join_request", true)
			.containsEntry("pending_join_request_count", 1);
		assertThat(sandbox.memberStatus(group, importer)).isEqualTo("join_requested");
		assertThat(api("sendMessage", Map.of("chat_id", importer.id(), "text", "We got your request")).ok())
			.as("a bot may write to a requester for five minutes").isTrue();

		assertThat(bot.execute(new ApproveChatJoinRequest(group, importer.id())).isOk()).isTrue();

		assertThat(sandbox.memberStatus(group, importer)).isEqualTo("member");
		assertThat(importer.sees(group, "joined the group")).isNotNull();
		assertThat(api("approveChatJoinRequest", Map.of("chat_id", group, "user_id", importer.id())).description())
			.isEqualTo("Bad Request: USER_ALREADY_PARTICIPANT");
	}

	@Test
	void aDeclinedRequesterStaysOutside() {
		SimulatedUser stranger = sandbox.newUser("Mallory", "en");
		String link = createLink(Map.of("creates_join_request", true));
		stranger.openLink(link);

		assertThat(api("declineChatJoinRequest", Map.of("chat_id", group, "user_id", stranger.id())).ok()).isTrue();

		assertThat(sandbox.memberStatus(group, stranger)).isEqualTo("left");
		assertThat(api("declineChatJoinRequest", Map.of("chat_id", group, "user_id", stranger.id())).description())
			.isEqualTo("Bad Request: HIDE_REQUESTER_MISSING");
		assertThat(api("approveChatJoinRequest", Map.of("chat_id", group, "user_id", stranger.id())).description())
			.isEqualTo("Bad Request: HIDE_REQUESTER_MISSING");
	}

	@Test
	void linksExpireByTheBusinessClock() {
		SimulatedUser late = sandbox.newUser("Late", "en");
		long inOneHour = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
		String link = createLink(Map.of("expire_date", inOneHour));

		clock.advance(Duration.ofHours(2));

		assertThat(late.openLink(link).result()).isEqualTo("link_expired");
		assertThat(sandbox.memberStatus(group, late)).isEqualTo("left");
	}

	@Test
	void revokedLinksAdmitNobody() {
		SimulatedUser late = sandbox.newUser("Late", "en");
		String link = createLink(Map.of());

		Raw revoked = api("revokeChatInviteLink", Map.of("chat_id", group, "invite_link", link));

		assertThat(revoked.result()).containsEntry("is_revoked", true);
		assertThat(late.openLink(link).result()).isEqualTo("link_revoked");
		assertThat(late.openLink("https://t.me/+doesNotExist0000000000000").result()).isEqualTo("link_invalid");
		assertThat(api("editChatInviteLink", Map.of("chat_id", group, "invite_link", link, "name", "x")).description())
			.isEqualTo("Bad Request: INVITE_HASH_EXPIRED");
	}

	@Test
	void memberLimitIsEnforced() {
		SimulatedUser first = sandbox.newUser("First", "en");
		SimulatedUser second = sandbox.newUser("Second", "en");
		String link = createLink(Map.of("member_limit", 1));

		assertThat(first.openLink(link).result()).isEqualTo("joined");
		assertThat(first.openLink(link).result()).isEqualTo("already_member");
		assertThat(second.openLink(link).result()).isEqualTo("member_limit_reached");
	}

	@Test
	void aBannedMemberLosesTheChatUntilUnbanned() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.openLink(createLink(Map.of()));
		api("sendMessage", Map.of("chat_id", group, "text", "before the ban"));

		assertThat(bot.execute(new BanChatMember(group, partner.id())).isOk()).isTrue();
		api("sendMessage", Map.of("chat_id", group, "text", "after the ban"));

		assertThat(sandbox.memberStatus(group, partner)).isEqualTo("kicked");
		assertThat(partner.currentlySees(group, "before the ban")).isTrue();
		assertThat(partner.currentlySees(group, "after the ban")).isFalse();
		assertThat(partner.openLink(createLink(Map.of())).result()).isEqualTo("banned");
		assertThat(api("unbanChatMember", Map.of("chat_id", group, "user_id", partner.id(), "only_if_banned", true)).ok())
			.isTrue();
		assertThat(sandbox.memberStatus(group, partner)).isEqualTo("left");
		assertThat(partner.openLink(createLink(Map.of())).result()).isEqualTo("joined");
		assertThat(api("banChatMember", Map.of("chat_id", group, "user_id", admin.id())).description())
			.isEqualTo("Bad Request: can't remove chat owner");
	}

	@Test
	void unbanOnlyIfBannedLeavesMembersAlone() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.openLink(createLink(Map.of()));

		api("unbanChatMember", Map.of("chat_id", group, "user_id", partner.id(), "only_if_banned", true));

		assertThat(sandbox.memberStatus(group, partner)).isEqualTo("member");
	}

	@Test
	void adminMethodsNeedTheirRight() {
		long weak = sandbox.createGroup("Weak bot", admin, Map.of("can_invite_users", false, "can_change_info", false,
				"can_pin_messages", false, "can_restrict_members", false));
		long message = id(api("sendMessage", Map.of("chat_id", weak, "text", "hello")).result().get("message_id"));

		assertThat(api("createChatInviteLink", Map.of("chat_id", weak)).description())
			.isEqualTo("Bad Request: not enough rights to manage chat invite links");
		assertThat(api("setChatTitle", Map.of("chat_id", weak, "title", "New")).description())
			.isEqualTo("Bad Request: not enough rights to change chat title");
		assertThat(api("pinChatMessage", Map.of("chat_id", weak, "message_id", message)).description())
			.isEqualTo("Bad Request: not enough rights to manage pinned messages in the chat");
		assertThat(api("banChatMember", Map.of("chat_id", weak, "user_id", admin.id())).description())
			.isEqualTo("Bad Request: not enough rights to restrict/unrestrict chat member");
		assertThat(sandbox.stats().violations("missing_admin_rights")).isEqualTo(4);
	}

	@Test
	void aBotOutsideTheGroupIsForbidden() {
		updates();
		sandbox.setBotStatus(group, "kicked", null);
		Map<String, Object> removed = obj(update("my_chat_member").get("my_chat_member"));
		long basic = sandbox.createBasicGroup("Basic", admin);
		sandbox.setBotStatus(basic, "left", null);

		assertThat(obj(removed.get("new_chat_member")).get("status")).isEqualTo("kicked");
		Raw kicked = api("sendMessage", Map.of("chat_id", group, "text", "hi"));
		assertThat(kicked.status()).isEqualTo(403);
		assertThat(kicked.description()).isEqualTo("Forbidden: bot was kicked from the supergroup chat");
		assertThat(api("sendMessage", Map.of("chat_id", basic, "text", "hi")).description())
			.isEqualTo("Forbidden: bot is not a member of the group chat");
	}

	@Test
	void aPinnedMessageIsVisibleToMembersWithAServiceMessage() {
		int id = bot.execute(new SendMessage(group, "Context: service X, storefront /russia")).message().messageId();

		assertThat(bot.execute(new PinChatMessage(group, id)).isOk()).isTrue();

		assertThat(admin.pinnedMessage(group).text()).isEqualTo("Context: service X, storefront /russia");
		assertThat(admin.sees(group, "pinned").service()).contains("pinned");
		assertThat(bot.execute(new GetChat(group)).chat().pinnedMessage().messageId()).isEqualTo(id);
		assertThat(api("unpinChatMessage", Map.of("chat_id", group, "message_id", id)).ok()).isTrue();
		assertThat(admin.pinnedMessage(group)).isNull();
		assertThat(api("pinChatMessage", Map.of("chat_id", group, "message_id", 9999)).description())
			.isEqualTo("Bad Request: message to pin not found");
	}

	@Test
	void titleAndDescriptionChange() {
		assertThat(api("setChatTitle", Map.of("chat_id", group, "title", "Deal #1 · Logistics")).ok()).isTrue();
		assertThat(api("setChatTitle", Map.of("chat_id", group, "title", "Deal #1 · Logistics")).description())
			.isEqualTo("Bad Request: chat title is not modified");
		assertThat(api("setChatDescription", Map.of("chat_id", group, "description", "Importer meets exporter")).ok())
			.isTrue();

		ChatFullInfo chat = bot.execute(new GetChat(group)).chat();
		assertThat(chat.title()).isEqualTo("Deal #1 · Logistics");
		assertThat(chat.description()).isEqualTo("Importer meets exporter");
		assertThat(chat.type().name()).isEqualTo("supergroup");
		assertThat(admin.sees(group, "changed the group name").service()).contains("Deal #1 · Logistics");
	}

	@Test
	void chatQueriesDescribeMembers() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		SimulatedUser outsider = sandbox.newUser("Out", "en");
		partner.openLink(createLink(Map.of()));

		assertThat(bot.execute(new GetChatMember(group, admin.id())).chatMember().status()).isEqualTo(ChatMember.Status.creator);
		assertThat(bot.execute(new GetChatMember(group, partner.id())).chatMember().status()).isEqualTo(ChatMember.Status.member);
		assertThat(bot.execute(new GetChatMember(group, outsider.id())).chatMember().status()).isEqualTo(ChatMember.Status.left);
		ChatMember self = bot.execute(new GetChatMember(group, 7000000001L)).chatMember();
		assertThat(self.status()).isEqualTo(ChatMember.Status.administrator);
		assertThat(self.canInviteUsers()).isTrue();
		assertThat(bot.execute(new GetChatMemberCount(group)).count()).isEqualTo(3);
		assertThat(bot.execute(new GetChatAdministrators(group)).administrators()).extracting(m -> m.user().id())
			.containsExactlyInAnyOrder(admin.id(), 7000000001L);
		assertThat(api("getChatMember", Map.of("chat_id", group, "user_id", 42)).description())
			.isEqualTo("Bad Request: user not found");
	}

	@Test
	void leavingAChatTellsTheBot() {
		updates();

		assertThat(api("leaveChat", Map.of("chat_id", group)).ok()).isTrue();

		Map<String, Object> change = obj(update("my_chat_member").get("my_chat_member"));
		assertThat(obj(change.get("new_chat_member")).get("status")).isEqualTo("left");
		assertThat(api("getChat", Map.of("chat_id", group)).status()).isEqualTo(403);
	}

	@Test
	void aGroupUpgradeMovesTheChatToANewId() {
		long basic = sandbox.createBasicGroup("Small deal", admin);
		updates();

		long supergroup = sandbox.migrate(basic);

		List<Map<String, Object>> updates = updatesUntil(u -> u.containsKey("message")
				&& obj(u.get("message")).containsKey("migrate_from_chat_id"));
		assertThat(updates).anySatisfy(u -> assertThat(obj(u.get("message")))
			.containsEntry("migrate_to_chat_id", supergroup));
		assertThat(basic).isGreaterThan(-1_000_000_000_000L).isNegative();
		assertThat(String.valueOf(supergroup)).startsWith("-100");
		Raw old = api("sendMessage", Map.of("chat_id", basic, "text", "hi"));
		assertThat(old.status()).isEqualTo(400);
		assertThat(old.description()).isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
		assertThat(id(old.parameters().get("migrate_to_chat_id"))).isEqualTo(supergroup);
		assertThat(bot.execute(new SendMessage(basic, "hi")).parameters().migrateToChatId()).isEqualTo(supergroup);
		assertThat(api("sendMessage", Map.of("chat_id", supergroup, "text", "hi")).ok()).isTrue();
		assertThat(sandbox.memberStatus(supergroup, admin)).isEqualTo("creator");
	}

	@Test
	void peopleWhoLeftNoLongerSeeNewMessages() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.openLink(createLink(Map.of()));
		admin.write(group, "welcome");

		partner.leave(group);
		admin.write(group, "after you left");

		assertThat(partner.currentlySees(group, "welcome")).isTrue();
		assertThat(partner.currentlySees(group, "after you left")).isFalse();
		assertThat(partner.chats()).noneMatch(c -> id(c.get("id")) == group);
	}

	@Test
	void newMembersSeeTheHistoryOnlyWhenItIsVisible() {
		api("sendMessage", Map.of("chat_id", group, "text", "Context message"));
		SimulatedUser importer = sandbox.newUser("Ivan", "ru");

		importer.openLink(createLink(Map.of()));

		// "Chat history for new members: Hidden", a new group's default
		assertThat(importer.currentlySees(group, "Context message")).isFalse();
		sandbox.setHistoryVisible(group, true);
		assertThat(importer.currentlySees(group, "Context message")).isTrue();
	}

	@Test
	void aBotThatIsOnlyAMemberSeesCommandsButNotChatter() {
		long quiet = sandbox.createGroup("Member bot", admin);
		sandbox.setBotStatus(quiet, "member", null);
		updates();

		admin.write(quiet, "just chatting");
		admin.write(quiet, "/brief@B2bricsConnectBot");

		List<Map<String, Object>> updates = updatesUntil(u -> u.containsKey("message"));
		assertThat(updates).extracting(u -> obj(u.get("message")).get("text")).containsExactly("/brief@B2bricsConnectBot");
	}

	@Test
	void chatMemberUpdatesArriveOnlyWhenAskedFor() {
		SimulatedUser first = sandbox.newUser("First", "en");
		SimulatedUser second = sandbox.newUser("Second", "en");
		String link = createLink(Map.of());
		updates();

		first.openLink(link);
		List<Map<String, Object>> byDefault = updatesUntil(u -> u.containsKey("message"));
		api("getUpdates", Map.of("allowed_updates", "[\"message\",\"chat_member\",\"my_chat_member\"]"));
		second.openLink(link);
		Map<String, Object> memberUpdate = obj(update("chat_member").get("chat_member"));

		assertThat(byDefault).noneMatch(u -> u.containsKey("chat_member"));
		assertThat(obj(memberUpdate.get("new_chat_member"))).containsEntry("status", "member");
		assertThat(obj(memberUpdate.get("invite_link"))).containsEntry("invite_link", link);
	}

	@Test
	void getChatTellsOnlyAnAdministratorBotThatNewMembersSeeTheHistory() {
		// hidden (the default of a new group): Telegram leaves the false boolean out
		assertThat(api("getChat", Map.of("chat_id", group)).result()).doesNotContainKey("has_visible_history");
		assertThat(bot.execute(new GetChat(group)).chat().hasVisibleHistory()).isNotEqualTo(Boolean.TRUE);

		sandbox.setHistoryVisible(group, true);
		assertThat(api("getChat", Map.of("chat_id", group)).result()).containsEntry("has_visible_history", true);
		assertThat(bot.execute(new GetChat(group)).chat().hasVisibleHistory()).isTrue();
		assertThat(sandbox.get("/sandbox/api/chats/" + group)).containsEntry("history_visible", true);

		// "available only to chat administrators": a bot demoted to member is not told
		sandbox.setBotStatus(group, "member", null);
		assertThat(api("getChat", Map.of("chat_id", group)).result()).doesNotContainKey("has_visible_history");

		sandbox.setBotStatus(group, "administrator", null);
		sandbox.setHistoryVisible(group, false);
		assertThat(bot.execute(new GetChat(group)).chat().hasVisibleHistory()).isNotEqualTo(Boolean.TRUE);
		assertThat(sandbox.get("/sandbox/api/chats/" + group)).containsEntry("history_visible", false);
	}

	@Test
	void aGroupCreatedWithVisibleHistoryTellsTheBotSo() {
		long open = sandbox.createGroup("Open history", admin, true);

		assertThat(bot.execute(new GetChat(open)).chat().hasVisibleHistory()).isTrue();
	}

	@Test
	void anUpgradedGroupKeepsItsHistorySetting() {
		long basic = sandbox.createBasicGroup("Small deal", admin);
		sandbox.setBotStatus(basic, "administrator", null);

		long supergroup = sandbox.migrate(basic);

		assertThat(api("getChat", Map.of("chat_id", supergroup)).result()).doesNotContainKey("has_visible_history");
	}
}
