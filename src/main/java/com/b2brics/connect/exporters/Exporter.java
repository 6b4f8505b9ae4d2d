package com.b2brics.connect.exporters;

import java.time.Instant;

/**
 * An exporter's registration as stored: unfinished while {@code state} names the step it waits
 * at, complete when REGISTERED.
 */
record Exporter(long id, long telegramUserId, State state, String company, String storefrontSlug, String phone,
		boolean contactVerified, String referralCode, String referralPartner, Instant startedAt, Instant registeredAt,
		Long managerId, Long groupChatId) {

	/** Where a registration stands. */
	enum State {
		COMPANY, STOREFRONT, REFERRAL, CONTACT, REGISTERED
	}

	boolean registered() {
		return state == State.REGISTERED;
	}
}
