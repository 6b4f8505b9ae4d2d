package com.b2brics.connect.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service provider company: what it does, where it works, and the people of its team in
 * Telegram, who are told about new chats on its services.
 *
 * @param profiles the profile text per language code
 * @param storefronts slugs of the storefronts it serves
 * @param teamMemberIds Telegram user ids of its team
 * @param teamLinked whether the team's Telegram accounts are linked to the company (demo partners are)
 */
public record Partner(long id, String slug, String companyName, Map<String, String> profiles,
		Set<Specialization> specializations, List<String> storefronts, List<Long> teamMemberIds, boolean teamLinked) {

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

	/** The profile page on a storefront: {@code /russia/partners/eurasia-cargo}. */
	public String path(String storefrontSlug) {
		return "/" + storefrontSlug + "/partners/" + slug;
	}
}
