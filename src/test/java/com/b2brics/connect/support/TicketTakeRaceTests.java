package com.b2brics.connect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.TelegramUser;

/**
 * Two agents press Take on one ticket at the same instant, each in its own transaction as two
 * instances would: one takes it, the other is told who has it, and the log holds one TAKEN.
 */
class TicketTakeRaceTests extends SupportTestSupport {

	@Autowired
	TicketTaking taking;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void twoTakesAtOnceTakeTheTicketOnce() throws Exception {
		SimulatedUser a = person(DeskEndToEndTests.AGENT_A, "Anna");
		SimulatedUser b = person(DeskEndToEndTests.AGENT_B, "Boris");
		SimulatedUser reporter = sandbox.newUser("Rita", "en");
		reporter.startBot();
		Ticket ticket = transactions.execute(status -> {
			Ticket drafted = tickets.draft(null, null, null, reporter.id());
			tickets.update(drafted, "description = :d", Map.of("d", "The invoice is wrong"));
			Ticket described = tickets.find(drafted.id()).orElseThrow();
			tickets.move(described, Ticket.Status.NEW, "opened_at = :at", Map.of("at", clock.instant()));
			return tickets.find(drafted.id()).orElseThrow();
		});

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> presses = List.of(a, b).stream().map(agent -> pool.<Object>submit(() -> {
				start.await();
				transactions.executeWithoutResult(status -> taking.on(new ButtonPressed(0, new ChatRef(-1009000000001L, "supergroup",
						"Desk"), new TelegramUser(agent.id(), "Agent", null, null, "en", false), 1, "race-" + ticket.id() + "-" + agent.id(),
						DeskCard.TAKE, String.valueOf(ticket.id()))));
				return null;
			})).toList();
			start.countDown();
			for (Future<Object> press : presses) {
				press.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		Ticket taken = tickets.find(ticket.id()).orElseThrow();
		assertThat(taken.status()).isEqualTo(Ticket.Status.TAKEN);
		assertThat(taken.takenBy()).isIn(a.id(), b.id());
		assertThat(taken.version()).isEqualTo(ticket.version() + 1);
		assertThat(eventTypes(ticket.id())).containsExactlyInAnyOrder(TicketEventType.TAKEN, TicketEventType.TAKE_REFUSED);
		long loser = taken.takenBy() == a.id() ? b.id() : a.id();
		String refusal = jdbc.sql("SELECT params FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
			.param("id", "%race-" + ticket.id() + "-" + loser + "%")
			.query(String.class)
			.single();
		assertThat(refusal).contains(plain(t(loser == a.id() ? a : b, "support.take.already", taken.takenBy() == a.id() ? "Anna" : "Boris")));
	}
}
