package com.b2brics.connect.telegram;

/**
 * An invite link asked for through the {@link Outbox} and not made yet. {@code url} is a signed
 * stand-in: put it into the text or a button of any message queued in the outbox, and the sender
 * sends that message only after Telegram has made the link, with the link in its place (if the
 * link cannot be made, the message fails with it). It means nothing outside the outbox.
 */
public record PendingLink(long outboxId, String url) {
}
