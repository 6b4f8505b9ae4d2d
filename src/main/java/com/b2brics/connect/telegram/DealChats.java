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

		/** One of the deal's sides: the importer (or exporter and their manager) or the partner's team. */
		boolean isParty(long userId);

		/** On the partner's team, who owe the answers. */
		boolean isPartner(long userId);

		/** B2BRICS staff of the deal's group. */
		boolean isStaff(long userId);
	}
}
