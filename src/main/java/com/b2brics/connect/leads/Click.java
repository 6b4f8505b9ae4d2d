package com.b2brics.connect.leads;

import java.time.Instant;

/**
 * A press on "Contact in Telegram": which service on which storefront, by which visitor, until
 * when its payload works, and who pressed Start with it first (null: nobody yet); the payload is
 * theirs from then on.
 */
record Click(long id, String payload, String storefrontSlug, long serviceId, String referralCode, String visitorId,
		boolean crawler, Instant clickedAt, Instant expiresAt, Long redeemedBy) {

	boolean expiredAt(Instant now) {
		return now.isAfter(expiresAt);
	}

	/** Someone other than the user pressed Start with this payload first. */
	boolean belongsToSomeoneElseThan(long userId) {
		return redeemedBy != null && redeemedBy != userId;
	}
}
