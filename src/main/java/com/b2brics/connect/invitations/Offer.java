package com.b2brics.connect.invitations;

import java.time.Instant;

/** The invitation offered to one candidate partner, until its deadline. Only a LIVE offer can change. */
record Offer(long id, long invitationId, long partnerId, Status status, Instant offeredAt, Instant deadline,
		Instant answeredAt, Long answeredBy, String declineReason) {

	enum Status {
		LIVE, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
	}

	boolean isLive() {
		return status == Status.LIVE;
	}
}
