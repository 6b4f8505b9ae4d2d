package com.b2brics.connect.invitations;

import java.time.Instant;

/**
 * A partner on an invitation's ranked list, with the figures its score came from (see
 * {@link Ranking}): the offer figures ({@code acceptanceRate} and {@code meanResponseSeconds},
 * null without data), each component of the score, and the measured lead first responses over 90
 * days ({@code leadJudged}, {@code leadWithinSla}, {@code leadMedianMillis}, null without data).
 */
record Candidate(int position, long partnerId, double score, Double acceptanceRate, Long meanResponseSeconds,
		int openOffers, Instant lastOfferedAt, Parts parts, Integer leadJudged, Double leadWithinSla, Long leadMedianMillis) {

	/** The four components of the score, each between 0 and 1; null on lists stored before they were kept. */
	record Parts(Double acceptance, Double responsiveness, Double availability, Double rotation) {
	}

	Candidate at(int newPosition) {
		return new Candidate(newPosition, partnerId, score, acceptanceRate, meanResponseSeconds, openOffers, lastOfferedAt, parts,
				leadJudged, leadWithinSla, leadMedianMillis);
	}
}
