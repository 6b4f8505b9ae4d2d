package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.RawHttp;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The webhook as Telegram and as an attacker call it: only the right secret gets in, junk is
 * refused, and an update delivered twice is handled once.
 */
class WebhookEndToEndTests extends EndToEndTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	BotApiEndpointProvider endpoint;

	private HttpResponse<String> post(String secret, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long freshUpdateId() {
		// far above the sandbox's own numbering, inside Telegram's 31-bit range
		return 1_900_000_000L + ThreadLocalRandom.current().nextLong(200_000_000L);
	}

	private static String command(long updateId, SimulatedUser user, String command) {
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":1795600000,
				 "from":{"id":%d,"is_bot":false,"first_name":"%s","language_code":"en"},
				 "chat":{"id":%d,"type":"private","first_name":"%s"},
				 "text":"%s","entities":[{"type":"bot_command","offset":0,"length":%d}]}}"""
			.formatted(updateId, updateId % 100000, user.id(), user.firstName(), user.id(), user.firstName(), command,
					command.length());
	}

	private long storedRows(long updateId) {
		return jdbc.sql("SELECT COUNT(*) FROM telegram_inbox WHERE update_id = :id").param("id", updateId).query(Long.class).single();
	}

	@Test
	void wrongOrMissingSecretIsRefusedAndNothingIsStored() throws Exception {
		SimulatedUser user = sandbox.newUser("Eve", "en");
		long updateId = freshUpdateId();
		String body = command(updateId, user, "/help");
		assertThat(post(null, body).statusCode()).isEqualTo(401);
		assertThat(post("guess", body).statusCode()).isEqualTo(401);
		assertThat(post(endpoint.endpoint().webhookSecret() + "x", body).statusCode()).isEqualTo(401);
		assertThat(post("", body).statusCode()).isEqualTo(401);
		assertThat(storedRows(updateId)).isZero();
	}

	@Test
	void malformedBodyIsRefusedWith400() throws Exception {
		String secret = endpoint.endpoint().webhookSecret();
		assertThat(post(secret, "{not json").statusCode()).isEqualTo(400);
		assertThat(post(secret, "[]").statusCode()).isEqualTo(400);
		assertThat(post(secret, "{\"message\":{\"text\":\"no id\"}}").statusCode()).isEqualTo(400);
		assertThat(post(secret, "").statusCode()).isEqualTo(400);
	}

	/** The attack as it happened: 1.5 GB declared, no (or a wrong) secret, 50 MB actually streamed. */
	@Test
	void aHugeBodyWithoutTheSecretIsRefusedBeforeAByteOfItIsRead() throws Exception {
		RawHttp raw = new RawHttp(port);
		long declared = 1_610_612_736L;
		long streamed = 50L * 1024 * 1024;
		long heapBefore = usedHeapAfterGc();
		for (String secret : new String[] { null, "guess" }) {
			Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
			if (secret != null) {
				headers.put("X-Telegram-Bot-Api-Secret-Token", secret);
			}
			RawHttp.Answer answer = raw.post("/telegram/webhook", headers, declared, new byte[0], streamed);
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.answeredAfter()).isLessThan(Duration.ofSeconds(2));
			// the connection is closed on the refusal: of 50 MB, no more got through than the socket buffers hold
			assertThat(answer.bytesSent()).as("bytes the server let through").isLessThan(streamed / 4);
			System.out.printf("webhook without secret %s: 401 after %d ms, %d of %d bytes sent before the server closed%n",
					secret, answer.answeredAfter().toMillis(), answer.bytesSent(), streamed);
		}
		// four at once, as they caused the OutOfMemoryError; the peak (garbage included) is printed for the record
		var memory = ManagementFactory.getMemoryMXBean();
		var peak = new java.util.concurrent.atomic.AtomicLong();
		var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				Thread.onSpinWait();
			}
		});
		sampler.start();
		var attackers = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<RawHttp.Answer>>();
			for (int i = 0; i < 4; i++) {
				answers.add(attackers.submit(() -> raw.post("/telegram/webhook",
						Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", "guess"), declared, new byte[0],
						streamed)));
			}
			for (var answer : answers) {
				assertThat(answer.get().status()).isEqualTo(401);
				assertThat(answer.get().bytesSent()).isLessThan(streamed / 4);
			}
		}
		finally {
			attackers.shutdown();
			sampling.set(false);
			sampler.join();
		}
		long heapAfter = usedHeapAfterGc();
		System.out.printf("heap used before %d MB, peak during 4 parallel attacks %d MB, after %d MB%n", heapBefore >> 20,
				peak.get() >> 20, heapAfter >> 20);
		assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L << 20);
	}

	@Test
	void anOversizedUpdateWithTheRightSecretIs413AndNothingIsStored() throws Exception {
		RawHttp raw = new RawHttp(port);
		SimulatedUser user = sandbox.newUser("Bulky", "en");
		long updateId = freshUpdateId();
		byte[] start = command(updateId, user, "/help").substring(0, 60).getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token",
				endpoint.endpoint().webhookSecret());
		// declared over the limit: refused before the body is read
		RawHttp.Answer declared = raw.post("/telegram/webhook", headers, 2L * 1024 * 1024, start, 2L * 1024 * 1024);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.answeredAfter()).isLessThan(Duration.ofSeconds(2));
		// chunked, so no length is declared: counted while read, refused at the limit
		long streamed = 50L * 1024 * 1024;
		RawHttp.Answer chunked = raw.post("/telegram/webhook", headers, -1, start, streamed);
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.bytesSent()).as("bytes the server let through").isLessThan(streamed / 4);
		System.out.printf("webhook with secret: declared 2 MB → 413 after %d ms; chunked → 413 after %d ms, %d of %d bytes sent%n",
				declared.answeredAfter().toMillis(), chunked.answeredAfter().toMillis(), chunked.bytesSent(), streamed);
		assertThat(storedRows(updateId)).isZero();
		// an update of ordinary size still goes through
		user.startBot();
		assertThat(post(endpoint.endpoint().webhookSecret(), command(updateId, user, "/help")).statusCode()).isEqualTo(200);
		user.sees(user.botChat(), "What I can do");
	}

	/** As the malformed updates arrived with the right secret: stored wrapped and retried to death, or a 500. */
	@Test
	void updatesWithIdsThatAreNotIntegersAre400AndNothingIsStored() throws Exception {
		String secret = endpoint.endpoint().webhookSecret();
		String marker = "malformed-" + java.util.UUID.randomUUID();
		String message = """
				"message":{"message_id":7,"date":1795600000,"from":{"id":42,"is_bot":false,"first_name":"M"},
				 "chat":{"id":%s,"type":"private"},"text":"%s"}""";
		String[] bodies = { "{\"update_id\":1e30," + message.formatted("42", marker) + "}",
				"{\"update_id\":1.5," + message.formatted("42", marker) + "}",
				"{\"update_id\":18446744073709551616," + message.formatted("42", marker) + "}",
				"{\"update_id\":9223372036854775808," + message.formatted("42", marker) + "}",
				"{\"update_id\":" + freshUpdateId() + "," + message.formatted("\"abc\"", marker) + "}",
				"{\"update_id\":" + freshUpdateId() + "," + message.formatted("\"42\"", marker) + "}",
				"{\"update_id\":\"" + freshUpdateId() + "\"," + message.formatted("42", marker) + "}" };
		for (String body : bodies) {
			HttpResponse<String> response = post(secret, body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).startsWith("malformed update");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_inbox WHERE payload LIKE :m").param("m", "%" + marker + "%")
			.query(Long.class).single()).isZero();
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Test
	void theSameUpdateDeliveredTwiceIsHandledOnce() throws Exception {
		SimulatedUser user = sandbox.newUser("Dora", "en");
		user.startBot();
		user.sees(user.botChat(), "Hello, Dora!");
		long updateId = freshUpdateId();
		String body = command(updateId, user, "/help");
		String secret = endpoint.endpoint().webhookSecret();
		assertThat(post(secret, body).statusCode()).isEqualTo(200);
		assertThat(post(secret, body).statusCode()).isEqualTo(200);
		user.sees(user.botChat(), "What I can do");
		await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(jdbc
			.sql("SELECT status FROM telegram_inbox WHERE update_id = :id").param("id", updateId).query(String.class).single()));
		assertThat(post(secret, body).statusCode()).isEqualTo(200);
		// give a wrongly handled duplicate every chance to show up before counting
		user.writeToBot("/language");
		user.sees(user.botChat(), "Choose your language");
		assertThat(user.messages(user.botChat()).stream().filter(m -> m.text() != null && m.text().startsWith("What I can do")))
			.hasSize(1);
		assertThat(storedRows(updateId)).isEqualTo(1);
	}

	@Test
	void anOversizeTextFromAServerThatDoesNotSplitItGetsAClearAnswer() throws Exception {
		SimulatedUser user = sandbox.newUser("Wordy", "en");
		user.startBot();
		user.sees(user.botChat(), "Hello, Wordy!");
		long updateId = freshUpdateId();
		String body = """
				{"update_id":%d,"message":{"message_id":%d,"date":1795600000,
				 "from":{"id":%d,"is_bot":false,"first_name":"Wordy","language_code":"en"},
				 "chat":{"id":%d,"type":"private"},"text":"%s"}}"""
			.formatted(updateId, updateId % 100000, user.id(), user.id(), "y".repeat(5000));
		assertThat(post(endpoint.endpoint().webhookSecret(), body).statusCode()).isEqualTo(200);
		user.sees(user.botChat(), "I work with buttons and commands");
		await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(jdbc
			.sql("SELECT status FROM telegram_inbox WHERE update_id = :id").param("id", updateId).query(String.class).single()));
	}

	@Test
	void tamperedButtonDataGetsAClearAnswerAndChangesNothing() throws Exception {
		SimulatedUser user = sandbox.newUser("Tom", "en");
		user.startBot();
		user.writeToBot("/language");
		var offer = user.sees(user.botChat(), "Choose your language");
		String genuine = (String) offer.button("Русский").get("callback_data");
		String tampered = genuine.replace("lang.ru.", "lang.en.");
		long updateId = freshUpdateId();
		String body = """
				{"update_id":%d,"callback_query":{"id":"forged-%d","chat_instance":"1",
				 "from":{"id":%d,"is_bot":false,"first_name":"Tom","language_code":"en"},
				 "message":{"message_id":%d,"date":1795600000,"chat":{"id":%d,"type":"private"},"text":"Choose your language:"},
				 "data":"%s"}}""".formatted(updateId, updateId, user.id(), offer.id(), user.id(), tampered);
		assertThat(post(endpoint.endpoint().webhookSecret(), body).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
			.param("id", "%forged-" + updateId + "%")
			.query(Long.class)
			.single() == 1);
		String answer = jdbc.sql("SELECT params FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
			.param("id", "%forged-" + updateId + "%")
			.query(String.class)
			.single();
		assertThat(answer).contains("This button is not valid");
		// the language did not change, and the message was not edited
		user.writeToBot("/help");
		user.sees(user.botChat(), "What I can do");
		assertThat(user.messages(user.botChat()).stream().filter(m -> m.id() == offer.id()).findFirst().orElseThrow().edited())
			.isFalse();
	}
}
