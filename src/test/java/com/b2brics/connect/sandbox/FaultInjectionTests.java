package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.SendResponse;

/** Injected faults are reproducible by seed, kept apart from rule violations, and honest about time-outs. */
class FaultInjectionTests extends SandboxTestSupport {

	private List<Integer> statusesOfGetChat(long chat, int calls) {
		return IntStream.range(0, calls).mapToObj(i -> api("getChat", Map.of("chat_id", chat)).status()).toList();
	}

	@Test
	void sameSeedGivesTheSameFaults() {
		SimulatedUser olga = sandbox.newUser("Olga", "ru");
		long group = sandbox.createGroup("Deal", olga);
		Map<String, Object> plan = Map.of("rate_429", 0.2, "rate_5xx", 0.2, "rate_timeout", 0.1, "seed", 42,
				"timeout_ms", 20);

		sandbox.faults(plan);
		List<Integer> first = statusesOfGetChat(group, 40);
		sandbox.faults(plan);
		List<Integer> second = statusesOfGetChat(group, 40);
		sandbox.faults(Map.of("rate_429", 0.2, "rate_5xx", 0.2, "rate_timeout", 0.1, "seed", 43, "timeout_ms", 20));
		List<Integer> otherSeed = statusesOfGetChat(group, 40);

		assertThat(first).isEqualTo(second).contains(200, 429, 504).containsAnyOf(500, 502);
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void timeOutAfterTheEffectDeliversButLosesTheAnswer() {
		SimulatedUser olga = sandbox.newUser("Olga", "ru");
		long group = sandbox.createGroup("Deal", olga);
		sandbox.faults(Map.of("rate_timeout", 1.0, "seed", 7, "timeout_ms", 60));

		List<Raw> answers = IntStream.range(0, 12)
			.mapToObj(i -> api("sendMessage", Map.of("chat_id", group, "text", "notice " + i)))
			.toList();

		assertThat(answers).allSatisfy(a -> {
			assertThat(a.status()).isEqualTo(504);
			assertThat(a.description()).isEqualTo("Gateway Timeout");
		});
		long delivered = olga.messages(group).stream().filter(m -> m.text() != null && m.text().startsWith("notice")).count();
		var stats = sandbox.stats();
		assertThat(stats.timeoutsAfterEffect()).isEqualTo(delivered).isPositive();
		assertThat(stats.faultsInjected("timeout_before_effect")).isEqualTo(12 - delivered).isPositive();
		assertThat(stats.violationsTotal()).isZero();
	}

	@Test
	void injectedTooManyRequestsIsNoRuleViolation() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		sandbox.faults(Map.of("rate_429", 1.0, "seed", 1, "retry_after", 3));

		Raw answer = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "hello"));

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.description()).isEqualTo("Too Many Requests: retry after 3");
		assertThat(answer.parameters()).isEqualTo(Map.of("retry_after", 3));
		assertThat(sandbox.stats().injectedTooManyRequests()).isEqualTo(1);
		assertThat(sandbox.stats().ruleTooManyRequests()).isZero();
		assertThat(sandbox.stats().violationsTotal()).isZero();
		assertThat(ivan.messages(ivan.botChat())).extracting(m -> m.text()).containsExactly("/start");
	}

	@Test
	void aStormWithADurationEndsByItself() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		Map<String, Object> plan = sandbox.faults(Map.of("rate_429", 1.0, "seed", 1, "retry_after", 30, "duration_ms", 400));
		assertThat(plan).containsEntry("duration_ms", 400);
		assertThat(((Number) plan.get("ends_in_ms")).longValue()).isBetween(1L, 400L);

		Raw during = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "during the storm"));
		assertThat(during.status()).isEqualTo(429);
		assertThat(during.parameters()).isEqualTo(Map.of("retry_after", 30));

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> ((Number) sandbox.get("/sandbox/api/faults").get("ends_in_ms")).longValue() == 0);
		assertThat(api("sendMessage", Map.of("chat_id", ivan.id(), "text", "after the storm")).ok()).isTrue();
		assertThat(ivan.messages(ivan.botChat())).extracting(m -> m.text()).containsExactly("/start", "after the storm");
		assertThat(sandbox.stats().injectedTooManyRequests()).isEqualTo(1);
	}

	@Test
	void setUpAndPollingCallsAreNeverFaulted() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		sandbox.faults(Map.of("rate_5xx", 1.0, "seed", 5));

		assertThat(bot.execute(new GetMe()).isOk()).isTrue();
		assertThat(api("getUpdates", Map.of("timeout", 0)).ok()).isTrue();
		assertThat(api("getWebhookInfo", Map.of()).ok()).isTrue();
		SendResponse send = bot.execute(new SendMessage(ivan.id(), "hello"));

		assertThat(send.isOk()).isFalse();
		assertThat(send.errorCode()).isIn(500, 502);
		assertThat(send.description()).isIn("Internal Server Error", "Bad Gateway");
		assertThat(sandbox.stats().faultsInjectedTotal()).isEqualTo(1);
	}

	@Test
	void faultPlanIsReportedBackWithItsExemptions() {
		Map<String, Object> plan = sandbox.faults(Map.of("rate_429", 0.1, "seed", 99));

		assertThat(plan).containsEntry("rate_429", 0.1).containsEntry("seed", 99).containsEntry("timeout_ms", 150);
		assertThat(plan.get("exempt_methods")).asList().contains("getUpdates", "setWebhook", "getMe");
	}
}
