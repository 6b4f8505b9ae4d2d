package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.BotApiEndpointProvider;
import com.b2brics.connect.telegram.LoadBalancer;

/**
 * Issue 13's "works on two instances; each button press is idempotent": the shared app (A) and a
 * second whole instance (B) on the same database, sandbox and business clock, behind a load
 * balancer that the sandbox's webhook delivers to. A Confirm pressed twice at once changes the
 * stage once and the second presser is told why; the review check and the blocker check run on
 * both instances at the very moment two parties confirm an agreement: the stage is accepted by
 * default once, the blocker is overdue once, and the deal's log is numbered without gaps or clashes
 * (each update handled on its first try: a clash healed by a retry would fail it). Last, B is cut off
 * from Telegram, takes a Confirm and is stopped with its messages unsent: A edits the card, once.
 */
class DealRoomInstancesEndToEndTests extends DealRoomTestSupport {

	@Autowired
	Environment environment;

	@Autowired
	BotApiEndpointProvider endpoints;

	@Autowired
	StageReviews reviews;

	@Autowired
	Blockers blockers;

	private String en(String key, Object... args) {
		return plain(messages.getMessage(key, args, Locale.ENGLISH));
	}

	@Test
	void pressesAndChecksOnTwoInstancesChangeEachThingOnceAndTheLogHasNoGaps() throws Exception {
		long opening = System.nanoTime();
		TestDeal deal = openDeal("Twinned", serviceOf("eurasia-cargo", "china"));
		System.out.printf("deal opened in %d ms%n", (System.nanoTime() - opening) / 1_000_000);
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);
		var endpoint = endpoints.endpoint();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		long started = System.nanoTime();
		// B reaches the Bot API through a proxy the test can cut; the sandbox's webhook goes to a balancer of A and B
		try (var api = new LoadBalancer(); var balancer = new LoadBalancer();
				var b = startB(api, endpoint, balancer)) {
			balancer.add(port);
			balancer.add(b.port());
			System.out.printf("instance B up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
			try {
				// B registered the balancer as the webhook: presses land on A and B in turn
				await().atMost(Duration.ofSeconds(20))
					.until(() -> String.valueOf(sandbox.get("/sandbox/api/bot/webhook").get("url")).contains(":" + balancer.port() + "/"));

				long before = jdbc.sql("SELECT COALESCE(MAX(update_id), 0) FROM telegram_inbox WHERE chat_id = :chat").param("chat", group)
					.query(Long.class).single();

				// (1) the same Confirm pressed twice at once: one change, one event; the second presser is told why
				partner.write(group, "/stage Twin inspection | " + LocalDate.now(clock).plusDays(20) + " | 900 USD | staged");
				String confirm = en("stages.button.confirm", 1, 1);
				SeenMessage stageCard = withButton(importer, group, confirm);
				List<String> answers = both(threads, () -> press(importer, group, stageCard.id(), confirm),
						() -> press(importer, group, stageCard.id(), confirm));
				assertThat(count("SELECT COUNT(*) FROM stages WHERE deal_key = :key AND status = 'CONFIRMED'", key)).isEqualTo(1);
				assertThat(eventTypes(key).stream().filter(DealEventType.STAGE_CONFIRMED::equals)).hasSize(1);
				assertThat(answers).as("one press done silently, the other refused with a reason")
					.containsExactlyInAnyOrder("", en("stages.state", 1, en("stages.status.CONFIRMED")));

				// a READY stage, a blocker and an agreement, all waiting
				partner.write(group, "/ready");
				await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(stageStatus(key)));
				importer.write(group, "/blocker The twin lab lost our samples | Send the spare set");
				await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM blockers WHERE deal_key = :key", key) == 1);
				importer.write(group, "/agree Inspection report in English by Friday");
				SeenMessage agreement = withButton(importer, group, en("deals.agree.button.confirm"));

				// (2)+(3) the review window (its reminder sent) and the blocker's response time passed (rows backdated),
				// and at that moment both instances run both checks while the two parties confirm the agreement
				jdbc.sql("""
						UPDATE stages SET remind_at = :past, reminded_at = :past, review_due_at = :past
						WHERE deal_key = :key AND status = 'READY'""")
					.param("past", Stages.utc(clock.instant().minusSeconds(60)))
					.param("key", key)
					.update();
				jdbc.sql("UPDATE blockers SET response_due_at = :past WHERE deal_key = :key")
					.param("past", Stages.utc(clock.instant().minusSeconds(60)))
					.param("key", key)
					.update();
				StageReviews reviewsB = b.bean(StageReviews.class);
				Blockers blockersB = b.bean(Blockers.class);
				CyclicBarrier start = new CyclicBarrier(6);
				List<Callable<Object>> all = List.of(at(start, reviews::check), at(start, reviewsB::check), at(start, blockers::check),
						at(start, blockersB::check),
						at(start, () -> press(importer, group, agreement.id(), en("deals.agree.button.confirm"))),
						at(start, () -> press(partner, group, agreement.id(), en("deals.agree.button.confirm"))));
				List<Object> results = new ArrayList<>();
				for (Future<Object> done : threads.invokeAll(all)) {
					results.add(done.get(60, TimeUnit.SECONDS));
				}
				assertThat((int) results.get(0) + (int) results.get(1)).as("stages accepted by the review checks").isEqualTo(1);
				assertThat((int) results.get(2) + (int) results.get(3)).as("blockers made overdue by the checks").isEqualTo(1);
				assertThat(results.subList(4, 6)).containsExactlyInAnyOrder(t(importer, "deals.agree.thanks"),
						t(partner, "deals.agree.completed"));

				List<DealEventType> types = eventTypes(key);
				assertThat(types.stream().filter(DealEventType.STAGE_ACCEPTED_BY_DEFAULT::equals)).hasSize(1);
				assertThat(types.stream().filter(DealEventType.BLOCKER_OVERDUE::equals)).hasSize(1);
				assertThat(types.stream().filter(DealEventType.AGREEMENT_CONFIRMED::equals)).hasSize(2);
				assertThat(types.stream().filter(DealEventType.AGREEMENT_COMPLETED::equals)).hasSize(1);
				List<DealEvents.Event> log = dealEvents.of(key);
				assertThat(log).extracting(DealEvents.Event::seq)
					.containsExactlyElementsOf(IntStream.rangeClosed(1, log.size()).boxed().toList());
				assertThat(stageStatus(key)).isEqualTo("ACCEPTED");

				// the group hears each once, and the card shows the outcome
				String accepted = head(en("stages.default.notice", 1, "Twin inspection", 3));
				String overdue = en("deals.blocker.overdue", 1, "", "", "").split(",")[0];
				cardShows(importer, group, en("stages.status.ACCEPTED"));
				await().atMost(Duration.ofSeconds(30)).until(() -> seen(importer, group, accepted) == 1 && seen(importer, group, overdue) == 1);
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
					.until(() -> seen(importer, group, accepted) == 1 && seen(importer, group, overdue) == 1);
				assertThat(jdbc.sql("""
						SELECT CAST(update_id AS VARCHAR(20)) || ' ' || status || ' ' || CAST(attempts AS VARCHAR(10)) || ' '
						       || COALESCE(last_error, '') FROM telegram_inbox
						WHERE chat_id = :chat AND update_id > :before AND (attempts <> 1 OR status <> 'DONE')""")
					.param("chat", group).param("before", before).query(String.class).list())
					.as("every command and press handled on its first try (no clash on the log's numbering to retry)").isEmpty();
				List<String> handlers = jdbc.sql("SELECT DISTINCT handled_by FROM telegram_inbox WHERE chat_id = :chat AND handled_by IS NOT NULL")
					.param("chat", group).query(String.class).list();
				System.out.printf("deal log of %d events; the group's updates handled by %s%n", log.size(), handlers);
				assertThat(handlers).as("both instances handled the group's updates").contains("instance-b").hasSizeGreaterThan(1);

				// (4) B, cut off from Telegram, gets the next Confirm and is stopped before anything it queued went out: A sends it
				partner.write(group, "/stage Twin re-inspection | " + LocalDate.now(clock).plusDays(30) + " | 300 USD | staged");
				String confirmSecond = en("stages.button.confirm", 2, 1);
				SeenMessage secondCard = withButton(importer, group, confirmSecond);
				api.remove(port);
				balancer.remove(port);
				importer.pressWithoutWaiting(group, confirmSecond);
				await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(jdbc.sql(
						"SELECT status FROM stages WHERE deal_key = :key AND number = 2").param("key", key).query(String.class).single()));
				b.close();
				balancer.add(port);
				await("the second stage's card edited, its Confirm gone").atMost(Duration.ofSeconds(30)).until(() -> importer.messages(group)
					.stream().anyMatch(m -> m.id() == secondCard.id() && m.edited() && !m.hasButton(confirmSecond)));
				String confirmedNotice = en("stages.confirmed", 2, "Twin re-inspection", 1, "x", "y").split(", x")[0];
				await().atMost(Duration.ofSeconds(30)).until(() -> seen(importer, group, confirmedNotice) == 1);
				assertThat(eventTypes(key).stream().filter(DealEventType.STAGE_CONFIRMED::equals)).hasSize(2);
				List<DealEvents.Event> after = dealEvents.of(key);
				assertThat(after).extracting(DealEvents.Event::seq)
					.containsExactlyElementsOf(IntStream.rangeClosed(1, after.size()).boxed().toList());
				System.out.printf("the second Confirm handled by %s; rows B failed to send before it stopped: %d%n",
						jdbc.sql("SELECT handled_by FROM telegram_inbox WHERE chat_id = :chat ORDER BY update_id DESC LIMIT 1")
							.param("chat", group).query(String.class).single(),
						jdbc.sql("SELECT COUNT(*) FROM telegram_outbox WHERE chat_id = :chat AND attempts > 1").param("chat", group)
							.query(Long.class).single());
			}
			finally {
				// the shared app takes the webhook back for the tests that follow
				sandbox.post("/bot" + endpoint.token() + "/setWebhook",
						Map.of("url", endpoint.webhookUrl(), "secret_token", endpoint.webhookSecret(), "max_connections", 40));
			}
			assertThat(sandbox.get("/sandbox/api/bot/webhook").get("url")).isEqualTo(endpoint.webhookUrl());
		}
		finally {
			threads.shutdownNow();
		}
		System.out.printf("two-instance deal room test: %d ms after the deal opened%n", (System.nanoTime() - started) / 1_000_000);
	}

	private AppInstance startB(LoadBalancer api, com.b2brics.connect.telegram.BotApiEndpoint endpoint, LoadBalancer balancer) {
		api.add(port);
		// B's command menus lack the shared context's test-only commands: the shared sandbox keeps the
		// shared app's menus, which telegram.CommandMenusEndToEndTests reads later
		api.answerLocally("/setMyCommands", "{\"ok\":true,\"result\":true}");
		return AppInstance.start(instanceB(api, endpoint, balancer), clock);
	}

	/** The second instance: the shared app's database, sandbox (through the proxy) and settings, its webhook the balancer. */
	private Map<String, Object> instanceB(LoadBalancer api, com.b2brics.connect.telegram.BotApiEndpoint endpoint, LoadBalancer balancer) {
		Map<String, Object> p = new HashMap<>();
		p.put("spring.datasource.url", environment.getProperty("spring.datasource.url"));
		p.put("spring.datasource.username", environment.getProperty("spring.datasource.username", "sa"));
		p.put("spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
		p.put("spring.datasource.hikari.maximum-pool-size", 6);
		p.put("b2brics.sandbox.enabled", false);
		p.put("b2brics.telegram.bot-token", endpoint.token());
		p.put("b2brics.telegram.api-url", "http://127.0.0.1:" + api.port());
		// a message B claimed when it stopped is free for A soon (not after the default minute)
		p.put("b2brics.telegram.outbox.claim-for", "2s");
		p.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + balancer.port() + "/telegram/webhook");
		p.put("b2brics.telegram.webhook-secret", endpoint.webhookSecret());
		p.put("b2brics.telegram.instance-id", "instance-b");
		// as the shared app (EndToEndTest): the same limits towards the same sandbox
		for (String setting : List.of("b2brics.telegram.request-timeout", "b2brics.telegram.inbox.first-backoff",
				"b2brics.telegram.inbox.max-attempts", "b2brics.admin-telegram-ids", "b2brics.demo.seed-sandbox",
				"b2brics.invitations.manager-telegram-ids", "b2brics.exporters.managers", "b2brics.telegram.outbox.group-window",
				"b2brics.leads.limits.clicks-per-address", "b2brics.leads.join-grace")) {
			p.put(setting, environment.getRequiredProperty(setting));
		}
		return p;
	}

	private static Callable<Object> at(CyclicBarrier start, Callable<?> work) {
		return () -> {
			start.await(30, TimeUnit.SECONDS);
			return work.call();
		};
	}

	private static List<String> both(ExecutorService threads, Callable<String> first, Callable<String> second) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<String> texts = new ArrayList<>();
		for (Future<Object> done : threads.invokeAll(List.of(at(start, first), at(start, second)))) {
			Object text = done.get(60, TimeUnit.SECONDS);
			texts.add(text == null ? "" : text.toString());
		}
		return texts;
	}

	/** A press that waits for the bot's answer longer than the shared sandbox's default (two instances take turns per chat). */
	private String press(SimulatedUser user, long group, long messageId, String label) {
		Object text = sandbox.post("/sandbox/api/users/" + user.id() + "/press",
				Map.of("chat_id", group, "message_id", messageId, "text", label, "wait_ms", 15000)).get("text");
		return text == null ? "" : text.toString();
	}

	private long count(String sql, String key) {
		return jdbc.sql(sql).param("key", key).query(Long.class).single();
	}

	private String stageStatus(String key) {
		return jdbc.sql("SELECT status FROM stages WHERE deal_key = :key AND number = 1").param("key", key).query(String.class).single();
	}

	private static long seen(SimulatedUser user, long group, String fragment) {
		return user.messages(group).stream().filter(m -> m.text() != null && m.text().contains(fragment)).count();
	}

	/** The newest message in the group with that button. */
	private static SeenMessage withButton(SimulatedUser user, long group, String label) {
		return await("a message with " + label).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(group).stream().filter(m -> m.hasButton(label)).reduce((first, second) -> second),
					Optional::isPresent)
			.orElseThrow();
	}
}
