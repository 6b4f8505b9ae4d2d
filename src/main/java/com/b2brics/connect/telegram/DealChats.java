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
