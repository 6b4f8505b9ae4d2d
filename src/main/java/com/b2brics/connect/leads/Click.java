package com.b2brics.connect.leads;

import java.time.Instant;

/** A press on "Contact in Telegram": which service on which storefront, by which visitor, until when its payload works. */
record Click(long id, String payload, String storefrontSlug, long serviceId, String referralCode, String visitorId,
		boolean crawler, Instant clickedAt, Instant expiresAt) {

	boolean expiredAt(Instant now) {
		return now.isAfter(expiresAt);
	}
}
