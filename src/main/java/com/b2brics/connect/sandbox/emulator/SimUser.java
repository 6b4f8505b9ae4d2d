package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** A simulated Telegram user: who they are and where they stand with the bot. */
final class SimUser {

	final long id;

	final String firstName;

	final String lastName;

	final String username;

	final String languageCode;

	String phone;

	/** Pressed Start at least once: the bot may write to them. */
	boolean startedBot;

	boolean blockedBot;

	SimUser(long id, String firstName, String lastName, String username, String languageCode, String phone) {
		this.id = id;
		this.firstName = firstName;
		this.lastName = lastName;
		this.username = username;
		this.languageCode = languageCode;
		this.phone = phone;
	}

	/** The {@code User} object the bot sees. */
	Map<String, Object> toJson() {
		return Json.obj("id", id, "is_bot", false, "first_name", firstName, "last_name", lastName, "username", username,
				"language_code", languageCode);
	}

	String displayName() {
		return lastName == null ? firstName : firstName + " " + lastName;
	}
}
