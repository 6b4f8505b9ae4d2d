package com.b2brics.connect.invitations;

import java.util.Locale;
import java.util.Set;

/**
 * A deal with a working group, as the invitation engine needs to know it: who its parties are,
 * where it happens, and what it is about in one line. Implemented by the module owning the deal
 * (leads today; exporters' product deals and personal groups later).
 */
public interface Deal {

	/** Unique across all kinds of deal: the provider's prefix and its id, e.g. {@code lead:42}. */
	String key();

	/** The deal's working group. */
	long chatId();

	/** The storefront the deal happens on: candidates must serve it. */
	String storefrontSlug();

	/** Whether this person may ask for a partner in this deal. */
	boolean mayInvite(long userId);

	/** Partner companies already part of the deal: never candidates. */
	Set<Long> partnerIds();

	/** The deal in one short line of plain text, for example: Rail freight China – Russia from EurAsia Cargo, importer Ivan. */
	String summary(Locale locale);
}
