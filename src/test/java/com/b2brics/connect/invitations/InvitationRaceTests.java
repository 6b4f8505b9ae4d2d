package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.invitations.InvitationEngine.Outcome;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * Exactly one live offer, against the database with real threads: a Decline pressed at the very
 * moment the deadline passes races the deadline timer (and the clock ticking over), many times
 * over; each time exactly one of them moves the offer on and exactly one successor is offered.
 * Also: the deadline is a durable db-scheduler task that calls the engine, once.
 */
class InvitationRaceTests extends EngineTestSupport {

	@Autowired
	SchedulerClient scheduler;

	private List<TestPartner> partners = List.of();

	@AfterEach
	void removeTestPartners() {
		remove(partners);
	}

	private long count(String sql, long invitation) {
		return jdbc.sql(sql).param("id", invitation).query(Long.class).single();
	}

	@Test
	void aDeclineAndATimeOutAtTheSameInstantLeaveExactlyOneSuccessorOffer() throws Exception {
		TestDeal deal = openDeal("Racer", serviceOf("brics-conformity", STOREFRONT));
		partners = testPartners("race", 3);
		Deal test = testDeal(deal.group(), deal.importer().id());
		ExecutorService threads = Executors.newFixedThreadPool(3);
		Map<String, Integer> winners = Collections.synchronizedMap(new TreeMap<>());
		try {
			for (int round = 0; round < 30; round++) {
				long invitation = engine.open(test, deal.importer().id(), SPECIALIZATION, "Race " + round).invitationId();
				Map<String, Object> offer = liveOffer(invitation);
				long offerId = id(offer, "id");
				long member = memberOf(partners, id(offer, "partner_id"));
				Instant deadline = deadlineOf(offer);
				clock.set(deadline.minusNanos(1000));
				CyclicBarrier start = new CyclicBarrier(3);
				Future<Outcome> decline = threads.submit(() -> {
					start.await();
					return engine.decline(offerId, member, "BUSY");
				});
				Future<Outcome> timer = threads.submit(() -> {
					start.await();
					return engine.offerExpired(offerId);
				});
				Future<?> tick = threads.submit(() -> {
					start.await();
					clock.set(deadline);
					return null;
				});
				tick.get(20, TimeUnit.SECONDS);
				Outcome declined = decline.get(20, TimeUnit.SECONDS);
				Outcome expired = timer.get(20, TimeUnit.SECONDS);
				if (expired == Outcome.NOT_DUE) {
					// an early timer runs again at the deadline (InvitationDeadlines)
					expired = engine.offerExpired(offerId);
				}
				int moves = (declined == Outcome.DONE || declined == Outcome.EXPIRED ? 1 : 0) + (expired == Outcome.DONE ? 1 : 0);
				assertThat(moves).as("round %d: decline %s, timer %s", round, declined, expired).isEqualTo(1);
				winners.merge("decline " + declined + " / timer " + expired, 1, Integer::sum);

				assertThat(count("SELECT COUNT(*) FROM invitation_offers WHERE invitation_id = :id AND status = 'LIVE'", invitation))
					.isEqualTo(1);
				assertThat(count("SELECT COUNT(*) FROM invitation_offers WHERE invitation_id = :id", invitation)).isEqualTo(2);
				assertThat(liveOffer(invitation).get("id")).isNotEqualTo(offerId);
				assertThat(count("SELECT COUNT(*) FROM invitation_history WHERE invitation_id = :id AND event IN ('DECLINED', 'EXPIRED')",
						invitation)).isEqualTo(1);
				assertThat(count("SELECT COUNT(*) FROM invitation_history WHERE invitation_id = :id AND event = 'FORWARDED'", invitation))
					.isEqualTo(1);
				assertThat(engine.cancel(invitation, deal.importer().id())).isEqualTo(Outcome.DONE);
			}
		}
		finally {
			threads.shutdownNow();
		}
		System.out.println("Decline vs time-out, 30 rounds: " + winners);
	}

	@Test
	void theDeadlineIsADurableTaskThatExpiresTheOfferOnceAndComesBackIfItFiresEarly() throws Exception {
		TestDeal deal = openDeal("Timer", serviceOf("brics-conformity", STOREFRONT));
		partners = testPartners("timer", 2);
		long invitation = engine.open(testDeal(deal.group(), deal.importer().id()), deal.importer().id(), SPECIALIZATION,
				"Letter of credit for a first shipment").invitationId();
		Map<String, Object> offer = liveOffer(invitation);
		long offerId = id(offer, "id");
		Instant deadline = deadlineOf(offer);
		assertThat(Duration.between(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), deadline)).isEqualTo(properties.offerTimeoutOn(STOREFRONT));
		TaskInstanceId task = TaskInstanceId.of(InvitationEngine.DEADLINE_TASK, Long.toString(offerId));
		assertThat(scheduler.getScheduledExecution(task)).get()
			.satisfies(execution -> assertThat(execution.getExecutionTime()).isEqualTo(deadline));

		// db-scheduler polls with the real clock: bring the timer forward to fire now, while our clock says "not yet"
		scheduler.reschedule(task, Instant.now());
		await().atMost(Duration.ofSeconds(15)).until(() -> scheduler.getScheduledExecution(task)
			.filter(e -> e.getExecutionTime().isAfter(deadline)).isPresent());
		assertThat(liveOffer(invitation).get("id")).isEqualTo(offer.get("id"));

		// past the deadline it expires the offer and the next partner gets it; the timer is gone
		clock.set(deadline);
		scheduler.reschedule(task, Instant.now());
		await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(
				jdbc.sql("SELECT status FROM invitation_offers WHERE id = :id").param("id", offerId).query(String.class).single()));
		await().atMost(Duration.ofSeconds(15)).until(() -> scheduler.getScheduledExecution(task).isEmpty());
		Map<String, Object> next = liveOffer(invitation);
		assertThat(next.get("id")).isNotEqualTo(offerId);
		assertThat(history(invitation)).containsExactly("PENDING", "EXPIRED", "FORWARDED");
		assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(InvitationEngine.DEADLINE_TASK, next.get("id").toString())))
			.isPresent();
		assertThat(engine.cancel(invitation, deal.importer().id())).isEqualTo(Outcome.DONE);
	}
}
