package com.b2brics.connect.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A company with a team in Telegram: a service provider (a partner) or an exporter. What it does,
 * where it works, and the people of its team, who are told about new chats on its services or
 * products. Only partners have specializations and are ever invitation candidates.
 *
 * @param profiles the profile text per language code
 * @param storefronts slugs of the storefronts it serves
 * @param teamMemberIds Telegram user ids of its team
 * @param teamLinked whether the team's Telegram accounts are linked to the company (demo partners are)
 * @param kind a service partner or an exporter
 */
public record Partner(long id, String slug, String companyName, Map<String, String> profiles,
		Set<Specialization> specializations, List<String> storefronts, List<Long> teamMemberIds, boolean teamLinked,
		Kind kind) {

	/** What the company is on the platform. */
	public enum Kind {
		/** A service provider: logistics, certification, customs and so on. */
		PARTNER,
		/** An exporter selling its products on a storefront. */
		EXPORTER
	}

	public Partner {
		profiles = Map.copyOf(profiles);
		specializations = specializations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specializations));
		storefronts = List.copyOf(storefronts);
		teamMemberIds = List.copyOf(teamMemberIds);
	}

	/** The profile text in the locale's language, else in English. */
	public String profile(Locale locale) {
		return Texts.pick(profiles, locale);
	}

	/** The specializations in the site's order. */
	public List<Specialization> specializationsInOrder() {
		return specializations.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(specializations));
	}

	public boolean serves(String storefrontSlug) {
		return storefronts.contains(storefrontSlug);
	}

	/** True for an exporter. */
	public boolean isExporter() {
		return kind == Kind.EXPORTER;
	}

	/** The profile page on a storefront: {@code /russia/partners/eurasia-cargo} or {@code /russia/exporters/volga-grain}. */
	public String path(String storefrontSlug) {
		return "/" + storefrontSlug + (isExporter() ? "/exporters/" : "/partners/") + slug;
	}
}
