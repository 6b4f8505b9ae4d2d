package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
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
