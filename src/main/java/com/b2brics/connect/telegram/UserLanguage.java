package com.b2brics.connect.telegram;

import java.util.List;
import java.util.Locale;

/**
 * The language to answer a user in. The telegram module's default follows Telegram's
 * language_code (Russian or English, English otherwise); the accounts module replaces it with
 * the user's own choice.
 */
public interface UserLanguage {

	/** Every language the bot speaks, its default (English) first: the bundles, /language and the command menus follow it. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	Locale of(TelegramUser user);

	/** Telegram's language_code mapped to a supported locale. */
	static Locale fromLanguageCode(String languageCode) {
		return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("ru") ? Locale.forLanguageTag("ru")
				: Locale.ENGLISH;
	}
}
