package com.b2brics.connect.telegram;

/** A Telegram user as the Bot API reports them; {@code id} is also their private chat id. */
public record TelegramUser(long id, String firstName, String lastName, String username, String languageCode,
		boolean isBot) {

	public String displayName() {
		return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
	}
}
