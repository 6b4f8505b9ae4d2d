package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;

/** Telegram's sending limits: 1/s per private chat, 20/min per group, 30/s overall, with retry_after. */
class RateLimitTests extends SandboxTestSupport {

	@Test
	void privateChatTakesOneMessagePerSecond() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();

		Raw first = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "one"));
		Raw second = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "two"));

		assertThat(first.ok()).isTrue();
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.description()).isEqualTo("Too Many Requests: retry after 1");
		assertThat(second.parameters()).isEqualTo(Map.of("retry_after", 1));
		assertThat(sandbox.stats().violations("rate_limit_private_chat")).isEqualTo(1);
		assertThat(sandbox.stats().ruleTooManyRequests()).isEqualTo(1);
		assertThat(sandbox.stats().injectedTooManyRequests()).isZero();
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api("sendMessage", Map.of("chat_id", ivan.id(), "text", "two, later")).ok());
		assertThat(ivan.messages(ivan.botChat())).extracting(m -> m.text()).doesNotContain("two");
	}

	@Test
	void groupTakesTwentyMessagesPerMinute() {
		SimulatedUser olga = sandbox.newUser("Olga", "ru");
		long group = sandbox.createGroup("Busy deal", olga);

		List<Raw> sent = IntStream.rangeClosed(1, 21)
			.mapToObj(i -> api("sendMessage", Map.of("chat_id", group, "text", "update " + i)))
			.toList();

		assertThat(sent.subList(0, 20)).allMatch(Raw::ok);
		Raw refused = sent.get(20);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(id(refused.parameters().get("retry_after"))).isBetween(50L, 60L);
		assertThat(refused.description()).isEqualTo("Too Many Requests: retry after " + refused.parameters().get("retry_after"));
		assertThat(sandbox.stats().violations("rate_limit_group")).isEqualTo(1);
	}

	@Test
	void botSendsAtMostThirtyMessagesPerSecondOverall() throws Exception {
		List<SimulatedUser> people = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			SimulatedUser user = sandbox.newUser("Buyer" + i, "en");
			user.startBot();
			people.add(user);
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Raw>> sends = people.stream()
				.map(p -> CompletableFuture.supplyAsync(() -> api("sendMessage", Map.of("chat_id", p.id(), "text", "offer")), pool))
				.toList();
			List<Raw> answers = sends.stream().map(CompletableFuture::join).toList();

			assertThat(answers).anySatisfy(a -> {
				assertThat(a.status()).isEqualTo(429);
				assertThat(a.parameters()).isEqualTo(Map.of("retry_after", 1));
			});
			assertThat(sandbox.stats().violations("rate_limit_overall")).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusedSendsChangeNothing() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "one"));

		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "refused"));

		assertThat(ivan.messages(ivan.botChat())).extracting(m -> m.text()).containsExactly("/start", "one");
	}
}
