package com.b2brics.connect.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the candidates of an invitation by a score between 0 and 1, from the partners' past
 * offers of this engine and their measured lead first responses over the last 90 days:
 *
 * <pre>
 * score = 0.30 × acceptance + 0.20 × responsiveness + 0.20 × availability + 0.30 × rotation
 * acceptance     = (accepted + 1) / (finished + 2)          finished = accepted + declined + expired;
 *                                                            0.5 without data (Laplace smoothing)
 * responsiveness = the mean of the parts below that have data; 0.5 when none has
 *   offer answer = 1 − min(1, mean answer time / time-out)   an expired offer counts as the whole time-out
 *   lead answer  = 0.5 × share of lead first responses within the SLA
 *                + 0.5 × (1 − min(1, median working first response / allowed first response))
 *                                                            over clocks of the last 90 days; the median
 *                                                            part is 0 when every judged clock is overdue
 * availability   = 1 / (1 + offers live right now)           current load
 * rotation       = min(1, hours since the last offer / 24)   1 if never offered: new partners get offers too
 * </pre>
 *
 * Ties go to the partner offered least recently (never offered first), then the lower id. A new
 * partner scores 0.75. A partner with a record of quick acceptances and quick answers to importers
 * ranks above it, but one that was offered a job in the last six hours or so drops behind new
 * partners, so offers rotate. Every component and the lead figures are stored with the candidate.
 */
final class Ranking {

	static final double ACCEPTANCE = 0.30;
	static final double RESPONSIVENESS = 0.20;
	static final double AVAILABILITY = 0.20;
	static final double ROTATION = 0.30;

	/** How far back the lead first responses are looked at. */
	static final Duration LEAD_WINDOW = Duration.ofDays(90);

	private Ranking() {
	}

	/** The ranked list on offers alone, positions from 1. */
	static List<Candidate> rank(List<Long> partnerIds, List<Offer> pastOffers, Instant now, Duration timeout) {
		return rank(partnerIds, pastOffers, Map.of(), now, timeout);
	}

	/**
	 * The ranked list, positions from 1. {@code pastOffers} may hold other partners' offers too;
	 * {@code leads} holds the measured lead first responses of the partners that have any.
	 */
	static List<Candidate> rank(List<Long> partnerIds, List<Offer> pastOffers, Map<Long, MeasuredResponses.LeadFirstResponse> leads,
			Instant now, Duration timeout) {
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
			Double offerAnswer = meanResponse == null ? null
					: 1.0 - Math.min(1.0, meanResponse / (double) Math.max(1, timeout.toSeconds()));
			MeasuredResponses.LeadFirstResponse lead = leads.get(partner);
			boolean leadData = lead != null && lead.judged() > 0 && lead.withinSla().isPresent();
			Double leadAnswer = leadData ? leadAnswer(lead) : null;
			double responsiveness = offerAnswer == null && leadAnswer == null ? 0.5
					: offerAnswer == null ? leadAnswer : leadAnswer == null ? offerAnswer : (offerAnswer + leadAnswer) / 2;
			double availability = 1.0 / (1 + live);
			double rotation = last == null ? 1.0 : Math.min(1.0, Duration.between(last, now).toMinutes() / (24 * 60.0));
			double score = ACCEPTANCE * acceptance + RESPONSIVENESS * responsiveness + AVAILABILITY * availability
					+ ROTATION * rotation;
			Candidate.Parts parts = new Candidate.Parts(round(acceptance), round(responsiveness), round(availability),
					round(rotation));
			unordered.add(new Candidate(0, partner, round(score), acceptanceRate, meanResponse, live, last, parts,
					leadData ? lead.judged() : null, leadData ? lead.withinSla().get() : null,
					leadData ? lead.median().map(Duration::toMillis).orElse(null) : null));
		}
		unordered.sort(Comparator.comparingDouble(Candidate::score)
			.reversed()
			.thenComparing(Candidate::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(Candidate::partnerId));
		List<Candidate> ranked = new ArrayList<>();
		for (Candidate c : unordered) {
			ranked.add(c.at(ranked.size() + 1));
		}
		return ranked;
	}

	/** Lead answer part: half the share within the SLA, half how far the median stays below the allowed time. */
	static double leadAnswer(MeasuredResponses.LeadFirstResponse lead) {
		double within = lead.withinSla().orElse(0.0);
		double speed = lead.median()
			.map(median -> 1.0 - Math.min(1.0, median.toMillis() / (double) Math.max(1, lead.allowed().toMillis())))
			.orElse(0.0);
		return 0.5 * within + 0.5 * speed;
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}
}
