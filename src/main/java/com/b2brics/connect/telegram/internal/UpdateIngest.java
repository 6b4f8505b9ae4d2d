package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.core.GroupCommit;
import com.b2brics.connect.core.GroupCommitLifecycle;
import com.b2brics.connect.telegram.TelegramProperties;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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

	/** An update that cannot be stored: not JSON, or no update_id. */
	static final class MalformedUpdate extends RuntimeException {

		MalformedUpdate(String message) {
			super(message);
		}
	}

	/** Parses just enough of an update to store it: its id and the chat its order belongs to. */
	static InboxStore.NewUpdate parse(String body) {
		JsonObject json;
		try {
			JsonElement element = JsonParser.parseString(body);
			if (!element.isJsonObject()) {
				throw new MalformedUpdate("not a JSON object");
			}
			json = element.getAsJsonObject();
		}
		catch (RuntimeException e) {
			throw e instanceof MalformedUpdate m ? m : new MalformedUpdate("not JSON: " + e.getMessage());
		}
		JsonElement id = json.get("update_id");
		if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber()) {
			throw new MalformedUpdate("no update_id");
		}
		return new InboxStore.NewUpdate(id.getAsLong(), chatIdOf(json), body);
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
