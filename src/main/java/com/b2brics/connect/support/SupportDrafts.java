package com.b2brics.connect.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where one person's /support conversation in one chat stands (as {@code stage_drafts} for the
 * deal room's forms): the step asked now, the ticket it fills, lapsing at {@code expires_at},
 * renewed by each answer. In the database, so that a restart or another instance loses nothing.
 */
@Repository
class SupportDrafts {

	/** The questions, in the order they are asked. */
	enum Step {
		/** Private chat: which deal (or none). */
		DEAL,
		/** What is wrong, in one message. */
		DESCRIPTION,
		/** Texts and files until Done. */
		FACTS
	}

	/**
	 * @param ticketId the ticket being written (or added to); null at {@link Step#DEAL}
	 * @param factsBefore how many facts the ticket held when the conversation began
	 */
	record Draft(long chatId, long userId, Step step, Long ticketId, String dealKey, int factsBefore, Instant expiresAt) {

		Draft at(Step next, Instant expires) {
			return new Draft(chatId, userId, next, ticketId, dealKey, factsBefore, expires);
		}
	}

	private final JdbcClient jdbc;

	SupportDrafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Draft> of(long chatId, long userId, Instant now) {
		return jdbc.sql("SELECT * FROM support_drafts WHERE chat_id = :chat AND user_id = :user AND expires_at > :now")
			.param("chat", chatId)
			.param("user", userId)
			.param("now", Tickets.at(now))
			.query((rs, n) -> new Draft(rs.getLong("chat_id"), rs.getLong("user_id"), Step.valueOf(rs.getString("step")),
					(Long) rs.getObject("ticket_id", Long.class), rs.getString("deal_key"),
					rs.getObject("facts_before") == null ? 0 : rs.getInt("facts_before"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	void save(Draft d) {
		drop(d.chatId(), d.userId());
		jdbc.sql("""
				INSERT INTO support_drafts (chat_id, user_id, step, ticket_id, deal_key, facts_before, expires_at)
				VALUES (:chat, :user, :step, :ticket, :deal, :before, :expires)""")
			.param("chat", d.chatId())
			.param("user", d.userId())
			.param("step", d.step().name())
			.param("ticket", d.ticketId())
			.param("deal", d.dealKey())
			.param("before", d.factsBefore())
			.param("expires", Tickets.at(d.expiresAt()))
			.update();
	}

	boolean drop(long chatId, long userId) {
		return jdbc.sql("DELETE FROM support_drafts WHERE chat_id = :chat AND user_id = :user")
			.param("chat", chatId)
			.param("user", userId)
			.update() > 0;
	}
}
