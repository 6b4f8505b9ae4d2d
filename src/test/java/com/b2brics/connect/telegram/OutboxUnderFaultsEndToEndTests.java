package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * With the sandbox injecting 20% 429s, 5xx and time-outs, 300 messages to 30 people and 5 groups
 * all arrive, in order per chat, without breaking a single Telegram rule; a message arrives
 * twice only where a time-out struck after Telegram had already delivered it.
 */
class OutboxUnderFaultsEndToEndTests extends EndToEndTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void calm() {
		sandbox.noFaults();
	}

	@Test
	void everyMessageArrivesInOrderWithinTheLimitsDespiteFaults() {
		List<Long> chats = new ArrayList<>();
		SimulatedUser firstUser = null;
		List<SimulatedUser> users = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			SimulatedUser user = sandbox.newUser("Load" + i, "en");
			user.startBot();
			users.add(user);
			chats.add(user.botChat());
			if (firstUser == null) {
				firstUser = user;
			}
		}
		users.forEach(user -> user.sees(user.botChat(), "Hello, " + user.firstName()));
		SimulatedUser admin = platformAdmin();
		for (int g = 0; g < 5; g++) {
			long group = sandbox.createGroup("Load group " + g, admin);
			admin.sees(group, "is now a B2BRICS working group");
			chats.add(group);
		}
		var before = sandbox.stats();
		sandbox.faults(Map.<String, Object>of("rate_429", 0.07, "rate_5xx", 0.07, "rate_timeout", 0.06, "seed", 20261125L,
				"retry_after", 1));

		Map<Long, List<String>> expected = new LinkedHashMap<>();
		String run = Long.toString(System.nanoTime(), 36);
		tx.executeWithoutResult(status -> {
			for (int round = 0; round < 9; round++) {
				for (int c = 0; c < chats.size(); c++) {
					long chat = chats.get(c);
					int perChat = chat > 0 ? 9 : 6;
					if (round >= perChat) {
						continue;
					}
					String text = "msg " + run + " " + chat + " #" + round;
					expected.computeIfAbsent(chat, k -> new ArrayList<>()).add(text);
					outbox.send(OutgoingMessage.to(chat, text));
				}
			}
		});
		assertThat(expected.values().stream().mapToInt(List::size).sum()).isEqualTo(300);

		SimulatedUser observer = firstUser;
		await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> expected.entrySet()
			.stream()
			.allMatch(entry -> delivered(entry.getKey(), run).containsAll(entry.getValue())));

		var after = sandbox.stats();
		int duplicates = 0;
		for (var entry : expected.entrySet()) {
			List<String> seen = delivered(entry.getKey(), run);
			Map<String, Integer> counts = new HashMap<>();
			seen.forEach(text -> counts.merge(text, 1, Integer::sum));
			duplicates += counts.values().stream().mapToInt(n -> n - 1).sum();
			List<String> firstOccurrences = seen.stream().distinct().toList();
			assertThat(firstOccurrences).as("order in chat %d", entry.getKey()).containsExactlyElementsOf(entry.getValue());
		}
		long timeoutsAfterEffect = after.timeoutsAfterEffect() - before.timeoutsAfterEffect();
		assertThat(after.violationsTotal() - before.violationsTotal()).as("Telegram rule violations").isZero();
		assertThat(after.faultsInjectedTotal() - before.faultsInjectedTotal()).as("faults injected").isGreaterThan(30);
		assertThat(duplicates).as("duplicates, each explained by a time-out after delivery").isLessThanOrEqualTo((int) timeoutsAfterEffect);
		System.out.printf("outbox under faults: 300 messages, %d faults injected, %d time-outs after effect, %d duplicates%n",
				after.faultsInjectedTotal() - before.faultsInjectedTotal(), timeoutsAfterEffect, duplicates);
		assertThat(observer).isNotNull();
	}

	private List<String> delivered(long chat, String run) {
		return sandbox.allMessages(chat)
			.stream()
			.map(SeenMessage::text)
			.filter(text -> text != null && text.startsWith("msg " + run + " "))
			.toList();
	}
}
