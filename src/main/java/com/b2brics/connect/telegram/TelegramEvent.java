package com.b2brics.connect.telegram;

/**
 * What happened in Telegram, translated from one stored update. Published synchronously inside
 * the transaction that marks the update handled, so a listener's state change, the messages it
 * queues and the update's "handled" mark commit together: handled exactly once in effect.
 */
public sealed interface TelegramEvent permits CommandReceived, TextReceived, TextEdited, ButtonPressed,
		ContactShared, DocumentPosted, JoinRequested, MemberJoined, MemberLeft, BotAddedToChat, BotRemovedFromChat,
		ChatMigrated {

	long updateId();

	ChatRef chat();

	/** Who acted; for a member event, the member. */
	TelegramUser user();
}
