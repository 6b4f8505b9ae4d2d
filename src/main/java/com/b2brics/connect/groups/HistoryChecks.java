package com.b2brics.connect.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history checks of the pool's groups: which are due, and the guarded transitions out of
 * CHECKING and HELD_BACK. Each transition names the states it leaves, so a group released,
 * removed or checked by someone else meanwhile is left alone.
 */
@Repository
class HistoryChecks {

	/** A group due for its check: why it is checked (REGISTERED or RELEASED) and how often Telegram failed in a row. */
	record Due(long chatId, String status, String reason, int attempts, String title) {
	}

	private final JdbcClient jdbc;

	HistoryChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Groups to check now: a first check at once (whatever the clock says); a group on its way into
	 * the pool that Telegram did not answer for, when its transport backoff has passed in real time
	 * ({@code realNow}, as all pacing towards Telegram: a business clock that stands still must not
	 * keep a group out of the pool); a held-back group's re-check when its time by the application's
	 * clock ({@code now}) has come.
	 */
	List<Due> due(Instant now, Instant realNow, int limit) {
		return jdbc.sql("""
				SELECT chat_id, status, check_reason, check_attempts, title FROM working_groups
				WHERE (status = 'CHECKING' AND (check_attempts = 0 OR check_due_at <= :real))
				   OR (status = 'HELD_BACK' AND check_due_at <= :now)
				ORDER BY check_due_at, chat_id LIMIT :limit""")
			.param("now", utc(now))
			.param("real", utc(realNow))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getLong("chat_id"), rs.getString("status"), rs.getString("check_reason"),
					rs.getInt("check_attempts"), rs.getString("title")))
			.list();
	}

	/** History hidden: the group is FREE; false if it was no longer being checked. */
	boolean pass(long chatId, Instant now) {
		return jdbc.sql("""
				UPDATE working_groups SET status = 'FREE', history_visible = FALSE, history_checked_at = :now,
				       check_reason = NULL, check_due_at = NULL, check_attempts = 0, updated_at = :now
				WHERE chat_id = :chat AND status IN ('CHECKING', 'HELD_BACK')""")
			.param("now", utc(now))
			.param("chat", chatId)
			.update() == 1;
	}

	/** History visible: CHECKING becomes HELD_BACK, checked again at {@code next}; true only for that change. */
	boolean holdBack(long chatId, Instant now, Instant next) {
		return jdbc.sql("""
				UPDATE working_groups SET status = 'HELD_BACK', history_visible = TRUE, history_checked_at = :now,
				       check_due_at = :next, check_attempts = 0, updated_at = :now
				WHERE chat_id = :chat AND status = 'CHECKING'""")
			.param("now", utc(now))
			.param("next", utc(next))
			.param("chat", chatId)
			.update() == 1;
	}

	/** A held-back group is still visible: checked again at {@code next}. */
	void stillHeldBack(long chatId, Instant now, Instant next) {
		jdbc.sql("""
				UPDATE working_groups SET history_checked_at = :now, check_due_at = :next, check_attempts = 0
				WHERE chat_id = :chat AND status = 'HELD_BACK'""")
			.param("now", utc(now))
			.param("next", utc(next))
			.param("chat", chatId)
			.update();
	}

	/** Telegram did not answer: one more failure in a row, tried again at {@code next}. */
	void retryAt(long chatId, Instant next) {
		jdbc.sql("""
				UPDATE working_groups SET check_attempts = check_attempts + 1, check_due_at = :next
				WHERE chat_id = :chat AND status IN ('CHECKING', 'HELD_BACK')""")
			.param("next", utc(next))
			.param("chat", chatId)
			.update();
	}

	/**
	 * An admin asks for a check now (a group being checked: at once, its failures in a row
	 * forgotten); false for a group that is not held back or being checked.
	 */
	boolean dueNow(long chatId, Instant now) {
		return jdbc.sql("""
				UPDATE working_groups SET check_due_at = :now,
				       check_attempts = CASE WHEN status = 'CHECKING' THEN 0 ELSE check_attempts END
				WHERE chat_id = :chat AND status IN ('CHECKING', 'HELD_BACK')""")
			.param("now", utc(now))
			.param("chat", chatId)
			.update() == 1;
	}

	/**
	 * In whole milliseconds: the database keeps fewer digits than the clock gives and may round
	 * a due time up past the moment a test (or a clock) sets exactly.
	 */
	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
	}
}
