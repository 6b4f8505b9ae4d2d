package com.b2brics.connect.telegram;

/** The chat an update happened in: its Telegram id, type (private, group, supergroup, channel) and title. */
public record ChatRef(long id, String type, String title) {

	public boolean isPrivate() {
		return "private".equals(type);
	}

	public boolean isGroup() {
		return "group".equals(type) || "supergroup".equals(type);
	}
}
