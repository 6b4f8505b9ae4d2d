package com.b2brics.connect.catalog;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A country storefront, the first segment of the site's URLs ({@code /russia}). Its time zone
 * and country drive working hours; its default language is the country's.
 *
 * @param languages the languages its content is written in, default first
 * @param names its name per language code
 */
public record Storefront(long id, String slug, String countryCode, String defaultLanguage, List<String> languages,
		ZoneId timeZone, Map<String, String> names) {

	public Storefront {
		languages = List.copyOf(languages);
		names = Map.copyOf(names);
	}

	/** The name in the locale's language, else in English. */
	public String name(Locale locale) {
		return Texts.pick(names, locale);
	}

	public Locale defaultLocale() {
		return Locale.forLanguageTag(defaultLanguage);
	}

	/** The storefront's page: {@code /russia}. */
	public String path() {
		return "/" + slug;
	}
}
