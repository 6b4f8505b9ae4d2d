package com.b2brics.connect.exporters;

/**
 * Whether a partner's referral code may be used by the exporter registering now. Implemented by
 * the referrals module; without an implementation, registration goes on without codes.
 */
public interface ReferralCodeCheck {

	/**
	 * Checks a code as typed (any case, surrounding spaces) or carried in a link; changes nothing.
	 */
	Verdict check(String code, long telegramUserId);

	/** What a check found. */
	enum Outcome {
		/** The code exists, is active, and is not the registering person's own team's. */
		ACCEPTED,
		/** No such code. */
		UNKNOWN,
		/** The partner deactivated the code. */
		INACTIVE,
		/** The registering person is on the team of the partner the code belongs to. */
		OWN_TEAM
	}

	/**
	 * The outcome, the code in its stored form (upper case) when it exists, and the partner
	 * company's name when it exists, for the exporter's answer.
	 */
	record Verdict(Outcome outcome, String code, String partnerName) {

		/** Whether the code will be attributed. */
		public boolean accepted() {
			return outcome == Outcome.ACCEPTED;
		}
	}
}
