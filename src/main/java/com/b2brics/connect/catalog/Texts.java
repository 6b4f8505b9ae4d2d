package com.b2brics.connect.catalog;

import java.util.Locale;
import java.util.Map;

/** Picks the text for a locale from texts kept per language: the language, else English, else any. */
final class Texts {

	static final String FALLBACK_LANGUAGE = "en";

	private Texts() {
	}

	static String pick(Map<String, String> byLanguage, Locale locale) {
		if (byLanguage.isEmpty()) {
			return "";
		}
		String text = locale == null ? null : byLanguage.get(locale.getLanguage());
		if (text == null) {
			text = byLanguage.get(FALLBACK_LANGUAGE);
		}
		return text != null ? text : byLanguage.values().iterator().next();
	}
}
