package com.b2brics.connect.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.RawHttp;

/**
 * Every path that reads a body reads it within a limit: the sandbox's control API and Bot API,
 * the admin forms. Over it the answer is 413, before the body is read when its length is declared,
 * at the limit when it is streamed in chunks; nothing is created.
 */
class RequestBodyLimitsEndToEndTests extends EndToEndTest {

	private static final long STREAMED = 50L * 1024 * 1024;

	private static final String BOT_TOKEN = "7000000001:AAsandbox-b2brics-connect-0000000000";

	private final Map<String, String> json = Map.of("Content-Type", "application/json");

	@Test
	void theControlApiRefusesAnOversizedBodyWithoutReadingIt() throws Exception {
		RawHttp raw = new RawHttp(port);
		byte[] start = "{\"first_name\":\"Huge\",\"last_name\":\"".getBytes(StandardCharsets.UTF_8);
		RawHttp.Answer declared = raw.post("/sandbox/api/users", json, 1_610_612_736L, start, STREAMED);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.answeredAfter()).isLessThan(Duration.ofSeconds(2));
		assertThat(declared.bytesSent()).isLessThan(STREAMED / 4);
		RawHttp.Answer chunked = raw.post("/sandbox/api/users", json, -1, start, STREAMED);
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.bytesSent()).isLessThan(STREAMED / 2);
		System.out.printf("control API: declared 1.5 GB → 413 after %d ms (%d bytes sent); chunked → 413 after %d bytes%n",
				declared.answeredAfter().toMillis(), declared.bytesSent(), chunked.bytesSent());
		String users = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/sandbox/api/users")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(users).doesNotContain("\"Huge\"");
		// a body of ordinary size is still taken
		assertThat(sandbox.newUser("Modest", "en").firstName()).isEqualTo("Modest");
	}

	@Test
	void aDocumentWithinTheControlApiLimitIsTakenAndALargerOneRefused() throws Exception {
		RawHttp raw = new RawHttp(port);
		var user = sandbox.newUser("Filer", "en");
		user.startBot();
		String small = "{\"chat_id\":" + user.id() + ",\"file_name\":\"a.txt\",\"content_base64\":\""
				+ Base64.getEncoder().encodeToString("hello".getBytes()) + "\"}";
		byte[] bytes = small.getBytes(StandardCharsets.UTF_8);
		RawHttp.Answer ok = raw.post("/sandbox/api/users/" + user.id() + "/documents", json, bytes.length, bytes, bytes.length);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		RawHttp.Answer tooLarge = raw.post("/sandbox/api/users/" + user.id() + "/documents", json, -1,
				("{\"chat_id\":" + user.id() + ",\"file_name\":\"b.txt\",\"content_base64\":\"").getBytes(), STREAMED);
		assertThat(tooLarge.status()).isEqualTo(413);
	}

	@Test
	void theSandboxBotApiRefusesABodyOverItsLimit() throws Exception {
		RawHttp raw = new RawHttp(port);
		byte[] start = "{\"chat_id\":1,\"text\":\"".getBytes(StandardCharsets.UTF_8);
		RawHttp.Answer declared = raw.post("/bot" + BOT_TOKEN + "/sendMessage", json, 1_610_612_736L, start, STREAMED);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.bytesSent()).isLessThan(STREAMED / 4);
		RawHttp.Answer chunked = raw.post("/bot" + BOT_TOKEN + "/sendMessage", json, -1, start, 3 * STREAMED / 2);
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.bytesSent()).isLessThan(3 * STREAMED / 2);
	}

	@Test
	void anAdminFormOverTheLimitIs413EvenWithTheRightLogin() throws Exception {
		RawHttp raw = new RawHttp(port);
		String login = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes());
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", login);
		RawHttp.Answer declared = raw.post("/admin/telegram/updates/1/replay", form, 1_610_612_736L, "a=".getBytes(), STREAMED);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.bytesSent()).isLessThan(STREAMED / 4);
		// without the login it is refused too (the CSRF check would read the form first), and the body is not read either
		RawHttp.Answer stranger = raw.post("/admin/telegram/updates/1/replay",
				Map.of("Content-Type", "application/x-www-form-urlencoded"), 1_610_612_736L, "a=".getBytes(), STREAMED);
		assertThat(stranger.status()).isIn(401, 403, 413);
		assertThat(stranger.bytesSent()).isLessThan(STREAMED / 4);
	}
}
