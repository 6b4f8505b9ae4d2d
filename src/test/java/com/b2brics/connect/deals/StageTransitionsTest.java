package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.deals.Stage.IllegalTransition;
import com.b2brics.connect.deals.Stage.Side;
import com.b2brics.connect.deals.Stage.Status;

/** Every state of a stage against every change, by the right side and the wrong ones. */
class StageTransitionsTest {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
	private static final Instant REMIND = NOW.plusSeconds(86_400);
	private static final Instant DUE = NOW.plusSeconds(3 * 86_400);
	private static final Stage.Terms TERMS = new Stage.Terms("Customs clearance", null, null, null, LocalDate.of(2026, 12, 20),
			120_000, "USD", Stage.PaymentModel.STAGED, null, null, null);

	/** A change and the side allowed to make it (null: the system). */
	private record Change(Side side, Function<Stage, Stage> byRightSide, Function<Stage, Stage> byWrongSide, Status target) {
	}

	private static final Map<String, Change> CHANGES = new LinkedHashMap<>();
	static {
		CHANGES.put("confirm", new Change(Side.CUSTOMER, s -> s.confirm(Side.CUSTOMER, 7, s.version()),
				s -> s.confirm(Side.SUPPLIER, 8, s.version()), Status.CONFIRMED));
		CHANGES.put("edit", new Change(Side.SUPPLIER, s -> s.edit(Side.SUPPLIER, TERMS), s -> s.edit(Side.CUSTOMER, TERMS),
				Status.PROPOSED));
		CHANGES.put("ready", new Change(Side.SUPPLIER, s -> s.ready(Side.SUPPLIER, NOW, REMIND, DUE),
				s -> s.ready(Side.CUSTOMER, NOW, REMIND, DUE), Status.READY));
		CHANGES.put("accept", new Change(Side.CUSTOMER, s -> s.accept(Side.CUSTOMER, 7), s -> s.accept(Side.SUPPLIER, 8),
				Status.ACCEPTED));
		CHANGES.put("requestChanges", new Change(Side.CUSTOMER, s -> s.requestChanges(Side.CUSTOMER, "fix it"),
				s -> s.requestChanges(Side.NONE, "fix it"), Status.CHANGES_REQUESTED));
		CHANGES.put("acceptByDefault", new Change(null, s -> s.acceptByDefault(DUE), null, Status.ACCEPTED));
	}

	/** What each state allows: the whole table. */
	private static final Map<Status, Set<String>> ALLOWED = Map.of(
			Status.PROPOSED, Set.of("confirm", "edit"),
			Status.CONFIRMED, Set.of("ready", "edit"),
			Status.READY, Set.of("accept", "requestChanges", "acceptByDefault"),
			Status.CHANGES_REQUESTED, Set.of("ready"),
			Status.ACCEPTED, Set.of());

	private static Stage in(Status status) {
		Stage stage = new Stage(1, "lead:1", 1, TERMS, Status.PROPOSED, 1, 9, null, null, null, null, null, null, null, null);
		return switch (status) {
			case PROPOSED -> stage;
			case CONFIRMED -> stage.confirm(Side.CUSTOMER, 7, 1);
			case READY -> in(Status.CONFIRMED).ready(Side.SUPPLIER, NOW, REMIND, DUE);
			case CHANGES_REQUESTED -> in(Status.READY).requestChanges(Side.CUSTOMER, "fix it");
			case ACCEPTED -> in(Status.READY).accept(Side.CUSTOMER, 7);
		};
	}

	@Test
	void everyStateAgainstEveryChange() {
		for (Status status : Status.values()) {
			for (Map.Entry<String, Change> entry : CHANGES.entrySet()) {
				Stage stage = in(status);
				Change change = entry.getValue();
				String what = status + " × " + entry.getKey();
				if (ALLOWED.get(status).contains(entry.getKey())) {
					Stage after = change.byRightSide().apply(stage);
					assertThat(after.status()).as(what).isEqualTo(change.target());
					assertThat(status.next()).as(what).contains(change.target());
					if (change.byWrongSide() != null) {
						assertThatThrownBy(() -> change.byWrongSide().apply(stage)).as(what + " by the wrong side")
							.isInstanceOfSatisfying(IllegalTransition.class,
									refused -> assertThat(refused.reason()).isEqualTo(IllegalTransition.Reason.SIDE));
					}
				}
				else {
					assertThatThrownBy(() -> change.byRightSide().apply(stage)).as(what).isInstanceOf(IllegalTransition.class);
					if (change.byWrongSide() != null) {
						assertThatThrownBy(() -> change.byWrongSide().apply(stage)).as(what + " by the wrong side")
							.isInstanceOf(IllegalTransition.class);
					}
				}
			}
		}
	}

	@Test
	void theTableOfNextStatesIsTheOneTheMethodsFollow() {
		assertThat(Status.PROPOSED.next()).isEqualTo(EnumSet.of(Status.CONFIRMED, Status.PROPOSED));
		assertThat(Status.CONFIRMED.next()).isEqualTo(EnumSet.of(Status.READY, Status.PROPOSED));
		assertThat(Status.READY.next()).isEqualTo(EnumSet.of(Status.ACCEPTED, Status.CHANGES_REQUESTED));
		assertThat(Status.CHANGES_REQUESTED.next()).isEqualTo(EnumSet.of(Status.READY));
		assertThat(Status.ACCEPTED.next()).isEmpty();
	}

	@Test
	void anEditMakesANewVersionToConfirmAgainAndAnOldVersionIsRefused() {
		Stage confirmed = in(Status.CONFIRMED);
		assertThat(confirmed.confirmedVersion()).isEqualTo(1);
		Stage edited = confirmed.edit(Side.SUPPLIER, TERMS);
		assertThat(edited.version()).isEqualTo(2);
		assertThat(edited.status()).isEqualTo(Status.PROPOSED);
		assertThatThrownBy(() -> edited.confirm(Side.CUSTOMER, 7, 1)).isInstanceOfSatisfying(IllegalTransition.class,
				refused -> assertThat(refused.reason()).isEqualTo(IllegalTransition.Reason.VERSION));
		Stage again = edited.confirm(Side.CUSTOMER, 7, 2);
		assertThat(again.confirmedVersion()).isEqualTo(2);
	}

	@Test
	void theReviewWindowAcceptsOnlyWhenDueAndRemindsOnce() {
		Stage ready = in(Status.READY);
		assertThatThrownBy(() -> ready.acceptByDefault(DUE.minusSeconds(1))).isInstanceOfSatisfying(IllegalTransition.class,
				refused -> assertThat(refused.reason()).isEqualTo(IllegalTransition.Reason.NOT_DUE));
		Stage accepted = ready.acceptByDefault(DUE);
		assertThat(accepted.acceptedBy()).isZero();
		assertThatThrownBy(() -> ready.remind(REMIND.minusSeconds(1))).isInstanceOf(IllegalTransition.class);
		Stage reminded = ready.remind(REMIND);
		assertThat(reminded.remindedAt()).isEqualTo(REMIND);
		assertThatThrownBy(() -> reminded.remind(REMIND.plusSeconds(60))).isInstanceOf(IllegalTransition.class);
		// changes requested, then ready again: a new window, a new reminder
		Stage again = ready.requestChanges(Side.CUSTOMER, "fix it").ready(Side.SUPPLIER, NOW, REMIND, DUE);
		assertThat(again.remindedAt()).isNull();
		assertThat(again.changeReason()).isEqualTo("fix it");
	}

	@Test
	void aChangeRequestNeedsAReason() {
		assertThatThrownBy(() -> in(Status.READY).requestChanges(Side.CUSTOMER, " ")).isInstanceOf(IllegalArgumentException.class);
	}
}
