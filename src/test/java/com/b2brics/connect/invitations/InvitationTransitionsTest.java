package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Specialization;

/** The transition table of an invitation: every allowed change, and every other one refused. */
class InvitationTransitionsTest {

	private static final Instant CREATED = Instant.parse("2026-03-02T10:00:00Z");
	private static final Instant NOW = CREATED.plusSeconds(3600);

	private static Invitation invitation(Invitation.Status status) {
		return new Invitation(9, "lead:1", -100L, "russia", Specialization.values()[0], "task", "en", "ru", 42, status, 11L,
				null, CREATED, status == Invitation.Status.OPEN ? null : CREATED);
	}

	/** Each change of an invitation by the state it leads to. */
	private static final Map<Invitation.Status, UnaryOperator<Invitation>> CHANGES = Map.of(
			Invitation.Status.ACCEPTED, invitation -> invitation.accept(3, NOW),
			Invitation.Status.EXHAUSTED, invitation -> invitation.exhaust(NOW),
			Invitation.Status.CANCELLED, invitation -> invitation.cancel(NOW),
			Invitation.Status.OPEN, Invitation::reopen);

	@Test
	void anOpenInvitationEndsOneWayAndOnlyAnExhaustedOneOpensAgain() {
		assertThat(Invitation.Status.OPEN.next()).containsExactlyInAnyOrder(Invitation.Status.ACCEPTED,
				Invitation.Status.EXHAUSTED, Invitation.Status.CANCELLED);
		assertThat(Invitation.Status.EXHAUSTED.next()).containsExactly(Invitation.Status.OPEN);
		assertThat(Invitation.Status.ACCEPTED.next()).isEmpty();
		assertThat(Invitation.Status.CANCELLED.next()).isEmpty();
	}

	@Test
	void everyAllowedChangeMovesTheInvitationAndEveryOtherIsRefused() {
		for (Invitation.Status from : Invitation.Status.values()) {
			for (Invitation.Status to : Invitation.Status.values()) {
				Invitation invitation = invitation(from);
				UnaryOperator<Invitation> change = CHANGES.get(to);
				if (from.canMoveTo(to)) {
					assertThat(change.apply(invitation).status()).as(from + " -> " + to).isEqualTo(to);
				}
				else {
					assertThatThrownBy(() -> change.apply(invitation)).as(from + " -> " + to)
						.isInstanceOf(IllegalTransition.class);
				}
			}
		}
	}

	@Test
	void anAcceptedInvitationNamesItsPartnerAndWhenItClosed() {
		Invitation accepted = invitation(Invitation.Status.OPEN).accept(3, NOW);

		assertThat(accepted.acceptedPartnerId()).isEqualTo(3);
		assertThat(accepted.closedAt()).isEqualTo(NOW);
		assertThat(accepted.isOpen()).isFalse();
		assertThat(accepted.canReopen()).isFalse();
	}

	@Test
	void anExhaustedInvitationReopenedByHandIsOpenAgainWithoutAnEnd() {
		Invitation exhausted = invitation(Invitation.Status.OPEN).exhaust(NOW);
		assertThat(exhausted.canReopen()).isTrue();

		Invitation reopened = exhausted.reopen();

		assertThat(reopened.isOpen()).isTrue();
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.acceptedPartnerId()).isNull();
	}
}
