package com.b2brics.connect.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pool's groups and their state: CHECKING (its history setting is being checked), FREE,
 * IN_USE, HELD_BACK (history visible to new members), WITHDRAWN (taken out for another use: the support desk) or GONE (the bot is no longer in it).
 */
@Repository
class WorkingGroups {

	private final JdbcClient jdbc;

	WorkingGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the group, or takes back a group the bot had left, as CHECKING: it is handed out once
	 * its history check passes ({@link HistoryCheck}); true if it is now in the pool.
	 */
	boolean register(long chatId, String title, long by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE working_groups SET status = 'CHECKING', check_reason = 'REGISTERED', check_due_at = :now, check_attempts = 0,
				       title = :title, registered_by = :by, updated_at = :now
				WHERE chat_id = :chat AND status = 'GONE'""")
			.param("title", title)
			.param("by", by)
			.param("now", utc(now))
			.param("chat", chatId)
			.update();
		if (updated == 1) {
			return true;
		}
		return jdbc.sql("""
				INSERT INTO working_groups (chat_id, title, status, registered_by, registered_at, updated_at, check_reason, check_due_at)
				VALUES (:chat, :title, 'CHECKING', :by, :now, :now, 'REGISTERED', :now) ON CONFLICT DO NOTHING""")
			.param("chat", chatId)
			.param("title", title)
			.param("by", by)
			.param("now", utc(now))
			.update() == 1 || status(chatId).filter(s -> !"GONE".equals(s)).isPresent();
	}

	/** Takes a group that serves nobody out of the pool for good (the support desk); false if it serves someone or is gone. */
	boolean withdraw(long chatId, Instant now) {
		return jdbc.sql("""
				UPDATE working_groups SET status = 'WITHDRAWN', updated_at = :now
				WHERE chat_id = :chat AND status IN ('FREE', 'CHECKING', 'HELD_BACK') AND holder_kind IS NULL""")
			.param("now", utc(now))
			.param("chat", chatId)
			.update() == 1;
	}

	void gone(long chatId, Instant now) {
		jdbc.sql("UPDATE working_groups SET status = 'GONE', updated_at = :now WHERE chat_id = :chat")
			.param("now", utc(now))
			.param("chat", chatId)
			.update();
	}

	/**
	 * A basic group became a supergroup: the pool keeps it under its new id, with its links,
	 * members and refused attempts.
	 */
	void migrate(long fromChatId, long toChatId, Instant now) {
		// a check that failed on the old id ("upgraded to a supergroup") runs again at once on the new one
		jdbc.sql("UPDATE working_groups SET chat_id = :to, check_attempts = 0, updated_at = :now WHERE chat_id = :from")
			.param("to", toChatId)
			.param("now", utc(now))
			.param("from", fromChatId)
			.update();
		for (String table : new String[] { "group_invites", "group_members", "group_join_refusals" }) {
			jdbc.sql("UPDATE " + table + " SET chat_id = :to WHERE chat_id = :from")
				.param("to", toChatId)
				.param("from", fromChatId)
				.update();
		}
	}

	/** The title the group had when it joined the pool: it gets it back between deals. */
	Optional<String> poolTitle(long chatId) {
		return jdbc.sql("SELECT title FROM working_groups WHERE chat_id = :chat")
			.param("chat", chatId)
			.query(String.class)
			.optional();
	}

	Optional<Long> registeredBy(long chatId) {
		return jdbc.sql("SELECT registered_by FROM working_groups WHERE chat_id = :chat")
			.param("chat", chatId)
			.query(Long.class)
			.optional();
	}

	/**
	 * An in-use group leaves its holder and is CHECKING until its history check passes; false if
	 * it was not in use (released already, or gone).
	 */
	boolean free(long chatId, Instant now) {
		return jdbc.sql("""
				UPDATE working_groups SET status = 'CHECKING', check_reason = 'RELEASED', check_due_at = :now, check_attempts = 0,
				       lead_id = NULL, holder_kind = NULL, holder_id = NULL, updated_at = :now
				WHERE chat_id = :chat AND status = 'IN_USE'""")
			.param("now", utc(now))
			.param("chat", chatId)
			.update() == 1;
	}

	void memberJoined(long chatId, long userId, Instant now) {
		jdbc.sql("INSERT INTO group_members (chat_id, user_id, joined_at) VALUES (:chat, :user, :now) ON CONFLICT DO NOTHING")
			.param("chat", chatId)
			.param("user", userId)
			.param("now", utc(now))
			.update();
	}

	void memberLeft(long chatId, long userId) {
		jdbc.sql("DELETE FROM group_members WHERE chat_id = :chat AND user_id = :user")
			.param("chat", chatId)
			.param("user", userId)
			.update();
	}

	List<Long> members(long chatId) {
		return jdbc.sql("SELECT user_id FROM group_members WHERE chat_id = :chat ORDER BY joined_at, user_id")
			.param("chat", chatId)
			.query(Long.class)
			.list();
	}

	/** True for exactly one caller once the pool ran low, until {@link #refilled()}. */
	boolean markLowAlerted() {
		return jdbc.sql("UPDATE group_pool_state SET low_alerted = TRUE WHERE id = 1 AND low_alerted = FALSE").update() == 1;
	}

	void refilled() {
		jdbc.sql("UPDATE group_pool_state SET low_alerted = FALSE WHERE id = 1 AND low_alerted = TRUE").update();
	}

	/** The pool at a glance, for the admins' page. */
	record Row(long chatId, String title, String status, Long leadId, String holderKind, Long holderId, long members,
			Instant updatedAt) {
	}

	List<Row> all() {
		return jdbc.sql("""
				SELECT g.chat_id, g.title, g.status, g.lead_id, g.holder_kind, g.holder_id, g.updated_at,
				       (SELECT COUNT(*) FROM group_members m WHERE m.chat_id = g.chat_id) AS members
				FROM working_groups g ORDER BY g.status, g.registered_at, g.chat_id""")
			.query((rs, n) -> new Row(rs.getLong("chat_id"), rs.getString("title"), rs.getString("status"),
					(Long) rs.getObject("lead_id", Long.class), rs.getString("holder_kind"),
					(Long) rs.getObject("holder_id", Long.class), rs.getLong("members"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	Optional<String> status(long chatId) {
		return jdbc.sql("SELECT status FROM working_groups WHERE chat_id = :chat")
			.param("chat", chatId)
			.query(String.class)
			.optional();
	}

	/**
	 * Takes the oldest free group for the holder, atomically across instances; empty when none is
	 * free. A holder that has a group already gets that one back (one group per holder).
	 */
	Optional<Long> take(String kind, long holderId, Instant now) {
		Optional<Long> held = heldBy(kind, holderId);
		if (held.isPresent()) {
			return held;
		}
		// taken or not (none free, or another instance took one for this holder at the same moment):
		// what the holder has now is the answer
		jdbc.sql("""
				UPDATE working_groups SET status = 'IN_USE', holder_kind = :kind, holder_id = :holder,
				       lead_id = CASE WHEN :kind = 'LEAD' THEN :holder ELSE NULL END, updated_at = :now, taken_at = :now
				WHERE chat_id = (SELECT chat_id FROM working_groups WHERE status = 'FREE'
				                 ORDER BY registered_at, chat_id LIMIT 1 FOR UPDATE SKIP LOCKED)
				  AND status = 'FREE'
				  AND NOT EXISTS (SELECT 1 FROM working_groups h WHERE h.holder_kind = :kind AND h.holder_id = :holder)""")
			.param("kind", kind)
			.param("holder", holderId)
			.param("now", utc(now))
			.update();
		return heldBy(kind, holderId);
	}

	Optional<Long> heldBy(String kind, long holderId) {
		return jdbc.sql("SELECT chat_id FROM working_groups WHERE holder_kind = :kind AND holder_id = :holder AND status = 'IN_USE'")
			.param("kind", kind)
			.param("holder", holderId)
			.query(Long.class)
			.optional();
	}

	/** Who holds the group now; empty for a free, gone or unknown group. */
	Optional<GroupPool.Holder> holder(long chatId) {
		return jdbc.sql("SELECT holder_kind, holder_id FROM working_groups WHERE chat_id = :chat AND status = 'IN_USE' AND holder_kind IS NOT NULL")
			.param("chat", chatId)
			.query((rs, n) -> new GroupPool.Holder(rs.getString("holder_kind"), rs.getLong("holder_id")))
			.optional();
	}

	java.util.List<Long> inPool() {
		return jdbc.sql("SELECT chat_id FROM working_groups WHERE status <> 'GONE' ORDER BY registered_at, chat_id")
			.query(Long.class)
			.list();
	}

	long countFree() {
		return jdbc.sql("SELECT COUNT(*) FROM working_groups WHERE status = 'FREE'").query(Long.class).single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
