package com.b2brics.connect.leads;

/**
 * An importer pressed Start on a Contact link: a new lead waits for its working group.
 * {@code referralCode} is the partner's referral code the visitor's browser carried when they
 * pressed Contact (the b2b_ref cookie), as stored with the click; null without one.
 */
public record LeadOpened(long leadId, long serviceId, long partnerId, String storefrontSlug, long importerId,
		String referralCode) {
}
