package com.b2brics.connect.telegram;

import java.util.Optional;

/**
 * What the router asks to route {@link Where#DEAL_GROUP} commands and check {@link Who}'s deal
 * roles: implemented by each module that owns deals with working groups (no dependency of
 * {@code telegram} on them). Asked inside the update's transaction; must only read.
 */
public interface DealChats {

	/** The open deal this group serves, if this module owns one there. */
	Optional<DealRoles> dealIn(long chatId);

	/**
	 * The open deals with a working group where the person is one of the sides (the deals a person
	 * may call support about from their private chat), oldest first; none by default.
	 *
	 * @param locale the language of each deal's {@link DealRef#summary()}
	 */
	default java.util.List<DealRef> dealsOf(long userId, java.util.Locale locale) {
		return java.util.List.of();
	}

	/** One deal as a person's list shows it: its key, its group, its storefront, one line of plain text. */
	record DealRef(String key, long chatId, String storefrontSlug, String summary) {
	}

	/** Who is who in one deal. */
	interface DealRoles {

		/** The deal's key, unique across kinds of deal ({@code lead:42}, {@code exporter:7}). */
		String dealKey();

		/** The storefront the deal happens on: its calendar and languages. */
		String storefrontSlug();

		/** The deal in one short line of plain text, for the deal card. */
		String summary(java.util.Locale locale);

		/**
		 * The side that orders and pays: the importer of a lead (service or product), the exporter
		 * and their manager in the exporter's personal group. They confirm stages and accept them.
		 */
		boolean isCustomer(long userId);

		/**
		 * The side that does the work: the partner's team of a lead (the exporter's team for a
		 * product) and partners invited into the deal who are in its group. They propose stages
		 * and report them ready.
		 */
		boolean isSupplier(long userId);

		/** One of the deal's sides: the importer (or exporter and their manager) or the partner's team. */
		boolean isParty(long userId);

		/** On the partner's team, who owe the answers. */
		boolean isPartner(long userId);

		/** B2BRICS staff of the deal's group. */
		boolean isStaff(long userId);
	}
}
