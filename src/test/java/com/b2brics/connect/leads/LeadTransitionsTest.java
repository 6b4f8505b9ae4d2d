package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.leads.Lead.Status;

/** The transition table of a lead: every allowed change, and every other one refused. */
class LeadTransitionsTest {

	private static final Instant CREATED = Instant.parse("2026-03-02T10:00:00Z");
	private static final Instant NOW = CREATED.plusSeconds(600);

	private static Lead lead(Status status) {
		boolean hasGroup = status == Status.OPEN;
		return new Lead(7, 1, 2, "russia", 42, 3, status, CREATED, hasGroup ? CREATED : null, null);
	}

	/** Each change of a lead by the state it leads to. */
	private static final Map<Status, UnaryOperator<Lead>> CHANGES = Map.of(
			Status.OPEN, lead -> lead.open(NOW),
			Status.CLOSED, Lead::close,
			Status.WAITING_FOR_IMPORTER, Lead::giveGroupBack,
			Status.WAITING_FOR_GROUP, Lead::requeue);

	@Test
	void theTableIsWaitingOpenThenClosedOrBackToTheImporterWhoQueuesAgain() {
		assertThat(Status.WAITING_FOR_GROUP.next()).containsExactly(Status.OPEN);
		assertThat(Status.OPEN.next()).containsExactlyInAnyOrder(Status.CLOSED, Status.WAITING_FOR_IMPORTER);
		assertThat(Status.WAITING_FOR_IMPORTER.next()).containsExactly(Status.WAITING_FOR_GROUP);
		assertThat(Status.CLOSED.next()).isEmpty();
	}

	@Test
	void everyAllowedChangeMovesTheLeadAndEveryOtherIsRefused() {
		for (Status from : Status.values()) {
			for (Status to : Status.values()) {
				Lead lead = lead(from);
				UnaryOperator<Lead> change = CHANGES.get(to);
				if (from.canMoveTo(to)) {
					Lead moved = change.apply(lead);
					assertThat(moved.status()).as(from + " -> " + to).isEqualTo(to);
					assertThat(moved.id()).isEqualTo(lead.id());
				}
				else {
					assertThatThrownBy(() -> change.apply(lead)).as(from + " -> " + to)
						.isInstanceOf(Lead.IllegalTransition.class);
				}
			}
		}
	}

	@Test
	void aLeadThatGetsAGroupHoldsItFromNowWithoutItsImporter() {
		Lead opened = lead(Status.WAITING_FOR_GROUP).open(NOW);

		assertThat(opened.groupAt()).isEqualTo(NOW);
		assertThat(opened.importerJoinedAt()).isNull();
		assertThat(opened.waitsForImporterToEnter()).isTrue();
		assertThat(opened.canClose()).isTrue();
	}

	@Test
	void aLeadGivingItsGroupBackForgetsTheGroupAndWaitsForItsImporter() {
		Lead waiting = lead(Status.OPEN).importerEntered(NOW).giveGroupBack();

		assertThat(waiting.groupAt()).isNull();
		assertThat(waiting.importerJoinedAt()).isNull();
		assertThat(waiting.waitsForImporterToComeBack()).isTrue();
		assertThat(waiting.canClose()).isFalse();
	}

	@Test
	void theImporterEntersAnOpenLeadOnceAndNoOtherLead() {
		Lead entered = lead(Status.OPEN).importerEntered(NOW);

		assertThat(entered.importerJoinedAt()).isEqualTo(NOW);
		assertThat(entered.waitsForImporterToEnter()).isFalse();
		assertThatThrownBy(() -> entered.importerEntered(NOW)).isInstanceOf(Lead.IllegalTransition.class);
		for (Status other : EnumSet.complementOf(EnumSet.of(Status.OPEN))) {
			assertThatThrownBy(() -> lead(other).importerEntered(NOW)).as(other.name())
				.isInstanceOf(Lead.IllegalTransition.class);
		}
	}

	@Test
	void aClosedLeadKeepsWhenItGotItsGroupAndIsFinal() {
		Lead closed = lead(Status.OPEN).close();

		assertThat(closed.groupAt()).isEqualTo(CREATED);
		assertThat(closed.canClose()).isFalse();
		assertThat(closed.unused()).isFalse();
	}
}
