package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the durable inbox. An update is PENDING until handled (DONE) or out of tries (DEAD);
 * the update_id primary key de-duplicates redeliveries.
 */
@Repository
class InboxStore {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	InboxStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record NewUpdate(long updateId, long chatId, String payload) {
	}

	record StoredUpdate(long updateId, long chatId, String payload, int attempts, String status, Instant receivedAt,
			Instant nextAttemptAt, String lastError) {
	}

	/** Inserts the batch; for each row, whether it was new (false: a duplicate, already stored). */
	boolean[] insertAll(List<NewUpdate> updates, Instant now) {
		int[][] counts = template.batchUpdate(
				"INSERT INTO telegram_inbox (update_id, chat_id, payload, received_at, status, attempts, next_attempt_at) "
						+ "VALUES (?, ?, ?, ?, 'PENDING', 0, ?) ON CONFLICT DO NOTHING",
				updates, updates.size(), (ps, u) -> {
					ps.setLong(1, u.updateId());
					ps.setLong(2, u.chatId());
					ps.setString(3, u.payload());
					ps.setObject(4, Db.ts(now));
					ps.setObject(5, Db.ts(now));
				});
		boolean[] inserted = new boolean[updates.size()];
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				inserted[i++] = count != 0;
			}
		}
		return inserted;
	}

	/** Chats whose oldest pending update is due, oldest first. */
	List<Long> chatsWithDueHead(Instant now, int limit) {
		return jdbc.sql("""
				SELECT i.chat_id FROM telegram_inbox i
				WHERE i.status = 'PENDING' AND i.next_attempt_at <= :now
				  AND NOT EXISTS (SELECT 1 FROM telegram_inbox p
				                  WHERE p.chat_id = i.chat_id AND p.status = 'PENDING' AND p.update_id < i.update_id)
				ORDER BY i.update_id
				LIMIT :limit""").param("now", Db.ts(now)).param("limit", limit).query(Long.class).list();
	}

	/** The chat's oldest pending update if it is due now; a head waiting for its retry holds the chat. */
	Optional<Long> dueHead(long chatId, Instant now) {
		return jdbc.sql("""
				SELECT update_id, next_attempt_at FROM telegram_inbox
				WHERE chat_id = :chat AND status = 'PENDING' ORDER BY update_id LIMIT 1""")
			.param("chat", chatId)
			.query((rs, n) -> Db.instant(rs, "next_attempt_at").isAfter(now) ? null : rs.getLong("update_id"))
			.optional();
	}

	/** Locks a pending update for handling in the current transaction; empty if it is taken or no longer pending. */
	Optional<StoredUpdate> lockPending(long updateId) {
		return jdbc.sql("SELECT * FROM telegram_inbox WHERE update_id = :id AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
			.param("id", updateId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	void markDone(long updateId, String instance, Instant now) {
		jdbc.sql("UPDATE telegram_inbox SET status = 'DONE', handled_at = :now, handled_by = :by, attempts = attempts + 1 "
				+ "WHERE update_id = :id")
			.param("now", Db.ts(now))
			.param("by", instance)
			.param("id", updateId)
			.update();
	}

	/** Records a failed try; returns the new status (PENDING for another try, DEAD after the last). */
	String markFailed(long updateId, int maxAttempts, Instant nextAttempt, String error) {
		Integer attempts = jdbc.sql("SELECT attempts FROM telegram_inbox WHERE update_id = :id FOR UPDATE")
			.param("id", updateId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (attempts == null) {
			return "GONE";
		}
		String status = attempts + 1 >= maxAttempts ? "DEAD" : "PENDING";
		jdbc.sql("UPDATE telegram_inbox SET attempts = :a, status = :s, next_attempt_at = :next, last_error = :e "
				+ "WHERE update_id = :id AND status = 'PENDING'")
			.param("a", attempts + 1)
			.param("s", status)
			.param("next", Db.ts(nextAttempt))
			.param("e", Db.truncate(error, 2000))
			.param("id", updateId)
			.update();
		return status;
	}

	List<StoredUpdate> dead(int limit) {
		return jdbc.sql("SELECT * FROM telegram_inbox WHERE status = 'DEAD' ORDER BY update_id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Puts a dead update back in line with fresh tries. */
	boolean replay(long updateId, Instant now) {
		return jdbc.sql("UPDATE telegram_inbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, "
				+ "last_error = NULL WHERE update_id = :id AND status = 'DEAD'")
			.param("now", Db.ts(now))
			.param("id", updateId)
			.update() == 1;
	}

	Optional<StoredUpdate> find(long updateId) {
		return jdbc.sql("SELECT * FROM telegram_inbox WHERE update_id = :id")
			.param("id", updateId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	long countByStatus(String status) {
		return jdbc.sql("SELECT COUNT(*) FROM telegram_inbox WHERE status = :s").param("s", status).query(Long.class).single();
	}

	int deleteHandledBefore(Instant before) {
		return jdbc.sql("DELETE FROM telegram_inbox WHERE status = 'DONE' AND handled_at < :before")
			.param("before", Db.ts(before))
			.update();
	}

	private static StoredUpdate map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StoredUpdate(rs.getLong("update_id"), rs.getLong("chat_id"), rs.getString("payload"),
				rs.getInt("attempts"), rs.getString("status"), Db.instant(rs, "received_at"),
				Db.instant(rs, "next_attempt_at"), rs.getString("last_error"));
	}
}
