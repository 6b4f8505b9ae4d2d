package com.b2brics.connect.sandbox.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running Telegram sandbox through its control API only, so tests read like people
 * acting: {@code sandbox.newUser("Ivan", "ru").startBot("payload")}. Every call that the
 * sandbox refuses throws {@link SandboxException} with the status and error text.
 */
public final class SandboxClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public SandboxClient(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String baseUrl() {
		return baseUrl;
	}

	/** A new simulated person with a first name and a Telegram language code. */
	public SimulatedUser newUser(String firstName, String languageCode) {
		return newUser(firstName, null, null, languageCode);
	}

	public SimulatedUser newUser(String firstName, String lastName, String username, String languageCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("first_name", firstName);
		body.put("last_name", lastName);
		body.put("username", username);
		body.put("language_code", languageCode);
		Map<String, Object> created = post("/sandbox/api/users", body);
		return new SimulatedUser(this, ((Number) created.get("id")).longValue(), firstName);
	}

	/** A handle on an existing simulated person. */
	public SimulatedUser user(long id) {
		Map<String, Object> user = get("/sandbox/api/users/" + id);
		return new SimulatedUser(this, id, (String) user.get("first_name"));
	}

	public List<Map<String, Object>> users() {
		return getList("/sandbox/api/users");
	}

	/** The bot as users see it. */
	public Bot bot() {
		Map<String, Object> bot = get("/sandbox/api/bot");
		return new Bot(((Number) bot.get("id")).longValue(), (String) bot.get("username"), (String) bot.get("token"));
	}

	/** The sandbox's bot: its user id, username and token. */
	public record Bot(long id, String username, String token) {

		public String deepLink(String payload) {
			return "https://t.me/" + username + "?start=" + payload;
		}
	}

	/** A supergroup created by that user, with the bot added as administrator with those rights. */
	public long createGroup(String title, SimulatedUser creator, Map<String, Boolean> botRights) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("creator_id", creator.id());
		body.put("bot_rights", botRights);
		return ((Number) post("/sandbox/api/groups", body).get("id")).longValue();
	}

	/** A supergroup with the bot as administrator with the usual full rights. */
	public long createGroup(String title, SimulatedUser creator) {
		return createGroup(title, creator, null);
	}

	/**
	 * A supergroup with the bot as administrator whose "Chat history for new members" is Visible
	 * ({@code true}) or Hidden ({@code false}, the default of {@link #createGroup(String, SimulatedUser)}).
	 */
	public long createGroup(String title, SimulatedUser creator, boolean historyVisible) {
		return ((Number) post("/sandbox/api/groups",
				Map.of("title", title, "creator_id", creator.id(), "history_visible", historyVisible)).get("id"))
			.longValue();
	}

	/** The group's creator sets "Chat history for new members" to Visible or Hidden. */
	public void setHistoryVisible(long chatId, boolean visible) {
		post("/sandbox/api/groups/" + chatId + "/settings", Map.of("history_visible", visible));
	}

	/** A basic group (type "group"), e.g. to upgrade it later. */
	public long createBasicGroup(String title, SimulatedUser creator) {
		return ((Number) post("/sandbox/api/groups", Map.of("title", title, "creator_id", creator.id(), "type", "group"))
			.get("id")).longValue();
	}

	public void addMember(long chatId, SimulatedUser user) {
		post("/sandbox/api/chats/" + chatId + "/members", Map.of("user_id", user.id()));
	}

	/** Upgrades a basic group; returns the new supergroup id. */
	public long migrate(long chatId) {
		return ((Number) post("/sandbox/api/chats/" + chatId + "/migrate", Map.of()).get("chat_id")).longValue();
	}

	/** The group creator changes the bot's standing: administrator (with rights), member, left, kicked. */
	public void setBotStatus(long chatId, String status, Map<String, Boolean> rights) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("bot_rights", rights);
		post("/sandbox/api/groups/" + chatId + "/bot", body);
	}

	public List<Member> members(long chatId) {
		return getList("/sandbox/api/chats/" + chatId + "/members").stream()
			.map(m -> new Member(((Number) m.get("id")).longValue(), (String) m.get("status"), m))
			.toList();
	}

	/** A member of a chat and their status (creator, administrator, member, left, kicked, join_requested). */
	public record Member(long id, String status, Map<String, Object> raw) {
	}

	public String memberStatus(long chatId, SimulatedUser user) {
		return members(chatId).stream().filter(m -> m.id() == user.id()).map(Member::status).findFirst().orElse("left");
	}

	/** Everything in the chat, as an administrator of the sandbox sees it. */
	public List<SeenMessage> allMessages(long chatId) {
		return SeenMessage.listFrom(get("/sandbox/api/chats/" + chatId + "/messages"));
	}

	public Map<String, Object> faults(double rate429, double rate5xx, double rateTimeout, long seed) {
		return post("/sandbox/api/faults",
				Map.of("rate_429", rate429, "rate_5xx", rate5xx, "rate_timeout", rateTimeout, "seed", seed));
	}

	public Map<String, Object> faults(Map<String, Object> plan) {
		return post("/sandbox/api/faults", plan);
	}

	public void noFaults() {
		faults(0, 0, 0, 0);
	}

	public Stats stats() {
		return new Stats(get("/sandbox/api/stats"));
	}

	public void reset() {
		post("/sandbox/api/reset", Map.of());
	}

	// ---- HTTP ----

	/** POSTs JSON to a control API path; throws {@link SandboxException} unless 2xx. */
	public Map<String, Object> post(String path, Object body) {
		return asMap(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
	}

	public Map<String, Object> get(String path) {
		return asMap(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> getList(String path) {
		return (List<Map<String, Object>>) send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	private Object send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Object body = response.body().isEmpty() ? Map.of() : JSON.readValue(response.body(), Object.class);
			if (response.statusCode() / 100 != 2) {
				Object error = body instanceof Map<?, ?> map ? map.get("error") : response.body();
				throw new SandboxException(response.statusCode(), String.valueOf(error));
			}
			return body;
		}
		catch (IOException e) {
			throw new IllegalStateException("The sandbox at " + baseUrl + " did not answer", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A control API call the sandbox refused. */
	public static final class SandboxException extends RuntimeException {

		private final int status;

		public SandboxException(int status, String error) {
			super(status + ": " + error);
			this.status = status;
		}

		public int status() {
			return status;
		}
	}
}
