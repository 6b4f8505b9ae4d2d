package com.b2brics.connect.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pool's groups and their state: FREE, IN_USE, or GONE (the bot is no longer in it). */
@Repository
class WorkingGroups {

	private final JdbcClient jdbc;

	WorkingGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the group as free, or makes a group the bot had left free again; true if it is now in the pool. */
	boolean register(long chatId, String title, long by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE working_groups SET status = 'FREE', title = :title, registered_by = :by, updated_at = :now
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
				INSERT INTO working_groups (chat_id, title, status, registered_by, registered_at, updated_at)
				VALUES (:chat, :title, 'FREE', :by, :now, :now) ON CONFLICT DO NOTHING""")
			.param("chat", chatId)
			.param("title", title)
			.param("by", by)
			.param("now", utc(now))
			.update() == 1 || status(chatId).filter(s -> !"GONE".equals(s)).isPresent();
	}

	void gone(long chatId, Instant now) {
		jdbc.sql("UPDATE working_groups SET status = 'GONE', updated_at = :now WHERE chat_id = :chat")
			.param("now", utc(now))
			.param("chat", chatId)
			.update();
	}

	/** A basic group became a supergroup: the pool keeps it under its new id. */
	void migrate(long fromChatId, long toChatId, Instant now) {
		jdbc.sql("UPDATE working_groups SET chat_id = :to, updated_at = :now WHERE chat_id = :from")
			.param("to", toChatId)
			.param("now", utc(now))
			.param("from", fromChatId)
			.update();
	}

	Optional<String> status(long chatId) {
		return jdbc.sql("SELECT status FROM working_groups WHERE chat_id = :chat")
			.param("chat", chatId)
			.query(String.class)
			.optional();
	}

	/** Takes the oldest free group for the lead, atomically across instances; empty when none is free. */
	Optional<Long> take(long leadId, Instant now) {
		int taken = jdbc.sql("""
				UPDATE working_groups SET status = 'IN_USE', lead_id = :lead, updated_at = :now
				WHERE chat_id = (SELECT chat_id FROM working_groups WHERE status = 'FREE'
				                 ORDER BY registered_at, chat_id LIMIT 1 FOR UPDATE SKIP LOCKED)
				  AND status = 'FREE'""")
			.param("lead", leadId)
			.param("now", utc(now))
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT chat_id FROM working_groups WHERE lead_id = :lead").param("lead", leadId).query(Long.class).optional();
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
