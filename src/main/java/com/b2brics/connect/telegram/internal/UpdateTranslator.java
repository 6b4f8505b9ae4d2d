package com.b2brics.connect.telegram.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotAddedToChat;
import com.b2brics.connect.telegram.BotRemovedFromChat;
import com.b2brics.connect.telegram.BotRights;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.JoinRequested;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.MemberLeft;
import com.b2brics.connect.telegram.TelegramChats.BotIdentity;
import com.b2brics.connect.telegram.TelegramEvent;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.TextEdited;
import com.b2brics.connect.telegram.TextReceived;
import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.ChatMember;
import com.pengrad.telegrambot.model.ChatMemberUpdated;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.MessageEntity;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;

/**
 * Turns one Bot API update into our typed events, so no other module sees the client library.
 * Membership comes from chat_member updates (reliable for an admin bot), not from the service
 * messages, so a join is reported once. Button data is verified here; a bad press becomes a
 * {@link Translation#rejected} answer instead of an event.
 */
@Component
class UpdateTranslator {

	private final CallbackSigner signer;
	private final BotConnection connection;

	UpdateTranslator(CallbackSigner signer, BotConnection connection) {
		this.signer = signer;
		this.connection = connection;
	}

	record Translation(List<TelegramEvent> events, CallbackQuery rejectedQuery, CallbackSigner.Outcome rejection) {

		static Translation of(List<TelegramEvent> events) {
			return new Translation(events, null, null);
		}
	}

	Translation translate(Update update) {
		long id = update.updateId();
		if (update.message() != null) {
			return Translation.of(fromMessage(id, update.message()));
		}
		if (update.editedMessage() != null) {
			Message m = update.editedMessage();
			if (m.text() != null && m.from() != null) {
				return Translation.of(List.of(new TextEdited(id, chat(m.chat()), user(m.from()), m.messageId(), m.text())));
			}
			return Translation.of(List.of());
		}
		if (update.callbackQuery() != null) {
			return fromCallback(id, update.callbackQuery());
		}
		if (update.chatJoinRequest() != null) {
			var request = update.chatJoinRequest();
			var link = request.inviteLink();
			return Translation.of(List.of(new JoinRequested(id, chat(request.chat()), user(request.from()),
					link == null ? null : link.inviteLink(), link == null ? null : link.name())));
		}
		if (update.myChatMember() != null) {
			return Translation.of(fromMyChatMember(id, update.myChatMember()));
		}
		if (update.chatMember() != null) {
			return Translation.of(fromChatMember(id, update.chatMember()));
		}
		return Translation.of(List.of());
	}

	private List<TelegramEvent> fromMessage(long id, Message m) {
		List<TelegramEvent> events = new ArrayList<>();
		ChatRef chat = chat(m.chat());
		if (m.migrateToChatId() != null) {
			events.add(new ChatMigrated(id, chat, m.from() == null ? null : user(m.from()), m.migrateToChatId()));
			return events;
		}
		if (m.from() == null || Boolean.TRUE.equals(m.from().isBot())) {
			return events;
		}
		TelegramUser from = user(m.from());
		long replyTo = m.replyToMessage() == null ? 0 : m.replyToMessage().messageId();
		if (m.contact() != null) {
			boolean own = m.contact().userId() != null && m.contact().userId().equals(m.from().id());
			events.add(new ContactShared(id, chat, from, m.contact().phoneNumber(), own));
		}
		else if (m.document() != null) {
			var d = m.document();
			events.add(new DocumentPosted(id, chat, from, m.messageId(), d.fileId(), d.fileUniqueId(), d.fileName(),
					d.mimeType(), d.fileSize() == null ? 0 : d.fileSize(), m.caption(), replyTo));
		}
		else if (m.text() != null) {
			TelegramEvent command = command(id, chat, from, m);
			events.add(command != null ? command : new TextReceived(id, chat, from, m.messageId(), m.text(), replyTo));
		}
		return events;
	}

	/** A bot_command entity at offset 0 addressed to us (or to nobody in particular). */
	private TelegramEvent command(long id, ChatRef chat, TelegramUser from, Message m) {
		MessageEntity[] entities = m.entities();
		if (entities == null || entities.length == 0 || entities[0].type() != MessageEntity.Type.bot_command
				|| entities[0].offset() != 0) {
			return null;
		}
		String text = m.text();
		int end = Math.min(text.length(), entities[0].length());
		String command = text.substring(1, end);
		int at = command.indexOf('@');
		if (at >= 0) {
			BotIdentity bot = connection.identity();
			String addressee = command.substring(at + 1);
			if (bot != null && !addressee.equalsIgnoreCase(bot.username())) {
				return null;
			}
			command = command.substring(0, at);
		}
		String args = text.substring(end).trim();
		long replyTo = m.replyToMessage() == null ? 0 : m.replyToMessage().messageId();
		return new CommandReceived(id, chat, from, m.messageId(), command.toLowerCase(Locale.ROOT), args, replyTo);
	}

	private Translation fromCallback(long id, CallbackQuery query) {
		TelegramUser from = user(query.from());
		var message = query.maybeInaccessibleMessage();
		ChatRef chat = message != null && message.chat() != null ? chat(message.chat())
				: new ChatRef(from.id(), "private", null);
		long messageId = message == null || message.messageId() == null ? 0 : message.messageId();
		CallbackSigner.Verdict verdict = signer.verify(query.data(), from.id());
		if (verdict.outcome() != CallbackSigner.Outcome.VALID) {
			return new Translation(List.of(), query, verdict.outcome());
		}
		return Translation.of(List.of(new ButtonPressed(id, chat, from, messageId, query.id(), verdict.action(),
				verdict.payload())));
	}

	private List<TelegramEvent> fromMyChatMember(long id, ChatMemberUpdated change) {
		ChatRef chat = chat(change.chat());
		TelegramUser by = user(change.from());
		ChatMember now = change.newChatMember();
		return switch (now.status()) {
			case administrator, creator -> List.of(new BotAddedToChat(id, chat, by, rights(now)));
			case member, restricted -> chat.isPrivate() ? List.of() : List.of(new BotAddedToChat(id, chat, by, BotRights.NONE));
			case left, kicked -> List.of(new BotRemovedFromChat(id, chat, by));
		};
	}

	private List<TelegramEvent> fromChatMember(long id, ChatMemberUpdated change) {
		ChatRef chat = chat(change.chat());
		TelegramUser member = user(change.newChatMember().user());
		boolean wasIn = isIn(change.oldChatMember());
		boolean isIn = isIn(change.newChatMember());
		if (!wasIn && isIn) {
			var link = change.inviteLink();
			return List.of(new MemberJoined(id, chat, member, link == null ? null : link.inviteLink()));
		}
		if (wasIn && !isIn) {
			return List.of(new MemberLeft(id, chat, member, change.newChatMember().status() == ChatMember.Status.kicked));
		}
		return List.of();
	}

	private static boolean isIn(ChatMember member) {
		if (member == null) {
			return false;
		}
		return switch (member.status()) {
			case creator, administrator, member -> true;
			case restricted -> Boolean.TRUE.equals(member.isMember());
			case left, kicked -> false;
		};
	}

	private static BotRights rights(ChatMember m) {
		return new BotRights(true, Boolean.TRUE.equals(m.canInviteUsers()), Boolean.TRUE.equals(m.canChangeInfo()),
				Boolean.TRUE.equals(m.canPinMessages()), Boolean.TRUE.equals(m.canRestrictMembers()),
				Boolean.TRUE.equals(m.canDeleteMessages()));
	}

	static ChatRef chat(Chat chat) {
		String type = chat.type() == null ? "private" : chat.type() == Chat.Type.Private ? "private" : chat.type().name();
		return new ChatRef(chat.id(), type, chat.title());
	}

	static TelegramUser user(User user) {
		return new TelegramUser(user.id(), user.firstName(), user.lastName(), user.username(), user.languageCode(),
				Boolean.TRUE.equals(user.isBot()));
	}
}
