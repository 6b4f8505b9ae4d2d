package com.b2brics.connect.telegram;

/** A user stopped being a member of a group: left, or was removed or banned ({@code kicked}). */
public record MemberLeft(long updateId, ChatRef chat, TelegramUser user, boolean kicked) implements TelegramEvent {
}
