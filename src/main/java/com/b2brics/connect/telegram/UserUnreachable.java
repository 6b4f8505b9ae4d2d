package com.b2brics.connect.telegram;

/** Telegram refused a message to this user: they blocked the bot or never started it. */
public record UserUnreachable(long userId, String reason) {
}
