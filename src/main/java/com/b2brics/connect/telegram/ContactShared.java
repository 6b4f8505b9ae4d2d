package com.b2brics.connect.telegram;

/**
 * A user shared a contact. {@code own} is true when it is the sender's own phone number (the
 * contact's user id equals the sender's, which Telegram guarantees for a request_contact button):
 * only then is it a verification.
 */
public record ContactShared(long updateId, ChatRef chat, TelegramUser user, String phoneNumber, boolean own)
		implements TelegramEvent {
}
