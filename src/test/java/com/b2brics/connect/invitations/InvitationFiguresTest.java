package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Acceptance rate and answer time from a partner's offers: an expired offer counts as not answered. */
class InvitationFiguresTest {

	private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
	private static final Duration TIMEOUT = Duration.ofHours(2);

	private static Offer offer(Offer.Status status, Duration answeredAfter) {
		return new Offer(0, 0, 1, status, T, T.plus(TIMEOUT), answeredAfter == null ? null : T.plus(answeredAfter), null, null);
	}

	@Test
	void noFinishedOfferGivesNoFigures() {
		InvitationFigures.Answers none = InvitationFigures.answers(List.of(offer(Offer.Status.LIVE, null),
				offer(Offer.Status.WITHDRAWN, Duration.ofMinutes(3))));
		assertThat(none.offers()).isZero();
		assertThat(none.acceptanceRate()).isEmpty();
		assertThat(none.median()).isEmpty();
		assertThat(none.p90()).isEmpty();
	}

	@Test
	void acceptanceAmongAcceptedDeclinedAndExpiredAndPercentilesByNearestRank() {
		List<Offer> offers = new ArrayList<>();
		// answered after 1..8 minutes: 3 accepted, 5 declined; 2 expired; a live and a withdrawn one say nothing
		for (int minutes = 1; minutes <= 8; minutes++) {
			offers.add(offer(minutes <= 3 ? Offer.Status.ACCEPTED : Offer.Status.DECLINED, Duration.ofMinutes(minutes)));
		}
		offers.add(offer(Offer.Status.EXPIRED, null));
		offers.add(offer(Offer.Status.EXPIRED, null));
		offers.add(offer(Offer.Status.LIVE, null));
		offers.add(offer(Offer.Status.WITHDRAWN, Duration.ofMinutes(1)));
		InvitationFigures.Answers a = InvitationFigures.answers(offers);
		assertThat(a.offers()).isEqualTo(10);
		assertThat(a.accepted()).isEqualTo(3);
		assertThat(a.declined()).isEqualTo(5);
		assertThat(a.expired()).isEqualTo(2);
		assertThat(a.acceptanceRate()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(0.3, within(1e-9)));
		// ten offers, the two expired ones ranked last: the 5th is the median, the 9th (an expired one) the 90th percentile
		assertThat(a.median()).contains(Duration.ofMinutes(5));
		assertThat(a.p90()).isEmpty();
	}

	@Test
	void aPartnerWhoAnswersEverythingHasBothPercentiles() {
		InvitationFigures.Answers a = InvitationFigures.answers(List.of(offer(Offer.Status.ACCEPTED, Duration.ofMinutes(30)),
				offer(Offer.Status.DECLINED, Duration.ofMinutes(10)), offer(Offer.Status.ACCEPTED, Duration.ofSeconds(90))));
		assertThat(a.acceptanceRate()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(2 / 3.0, within(1e-9)));
		assertThat(a.median()).contains(Duration.ofMinutes(10));
		assertThat(a.p90()).contains(Duration.ofMinutes(30));
	}

	@Test
	void aPartnerWhoLetsMostOffersExpireHasNoMedianAnswer() {
		InvitationFigures.Answers a = InvitationFigures.answers(List.of(offer(Offer.Status.ACCEPTED, Duration.ofMinutes(3)),
				offer(Offer.Status.EXPIRED, null), offer(Offer.Status.EXPIRED, null)));
		assertThat(a.acceptanceRate()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(1 / 3.0, within(1e-9)));
		assertThat(a.median()).isEmpty();
		assertThat(a.p90()).isEmpty();
	}
}
