package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of the durable outbox, the per-chat pacing and the bot-wide send budget. A row is PENDING
 * until an instance claims it (SENDING, reserved until claimed_until), then SENT, FAILED
 * (refused for good) or UNREACHABLE (the user blocked the bot).
 */
@Repository
class OutboxStore {

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, long chatId, String method, String params, int priority, boolean ordered, boolean paced,
			long refOutboxId, String status, int attempts, Instant createdAt, Long telegramMessageId, String lastError,
			String foldKey) {
	}

	/** A row another row waits for: its status and, once SENT, its result. */
	record Awaited(long id, String status, String result, String lastError) {
	}

	record Budget(double tokens, Instant refilledAt, Instant pausedUntil) {
	}

	long insert(long chatId, String method, String params, int priority, boolean ordered, boolean paced, long refOutboxId,
			Instant now) {
		return insert(chatId, method, params, priority, ordered, paced, refOutboxId, null, now);
	}

	long insert(long chatId, String method, String params, int priority, boolean ordered, boolean paced, long refOutboxId,
			String foldKey, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO telegram_outbox (chat_id, method, params, priority, ordered, paced, ref_outbox_id, status,
				                             attempts, next_attempt_at, created_at, fold_key)
				VALUES (:chat, :method, :params, :priority, :ordered, :paced, :ref, 'PENDING', 0, :now, :now, :fold)""")
			.param("fold", foldKey)
			.param("chat", chatId)
			.param("method", method)
			.param("params", params)
			.param("priority", priority)
			.param("ordered", ordered)
			.param("paced", paced)
			.param("ref", refOutboxId == 0 ? null : refOutboxId)
			.param("now", Db.ts(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The row is not claimed until row {@code awaited} is done; it is sent with that row's result. */
	void waitFor(long outboxId, long awaited) {
		jdbc.sql("INSERT INTO telegram_outbox_waits (outbox_id, waits_for) VALUES (:row, :awaited) ON CONFLICT DO NOTHING")
			.param("row", outboxId)
			.param("awaited", awaited)
			.update();
	}

	/** The rows this row waits for (none for most rows); a row that no longer exists shows as GONE. */
	List<Awaited> awaited(long outboxId) {
		return jdbc.sql("""
				SELECT w.waits_for, d.status, d.result_text, d.last_error FROM telegram_outbox_waits w
				LEFT JOIN telegram_outbox d ON d.id = w.waits_for WHERE w.outbox_id = :row""")
			.param("row", outboxId)
			.query((rs, n) -> new Awaited(rs.getLong("waits_for"),
					rs.getString("status") == null ? "GONE" : rs.getString("status"), rs.getString("result_text"),
					rs.getString("last_error")))
			.list();
	}

	/** Locks the budget row: claims are serialized across instances while the transaction lasts. */
	Budget lockBudget() {
		return jdbc.sql("SELECT tokens, refilled_at, paused_until FROM telegram_send_budget WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Budget(rs.getDouble("tokens"), Db.instant(rs, "refilled_at"), Db.instant(rs, "paused_until")))
			.single();
	}

	void saveBudget(double tokens, Instant refilledAt) {
		jdbc.sql("UPDATE telegram_send_budget SET tokens = :t, refilled_at = :r WHERE id = 1")
			.param("t", tokens)
			.param("r", Db.ts(refilledAt))
			.update();
	}

	void pauseBudget(Instant until) {
		jdbc.sql("UPDATE telegram_send_budget SET paused_until = :u WHERE id = 1 AND (paused_until IS NULL OR paused_until < :u)")
			.param("u", Db.ts(until))
			.update();
	}

	/** Priority weights, highest first: {@link #candidates} asks for each level in turn. */
	private static final int[] PRIORITIES = java.util.Arrays.stream(com.b2brics.connect.telegram.Priority.values())
		.mapToInt(com.b2brics.connect.telegram.Priority::weight)
		.boxed()
		.sorted(java.util.Comparator.reverseOrder())
		.mapToInt(Integer::intValue)
		.toArray();

	/** The group pacing of one claim round: the window's start and the places notices leave to answers. */
	record GroupWindow(Instant start, int limit, int answerReserve) {
	}

	/**
	 * Rows that may go now: due; in their chat's queue, after the rows before them (for ordered
	 * rows; a paced {@link com.b2brics.connect.telegram.Priority#ANSWER} passes the paced rows of
	 * lower priority queued before it, see that Javadoc); and, for paced rows, in a chat whose pace
	 * allows another message: no paced row of the chat in flight, the chat's gap passed, and for a
	 * group fewer sends within the sliding window than its limit (less the answers' reserve for
	 * anything but an answer). Highest priority first, then oldest.
	 * <p>
	 * One query per priority level, each {@code WHERE status = 'PENDING' AND priority = ? ORDER BY
	 * id LIMIT n}: it walks {@code telegram_outbox_due_idx (status, priority, id)} in order and stops
	 * after n matches. A single {@code ORDER BY priority DESC, id} cannot use that index (mixed
	 * directions), so it tested every pending row and sorted them: 135 ms at 4,400 pending rows on
	 * the bench machine, which starved the claim loop of its 25/s (benchmark 2, docs/PERFORMANCE.md).
	 */
	List<Row> candidates(Instant now, int pacedLimit, int limit, GroupWindow window) {
		List<Row> rows = new java.util.ArrayList<>();
		int answer = com.b2brics.connect.telegram.Priority.ANSWER.weight();
		for (int priority : PRIORITIES) {
			if (rows.size() >= limit) {
				break;
			}
			// an answer waits for earlier rows of its chat except paced (plain) messages of lower priority
			String overtakes = priority >= answer ? " AND (o.paced = FALSE OR p.paced = FALSE OR p.priority >= o.priority)" : "";
			rows.addAll(jdbc.sql("""
					SELECT o.* FROM telegram_outbox o
					WHERE o.status = 'PENDING' AND o.priority = :priority AND o.next_attempt_at <= :now
					  AND (o.ordered = FALSE OR NOT EXISTS (
					        SELECT 1 FROM telegram_outbox p
					        WHERE p.chat_id = o.chat_id AND p.ordered = TRUE AND p.id < o.id AND p.status IN ('PENDING', 'SENDING')"""
					+ overtakes + """
					        ))
					  AND NOT EXISTS (
					        SELECT 1 FROM telegram_outbox_waits w JOIN telegram_outbox d ON d.id = w.waits_for
					        WHERE w.outbox_id = o.id AND d.status IN ('PENDING', 'SENDING'))
					  AND (o.paced = FALSE OR (:paced > 0
					    AND NOT EXISTS (SELECT 1 FROM telegram_chat_pace c WHERE c.chat_id = o.chat_id AND c.next_send_at > :now)
					    AND NOT EXISTS (SELECT 1 FROM telegram_outbox q
					        WHERE q.chat_id = o.chat_id AND q.paced = TRUE AND q.status = 'SENDING')
					    AND (o.chat_id > 0 OR (SELECT COUNT(*) FROM telegram_chat_sends s
					        WHERE s.chat_id = o.chat_id AND s.sent_at > :windowStart) < :groupRoom)))
					ORDER BY o.id
					LIMIT :limit""")
				.param("priority", priority)
				.param("now", Db.ts(now))
				.param("paced", pacedLimit)
				.param("windowStart", Db.ts(window.start()))
				.param("groupRoom", priority >= answer ? window.limit() : Math.max(1, window.limit() - window.answerReserve()))
				.param("limit", limit - rows.size())
				.query((rs, n) -> map(rs))
				.list());
		}
		return rows;
	}

	/**
	 * Records attempt {@code attempt} of a message to a group as sent at {@code at} (at its claim;
	 * again at Telegram's answer). Each attempt counts: one that timed out may have arrived.
	 */
	void recordGroupSend(long outboxId, int attempt, long chatId, Instant at) {
		jdbc.sql("DELETE FROM telegram_chat_sends WHERE outbox_id = :id AND attempt = :attempt")
			.param("id", outboxId)
			.param("attempt", attempt)
			.update();
		jdbc.sql("INSERT INTO telegram_chat_sends (outbox_id, attempt, chat_id, sent_at) VALUES (:id, :attempt, :chat, :at)")
			.param("id", outboxId)
			.param("attempt", attempt)
			.param("chat", chatId)
			.param("at", Db.ts(at))
			.update();
	}

	/** The attempt did not reach the group (429, refused): it takes no place in the window. */
	void forgetGroupSend(long outboxId, int attempt) {
		jdbc.sql("DELETE FROM telegram_chat_sends WHERE outbox_id = :id AND attempt = :attempt")
			.param("id", outboxId)
			.param("attempt", attempt)
			.update();
	}

	int pruneGroupSends(Instant before) {
		return jdbc.sql("DELETE FROM telegram_chat_sends WHERE sent_at < :before").param("before", Db.ts(before)).update();
	}

	/** The bot's newest message (sent or queued) in the chat, if any. */
	Optional<Row> newestMessage(long chatId) {
		return jdbc.sql("""
				SELECT * FROM telegram_outbox WHERE chat_id = :chat AND method IN ('sendMessage', 'sendDocument')
				  AND status IN ('PENDING', 'SENDING', 'SENT') ORDER BY id DESC LIMIT 1""")
			.param("chat", chatId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Rewrites a row's parameters while it is still PENDING; false once it has been claimed. */
	boolean rewritePending(long id, String params) {
		return jdbc.sql("UPDATE telegram_outbox SET params = :params WHERE id = :id AND status = 'PENDING'")
			.param("params", params)
			.param("id", id)
			.update() == 1;
	}

	/** Keeps the text a folded message shows now in its row (sent or not). */
	void rewriteParams(long id, String params) {
		jdbc.sql("UPDATE telegram_outbox SET params = :params WHERE id = :id").param("params", params).param("id", id).update();
	}

	/**
	 * The newest row that set what the message queued as row {@code refOutboxId} shows: the send itself
	 * or a later edit of its text or keyboard (failed ones left out: they changed nothing).
	 */
	Optional<Row> newestContentOf(long refOutboxId) {
		return jdbc.sql("""
				SELECT * FROM telegram_outbox WHERE (id = :ref OR ref_outbox_id = :ref)
				AND method IN ('sendMessage', 'editMessageText', 'editMessageReplyMarkup') AND status IN ('PENDING', 'SENDING', 'SENT')
				ORDER BY id DESC LIMIT 1""")
			.param("ref", refOutboxId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The newest edit of the message queued as row {@code refOutboxId} that is still waiting to be sent. */
	Optional<Row> pendingEditOf(long refOutboxId) {
		return jdbc.sql("""
				SELECT * FROM telegram_outbox WHERE ref_outbox_id = :ref AND method = 'editMessageText' AND status = 'PENDING'
				ORDER BY id DESC LIMIT 1""")
			.param("ref", refOutboxId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	boolean claim(long id, String instance, Instant until) {
		return jdbc.sql("UPDATE telegram_outbox SET status = 'SENDING', claimed_by = :by, claimed_until = :until "
				+ "WHERE id = :id AND status = 'PENDING'")
			.param("by", instance)
			.param("until", Db.ts(until))
			.param("id", id)
			.update() == 1;
	}

	/** Sets when the next message may go to the chat (never earlier than already set). */
	void paceChat(long chatId, Instant nextSendAt) {
		jdbc.sql("""
				MERGE INTO telegram_chat_pace t
				USING (SELECT CAST(:chat AS BIGINT) AS chat_id, CAST(:next AS TIMESTAMP WITH TIME ZONE) AS next_send_at) s
				ON t.chat_id = s.chat_id
				WHEN MATCHED AND t.next_send_at < s.next_send_at THEN UPDATE SET next_send_at = s.next_send_at
				WHEN NOT MATCHED THEN INSERT (chat_id, next_send_at) VALUES (s.chat_id, s.next_send_at)""")
			.param("chat", chatId)
			.param("next", Db.ts(nextSendAt))
			.update();
	}

	/** Claims that outlived their instance go back in line. */
	int releaseExpiredClaims(Instant now) {
		return jdbc.sql("UPDATE telegram_outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL "
				+ "WHERE status = 'SENDING' AND claimed_until < :now")
			.param("now", Db.ts(now))
			.update();
	}

	/** At start: what this instance (same name) had claimed before it stopped goes back in line at once. */
	int releaseClaimsOf(String instance) {
		return jdbc.sql("UPDATE telegram_outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL "
				+ "WHERE status = 'SENDING' AND claimed_by = :by")
			.param("by", instance)
			.update();
	}

	void markSent(long id, Long telegramMessageId, String result, Instant now) {
		jdbc.sql("UPDATE telegram_outbox SET status = 'SENT', sent_at = :now, telegram_message_id = :mid, "
				+ "result_text = :result, attempts = attempts + 1, claimed_until = NULL WHERE id = :id")
			.param("now", Db.ts(now))
			.param("mid", telegramMessageId)
			.param("result", result)
			.param("id", id)
			.update();
	}

	void retryLater(long id, Instant at, String error) {
		jdbc.sql("UPDATE telegram_outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = :at, "
				+ "last_error = :e, claimed_by = NULL, claimed_until = NULL WHERE id = :id")
			.param("at", Db.ts(at))
			.param("e", Db.truncate(error, 2000))
			.param("id", id)
			.update();
	}

	void markFailed(long id, String status, String error) {
		jdbc.sql("UPDATE telegram_outbox SET status = :s, attempts = attempts + 1, last_error = :e, claimed_until = NULL "
				+ "WHERE id = :id")
			.param("s", status)
			.param("e", Db.truncate(error, 2000))
			.param("id", id)
			.update();
	}

	/** Everything still waiting for a chat that cannot receive it. */
	int markChatUnreachable(long chatId, String error) {
		return jdbc.sql("UPDATE telegram_outbox SET status = 'UNREACHABLE', last_error = :e "
				+ "WHERE chat_id = :chat AND status = 'PENDING'")
			.param("e", Db.truncate(error, 2000))
			.param("chat", chatId)
			.update();
	}

	/** A group became a supergroup: what waits for the old id goes to the new one, parameters included. */
	int moveChat(long fromChatId, long toChatId) {
		List<Row> rows = jdbc.sql("SELECT * FROM telegram_outbox WHERE chat_id = :from AND status IN ('PENDING', 'SENDING')")
			.param("from", fromChatId)
			.query((rs, n) -> map(rs))
			.list();
		for (Row row : rows) {
			var params = com.google.gson.JsonParser.parseString(row.params()).getAsJsonObject();
			params.addProperty("chat_id", toChatId);
			jdbc.sql("UPDATE telegram_outbox SET chat_id = :to, params = :params WHERE id = :id")
				.param("to", toChatId)
				.param("params", params.toString())
				.param("id", row.id())
				.update();
		}
		return rows.size();
	}

	Optional<Long> sentAs(long chatId, long telegramMessageId) {
		return jdbc.sql("""
				SELECT id FROM telegram_outbox WHERE chat_id = :chat AND telegram_message_id = :mid
				AND method IN ('sendMessage', 'sendDocument', 'copyMessage') ORDER BY id DESC LIMIT 1""")
			.param("chat", chatId)
			.param("mid", telegramMessageId)
			.query(Long.class)
			.optional();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM telegram_outbox WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	long backlog() {
		return jdbc.sql("SELECT COUNT(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')").query(Long.class).single();
	}

	Optional<Instant> oldestWaiting() {
		return jdbc.sql("SELECT MIN(created_at) AS oldest FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')")
			.query((rs, n) -> Db.instant(rs, "oldest"))
			.optional();
	}

	List<Row> failed(int limit) {
		return jdbc.sql("SELECT * FROM telegram_outbox WHERE status = 'FAILED' ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	boolean retryFailed(long id, Instant now) {
		return jdbc.sql("UPDATE telegram_outbox SET status = 'PENDING', next_attempt_at = :now WHERE id = :id AND status = 'FAILED'")
			.param("now", Db.ts(now))
			.param("id", id)
			.update() == 1;
	}

	private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long mid = rs.getLong("telegram_message_id");
		Long messageId = rs.wasNull() ? null : mid;
		return new Row(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("method"), rs.getString("params"),
				rs.getInt("priority"), rs.getBoolean("ordered"), rs.getBoolean("paced"), rs.getLong("ref_outbox_id"),
				rs.getString("status"), rs.getInt("attempts"), Db.instant(rs, "created_at"), messageId,
				rs.getString("last_error"), rs.getString("fold_key"));
	}
}
