package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.model.WebhookInfo;
import com.pengrad.telegrambot.request.GetWebhookInfo;
import com.pengrad.telegrambot.request.SetWebhook;
import com.sun.net.httpserver.HttpServer;

/** Webhook delivery as Telegram does it: secret header, retries with backoff, per-chat order, bounded parallelism. */
class WebhookDeliveryTests extends SandboxTestSupport {

	/** A tiny bot-side webhook endpoint that records what arrives and can fail or hold requests. */
	static final class Receiver implements AutoCloseable {

		final HttpServer server;

		final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

		final List<String> secrets = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresLeft = new AtomicInteger();

		final AtomicInteger requests = new AtomicInteger();

		volatile int failEvery;

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		volatile Predicate<Map<String, Object>> hold = u -> false;

		final CountDownLatch release = new CountDownLatch(1);

		final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

		Receiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(16));
			server.createContext("/telegram/webhook", exchange -> {
				int now = inFlight.incrementAndGet();
				maxInFlight.accumulateAndGet(now, Math::max);
				try {
					@SuppressWarnings("unchecked")
					Map<String, Object> update = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
					secrets.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token")));
					received.add(update);
					int request = requests.incrementAndGet();
					if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || (failEvery > 0 && request % failEvery == 0)) {
						exchange.sendResponseHeaders(500, -1);
						return;
					}
					if (hold.test(update)) {
						release.await(10, TimeUnit.SECONDS);
					}
					acknowledged.add(id(update.get("update_id")));
					byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
					exchange.sendResponseHeaders(200, ok.length);
					exchange.getResponseBody().write(ok);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					inFlight.decrementAndGet();
					exchange.close();
				}
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/telegram/webhook";
		}

		List<String> texts() {
			return received.stream()
				.filter(u -> u.containsKey("message"))
				.map(u -> (String) obj(u.get("message")).get("text"))
				.toList();
		}

		@Override
		public void close() {
			release.countDown();
			server.stop(0);
		}
	}

	private Receiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		api("deleteWebhook", Map.of("drop_pending_updates", true));
		receiver.close();
	}

	@Test
	void webhookReceivesUpdatesWithTheSecretToken() {
		assertThat(bot.execute(new SetWebhook().url(receiver.url()).secretToken("s3cr3t-Token_1")).isOk()).isTrue();
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");

		ivan.startBot("lead_7");

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.texts().contains("/start lead_7"));
		assertThat(receiver.secrets).containsOnly("s3cr3t-Token_1");
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.stats().pendingUpdates() == 0);
		WebhookInfo info = bot.execute(new GetWebhookInfo()).webhookInfo();
		assertThat(info.url()).isEqualTo(receiver.url());
		assertThat(info.pendingUpdateCount()).isZero();
		assertThat(info.maxConnections()).isEqualTo(40);
		assertThat(sandbox.stats().webhookDeliveries()).isEqualTo(1);
	}

	@Test
	void failedDeliveriesAreRetriedAndReported() {
		receiver.failuresLeft.set(2);
		api("setWebhook", Map.of("url", receiver.url()));
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");

		ivan.startBot();

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.acknowledged.size() == 1);
		assertThat(receiver.texts()).containsExactly("/start", "/start", "/start");
		assertThat(sandbox.stats().webhookFailures()).isEqualTo(2);
		assertThat(sandbox.stats().webhookDeliveries()).isEqualTo(1);
		Map<String, Object> info = api("getWebhookInfo", Map.of()).result();
		assertThat(info.get("last_error_message")).isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
		assertThat(id(info.get("last_error_date"))).isPositive();
	}

	@Test
	void undeliverableUpdatesWaitAndSurviveTheSwitchToPolling() {
		api("setWebhook", Map.of("url", "http://127.0.0.1:9/telegram/webhook"));
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot("kept");

		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> api("getWebhookInfo", Map.of()).result().get("last_error_message") != null);
		assertThat(api("getWebhookInfo", Map.of()).result()).containsEntry("pending_update_count", 1)
			.containsEntry("last_error_message", "Connection refused");
		api("deleteWebhook", Map.of());

		assertThat(obj(update("message").get("message")).get("text")).isEqualTo("/start kept");
	}

	@Test
	void aChatHasOneUpdateInFlightWhileOtherChatsProceed() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		SimulatedUser maria = sandbox.newUser("Maria", "pt");
		ivan.startBot();
		maria.startBot();
		updates();
		receiver.hold = u -> u.containsKey("message") && "ivan first".equals(obj(u.get("message")).get("text"));
		api("setWebhook", Map.of("url", receiver.url()));

		ivan.writeToBot("ivan first");
		ivan.writeToBot("ivan second");
		maria.writeToBot("maria");

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.texts().containsAll(List.of("ivan first", "maria")));
		Awaitility.await()
			.during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !receiver.texts().contains("ivan second"));
		receiver.release.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.texts().contains("ivan second"));
		assertThat(receiver.texts().indexOf("ivan second")).isGreaterThan(receiver.texts().indexOf("ivan first"));
	}

	@Test
	void maxConnectionsBoundsParallelDeliveries() {
		List<SimulatedUser> people = List.of(sandbox.newUser("A", "en"), sandbox.newUser("B", "en"),
				sandbox.newUser("C", "en"), sandbox.newUser("D", "en"));
		receiver.hold = u -> true;
		api("setWebhook", Map.of("url", receiver.url(), "max_connections", 2));

		people.forEach(SimulatedUser::startBot);

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.inFlight.get() == 2);
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.inFlight.get() <= 2);
		receiver.release.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.acknowledged.size() == 4);
		assertThat(receiver.maxInFlight.get()).isEqualTo(2);
	}

	@Test
	void updatesOfOneChatArriveInUpdateIdOrder() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		api("setWebhook", Map.of("url", receiver.url(), "drop_pending_updates", true));

		for (int i = 0; i < 15; i++) {
			ivan.writeToBot("m" + i);
		}

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.acknowledged.size() == 15);
		List<Long> ids = receiver.received.stream().map(u -> id(u.get("update_id"))).toList();
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		assertThat(receiver.texts()).containsExactly(java.util.stream.IntStream.range(0, 15).mapToObj(i -> "m" + i).toArray(String[]::new));
	}

	@Test
	void manyChatsWritingAtOnceAreDeliveredCompletelyAndInOrderDespiteFailures() throws Exception {
		List<SimulatedUser> people = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> sandbox.newUser("Buyer" + i, "en"))
			.toList();
		people.forEach(SimulatedUser::startBot);
		receiver.failEvery = 7;
		api("setWebhook", Map.of("url", receiver.url(), "max_connections", 5, "drop_pending_updates", true));
		java.util.concurrent.ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> writing = new java.util.ArrayList<>();
			for (SimulatedUser p : people) {
				writing.add(writers.submit(() -> {
					for (int i = 0; i < 8; i++) {
						p.writeToBot(p.firstName() + ":" + i);
					}
				}));
			}
			for (java.util.concurrent.Future<?> f : writing) {
				f.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}

		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> receiver.acknowledged.size() == 96);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.stats().pendingUpdates() == 0);
		assertThat(sandbox.stats().webhookFailures()).isPositive();
		assertThat(sandbox.stats().webhookDeliveries()).isEqualTo(96);
		for (SimulatedUser p : people) {
			List<String> arrivals = receiver.received.stream()
				.map(u -> (String) obj(u.get("message")).get("text"))
				.filter(t -> t.startsWith(p.firstName() + ":"))
				.distinct()
				.toList();
			assertThat(arrivals).as("first arrivals for " + p.firstName())
				.containsExactly(java.util.stream.IntStream.range(0, 8).mapToObj(i -> p.firstName() + ":" + i).toArray(String[]::new));
		}
		assertThat(receiver.maxInFlight.get()).isLessThanOrEqualTo(5);
	}

	@Test
	void droppingPendingUpdatesForgetsThem() {
		api("setWebhook", Map.of("url", "http://127.0.0.1:9/telegram/webhook"));
		sandbox.newUser("Ivan", "ru").startBot();

		api("deleteWebhook", Map.of("drop_pending_updates", true));

		assertThat(updates()).isEmpty();
	}

	@Test
	void deleteWebhookSaysWhetherThereWasOne() {
		api("setWebhook", Map.of("url", receiver.url()));

		assertThat(api("deleteWebhook", Map.of()).body()).containsEntry("description", "Webhook was deleted");
		assertThat(api("deleteWebhook", Map.of()).body()).containsEntry("description", "Webhook is already deleted");
		assertThat(api("setWebhook", Map.of("url", receiver.url(), "secret_token", "bad token!")).description())
			.isEqualTo("Bad Request: secret token contains unallowed characters");
	}
}
