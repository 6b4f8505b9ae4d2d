package com.b2brics.connect.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language to answer a user in. The telegram module's default follows Telegram's
 * language_code (one of {@link #SUPPORTED}, English otherwise); the accounts module replaces it
 * with the user's own choice, or the language of the storefront they came from.
 */
public interface UserLanguage {

	/**
	 * Every language the bot and the site speak, in the order they are offered: the one place that
	 * lists them (the /language keyboard, the command menus and the site's switch read it).
	 */
	List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("pt"),
			Locale.forLanguageTag("ar"), Locale.forLanguageTag("zh"), Locale.forLanguageTag("hi"));

	Locale of(TelegramUser user);

	/** Telegram's language_code mapped to a supported locale; English when missing or unsupported. */
	static Locale fromLanguageCode(String languageCode) {
		return supported(languageCode).orElse(Locale.ENGLISH);
	}

	/**
	 * A language tag as Telegram (an IETF tag: {@code pt-br}, {@code zh-hans}, {@code zh-hant-tw},
	 * {@code ar-EG}) or a browser gives it, reduced to the supported language it names; empty when
	 * missing or not one we speak.
	 */
	static Optional<Locale> supported(String languageTag) {
		if (languageTag == null || languageTag.isBlank() || languageTag.length() > 35) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
		return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
	}

	/** The language's name as its own speakers write it: English, Русский, Português, العربية, 中文, हिन्दी. */
	static String nativeName(Locale locale) {
		String name = locale.getDisplayLanguage(locale);
		return name.isEmpty() ? locale.getLanguage() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}
}
