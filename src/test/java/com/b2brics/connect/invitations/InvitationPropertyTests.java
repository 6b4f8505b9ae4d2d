package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.core.SeededTries;
import com.b2brics.connect.invitations.InvitationEngine.Outcome;

/**
 * Random sequences of Join and Decline presses (by the offered partner's member or by someone
 * else), time-outs (due, early, repeated), late presses and cancels (by the inviter or someone
 * else), against the real engine and database, keep the invariants: at most one live offer, and
 * exactly one while the invitation is open; each candidate offered at most once; a final state
 * (accepted, exhausted, cancelled) never changes again; and the outcome is what a simple model
 * of the rules predicts. Runs in the shared Spring context of the end-to-end tests; the
 * sequences come from seeded random numbers ({@link SeededTries}: a failure prints its seed and
 * the sequence, and {@code -Dproperty.seed=} replays it).
 */
class InvitationPropertyTests extends EngineTestSupport {

	enum Kind {
		JOIN, DECLINE, JOIN_BY_SOMEONE_ELSE, DECLINE_BY_SOMEONE_ELSE, TIME_OUT, EARLY_TIMER, REPEATED_TIMERS, CANCEL,
		CANCEL_BY_SOMEONE_ELSE
	}

	private static final int CANDIDATES = 3;

	private InvitationTestSupport.TestDeal deal;

	private List<EngineTestSupport.TestPartner> partners;

	@AfterEach
	void removeThePartners() {
		if (partners != null) {
			remove(partners);
		}
	}

	/** One to twelve steps, each any kind. */
	static List<Kind> scenario(SplittableRandom random) {
		int size = 1 + random.nextInt(12);
		List<Kind> steps = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			steps.add(Kind.values()[random.nextInt(Kind.values().length)]);
		}
		return List.copyOf(steps);
	}

	/** The rules in miniature: where the invitation should be after each step. */
	private static final class Model {

		final int candidates;
		String status = "OPEN";
		int offers = 1;

		Model(int candidates) {
			this.candidates = candidates;
		}

		Outcome move() {
			offers++;
			if (offers > candidates) {
				offers = candidates;
				status = "EXHAUSTED";
			}
			return Outcome.DONE;
		}
	}

	@Test
	void invariantsHoldOverAnySequenceOfPressesTimeOutsAndCancels() throws Exception {
		clock.reset();
		deal = openDeal("Property", serviceOf("brics-conformity", EngineTestSupport.STOREFRONT));
		partners = new ArrayList<>(testPartners("property", CANDIDATES));
		SeededTries.forAll("invariantsHoldOverAnySequenceOfPressesTimeOutsAndCancels", 40, InvitationPropertyTests::scenario,
				this::holdsOver);
	}

	private void holdsOver(List<Kind> steps) {
		clock.reset();
		long importer = deal.importer().id();
		Deal test = EngineTestSupport.testDeal(deal.group(), importer);
		// a partner that accepted is part of the deal and no candidate any more: new ones keep the list at three
		while (engine.candidates(test, EngineTestSupport.SPECIALIZATION).size() < CANDIDATES) {
			partners.addAll(testPartners("property", 1));
		}
		long invitation = engine.open(test, importer, EngineTestSupport.SPECIALIZATION, "Property " + steps).invitationId();
		Model model = new Model(CANDIDATES);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation_candidates WHERE invitation_id = :id").param("id", invitation)
			.query(Long.class).single()).isEqualTo(CANDIDATES);
		List<Map<String, Object>> finalOffers = null;
		List<String> finalHistory = null;
		try {
			for (Kind step : steps) {
				Outcome outcome = apply(step, invitation, importer);
				Outcome expected = expect(step, model);
				assertThat(outcome).as("%s after %s", step, steps).isEqualTo(expected);

				Map<String, Object> row = invitation(invitation);
				List<Map<String, Object>> offers = offers(invitation);
				List<String> history = history(invitation);
				long live = offers.stream().filter(o -> "LIVE".equals(o.get("status"))).count();
				assertThat(live).as("live offers").isLessThanOrEqualTo(1);
				assertThat(live == 1).as("open exactly while an offer is live").isEqualTo("OPEN".equals(row.get("status")));
				assertThat(offers.stream().map(o -> o.get("partner_id")).distinct().count()).as("each candidate at most once")
					.isEqualTo(offers.size());
				assertThat(row.get("status")).isEqualTo(model.status);
				assertThat(offers).hasSize(model.offers);
				assertThat(history.stream().filter(e -> e.equals("PENDING") || e.equals("FORWARDED")).count()).isEqualTo(offers.size());
				if (!"OPEN".equals(row.get("status"))) {
					if (finalOffers == null) {
						finalOffers = offers;
						finalHistory = history;
					}
					else {
						assertThat(offers).as("a final state is final").isEqualTo(finalOffers);
						assertThat(history).isEqualTo(finalHistory);
					}
				}
			}
		}
		finally {
			engine.cancel(invitation, importer);
		}
	}

	private static Outcome expect(Kind step, Model model) {
		boolean open = "OPEN".equals(model.status);
		return switch (step) {
			case JOIN -> {
				if (!open) {
					yield Outcome.MOVED_ON;
				}
				model.status = "ACCEPTED";
				yield Outcome.DONE;
			}
			case DECLINE, TIME_OUT -> open ? model.move() : Outcome.MOVED_ON;
			case JOIN_BY_SOMEONE_ELSE, DECLINE_BY_SOMEONE_ELSE, CANCEL_BY_SOMEONE_ELSE -> Outcome.NOT_ALLOWED;
			case EARLY_TIMER -> open ? Outcome.NOT_DUE : Outcome.MOVED_ON;
			case REPEATED_TIMERS -> Outcome.MOVED_ON;
			case CANCEL -> {
				if (!open) {
					yield Outcome.MOVED_ON;
				}
				model.status = "CANCELLED";
				yield Outcome.DONE;
			}
		};
	}

	/** Does the step to the newest offer (the live one while there is one) and returns what the engine said. */
	private Outcome apply(Kind step, long invitation, long importer) {
		List<Map<String, Object>> offers = offers(invitation);
		Map<String, Object> newest = offers.get(offers.size() - 1);
		long offer = InvitationTestSupport.id(newest, "id");
		long partner = InvitationTestSupport.id(newest, "partner_id");
		long member = memberOf(partners, partner);
		long someoneElse = partners.stream().filter(p -> p.id() != partner).findFirst().orElseThrow().member().id();
		Instant deadline = deadlineOf(newest);
		return switch (step) {
			case JOIN -> engine.accept(offer, member);
			case DECLINE -> engine.decline(offer, member, "OTHER");
			case JOIN_BY_SOMEONE_ELSE -> engine.accept(offer, someoneElse);
			case DECLINE_BY_SOMEONE_ELSE -> engine.decline(offer, someoneElse, "BUSY");
			case TIME_OUT -> {
				if (clock.instant().isBefore(deadline)) {
					clock.set(deadline);
				}
				yield engine.offerExpired(offer);
			}
			case EARLY_TIMER -> engine.offerExpired(offer);
			case REPEATED_TIMERS -> {
				Outcome last = Outcome.MOVED_ON;
				for (Map<String, Object> earlier : offers.subList(0, offers.size() - 1)) {
					last = engine.offerExpired(InvitationTestSupport.id(earlier, "id"));
					if (last != Outcome.MOVED_ON) {
						break;
					}
				}
				if (!"LIVE".equals(newest.get("status"))) {
					Outcome again = engine.offerExpired(offer);
					last = again == Outcome.MOVED_ON ? last : again;
				}
				yield last;
			}
			case CANCEL -> engine.cancel(invitation, importer);
			case CANCEL_BY_SOMEONE_ELSE -> engine.cancel(invitation, member);
		};
	}
}
