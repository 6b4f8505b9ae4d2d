package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The transition table of an offer and its deadline: every allowed change, and wrong ones refused. */
class OfferTransitionsTest {

	private static final Instant OFFERED = Instant.parse("2026-03-02T10:00:00Z");
	private static final Instant DEADLINE = OFFERED.plus(Duration.ofHours(2));
	private static final Instant BEFORE = DEADLINE.minusSeconds(1);

	private static Offer offer(Offer.Status status) {
		return new Offer(5, 9, 3, status, OFFERED, DEADLINE, null, null, null);
	}

	@Test
	void onlyALiveOfferMovesAndItMovesToAnyEnd() {
		assertThat(Offer.Status.LIVE.next()).containsExactlyInAnyOrder(Offer.Status.ACCEPTED, Offer.Status.DECLINED,
				Offer.Status.EXPIRED, Offer.Status.WITHDRAWN);
		for (Offer.Status end : EnumSet.complementOf(EnumSet.of(Offer.Status.LIVE))) {
			assertThat(end.next()).as(end.name()).isEmpty();
		}
	}

	@Test
	void aLiveOfferIsAcceptedOrDeclinedBeforeItsDeadlineByWhoAnswered() {
		Offer accepted = offer(Offer.Status.LIVE).accept(77, BEFORE);
		Offer declined = offer(Offer.Status.LIVE).decline(78, "BUSY", BEFORE);

		assertThat(accepted.status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(accepted.answeredBy()).isEqualTo(77);
		assertThat(accepted.answeredAt()).isEqualTo(BEFORE);
		assertThat(declined.status()).isEqualTo(Offer.Status.DECLINED);
		assertThat(declined.answeredBy()).isEqualTo(78);
		assertThat(declined.declineReason()).isEqualTo("BUSY");
	}

	@Test
	void aJoinOrDeclineAtTheDeadlineIsRefusedAndTheOfferExpiresInstead() {
		Offer live = offer(Offer.Status.LIVE);

		assertThatThrownBy(() -> live.accept(77, DEADLINE)).isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> live.decline(77, "BUSY", DEADLINE)).isInstanceOf(IllegalTransition.class);
		Offer expired = live.expire(DEADLINE);
		assertThat(expired.status()).isEqualTo(Offer.Status.EXPIRED);
		assertThat(expired.answeredBy()).isNull();
	}

	@Test
	void anOfferDoesNotExpireBeforeItsDeadline() {
		assertThatThrownBy(() -> offer(Offer.Status.LIVE).expire(BEFORE)).isInstanceOf(IllegalTransition.class);
		assertThat(offer(Offer.Status.LIVE).isPastDeadline(BEFORE)).isFalse();
		assertThat(offer(Offer.Status.LIVE).isPastDeadline(DEADLINE)).isTrue();
	}

	@Test
	void aLiveOfferIsWithdrawnWithItsInvitationAtAnyTime() {
		Offer withdrawn = offer(Offer.Status.LIVE).withdraw(12L, DEADLINE.plusSeconds(60));

		assertThat(withdrawn.status()).isEqualTo(Offer.Status.WITHDRAWN);
		assertThat(withdrawn.answeredBy()).isEqualTo(12);
	}

	@Test
	void anOfferThatMovedOnRefusesEveryChange() {
		for (Offer.Status end : EnumSet.complementOf(EnumSet.of(Offer.Status.LIVE))) {
			Offer finished = offer(end);
			assertThatThrownBy(() -> finished.accept(77, BEFORE)).as(end + " accept").isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> finished.decline(77, "OTHER", BEFORE)).as(end + " decline")
				.isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> finished.expire(DEADLINE)).as(end + " expire").isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> finished.withdraw(null, BEFORE)).as(end + " withdraw").isInstanceOf(IllegalTransition.class);
		}
	}
}
