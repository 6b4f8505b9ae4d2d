package com.b2brics.connect.telegram;

import java.util.Optional;

/**
 * Everything the bot says or does in chats goes through here. Each call writes a durable row in
 * the caller's transaction (so it is sent if and only if the caller's change commits); a
 * sender delivers the rows within Telegram's limits, retrying until Telegram accepts them.
 * Every method returns the outbox id of the queued row.
 */
public interface Outbox {

	long send(OutgoingMessage message);

	long editText(long chatId, MessageRef message, String html, Keyboard.Inline keyboard, Priority priority);

	long editKeyboard(long chatId, MessageRef message, Keyboard.Inline keyboard);

	long delete(long chatId, MessageRef message);

	long pin(long chatId, MessageRef message);

	long unpinAll(long chatId);

	/** Answers a button press (text shown as a toast, or an alert); empty text just stops the spinner. */
	long answerButton(String callbackQueryId, String text, boolean alert);

	long setChatTitle(long chatId, String title);

	long setChatDescription(long chatId, String description);

	long approveJoinRequest(long chatId, long userId);

	long declineJoinRequest(long chatId, long userId);

	long removeMember(long chatId, long userId);

	long unbanMember(long chatId, long userId);

	long revokeInviteLink(long chatId, String inviteLink);

	long leaveChat(long chatId);

	/** Telegram's message id of a sent message, once the sender has it. */
	Optional<Long> telegramMessageId(long outboxId);

	/** Where a queued row stands: PENDING, SENDING, SENT, FAILED or UNREACHABLE. */
	Optional<String> status(long outboxId);
}
