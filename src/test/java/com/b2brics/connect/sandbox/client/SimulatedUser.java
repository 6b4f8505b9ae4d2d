package com.b2brics.connect.sandbox.client;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;

/**
 * One simulated Telegram user, acting through the sandbox's control API. Chat ids are the bot's
 * view: the private chat with the bot is the user's own id.
 */
public final class SimulatedUser {

	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private final SandboxClient sandbox;

	private final long id;

	private final String firstName;

	SimulatedUser(SandboxClient sandbox, long id, String firstName) {
		this.sandbox = sandbox;
		this.id = id;
		this.firstName = firstName;
	}

	public long id() {
		return id;
	}

	public String firstName() {
		return firstName;
	}

	/** The private chat with the bot, as the bot addresses it. */
	public long botChat() {
		return id;
	}

	/** What happened when the user opened a link: start_sent, joined, join_requested, link_expired, … */
	public record LinkResult(String result, Long chatId, Map<String, Object> raw) {
	}

	public LinkResult openLink(String url) {
		Map<String, Object> result = sandbox.post(path("/open-link"), Map.of("url", url));
		Object chat = result.get("chat_id");
		return new LinkResult((String) result.get("result"), chat == null ? null : ((Number) chat).longValue(), result);
	}

	/** Opens the bot's deep link with that start payload and presses Start. */
	public LinkResult startBot(String payload) {
		return openLink(sandbox.bot().deepLink(payload));
	}

	/** Opens the bot without a payload and presses Start. */
	public LinkResult startBot() {
		return openLink("https://t.me/" + sandbox.bot().username());
	}

	/** Writes a text (or a /command); returns the new message id. */
	public long write(long chatId, String text) {
		return ((Number) sandbox.post(path("/messages"), Map.of("chat_id", chatId, "text", text)).get("message_id"))
			.longValue();
	}

	public long writeToBot(String text) {
		return write(botChat(), text);
	}

	public void edit(long chatId, long messageId, String text) {
		sandbox.post(path("/messages/" + messageId + "/edit"), Map.of("chat_id", chatId, "text", text));
	}

	/** What pressing a button did: callback_answered (with the bot's text), callback_sent, joined, text_copied, … */
	public record PressResult(String result, String text, boolean answered, Map<String, Object> raw) {
	}

	/** Presses the button with that label on the newest message showing it (or on the reply keyboard). */
	public PressResult press(long chatId, String label) {
		return press(chatId, null, label);
	}

	public PressResult press(long chatId, Long messageId, String label) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chat_id", chatId);
		body.put("message_id", messageId);
		body.put("text", label);
		Map<String, Object> result = sandbox.post(path("/press"), body);
		return new PressResult((String) result.get("result"), (String) result.get("text"),
				Boolean.TRUE.equals(result.get("answered")), result);
	}

	/** Presses a callback button without waiting for the bot's answer. */
	public PressResult pressWithoutWaiting(long chatId, String label) {
		Map<String, Object> result = sandbox.post(path("/press"), Map.of("chat_id", chatId, "text", label, "wait_ms", 0));
		return new PressResult((String) result.get("result"), (String) result.get("text"), false, result);
	}

	public long shareContact(String phone) {
		return ((Number) sandbox.post(path("/share-contact"), Map.of("phone", phone)).get("message_id")).longValue();
	}

	/** Shares another person's contact card (from the address book), not their own. */
	public long shareContactOf(SimulatedUser other) {
		return ((Number) sandbox.post(path("/share-contact"), Map.of("contact_user_id", other.id())).get("message_id"))
			.longValue();
	}

	public long sendDocument(long chatId, String fileName, byte[] content) {
		return ((Number) sandbox.post(path("/documents"), Map.of("chat_id", chatId, "file_name", fileName,
				"content_base64", Base64.getEncoder().encodeToString(content))).get("message_id")).longValue();
	}

	/** Posts a file as a reply to a message; returns the new message id. */
	public long sendDocumentReplying(long chatId, String fileName, byte[] content, long replyToMessageId) {
		return ((Number) sandbox.post(path("/documents"), Map.of("chat_id", chatId, "file_name", fileName,
				"content_base64", Base64.getEncoder().encodeToString(content), "reply_to_message_id", replyToMessageId))
			.get("message_id")).longValue();
	}

	/** Writes a text (or a /command) as a reply to a message; returns the new message id. */
	public long reply(long chatId, long replyToMessageId, String text) {
		return ((Number) sandbox.post(path("/messages"), Map.of("chat_id", chatId, "text", text, "reply_to_message_id",
				replyToMessageId)).get("message_id")).longValue();
	}

	public void blockBot() {
		sandbox.post(path("/block-bot"), Map.of());
	}

	public void unblockBot() {
		sandbox.post(path("/unblock-bot"), Map.of());
	}

	public void leave(long chatId) {
		sandbox.post(path("/leave"), Map.of("chat_id", chatId));
	}

	public List<SeenMessage> messages(long chatId) {
		return SeenMessage.listFrom(view(chatId));
	}

	public Map<String, Object> view(long chatId) {
		return sandbox.get("/sandbox/api/chats/" + chatId + "/messages?as=" + id);
	}

	/** Waits (up to a few seconds) until a message containing the fragment is visible, and returns it. */
	public SeenMessage sees(long chatId, String fragment) {
		return Awaitility.await("user " + id + " sees \"" + fragment + "\" in chat " + chatId)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> newest(chatId, fragment), Optional::isPresent)
			.orElseThrow();
	}

	private Optional<SeenMessage> newest(long chatId, String fragment) {
		List<SeenMessage> messages = messages(chatId);
		for (int i = messages.size() - 1; i >= 0; i--) {
			SeenMessage m = messages.get(i);
			if ((m.text() != null && m.text().contains(fragment)) || (m.service() != null && m.service().contains(fragment))
					|| (m.documentName() != null && m.documentName().contains(fragment))) {
				return Optional.of(m);
			}
		}
		return Optional.empty();
	}

	public boolean currentlySees(long chatId, String fragment) {
		return newest(chatId, fragment).isPresent();
	}

	public SeenMessage lastMessage(long chatId) {
		List<SeenMessage> messages = messages(chatId);
		if (messages.isEmpty()) {
			throw new IllegalStateException("user " + id + " sees no messages in chat " + chatId);
		}
		return messages.get(messages.size() - 1);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> replyKeyboard(long chatId) {
		return (Map<String, Object>) view(chatId).get("reply_keyboard");
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> lastCallbackAnswer(long chatId) {
		return (Map<String, Object>) view(chatId).get("last_callback_answer");
	}

	@SuppressWarnings("unchecked")
	public SeenMessage pinnedMessage(long chatId) {
		Object pinned = view(chatId).get("pinned_message");
		return pinned == null ? null : SeenMessage.from((Map<String, Object>) pinned);
	}

	public List<Map<String, Object>> chats() {
		return sandbox.getList(path("/chats"));
	}

	private String path(String action) {
		return "/sandbox/api/users/" + id + action;
	}

	@Override
	public String toString() {
		return firstName + " (" + id + ")";
	}
}
