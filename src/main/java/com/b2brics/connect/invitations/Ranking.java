package com.b2brics.connect.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the candidates of an invitation by a score between 0 and 1, from the partners' past
 * offers of this engine:
 *
 * <pre>
 * score = 0.30 × acceptance + 0.20 × responsiveness + 0.20 × availability + 0.30 × rotation
 * acceptance     = (accepted + 1) / (finished + 2)          finished = accepted + declined + expired;
 *                                                            0.5 without data (Laplace smoothing)
 * responsiveness = 1 − min(1, mean answer time / time-out)   an expired offer counts as the whole time-out;
 *                                                            0.5 without data
 * availability   = 1 / (1 + offers live right now)           current load
 * rotation       = min(1, hours since the last offer / 24)   1 if never offered: new partners get offers too
 * </pre>
 *
 * Ties go to the partner offered least recently (never offered first), then the lower id. A new
 * partner scores 0.75. A partner with a record of quick acceptances ranks above it, but one that
 * was offered a job in the last six hours or so drops behind new partners, so offers rotate.
 */
final class Ranking {

	static final double ACCEPTANCE = 0.30;
	static final double RESPONSIVENESS = 0.20;
	static final double AVAILABILITY = 0.20;
	static final double ROTATION = 0.30;

	private Ranking() {
	}

	/** The ranked list, positions from 1. {@code pastOffers} may hold other partners' offers too. */
	static List<Candidate> rank(List<Long> partnerIds, List<Offer> pastOffers, Instant now, Duration timeout) {
		List<Candidate> unordered = new ArrayList<>();
		for (long partner : partnerIds) {
			int accepted = 0;
			int finished = 0;
			int live = 0;
			long answerSeconds = 0;
			Instant last = null;
			for (Offer offer : pastOffers) {
				if (offer.partnerId() != partner) {
					continue;
				}
				if (last == null || offer.offeredAt().isAfter(last)) {
					last = offer.offeredAt();
				}
				switch (offer.status()) {
					case LIVE -> live++;
					case ACCEPTED, DECLINED -> {
						finished++;
						accepted += offer.status() == Offer.Status.ACCEPTED ? 1 : 0;
						answerSeconds += Duration.between(offer.offeredAt(), offer.answeredAt()).toSeconds();
					}
					case EXPIRED -> {
						finished++;
						answerSeconds += Duration.between(offer.offeredAt(), offer.deadline()).toSeconds();
					}
					case WITHDRAWN -> {
						// the inviter cancelled: says nothing about the partner
					}
				}
			}
			Double acceptanceRate = finished == 0 ? null : (double) accepted / finished;
			Long meanResponse = finished == 0 ? null : answerSeconds / finished;
			double acceptance = (accepted + 1.0) / (finished + 2.0);
			double responsiveness = meanResponse == null ? 0.5
					: 1.0 - Math.min(1.0, meanResponse / (double) Math.max(1, timeout.toSeconds()));
			double availability = 1.0 / (1 + live);
			double rotation = last == null ? 1.0 : Math.min(1.0, Duration.between(last, now).toMinutes() / (24 * 60.0));
			double score = ACCEPTANCE * acceptance + RESPONSIVENESS * responsiveness + AVAILABILITY * availability
					+ ROTATION * rotation;
			unordered.add(new Candidate(0, partner, Math.round(score * 10000) / 10000.0, acceptanceRate, meanResponse, live, last));
		}
		unordered.sort(Comparator.comparingDouble(Candidate::score)
			.reversed()
			.thenComparing(Candidate::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(Candidate::partnerId));
		List<Candidate> ranked = new ArrayList<>();
		for (Candidate c : unordered) {
			ranked.add(new Candidate(ranked.size() + 1, c.partnerId(), c.score(), c.acceptanceRate(), c.meanResponseSeconds(),
					c.openOffers(), c.lastOfferedAt()));
		}
		return ranked;
	}
}
