package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** The emulated bot: its token, and the user it appears as. */
public record BotIdentity(long id, String token, String username, String firstName) {

	static BotIdentity of(String token, String username, String firstName) {
		long id;
		try {
			id = Long.parseLong(token.substring(0, token.indexOf(':')));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("A bot token looks like <bot id>:<secret>, got " + token, e);
		}
		return new BotIdentity(id, token, username, firstName);
	}

	Map<String, Object> toJson() {
		return Json.obj("id", id, "is_bot", true, "first_name", firstName, "username", username);
	}

	Map<String, Object> getMe() {
		return Json.obj("id", id, "is_bot", true, "first_name", firstName, "username", username, "can_join_groups",
				true, "can_read_all_group_messages", false, "supports_inline_queries", false, "can_connect_to_business",
				false, "has_main_web_app", false);
	}
}
