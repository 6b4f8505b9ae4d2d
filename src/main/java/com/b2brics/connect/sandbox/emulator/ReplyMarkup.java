package com.b2brics.connect.sandbox.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates and normalizes a {@code reply_markup}: an inline keyboard (callback, URL and
 * copy-text buttons; callback data of 1–64 bytes), a reply keyboard (text and request-contact
 * buttons), a keyboard removal or a forced reply, with Telegram's error texts.
 */
final class ReplyMarkup {

	private ReplyMarkup() {
	}

	static boolean isInline(Map<String, Object> markup) {
		return markup != null && markup.containsKey("inline_keyboard");
	}

	static Map<String, Object> parse(Object json) {
		if (json == null) {
			return null;
		}
		if (!(json instanceof Map<?, ?> raw)) {
			throw invalid();
		}
		if (raw.containsKey("inline_keyboard")) {
			return Map.of("inline_keyboard", inlineKeyboard(raw.get("inline_keyboard")));
		}
		if (raw.containsKey("keyboard")) {
			return replyKeyboard(raw);
		}
		if (raw.containsKey("remove_keyboard")) {
			return Json.obj("remove_keyboard", true, "selective", raw.get("selective"));
		}
		if (raw.containsKey("force_reply")) {
			return Json.obj("force_reply", true, "input_field_placeholder", raw.get("input_field_placeholder"),
					"selective", raw.get("selective"));
		}
		throw invalid();
	}

	private static List<List<Map<String, Object>>> inlineKeyboard(Object rows) {
		if (!(rows instanceof List<?> list)) {
			throw TelegramError.badRequest("reply_markup_invalid",
					"field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
		}
		List<List<Map<String, Object>>> keyboard = new ArrayList<>();
		for (Object row : list) {
			if (!(row instanceof List<?> buttons)) {
				throw TelegramError.badRequest("reply_markup_invalid",
						"field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
			}
			List<Map<String, Object>> parsed = new ArrayList<>();
			for (Object button : buttons) {
				parsed.add(inlineButton(button));
			}
			keyboard.add(parsed);
		}
		return keyboard;
	}

	private static Map<String, Object> inlineButton(Object json) {
		if (!(json instanceof Map<?, ?> button)) {
			throw TelegramError.badRequest("reply_markup_invalid",
					"can't parse inline keyboard button: InlineKeyboardButton must be an Object");
		}
		Object text = button.get("text");
		if (!(text instanceof String label) || label.isEmpty()) {
			throw TelegramError.badRequest("reply_markup_invalid",
					"can't parse inline keyboard button: Field \"text\" must be of type String");
		}
		Map<String, Object> parsed = new LinkedHashMap<>();
		parsed.put("text", label);
		if (button.get("callback_data") != null) {
			String data = String.valueOf(button.get("callback_data"));
			int bytes = data.getBytes(StandardCharsets.UTF_8).length;
			if (bytes == 0 || bytes > 64) {
				throw TelegramError.badRequest("callback_data_too_long", "BUTTON_DATA_INVALID");
			}
			parsed.put("callback_data", data);
		}
		else if (button.get("url") != null) {
			String url = String.valueOf(button.get("url"));
			if (!url.matches("(?i)(https?|tg)://[^\\s]+")) {
				throw TelegramError.badRequest("button_url_invalid", "BUTTON_URL_INVALID");
			}
			parsed.put("url", url);
		}
		else if (button.get("copy_text") != null) {
			Object copy = button.get("copy_text");
			Object copied = copy instanceof Map<?, ?> m ? m.get("text") : null;
			if (!(copied instanceof String s) || s.isEmpty() || s.length() > 256) {
				throw TelegramError.badRequest("reply_markup_invalid",
						"can't parse inline keyboard button: Field \"copy_text\" must be of type CopyTextButton");
			}
			parsed.put("copy_text", Map.of("text", s));
		}
		else {
			boolean other = false;
			for (String kind : List.of("login_url", "switch_inline_query", "switch_inline_query_current_chat",
					"switch_inline_query_chosen_chat", "web_app", "callback_game", "pay")) {
				if (button.containsKey(kind)) {
					parsed.put(kind, button.get(kind));
					other = true;
				}
			}
			if (!other) {
				throw TelegramError.badRequest("reply_markup_invalid",
						"can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
			}
		}
		return parsed;
	}

	private static Map<String, Object> replyKeyboard(Map<?, ?> raw) {
		if (!(raw.get("keyboard") instanceof List<?> rows)) {
			throw TelegramError.badRequest("reply_markup_invalid",
					"field \"keyboard\" of the ReplyKeyboardMarkup must be an Array");
		}
		List<List<Map<String, Object>>> keyboard = new ArrayList<>();
		for (Object row : rows) {
			if (!(row instanceof List<?> buttons)) {
				throw TelegramError.badRequest("reply_markup_invalid",
						"field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
			}
			List<Map<String, Object>> parsed = new ArrayList<>();
			for (Object button : buttons) {
				if (button instanceof String text) {
					parsed.add(Map.of("text", text));
				}
				else if (button instanceof Map<?, ?> map && map.get("text") instanceof String text && !text.isEmpty()) {
					Map<String, Object> b = new LinkedHashMap<>();
					map.forEach((k, v) -> b.put(String.valueOf(k), v));
					parsed.add(b);
				}
				else {
					throw TelegramError.badRequest("reply_markup_invalid",
							"can't parse keyboard button: Field \"text\" must be of type String");
				}
			}
			keyboard.add(parsed);
		}
		Map<String, Object> markup = new LinkedHashMap<>();
		markup.put("keyboard", keyboard);
		for (String option : List.of("is_persistent", "resize_keyboard", "one_time_keyboard", "input_field_placeholder",
				"selective")) {
			if (raw.get(option) != null) {
				markup.put(option, raw.get(option));
			}
		}
		return markup;
	}

	private static TelegramError invalid() {
		return TelegramError.badRequest("reply_markup_invalid", "can't parse reply keyboard markup JSON object");
	}
}
