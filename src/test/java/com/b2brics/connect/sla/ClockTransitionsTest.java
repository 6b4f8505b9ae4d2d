package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sla.ClockStore.Clock;
import com.b2brics.connect.sla.ClockStore.Clock.Status;

/** The transition table of a response clock, on a calendar where every minute is a working one. */
class ClockTransitionsTest {

	private static final WorkingCalendar ALWAYS = WorkingCalendar.allTheTime(ZoneOffset.UTC);
	private static final Instant STARTED = Instant.parse("2026-03-02T10:00:00Z");
	private static final Duration ALLOWED = Duration.ofHours(2);

	private static Clock clock(Status status) {
		return new Clock(4, 7, ClockStore.Kind.FIRST_RESPONSE, ALLOWED, STARTED, STARTED.plus(ALLOWED), Duration.ZERO,
				STARTED, null, null, status, null);
	}

	@Test
	void onlyARunningClockStopsAndItStopsMetLateOrCancelled() {
		assertThat(Status.RUNNING.next()).containsExactlyInAnyOrder(Status.MET, Status.LATE, Status.CANCELLED);
		for (Status stopped : EnumSet.complementOf(EnumSet.of(Status.RUNNING))) {
			assertThat(stopped.next()).as(stopped.name()).isEmpty();
		}
	}

	@Test
	void anAnswerWithinTheAllowedTimeIsMetAndOneAfterItIsLate() {
		Clock.Stop met = clock(Status.RUNNING).answer(99, STARTED.plus(ALLOWED), ALWAYS);
		Clock.Stop late = clock(Status.RUNNING).answer(99, STARTED.plus(ALLOWED).plusSeconds(1), ALWAYS);

		assertThat(met.outcome()).isEqualTo(Status.MET);
		assertThat(met.working()).isEqualTo(ALLOWED);
		assertThat(met.by()).isEqualTo(99);
		assertThat(late.outcome()).isEqualTo(Status.LATE);
	}

	@Test
	void aCancelledClockKeepsWhatItCountedAndNamesNobody() {
		Clock.Stop cancelled = clock(Status.RUNNING).cancel(STARTED.plusSeconds(600), ALWAYS);

		assertThat(cancelled.outcome()).isEqualTo(Status.CANCELLED);
		assertThat(cancelled.working()).isEqualTo(Duration.ofSeconds(600));
		assertThat(cancelled.by()).isNull();
	}

	@Test
	void aPausedClockKeepsWhatItCountedAndItsDueInstantMovesByThePause() {
		Instant now = STARTED.plus(Duration.ofMinutes(30));
		Instant until = now.plus(Duration.ofHours(5));

		Clock paused = clock(Status.RUNNING).pause(until, now, ALWAYS);

		assertThat(paused.status()).isEqualTo(Status.RUNNING);
		assertThat(paused.worked()).isEqualTo(Duration.ofMinutes(30));
		assertThat(paused.pausedUntil()).isEqualTo(until);
		assertThat(paused.countingSince()).isEqualTo(until);
		assertThat(paused.dueAt()).isEqualTo(until.plus(Duration.ofMinutes(90)));
		// an answer during the pause counts only what was counted before it
		assertThat(paused.answer(99, now.plus(Duration.ofHours(1)), ALWAYS).working()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aClockPausedWithItsTimeUsedUpKeepsItsDueInstant() {
		Clock used = clock(Status.RUNNING);
		Instant now = STARTED.plus(ALLOWED).plusSeconds(60);

		assertThat(used.pause(now.plusSeconds(3600), now, ALWAYS).dueAt()).isEqualTo(used.dueAt());
	}

	@Test
	void aPauseUntilAnInstantNotAfterNowIsRefused() {
		Instant now = STARTED.plusSeconds(60);

		assertThatThrownBy(() -> clock(Status.RUNNING).pause(now, now, ALWAYS)).isInstanceOf(ClockStore.IllegalTransition.class);
	}

	@Test
	void aRunningClockIsBreachedOnceFromItsDueInstantOn() {
		Clock running = clock(Status.RUNNING);
		Instant due = running.dueAt();

		assertThatThrownBy(() -> running.breach(due.minusSeconds(1))).isInstanceOf(ClockStore.IllegalTransition.class);
		Clock breached = running.breach(due);

		assertThat(breached.breachedAt()).isEqualTo(due);
		assertThat(breached.status()).isEqualTo(Status.RUNNING);
		assertThat(breached.isOverdue(due.plusSeconds(60))).isFalse();
		assertThatThrownBy(() -> breached.breach(due.plusSeconds(60))).isInstanceOf(ClockStore.IllegalTransition.class);
	}

	@Test
	void aStoppedClockRefusesEveryChange() {
		Instant now = STARTED.plusSeconds(60);
		for (Status stopped : EnumSet.complementOf(EnumSet.of(Status.RUNNING))) {
			Clock clock = clock(stopped);
			assertThatThrownBy(() -> clock.answer(99, now, ALWAYS)).as(stopped + " answer")
				.isInstanceOf(ClockStore.IllegalTransition.class);
			assertThatThrownBy(() -> clock.cancel(now, ALWAYS)).as(stopped + " cancel")
				.isInstanceOf(ClockStore.IllegalTransition.class);
			assertThatThrownBy(() -> clock.pause(now.plusSeconds(60), now, ALWAYS)).as(stopped + " pause")
				.isInstanceOf(ClockStore.IllegalTransition.class);
			assertThatThrownBy(() -> clock.breach(clock.dueAt())).as(stopped + " breach")
				.isInstanceOf(ClockStore.IllegalTransition.class);
		}
	}
}
