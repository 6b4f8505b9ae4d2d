package com.b2brics.connect.telegram;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the bot says or does in chats goes through here. Each call writes a durable row in
 * the caller's transaction (so it is sent if and only if the caller's change commits); a
 * sender delivers the rows within Telegram's limits, retrying until Telegram accepts them.
 * Every method returns the outbox id of the queued row.
 * <p>
 * Texts are fitted to Telegram's limits here, in one place (message text 4096 and caption 1024
 * characters after HTML parsing, button answer 200, button label 64, title 128, description 255,
 * invite link name 32): an over-long text is cut and logged, never refused. Callers still cut the
 * user input they echo ({@link Html#cut}) so the cut falls where it belongs.
 */
public interface Outbox {

	long send(OutgoingMessage message);

	long editText(long chatId, MessageRef message, String html, Keyboard.Inline keyboard, Priority priority);

	/**
	 * Copies a message the bot can read (a file a person sent it in private chat) into another chat,
	 * without the "forwarded from" header ({@code copyMessage}), replying to {@code replyTo} there when
	 * it is &gt; 0 (Telegram's message id); the copy's id is then {@link #telegramMessageId} of the row.
	 */
	long copyMessage(long chatId, long fromChatId, long messageId, long replyTo, Priority priority);

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

	/** {@code inviteLink} may be a {@link PendingLink#url()}: the link is revoked once it exists. */
	long revokeInviteLink(long chatId, String inviteLink);

	/**
	 * Asks Telegram for an invite link into the group, named {@code name} (Telegram repeats the name
	 * in every join request through the link), needing an admin's approval when
	 * {@code createsJoinRequest}, expiring at {@code expiresAt} (null: never). Nothing is called
	 * now: the sender makes the link when Telegram lets it, publishes {@link InviteLinkCreated} in
	 * the transaction that records it, and only then sends the messages that carry the returned
	 * {@link PendingLink#url()}.
	 */
	PendingLink createInviteLink(long chatId, String name, boolean createsJoinRequest, Instant expiresAt);

	long leaveChat(long chatId);

	/** Telegram's message id of a sent message, once the sender has it. */
	Optional<Long> telegramMessageId(long outboxId);

	/** The row that sent the chat's message with this Telegram id (the reverse of {@link #telegramMessageId}). */
	Optional<Long> sentAs(long chatId, long telegramMessageId);

	/** Where a queued row stands: PENDING, SENDING, SENT, FAILED or UNREACHABLE. */
	Optional<String> status(long outboxId);
}
