package com.b2brics.connect.sandbox;

import com.b2brics.connect.core.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import com.b2brics.connect.sandbox.client.SandboxClient;
import com.pengrad.telegrambot.TelegramBot;

import tools.jackson.databind.json.JsonMapper;

/**
 * Common ground of the sandbox tests: the shared sandbox, reset before each test, a pengrad
 * {@link TelegramBot} as conformance client, the control API client, and raw HTTP to check
 * Telegram's wire format byte by byte.
 */
@ExtendWith(SharedSandbox.class)
abstract class SandboxTestSupport {

	static final String TOKEN = SharedSandbox.TOKEN;

	static final JsonMapper JSON = JsonMapper.builder().build();

	protected SandboxClient sandbox;

	protected TelegramBot bot;

	protected MutableClock clock;

	protected String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private long nextOffset;

	@BeforeEach
	void connectToSandbox() {
		SharedSandbox.Environment env = SharedSandbox.environment();
		baseUrl = env.running().baseUrl();
		clock = env.clock();
		clock.reset();
		sandbox = new SandboxClient(baseUrl);
		bot = new TelegramBot.Builder(TOKEN).apiUrl(baseUrl + "/bot").fileApiUrl(baseUrl + "/file/bot").build();
		api("deleteWebhook", Map.of("drop_pending_updates", true));
		api("getUpdates", Map.of("offset", -1, "allowed_updates", "[]"));
		sandbox.reset();
		nextOffset = 0;
	}

	@AfterEach
	void disconnect() {
		bot.shutdown();
	}

	/** A raw Bot API answer: HTTP status and the parsed JSON body. */
	record Raw(int status, Map<String, Object> body) {

		boolean ok() {
			return Boolean.TRUE.equals(body.get("ok"));
		}

		String description() {
			return (String) body.get("description");
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> result() {
			return (Map<String, Object>) body.get("result");
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> resultList() {
			return (List<Map<String, Object>>) body.get("result");
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> parameters() {
			return (Map<String, Object>) body.get("parameters");
		}
	}

	/** Calls a Bot API method with a form body, as most clients do. */
	Raw api(String method, Map<String, ?> params) {
		String form = params.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + TOKEN + "/" + method))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Calls a Bot API method with a JSON body. */
	Raw apiJson(String method, Object body) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + TOKEN + "/" + method))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	Raw get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
	}

	String rawBody(String method, Map<String, ?> params) {
		return JSON.writeValueAsString(api(method, params).body());
	}

	@SuppressWarnings("unchecked")
	private Raw send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Raw(response.statusCode(), JSON.readValue(response.body(), Map.class));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Fetches and confirms the updates waiting now (getUpdates with the next offset). */
	List<Map<String, Object>> updates() {
		Raw raw = api("getUpdates", Map.of("offset", nextOffset, "timeout", 0));
		if (!raw.ok()) {
			throw new IllegalStateException("getUpdates failed: " + raw.body());
		}
		List<Map<String, Object>> updates = raw.resultList();
		for (Map<String, Object> update : updates) {
			nextOffset = Math.max(nextOffset, ((Number) update.get("update_id")).longValue() + 1);
		}
		if (!updates.isEmpty()) {
			// Telegram forgets updates only when a later call names a higher offset.
			api("getUpdates", Map.of("offset", nextOffset, "limit", 1, "timeout", 0));
		}
		return updates;
	}

	/** Collects updates until one matches, then returns everything collected. */
	List<Map<String, Object>> updatesUntil(Predicate<Map<String, Object>> wanted) {
		List<Map<String, Object>> collected = new ArrayList<>();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				collected.addAll(updates());
				return collected.stream().anyMatch(wanted);
			});
		return collected;
	}

	/** The first update of that type among those waiting now. */
	Map<String, Object> update(String type) {
		return updatesUntil(u -> u.containsKey(type)).stream().filter(u -> u.containsKey(type)).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> obj(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static long id(Object value) {
		return ((Number) value).longValue();
	}
}
