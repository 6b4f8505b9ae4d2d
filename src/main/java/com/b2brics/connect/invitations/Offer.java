package com.b2brics.connect.invitations;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The invitation offered to one candidate partner, until its deadline. Only a LIVE offer can
 * change ({@link Status#next()}): a team member accepts or declines it before the deadline, it
 * expires at the deadline, or it is withdrawn with its invitation. Each change is a method that
 * refuses an offer in the wrong state or on the wrong side of the deadline ({@link IllegalTransition})
 * and returns the offer as it is afterwards; {@link Invitations#saveFinished} stores it only if
 * the row is still LIVE.
 */
record Offer(long id, long invitationId, long partnerId, Status status, Instant offeredAt, Instant deadline,
		Instant answeredAt, Long answeredBy, String declineReason) {

	enum Status {
		LIVE, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN;

		/** The states an offer in this one may move to: the whole transition table of an offer. */
		Set<Status> next() {
			return this == LIVE ? EnumSet.of(ACCEPTED, DECLINED, EXPIRED, WITHDRAWN) : EnumSet.noneOf(Status.class);
		}

		boolean canMoveTo(Status target) {
			return next().contains(target);
		}
	}

	boolean isLive() {
		return status == Status.LIVE;
	}

	/** Its deadline has come: a Join or Decline now is too late, and it may expire. */
	boolean isPastDeadline(Instant now) {
		return !now.isBefore(deadline);
	}

	/** A team member of the offered partner joins, before the deadline. */
	Offer accept(long by, Instant now) {
		if (isPastDeadline(now)) {
			throw new IllegalTransition("offer " + id + " cannot be accepted after its deadline " + deadline);
		}
		return moveTo(Status.ACCEPTED, now, by, null);
	}

	/** A team member of the offered partner declines, with a reason (BUSY, NOT_MY_FIELD, OTHER), before the deadline. */
	Offer decline(long by, String reason, Instant now) {
		if (isPastDeadline(now)) {
			throw new IllegalTransition("offer " + id + " cannot be declined after its deadline " + deadline);
		}
		return moveTo(Status.DECLINED, now, by, reason);
	}

	/** Nobody answered by the deadline. */
	Offer expire(Instant now) {
		if (!isPastDeadline(now)) {
			throw new IllegalTransition("offer " + id + " cannot expire before its deadline " + deadline);
		}
		return moveTo(Status.EXPIRED, now, null, null);
	}

	/** Its invitation ended (cancelled by someone, or the deal closed) while it was live. */
	Offer withdraw(Long by, Instant now) {
		return moveTo(Status.WITHDRAWN, now, by, null);
	}

	private Offer moveTo(Status target, Instant now, Long by, String reason) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTransition("offer " + id + " cannot become " + target + " while " + status);
		}
		return new Offer(id, invitationId, partnerId, target, offeredAt, deadline, now, by, reason);
	}
}
