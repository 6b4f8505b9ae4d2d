package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the durable inbox. An update is PENDING until handled (DONE) or out of tries (DEAD);
 * the update_id primary key de-duplicates redeliveries. An instance claims a pending update with
 * a lease ({@code leased_by}, {@code lease_until}) in a short transaction of its own and counts
 * the try there; only the holder marks it done or failed, and no one else takes it while the
 * lease runs, whatever the handler's transaction does.
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

	/** Chats whose oldest pending update is due and not held by anyone, oldest first. */
	List<Long> chatsWithDueHead(Instant now, int limit) {
		return jdbc.sql("""
				SELECT i.chat_id FROM telegram_inbox i
				WHERE i.status = 'PENDING' AND i.next_attempt_at <= :now
				  AND (i.lease_until IS NULL OR i.lease_until <= :now)
				  AND NOT EXISTS (SELECT 1 FROM telegram_inbox p
				                  WHERE p.chat_id = i.chat_id AND p.status = 'PENDING' AND p.update_id < i.update_id)
				ORDER BY i.update_id
				LIMIT :limit""").param("now", Db.ts(now)).param("limit", limit).query(Long.class).list();
	}

	/** The chat's oldest pending update if it is due now and not held; a head waiting for its retry (or held) holds the chat. */
	Optional<Long> dueHead(long chatId, Instant now) {
		return jdbc.sql("""
				SELECT update_id, next_attempt_at, lease_until FROM telegram_inbox
				WHERE chat_id = :chat AND status = 'PENDING' ORDER BY update_id LIMIT 1""")
			.param("chat", chatId)
			.query((rs, n) -> {
				Instant leaseUntil = Db.instant(rs, "lease_until");
				boolean held = leaseUntil != null && leaseUntil.isAfter(now);
				return held || Db.instant(rs, "next_attempt_at").isAfter(now) ? null : rs.getLong("update_id");
			})
			.optional();
	}

	/**
	 * Claims a due pending update for this instance until {@code until} and counts the try; false
	 * if it is held by another instance, not due, or no longer pending. Call in a transaction of its
	 * own, committed before the handler runs. An update whose holder stopped on its last try (the
	 * lease ran out with no tries left) goes to the dead-letter list instead.
	 */
	boolean claim(long updateId, String instance, Instant now, Instant until, int maxAttempts) {
		jdbc.sql("""
				UPDATE telegram_inbox SET status = 'DEAD', lease_until = NULL,
				       last_error = 'the instance handling its last try stopped before it finished'
				WHERE update_id = :id AND status = 'PENDING' AND attempts >= :max AND lease_until <= :now""")
			.param("id", updateId)
			.param("max", maxAttempts)
			.param("now", Db.ts(now))
			.update();
		return jdbc.sql("""
				UPDATE telegram_inbox SET leased_by = :me, lease_until = :until, attempts = attempts + 1
				WHERE update_id = :id AND status = 'PENDING' AND next_attempt_at <= :now
				  AND (lease_until IS NULL OR lease_until <= :now) AND attempts < :max""")
			.param("me", instance)
			.param("until", Db.ts(until))
			.param("id", updateId)
			.param("now", Db.ts(now))
			.param("max", maxAttempts)
			.update() == 1;
	}

	/**
	 * Locks an update this instance holds for the rest of the current transaction; empty if it is
	 * no longer ours or no longer pending. The row lock keeps a claim by another instance waiting
	 * even if the lease runs out while the handler works.
	 */
	Optional<StoredUpdate> lockHeld(long updateId, String instance) {
		return jdbc.sql("SELECT * FROM telegram_inbox WHERE update_id = :id AND status = 'PENDING' AND leased_by = :me FOR UPDATE")
			.param("id", updateId)
			.param("me", instance)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Marks a held update handled; false if this instance no longer holds it (then the handler's work must roll back). */
	boolean markDone(long updateId, String instance, Instant now) {
		return jdbc.sql("UPDATE telegram_inbox SET status = 'DONE', handled_at = :now, handled_by = :by, lease_until = NULL "
				+ "WHERE update_id = :id AND status = 'PENDING' AND leased_by = :by")
			.param("now", Db.ts(now))
			.param("by", instance)
			.param("id", updateId)
			.update() == 1;
	}

	/**
	 * Records the failed try of a held update and releases it: PENDING again from {@code nextAttempt},
	 * or DEAD when it has had its tries. Returns the new status, or GONE if this instance no longer
	 * holds it (its lease ran out and another took it).
	 */
	String markFailed(long updateId, String instance, int maxAttempts, Instant nextAttempt, String error) {
		var held = lockHeld(updateId, instance);
		if (held.isEmpty()) {
			return "GONE";
		}
		String status = held.get().attempts() >= maxAttempts ? "DEAD" : "PENDING";
		jdbc.sql("UPDATE telegram_inbox SET status = :s, next_attempt_at = :next, last_error = :e, lease_until = NULL "
				+ "WHERE update_id = :id AND leased_by = :me")
			.param("s", status)
			.param("next", Db.ts(nextAttempt))
			.param("e", Db.truncate(error, 2000))
			.param("id", updateId)
			.param("me", instance)
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
				+ "last_error = NULL, lease_until = NULL WHERE update_id = :id AND status = 'DEAD'")
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
