package com.b2brics.connect.sandbox.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message as a simulated person sees it: who wrote it, its text, its inline buttons, whether
 * it is pinned or edited, an attached document's name, a service line ("X joined the group").
 */
public record SeenMessage(long id, long fromId, String text, List<String> buttons, boolean pinned, boolean edited,
		long date, String documentName, String service, Map<String, Object> raw) {

	@SuppressWarnings("unchecked")
	static SeenMessage from(Map<String, Object> m) {
		List<String> buttons = new ArrayList<>();
		Map<String, Object> markup = (Map<String, Object>) m.get("reply_markup");
		if (markup != null && markup.get("inline_keyboard") instanceof List<?> rows) {
			for (Object row : rows) {
				for (Object button : (List<Object>) row) {
					buttons.add((String) ((Map<String, Object>) button).get("text"));
				}
			}
		}
		Map<String, Object> document = (Map<String, Object>) m.get("document");
		return new SeenMessage(((Number) m.get("id")).longValue(), ((Number) m.get("from_id")).longValue(),
				(String) m.get("text"), List.copyOf(buttons), Boolean.TRUE.equals(m.get("pinned")),
				Boolean.TRUE.equals(m.get("edited")), ((Number) m.get("date")).longValue(),
				document == null ? null : (String) document.get("file_name"), (String) m.get("service"), m);
	}

	@SuppressWarnings("unchecked")
	static List<SeenMessage> listFrom(Map<String, Object> view) {
		return ((List<Map<String, Object>>) view.get("messages")).stream().map(SeenMessage::from).toList();
	}

	public boolean hasButton(String label) {
		return buttons.contains(label);
	}

	/** The button's callback_data, url or copy_text as the bot set it. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> button(String label) {
		Map<String, Object> markup = (Map<String, Object>) raw.get("reply_markup");
		for (Object row : (List<Object>) markup.get("inline_keyboard")) {
			for (Object button : (List<Object>) row) {
				if (label.equals(((Map<String, Object>) button).get("text"))) {
					return (Map<String, Object>) button;
				}
			}
		}
		throw new IllegalArgumentException("no button " + label + " on message " + id);
	}

	public boolean isService() {
		return service != null;
	}
}
