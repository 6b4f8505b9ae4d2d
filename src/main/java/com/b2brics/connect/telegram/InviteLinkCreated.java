package com.b2brics.connect.telegram;

/**
 * Telegram made the invite link asked for by outbox row {@code outboxId}. Published inside the
 * transaction that records the row as sent, so a synchronous listener's change (the link stored
 * for the person it was made for) commits with it, before any message carrying the link goes out.
 */
public record InviteLinkCreated(long outboxId, long chatId, String url, String name) {
}
