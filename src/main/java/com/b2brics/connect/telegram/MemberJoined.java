package com.b2brics.connect.telegram;

/** A user became a member of a group ({@code user} is the member; {@code inviteLink} if they came by one). */
public record MemberJoined(long updateId, ChatRef chat, TelegramUser user, String inviteLink)
		implements TelegramEvent {
}
