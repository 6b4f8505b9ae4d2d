package com.b2brics.connect.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * An offering on one storefront: a service a partner offers, or a product an exporter sells; its
 * slug is unique on that storefront across both kinds. The "Contact in Telegram" button of its
 * card opens a lead on it, the same way for both kinds, so the lead flow needs no copy for
 * products.
 *
 * @param partnerId the company offering it: a partner for a service, an exporter for a product
 * @param partnerName the company's name, carried along because every listing shows it
 * @param specialization what kind of service it is; null for a product
 * @param kind a partner's service or an exporter's product
 * @param titles the title per language code
 * @param descriptions the description per language code
 */
public record Service(long id, String slug, long storefrontId, String storefrontSlug, long partnerId,
		String partnerSlug, String partnerName, Specialization specialization, Kind kind, Map<String, String> titles,
		Map<String, String> descriptions) {

	/** What is offered: a partner's service or an exporter's product. */
	public enum Kind {
		/** A partner's service in a specialization. */
		SERVICE,
		/** An exporter's product, without a specialization. */
		PRODUCT
	}

	public Service {
		titles = Map.copyOf(titles);
		descriptions = Map.copyOf(descriptions);
	}

	/** True for an exporter's product. */
	public boolean isProduct() {
		return kind == Kind.PRODUCT;
	}

	/** The title in the locale's language, else in English. */
	public String title(Locale locale) {
		return Texts.pick(titles, locale);
	}

	/** The description in the locale's language, else in English. */
	public String description(Locale locale) {
		return Texts.pick(descriptions, locale);
	}

	/** The card: {@code /russia/services/container-shipping} or {@code /russia/products/wheat}. */
	public String path() {
		return "/" + storefrontSlug + (isProduct() ? "/products/" : "/services/") + slug;
	}

	/** The profile of the partner or exporter on this storefront. */
	public String partnerPath() {
		return "/" + storefrontSlug + (isProduct() ? "/exporters/" : "/partners/") + partnerSlug;
	}
}
