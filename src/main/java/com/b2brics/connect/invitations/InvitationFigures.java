package com.b2brics.connect.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.b2brics.connect.core.Percentiles;

/**
 * A partner's measured answers to invitation offers over a window, from the stored offers:
 * acceptance rate and answer time. An offer that expired counts as not answered: it is among
 * the offers and not accepted, and in the answer times it ranks after every answer, so a median
 * or 90th percentile that falls on it is no answer at all. Live and withdrawn offers say nothing
 * about the partner and are left out.
 */
@Service
public class InvitationFigures {

	/**
	 * @param offers offers finished in the window: accepted, declined or expired
	 * @param acceptanceRate accepted among those offers, empty without any
	 * @param median median time from offer to Join or Decline; empty without offers or when it falls on an expired one
	 * @param p90 90th percentile, likewise
	 */
	public record Answers(int offers, int accepted, int declined, int expired, Optional<Double> acceptanceRate,
			Optional<Duration> median, Optional<Duration> p90) {
	}

	private final Invitations store;
	private final Clock clock;

	InvitationFigures(Invitations store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** The partner's answers to the offers made in the last given days. */
	public Answers lastDays(long partnerId, int days) {
		return answers(store.offersOfSince(partnerId, clock.instant().minus(Duration.ofDays(days))));
	}

	/** The arithmetic over one partner's offers. */
	static Answers answers(List<Offer> offers) {
		int accepted = 0;
		int declined = 0;
		int expired = 0;
		List<Duration> times = new ArrayList<>();
		for (Offer offer : offers) {
			switch (offer.status()) {
				case ACCEPTED, DECLINED -> {
					accepted += offer.status() == Offer.Status.ACCEPTED ? 1 : 0;
					declined += offer.status() == Offer.Status.DECLINED ? 1 : 0;
					times.add(Duration.between(offer.offeredAt(), offer.answeredAt()));
				}
				case EXPIRED -> expired++;
				case LIVE, WITHDRAWN -> {
					// not finished, or cancelled by the inviter: says nothing about the partner
				}
			}
		}
		int finished = accepted + declined + expired;
		times.sort(null);
		return new Answers(finished, accepted, declined, expired,
				finished == 0 ? Optional.empty() : Optional.of((double) accepted / finished), rank(times, finished, 50),
				rank(times, finished, 90));
	}

	/** Nearest rank among all finished offers, the unanswered ones last. */
	private static Optional<Duration> rank(List<Duration> answeredSorted, int finished, int percent) {
		if (finished == 0) {
			return Optional.empty();
		}
		int index = Percentiles.nearestRankIndex(finished, percent);
		return index < answeredSorted.size() ? Optional.of(answeredSorted.get(index)) : Optional.empty();
	}
}
