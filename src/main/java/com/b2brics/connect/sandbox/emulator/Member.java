package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** A user's (or the bot's) standing in a group: Telegram's ChatMember. */
final class Member {

	final long userId;

	String status;

	Map<String, Boolean> rights;

	/** The first message id posted after the user (re)joined: earlier history is shown as history. */
	long joinedAtMessageId;

	Member(long userId, String status, Map<String, Boolean> rights, long joinedAtMessageId) {
		this.userId = userId;
		this.status = status;
		this.rights = rights;
		this.joinedAtMessageId = joinedAtMessageId;
	}

	boolean isIn() {
		return status.equals("creator") || status.equals("administrator") || status.equals("member")
				|| status.equals("restricted");
	}

	boolean isAdmin() {
		return status.equals("creator") || status.equals("administrator");
	}

	boolean can(String right) {
		return status.equals("creator") || (status.equals("administrator") && rights != null
				&& Boolean.TRUE.equals(rights.get(right)));
	}

	Member copy() {
		return new Member(userId, status, rights == null ? null : Map.copyOf(rights), joinedAtMessageId);
	}

	/** The ChatMember object; {@code user} is the User object of the member. */
	Map<String, Object> toJson(Map<String, Object> user) {
		Map<String, Object> json = Json.obj("status", status, "user", user);
		switch (status) {
			case "creator" -> json.put("is_anonymous", false);
			case "administrator" -> {
				json.put("can_be_edited", false);
				json.put("is_anonymous", false);
				rights.forEach(json::put);
			}
			case "kicked" -> json.put("until_date", 0);
			default -> {
			}
		}
		return json;
	}
}
