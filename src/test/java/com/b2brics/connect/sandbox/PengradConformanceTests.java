package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.model.BotCommand;
import com.pengrad.telegrambot.model.ChatInviteLink;
import com.pengrad.telegrambot.model.request.ChatAction;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.CopyMessage;
import com.pengrad.telegrambot.request.CreateChatInviteLink;
import com.pengrad.telegrambot.request.DeclineChatJoinRequest;
import com.pengrad.telegrambot.request.DeleteMessage;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.EditChatInviteLink;
import com.pengrad.telegrambot.request.EditMessageReplyMarkup;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.ExportChatInviteLink;
import com.pengrad.telegrambot.request.GetMyCommands;
import com.pengrad.telegrambot.request.LeaveChat;
import com.pengrad.telegrambot.request.PinChatMessage;
import com.pengrad.telegrambot.request.RevokeChatInviteLink;
import com.pengrad.telegrambot.request.SendChatAction;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SetChatDescription;
import com.pengrad.telegrambot.request.SetChatTitle;
import com.pengrad.telegrambot.request.SetMyCommands;
import com.pengrad.telegrambot.request.UnbanChatMember;
import com.pengrad.telegrambot.request.UnpinChatMessage;

/** The methods not covered elsewhere, through pengrad: the sandbox must be a drop-in Bot API for it. */
class PengradConformanceTests extends SandboxTestSupport {

	private SimulatedUser admin;

	private long group;

	@BeforeEach
	void aWorkingGroup() {
		admin = sandbox.newUser("Olga", "ru");
		group = sandbox.createGroup("Deal", admin);
	}

	@Test
	void copyingAFileSentInPrivateIntoAGroup() {
		admin.startBot();
		long source = admin.sendDocument(admin.botChat(), "scan.pdf", "%PDF-1.4 scan".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var copied = bot.execute(new CopyMessage(group, admin.botChat(), (int) source));
		assertThat(copied.isOk()).isTrue();
		var seen = admin.lastMessage(group);
		assertThat(seen.id()).isEqualTo(copied.messageId().longValue());
		assertThat(seen.documentName()).isEqualTo("scan.pdf");
		assertThat(seen.fromId()).isEqualTo(bot.execute(new com.pengrad.telegrambot.request.GetMe()).user().id());
		var missing = bot.execute(new CopyMessage(group, admin.botChat(), 999_999));
		assertThat(missing.isOk()).isFalse();
		assertThat(missing.description()).isEqualTo("Bad Request: message to copy not found");
	}

	@Test
	void editingAndDeletingMessages() {
		int id = bot.execute(new SendMessage(group, "Stage 1")
			.replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton("Accept").callbackData("accept:1"))))
			.message()
			.messageId();

		assertThat(bot.execute(new EditMessageText(group, id, "Stage 1 (due Friday)")
			.replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton("Accept").callbackData("accept:1")))).isOk())
			.isTrue();
		assertThat(bot.execute(new EditMessageReplyMarkup(group, id)
			.replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton("Accepted ✓").callbackData("noop")))).isOk())
			.isTrue();
		assertThat(admin.lastMessage(group).buttons()).containsExactly("Accepted ✓");
		assertThat(bot.execute(new DeleteMessage(group, id)).isOk()).isTrue();
		assertThat(admin.messages(group)).noneMatch(m -> m.id() == id);
	}

	@Test
	void pinningAndUnpinning() {
		int id = bot.execute(new SendMessage(group, "Agreement: 30% prepayment")).message().messageId();
		bot.execute(new PinChatMessage(group, id));

		assertThat(bot.execute(new UnpinChatMessage(group)).isOk()).isTrue();
		assertThat(admin.pinnedMessage(group)).isNull();
	}

	@Test
	void chatInformation() {
		assertThat(bot.execute(new SetChatTitle(group, "Deal · Brazil")).isOk()).isTrue();
		assertThat(bot.execute(new SetChatDescription(group, "Coffee export")).isOk()).isTrue();
		assertThat(bot.execute(new SendChatAction(group, ChatAction.typing)).isOk()).isTrue();
	}

	@Test
	void inviteLinksEditedRevokedExportedAndRequestsDeclined() {
		ChatInviteLink link = bot.execute(new CreateChatInviteLink(group).createsJoinRequest(true)).chatInviteLink();
		SimulatedUser stranger = sandbox.newUser("Mallory", "en");
		stranger.openLink(link.inviteLink());

		assertThat(bot.execute(new DeclineChatJoinRequest(group, stranger.id())).isOk()).isTrue();
		ChatInviteLink edited = bot.execute(new EditChatInviteLink(group, link.inviteLink()).name("partner")
			.createsJoinRequest(true)).chatInviteLink();
		ChatInviteLink revoked = bot.execute(new RevokeChatInviteLink(group, link.inviteLink())).chatInviteLink();
		String primary = bot.execute(new ExportChatInviteLink(group)).result();

		assertThat(edited.name()).isEqualTo("partner");
		assertThat(revoked.isRevoked()).isTrue();
		assertThat(primary).matches("https://t\\.me/\\+[A-Za-z0-9_-]{22}");
	}

	@Test
	void unbanningAndLeaving() {
		assertThat(bot.execute(new UnbanChatMember(group, admin.id()).onlyIfBanned(true)).isOk()).isTrue();
		assertThat(bot.execute(new LeaveChat(group)).isOk()).isTrue();
		assertThat(sandbox.members(group)).anySatisfy(m -> {
			assertThat(m.id()).isEqualTo(7000000001L);
			assertThat(m.status()).isEqualTo("left");
		});
	}

	@Test
	void botCommandsAndWebhookRemoval() {
		assertThat(bot.execute(new SetMyCommands(new BotCommand("brief", "Start checklist"),
				new BotCommand("support", "Call support"))).isOk()).isTrue();

		assertThat(bot.execute(new GetMyCommands()).commands()).extracting(BotCommand::command)
			.containsExactly("brief", "support");
		assertThat(bot.execute(new DeleteWebhook().dropPendingUpdates(true)).isOk()).isTrue();
	}
}
