package com.b2brics.connect.invitations;

import java.time.Instant;

/**
 * A partner on an invitation's ranked list, with the figures its score came from (see
 * {@link Ranking}). {@code acceptanceRate} and {@code meanResponseSeconds} are null without data.
 */
record Candidate(int position, long partnerId, double score, Double acceptanceRate, Long meanResponseSeconds,
		int openOffers, Instant lastOfferedAt) {
}
