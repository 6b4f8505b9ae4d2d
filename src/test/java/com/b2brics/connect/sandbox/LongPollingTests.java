package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;

/** getUpdates as Telegram serves it: offsets confirm, long polls wait, filters stick, conflicts are 409. */
class LongPollingTests extends SandboxTestSupport {

	private List<Long> ids(List<Map<String, Object>> updates) {
		return updates.stream().map(u -> id(u.get("update_id"))).toList();
	}

	@Test
	void updatesStayUntilConfirmedByOffset() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		ivan.writeToBot("one");
		ivan.writeToBot("two");

		List<Map<String, Object>> first = api("getUpdates", Map.of()).resultList();
		List<Map<String, Object>> again = api("getUpdates", Map.of()).resultList();
		long last = ids(first).get(first.size() - 1);
		List<Map<String, Object>> confirmed = api("getUpdates", Map.of("offset", last + 1)).resultList();

		assertThat(first).hasSize(3);
		assertThat(ids(first)).isSorted().doesNotHaveDuplicates();
		assertThat(again).isEqualTo(first);
		assertThat(confirmed).isEmpty();
	}

	@Test
	void limitCapsTheBatch() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		ivan.writeToBot("one");
		ivan.writeToBot("two");

		assertThat(api("getUpdates", Map.of("limit", 2)).resultList()).hasSize(2);
	}

	@Test
	void longPollAnswersAsSoonAsAnUpdateArrives() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		long started = System.nanoTime();
		CompletableFuture<Raw> poll = CompletableFuture.supplyAsync(() -> api("getUpdates", Map.of("timeout", 20)));
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

		ivan.startBot("lead_1");

		Raw answer = poll.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
		assertThat(answer.resultList()).singleElement()
			.satisfies(u -> assertThat(obj(u.get("message")).get("text")).isEqualTo("/start lead_1"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void longPollWithoutUpdatesAnswersEmptyAfterItsTimeout() {
		long started = System.nanoTime();

		Raw answer = api("getUpdates", Map.of("timeout", 1));

		assertThat(answer.resultList()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void pengradReadsUpdates() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "Petrov", null, "ru");
		ivan.startBot("ref_ABC123");

		List<Update> updates = bot.execute(new GetUpdates().timeout(0)).updates();

		assertThat(updates).singleElement().satisfies(u -> {
			assertThat(u.message().text()).isEqualTo("/start ref_ABC123");
			assertThat(u.message().from().id()).isEqualTo(ivan.id());
			assertThat(u.message().from().languageCode()).isEqualTo("ru");
			assertThat(u.message().entities()[0].type().name()).isEqualTo("bot_command");
		});
	}

	@Test
	void allowedUpdatesAreRememberedUntilChanged() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "Choose", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"yes\"}]]}"));
		api("getUpdates", Map.of("offset", -1, "allowed_updates", "[\"callback_query\"]"));
		updates();

		ivan.writeToBot("ignored by the filter");
		ivan.pressWithoutWaiting(ivan.botChat(), "Yes");
		List<Map<String, Object>> filtered = updates();
		api("getUpdates", Map.of("allowed_updates", "[]"));
		ivan.writeToBot("seen again");

		assertThat(filtered).singleElement().satisfies(u -> assertThat(u).containsKey("callback_query"));
		assertThat(obj(update("message").get("message")).get("text")).isEqualTo("seen again");
	}

	@Test
	void getUpdatesIsRefusedWhileAWebhookIsSet() {
		api("setWebhook", Map.of("url", "http://127.0.0.1:9/hook"));

		Raw answer = api("getUpdates", Map.of());

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.description()).isEqualTo(
				"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
	}

	@Test
	void aSecondPollerTerminatesTheFirst() {
		CompletableFuture<Raw> first = CompletableFuture.supplyAsync(() -> api("getUpdates", Map.of("timeout", 20)));
		Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !first.isDone());

		Raw second = api("getUpdates", Map.of("timeout", 0));

		Raw terminated = first.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
		assertThat(second.ok()).isTrue();
		assertThat(terminated.status()).isEqualTo(409);
		assertThat(terminated.description())
			.isEqualTo("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
	}

	@Test
	void updateIdsStrictlyIncreaseAcrossAReset() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		long before = id(updates().get(0).get("update_id"));
		sandbox.reset();
		SimulatedUser maria = sandbox.newUser("Maria", "pt");
		maria.startBot();

		long after = id(update("message").get("update_id"));

		assertThat(after).isGreaterThan(before);
		assertThat(maria.id()).isNotEqualTo(ivan.id());
	}
}
