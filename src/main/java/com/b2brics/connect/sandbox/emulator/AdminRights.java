package com.b2brics.connect.sandbox.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rights of a chat administrator, by Telegram's field names. */
final class AdminRights {

	static final List<String> NAMES = List.of("can_manage_chat", "can_delete_messages", "can_manage_video_chats",
			"can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
			"can_edit_stories", "can_delete_stories", "can_pin_messages", "can_manage_topics");

	private AdminRights() {
	}

	/** What a group creator usually grants a bot: everything the working groups need. */
	static Map<String, Boolean> full() {
		Map<String, Boolean> rights = new LinkedHashMap<>();
		NAMES.forEach(name -> rights.put(name, !name.equals("can_promote_members")));
		return rights;
	}

	static Map<String, Boolean> of(Map<?, ?> requested) {
		if (requested == null) {
			return full();
		}
		Map<String, Boolean> rights = new LinkedHashMap<>();
		for (String name : NAMES) {
			Object value = requested.get(name);
			rights.put(name, value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString()));
		}
		rights.put("can_manage_chat", true);
		return rights;
	}
}
