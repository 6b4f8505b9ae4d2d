package com.b2brics.connect.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * A service a partner offers on one storefront; its slug is unique on that storefront. The
 * "Contact in Telegram" button of its card opens a lead on it.
 *
 * @param partnerName the partner's company name, carried along because every listing shows it
 * @param titles the title per language code
 * @param descriptions the description per language code
 */
public record Service(long id, String slug, long storefrontId, String storefrontSlug, long partnerId,
		String partnerSlug, String partnerName, Specialization specialization, Map<String, String> titles,
		Map<String, String> descriptions) {

	public Service {
		titles = Map.copyOf(titles);
		descriptions = Map.copyOf(descriptions);
	}

	/** The title in the locale's language, else in English. */
	public String title(Locale locale) {
		return Texts.pick(titles, locale);
	}

	/** The description in the locale's language, else in English. */
	public String description(Locale locale) {
		return Texts.pick(descriptions, locale);
	}

	/** The service card: {@code /russia/services/container-shipping}. */
	public String path() {
		return "/" + storefrontSlug + "/services/" + slug;
	}

	/** The partner's profile on this service's storefront. */
	public String partnerPath() {
		return "/" + storefrontSlug + "/partners/" + partnerSlug;
	}
}
