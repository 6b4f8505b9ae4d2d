package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.support.Tickets;

/**
 * The check of support's first-response clocks in the shared context, with the clock moved over
 * the russia storefront's calendar (Moscow, Monday to Friday 09:00–18:00; one hour allowed,
 * reminders at 50 % and 80 %): each reminder point and the breach are published once, also when
 * two checks run at once; a paused clock is never reminded nor breached and its due instant moves
 * when it resumes; the admins' page lists the clocks.
 */
class SupportClockCheckEndToEndTests extends EndToEndTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	@Autowired
	SupportClocks supportClocks;

	@Autowired
	SupportClockCheck check;

	@Autowired
	Tickets tickets;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ConfigurableApplicationContext context;

	private static Instant moscow(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
	}

	private <T> T inTx(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	@Test
	void remindersAndTheBreachArePublishedOnceEachEvenByConcurrentChecksAndPausedClocksWait() throws Exception {
		// clocks earlier tests of the shared context left counting are no part of this test: they stop
		inTx(() -> {
			jdbc.sql("SELECT DISTINCT ticket_id FROM support_clocks WHERE status IN ('RUNNING', 'PAUSED')")
				.query(Long.class)
				.list()
				.forEach(ticket -> supportClocks.cancel(ticket, clock.instant()));
			return null;
		});
		List<Object> published = Collections.synchronizedList(new ArrayList<>());
		ApplicationListener<ApplicationEvent> listener = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& (payload.getPayload() instanceof SupportClockReminder || payload.getPayload() instanceof SupportClockBreached)) {
				published.add(payload.getPayload());
			}
		};
		context.addApplicationListener(listener);
		try {
			clock.set(moscow("2026-12-09T10:00")); // a Wednesday
			long a = inTx(() -> tickets.draft(null, null, "russia", 6399100001L).id());
			long b = inTx(() -> tickets.draft(null, null, "russia", 6399100002L).id());
			assertThat(inTx(() -> supportClocks.start(a, "russia", clock.instant()))).isEqualTo(moscow("2026-12-09T11:00"));
			inTx(() -> supportClocks.start(b, "russia", clock.instant()));
			// a second start while it counts keeps the clock
			assertThat(inTx(() -> supportClocks.start(a, "russia", moscow("2026-12-09T10:05")))).isEqualTo(moscow("2026-12-09T11:00"));
			clock.set(moscow("2026-12-09T10:10"));
			assertThat(inTx(() -> supportClocks.pause(b, clock.instant())).orElseThrow().status()).isEqualTo(SupportClocks.Status.PAUSED);
			assertThat(inTx(() -> supportClocks.pause(b, clock.instant()))).isEmpty(); // paused already: nothing changes

			clock.set(moscow("2026-12-09T10:29"));
			check.check();
			assertThat(mine(published, a, b)).isEmpty();
			clock.set(moscow("2026-12-09T10:31"));
			check.check();
			check.check();
			assertThat(mine(published, a, b)).containsExactly(new SupportClockReminder(a, 50, moscow("2026-12-09T11:00")));

			clock.set(moscow("2026-12-09T10:49"));
			concurrently(4);
			assertThat(mine(published, a, b)).containsExactly(new SupportClockReminder(a, 50, moscow("2026-12-09T11:00")),
					new SupportClockReminder(a, 80, moscow("2026-12-09T11:00")));

			clock.set(moscow("2026-12-09T11:01"));
			concurrently(4);
			check.check();
			assertThat(mine(published, a, b)).hasSize(3).last().isEqualTo(new SupportClockBreached(a, moscow("2026-12-09T11:00")));
			assertThat(supportClocks.of(a).orElseThrow().breachedAt()).isEqualTo(moscow("2026-12-09T11:01"));
			assertThat(supportClocks.of(a).orElseThrow().remindedPercent()).isEqualTo(80);

			// b waited on its reporter an hour: nothing was told; resumed with 50 min left, due 11:51
			SupportClocks.View resumed = inTx(() -> supportClocks.resume(b, clock.instant())).orElseThrow();
			assertThat(resumed.dueAt()).isEqualTo(moscow("2026-12-09T11:51"));
			assertThat(mine(published, a, b)).hasSize(3);
			clock.set(moscow("2026-12-09T11:30")); // b's 50 % point: 11:21
			check.check();
			assertThat(mine(published, a, b)).hasSize(4).last().isEqualTo(new SupportClockReminder(b, 50, moscow("2026-12-09T11:51")));

			SupportClocks.View late = inTx(() -> supportClocks.answered(a, 6399000002L, clock.instant())).orElseThrow();
			assertThat(late.status()).isEqualTo(SupportClocks.Status.LATE);
			assertThat(late.worked()).isEqualTo(Duration.ofMinutes(90));
			clock.set(moscow("2026-12-09T11:45"));
			SupportClocks.View met = inTx(() -> supportClocks.answered(b, 6399000002L, clock.instant())).orElseThrow();
			assertThat(met.status()).isEqualTo(SupportClocks.Status.MET);
			assertThat(met.worked()).isEqualTo(Duration.ofMinutes(54));
			clock.set(moscow("2026-12-09T13:00"));
			check.check();
			assertThat(mine(published, a, b)).hasSize(4); // stopped clocks are done
			assertThat(inTx(() -> supportClocks.cancel(a, clock.instant()))).isEmpty();

			// the admins' page: newest first, the ticket numbers, outcomes and the breach
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/sla"))
					.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes()))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			String support = page.body().substring(page.body().indexOf("id=\"support-clocks\""));
			assertThat(support).contains(String.format("T-%06d", a))
				.contains(String.format("T-%06d", b))
				.contains("LATE")
				.contains("MET")
				.contains("PT1H30M")
				.contains("PT54M");
			assertThat(page.body()).contains("Support: first responses");
			HttpResponse<String> anonymous = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/sla")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).isEqualTo(401);
		}
		finally {
			context.removeApplicationListener(listener);
		}
	}

	/** The events of these tickets, in order. */
	private static List<Object> mine(List<Object> published, long... tickets) {
		Set<Long> ids = new java.util.HashSet<>();
		for (long ticket : tickets) {
			ids.add(ticket);
		}
		synchronized (published) {
			return published.stream()
				.filter(e -> e instanceof SupportClockReminder r ? ids.contains(r.ticketId())
						: ids.contains(((SupportClockBreached) e).ticketId()))
				.toList();
		}
	}

	/** Checks at once on several threads, started together. */
	private void concurrently(int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> done = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				done.add(pool.submit(() -> {
					go.await();
					return check.check();
				}));
			}
			go.countDown();
			for (Future<Integer> each : done) {
				each.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
