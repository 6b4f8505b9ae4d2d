package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The documented score, its figures, and the order it gives. */
class RankingTest {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
	private static final Duration TIMEOUT = Duration.ofHours(2);

	private static Offer offer(long partner, Offer.Status status, Duration ago, Duration answeredAfter) {
		Instant at = NOW.minus(ago);
		return new Offer(0, 0, partner, status, at, at.plus(TIMEOUT), answeredAfter == null ? null : at.plus(answeredAfter), null, null);
	}

	@Test
	void aNewPartnerScoresTheNeutralMiddleAndIsNeverLeftOut() {
		Candidate fresh = Ranking.rank(List.of(7L), List.of(), NOW, TIMEOUT).get(0);
		// 0.30 × 0.5 + 0.20 × 0.5 + 0.20 × 1 + 0.30 × 1
		assertThat(fresh.score()).isCloseTo(0.75, within(1e-9));
		assertThat(fresh.acceptanceRate()).isNull();
		assertThat(fresh.meanResponseSeconds()).isNull();
		assertThat(fresh.lastOfferedAt()).isNull();
		assertThat(fresh.position()).isEqualTo(1);
	}

	@Test
	void theScoreComesFromAcceptanceResponseLoadAndRotation() {
		List<Offer> past = List.of(
				offer(1, Offer.Status.ACCEPTED, Duration.ofDays(3), Duration.ofMinutes(12)),
				offer(1, Offer.Status.DECLINED, Duration.ofDays(2), Duration.ofMinutes(36)),
				offer(1, Offer.Status.EXPIRED, Duration.ofHours(12), null),
				offer(1, Offer.Status.LIVE, Duration.ofHours(6), null),
				offer(1, Offer.Status.WITHDRAWN, Duration.ofHours(1), null));
		Candidate one = Ranking.rank(List.of(1L), past, NOW, TIMEOUT).get(0);
		assertThat(one.acceptanceRate()).isCloseTo(1 / 3.0, within(1e-9));
		// 12 min, 36 min and the whole 2 h of the expired one: 56 min on average
		assertThat(one.meanResponseSeconds()).isEqualTo(56 * 60);
		assertThat(one.openOffers()).isEqualTo(1);
		assertThat(one.lastOfferedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		double expected = 0.30 * (2 / 5.0) + 0.20 * (1 - 56 / 120.0) + 0.20 * (1 / 2.0) + 0.30 * (1 / 24.0);
		assertThat(one.score()).isCloseTo(expected, within(1e-4));
	}

	@Test
	void theBestRecordGoesFirstButAPartnerJustOfferedMakesWayAndTiesGoToTheLeastRecentlyOffered() {
		Map<Long, List<Offer>> history = Map.of(
				// quick and willing, last offered two days ago
				1L, List.of(offer(1, Offer.Status.ACCEPTED, Duration.ofDays(2), Duration.ofMinutes(5)),
						offer(1, Offer.Status.ACCEPTED, Duration.ofDays(3), Duration.ofMinutes(5))),
				// as good, but offered a minute ago
				2L, List.of(offer(2, Offer.Status.ACCEPTED, Duration.ofMinutes(1).plus(Duration.ofMinutes(5)), Duration.ofMinutes(5)),
						offer(2, Offer.Status.ACCEPTED, Duration.ofDays(3), Duration.ofMinutes(5))));
		List<Offer> past = history.values().stream().flatMap(List::stream).toList();
		List<Candidate> ranked = Ranking.rank(List.of(2L, 3L, 1L, 4L), past, NOW, TIMEOUT);
		assertThat(ranked).extracting(Candidate::partnerId).containsExactly(1L, 3L, 4L, 2L);
		assertThat(ranked).extracting(Candidate::position).containsExactly(1, 2, 3, 4);
	}

	@Test
	void measuredLeadResponsesShareTheResponsivenessWithOfferAnswersAndEveryPartIsKept() {
		MeasuredResponses.LeadFirstResponse quick = new MeasuredResponses.LeadFirstResponse(4, Optional.of(0.75),
				Optional.of(Duration.ofMinutes(30)), Duration.ofHours(2));
		// no offers yet: responsiveness is the lead part alone, 0.5 × 0.75 + 0.5 × (1 − 30/120) = 0.75
		Candidate one = Ranking.rank(List.of(1L), List.of(), Map.of(1L, quick), NOW, TIMEOUT).get(0);
		assertThat(one.parts().responsiveness()).isCloseTo(0.75, within(1e-9));
		assertThat(one.parts().acceptance()).isCloseTo(0.5, within(1e-9));
		assertThat(one.parts().availability()).isCloseTo(1.0, within(1e-9));
		assertThat(one.parts().rotation()).isCloseTo(1.0, within(1e-9));
		assertThat(one.score()).isCloseTo(0.30 * 0.5 + 0.20 * 0.75 + 0.20 + 0.30, within(1e-4));
		assertThat(one.leadJudged()).isEqualTo(4);
		assertThat(one.leadWithinSla()).isEqualTo(0.75);
		assertThat(one.leadMedianMillis()).isEqualTo(Duration.ofMinutes(30).toMillis());

		// with offers: the mean of the offer part (1 − 60/120 = 0.5) and the lead part (0.75)
		List<Offer> past = List.of(offer(2, Offer.Status.ACCEPTED, Duration.ofDays(3), Duration.ofMinutes(60)));
		Candidate two = Ranking.rank(List.of(2L), past, Map.of(2L, quick), NOW, TIMEOUT).get(0);
		assertThat(two.parts().responsiveness()).isCloseTo(0.625, within(1e-9));

		// every judged clock overdue: nothing within the SLA and no median, the lead part is 0
		MeasuredResponses.LeadFirstResponse overdue = new MeasuredResponses.LeadFirstResponse(2, Optional.of(0.0), Optional.empty(),
				Duration.ofHours(2));
		assertThat(Ranking.leadAnswer(overdue)).isZero();
		// a slow partner with the same offers ranks below a quick one
		MeasuredResponses.LeadFirstResponse slow = new MeasuredResponses.LeadFirstResponse(5, Optional.of(0.2),
				Optional.of(Duration.ofHours(3)), Duration.ofHours(2));
		List<Candidate> ranked = Ranking.rank(List.of(3L, 4L, 5L), List.of(), Map.of(3L, slow, 4L, quick), NOW, TIMEOUT);
		assertThat(ranked).extracting(Candidate::partnerId).containsExactly(4L, 5L, 3L);
		assertThat(ranked.get(1).leadJudged()).isNull();
		assertThat(ranked.get(1).parts().responsiveness()).isEqualTo(0.5);
	}

	@Test
	void theOfferTimeOutCanDifferByStorefront() {
		InvitationsProperties properties = new InvitationsProperties(Duration.ofHours(2), Map.of("russia", Duration.ofHours(1)),
				List.of(), 200, Duration.ofMinutes(30));
		assertThat(properties.offerTimeoutOn("russia")).isEqualTo(Duration.ofHours(1));
		assertThat(properties.offerTimeoutOn("india")).isEqualTo(Duration.ofHours(2));
	}
}
