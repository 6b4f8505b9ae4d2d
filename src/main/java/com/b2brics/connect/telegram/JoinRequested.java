package com.b2brics.connect.telegram;

/** A user asked to join a group through one of the bot's invite links that creates join requests. */
public record JoinRequested(long updateId, ChatRef chat, TelegramUser user, String inviteLink, String inviteLinkName)
		implements TelegramEvent {
}
