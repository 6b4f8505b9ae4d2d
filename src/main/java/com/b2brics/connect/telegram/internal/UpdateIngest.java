package com.b2brics.connect.telegram.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.core.GroupCommit;
import com.b2brics.connect.core.GroupCommitLifecycle;
import com.b2brics.connect.telegram.TelegramProperties;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.pengrad.telegrambot.utility.BotUtils;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stores incoming updates durably before anyone acknowledges them, with group commit
 * ({@link GroupCommit}): callers queue their update and wait; a writer takes everything queued so
 * far and inserts it in one transaction (one disk flush for many updates), then releases the
 * callers. A caller is told "stored" only after the commit, so Telegram is acknowledged only for
 * what is on disk.
 */
@Component
class UpdateIngest implements GroupCommitLifecycle {

	/**
	 * Group commits in flight at once. With 2, a request that arrives while both writers wait for
	 * their commit waits for a whole extra commit; on a loaded machine (each hop waits for a CPU)
	 * that doubled the webhook's latency. 4 keeps one writer free most of the time; each holds a
	 * pool connection only while it writes. See docs/PERFORMANCE.md.
	 */
	private static final int WRITERS = 4;

	private final InboxStore store;
	private final TransactionTemplate tx;
	private final InboxSignal signal;
	private final GroupCommit<InboxStore.NewUpdate, Boolean> commits;
	private final Counter received;
	private final Counter duplicates;

	UpdateIngest(InboxStore store, TransactionTemplate tx, InboxSignal signal, TelegramProperties properties,
			MeterRegistry meters) {
		this.store = store;
		this.tx = tx;
		this.signal = signal;
		this.received = Counter.builder("telegram.updates.received").description("Updates stored in the inbox").register(meters);
		this.duplicates = Counter.builder("telegram.updates.duplicate").description("Updates received again and ignored").register(meters);
		// a failed batch fails all its callers (Telegram delivers their updates again): isolating
		// one bad update is not needed, the rows are plain inserts that ignore duplicates
		this.commits = new GroupCommit<>("inbox-writer", WRITERS, properties.inbox().batchSize(), 20_000, false, this::write);
	}

	/** An update that cannot be stored: not an update as Telegram sends them. The message never quotes the body. */
	static final class MalformedUpdate extends RuntimeException {

		MalformedUpdate(String message) {
			super(message);
		}
	}

	/** Keys whose value must be an integer that fits 64 bits wherever they appear. */
	private static final Set<String> INTEGER_KEYS = Set.of("update_id", "message_id", "date", "edit_date",
			"migrate_to_chat_id", "migrate_from_chat_id", "message_thread_id", "user_chat_id", "reply_to_message_id");

	/** Keys holding a user or a chat (or a list of them), whose {@code id} is an integer; other ids (a callback query's) are strings. */
	private static final Set<String> ENTITY_KEYS = Set.of("from", "chat", "user", "sender_chat", "via_bot", "forward_from",
			"forward_from_chat", "left_chat_member", "new_chat_members", "new_chat_member", "old_chat_member",
			"sender_business_bot", "actor_chat", "users");

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

	/**
	 * Parses an update strictly and keeps what storing it needs: its id and the chat its order
	 * belongs to. Refused ({@link MalformedUpdate}): anything but one strict JSON object; an
	 * update_id that is not a non-negative integer within 64 bits ({@code 1e30}, {@code 1.5},
	 * {@code 18446744073709551616}, {@code "7"}); a message, chat or user id of that kind; no update
	 * kind; a shape the client library cannot read. Nothing malformed is ever stored, so nothing
	 * wrapped or unreadable is retried.
	 */
	static InboxStore.NewUpdate parse(String body) {
		JsonObject json = strictObject(body);
		long updateId = integer(json.get("update_id"), "update_id");
		// Telegram's update ids are positive 32-bit numbers, and the client library reads them as int
		if (updateId < 0 || updateId > Integer.MAX_VALUE) {
			throw new MalformedUpdate("update_id is out of range");
		}
		checkIds(json, null);
		try {
			if (BotUtils.parseUpdate(body) == null) {
				throw new MalformedUpdate("not an update");
			}
		}
		catch (RuntimeException e) {
			throw e instanceof MalformedUpdate m ? m : new MalformedUpdate("not an update: " + e.getClass().getSimpleName());
		}
		return new InboxStore.NewUpdate(updateId, chatIdOf(json), body);
	}

	private static JsonObject strictObject(String body) {
		try {
			JsonReader reader = new JsonReader(new StringReader(body));
			reader.setStrictness(Strictness.STRICT);
			JsonElement element = JsonParser.parseReader(reader);
			if (reader.peek() != JsonToken.END_DOCUMENT) {
				throw new MalformedUpdate("not JSON: more after the object");
			}
			if (!element.isJsonObject()) {
				throw new MalformedUpdate("not a JSON object");
			}
			return element.getAsJsonObject();
		}
		catch (MalformedUpdate e) {
			throw e;
		}
		catch (RuntimeException | IOException e) {
			throw new MalformedUpdate("not JSON");
		}
	}

	/** A JSON number written as an integer that fits a long: no fraction, no exponent, no string. */
	private static long integer(JsonElement value, String name) {
		if (value == null || value.isJsonNull()) {
			throw new MalformedUpdate("no " + name);
		}
		if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
			throw new MalformedUpdate(name + " is not a number");
		}
		String text = value.getAsJsonPrimitive().getAsString();
		if (!INTEGER.matcher(text).matches()) {
			throw new MalformedUpdate(name + " is not an integer");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw new MalformedUpdate(name + " is out of range");
		}
	}

	/** Walks the update: every id that must be an integer is one. */
	private static void checkIds(JsonElement element, String key) {
		if (element.isJsonArray()) {
			for (JsonElement item : element.getAsJsonArray()) {
				checkIds(item, key);
			}
		}
		else if (element.isJsonObject()) {
			JsonObject object = element.getAsJsonObject();
			if (key != null && ENTITY_KEYS.contains(key) && object.has("id")) {
				integer(object.get("id"), key + ".id");
			}
			for (var entry : object.entrySet()) {
				if (INTEGER_KEYS.contains(entry.getKey())) {
					integer(entry.getValue(), entry.getKey());
				}
				else {
					checkIds(entry.getValue(), entry.getKey());
				}
			}
		}
	}

	/** The chat whose order the update belongs to; 0 for updates without one. */
	static long chatIdOf(JsonObject update) {
		for (String kind : List.of("message", "edited_message", "channel_post", "edited_channel_post",
				"chat_join_request", "my_chat_member", "chat_member")) {
			JsonObject object = object(update, kind);
			JsonObject chat = object(object, "chat");
			if (chat != null && chat.has("id")) {
				return chat.get("id").getAsLong();
			}
		}
		JsonObject callback = object(update, "callback_query");
		if (callback != null) {
			JsonObject chat = object(object(callback, "message"), "chat");
			if (chat != null && chat.has("id")) {
				return chat.get("id").getAsLong();
			}
			JsonObject from = object(callback, "from");
			return from != null && from.has("id") ? from.get("id").getAsLong() : 0;
		}
		for (var entry : update.entrySet()) {
			if (entry.getValue().isJsonObject()) {
				JsonObject from = object(entry.getValue().getAsJsonObject(), "from");
				if (from != null && from.has("id")) {
					return from.get("id").getAsLong();
				}
			}
		}
		return 0;
	}

	private static JsonObject object(JsonObject parent, String name) {
		if (parent == null) {
			return null;
		}
		JsonElement element = parent.get(name);
		return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
	}

	/**
	 * Stores the update and returns once it is committed: true if it was new, false if it had
	 * been stored before. Throws if it could not be stored in time; then nothing may be acknowledged.
	 */
	boolean store(InboxStore.NewUpdate update, long timeoutMillis) throws TimeoutException, InterruptedException {
		try {
			return commits.submit(update, timeoutMillis);
		}
		catch (GroupCommit.WriteFailed e) {
			throw new IllegalStateException("storing update " + update.updateId() + " failed", e.getCause());
		}
	}

	/** One batch in one transaction; the callers are released by {@link GroupCommit} after it returns. */
	private List<Boolean> write(List<InboxStore.NewUpdate> rows) {
		boolean[] inserted = tx.execute(status -> store.insertAll(rows, Instant.now()));
		List<Boolean> results = new ArrayList<>(rows.size());
		for (boolean row : inserted) {
			(row ? received : duplicates).increment();
			results.add(row);
		}
		signal.wake();
		return results;
	}

	@Override
	public GroupCommit<?, ?> groupCommit() {
		return commits;
	}
}
