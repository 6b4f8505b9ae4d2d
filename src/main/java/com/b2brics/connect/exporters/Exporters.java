package com.b2brics.connect.exporters;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exporters and their unfinished registrations. Each step's write is conditional on the step the
 * registration is at, so a late or repeated answer changes nothing.
 */
@Repository
class Exporters {

	private static final RowMapper<Exporter> ROW = (rs, n) -> new Exporter(rs.getLong("id"), rs.getLong("telegram_user_id"),
			Exporter.State.valueOf(rs.getString("state")), rs.getString("company"), rs.getString("storefront_slug"),
			rs.getString("phone"), rs.getBoolean("contact_verified"), rs.getString("referral_code"),
			rs.getString("referral_partner"), instant(rs.getObject("started_at", OffsetDateTime.class)),
			instant(rs.getObject("registered_at", OffsetDateTime.class)), (Long) rs.getObject("manager_id", Long.class),
			(Long) rs.getObject("group_chat_id", Long.class));

	private final JdbcClient jdbc;

	Exporters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Exporter> ofUser(long telegramUserId) {
		return jdbc.sql("SELECT * FROM exporters WHERE telegram_user_id = :user").param("user", telegramUserId).query(ROW).optional();
	}

	/** The exporters this person is, or manages. */
	java.util.List<Exporter> ofSide(long telegramUserId) {
		return jdbc.sql("SELECT * FROM exporters WHERE telegram_user_id = :user OR manager_id = :user ORDER BY id")
			.param("user", telegramUserId)
			.query(ROW)
			.list();
	}

	Optional<Exporter> byId(long id) {
		return jdbc.sql("SELECT * FROM exporters WHERE id = :id").param("id", id).query(ROW).optional();
	}

	/** Starts a registration at its first step; false when the person has one already (finished or not). */
	boolean start(long telegramUserId, Instant now) {
		return jdbc.sql("""
				INSERT INTO exporters (telegram_user_id, state, started_at) VALUES (:user, 'COMPANY', :now)
				ON CONFLICT DO NOTHING""")
			.param("user", telegramUserId)
			.param("now", at(now))
			.update() == 1;
	}

	/** Moves an unfinished registration from one step to the next, setting one column; false if it is not at that step. */
	boolean advance(long telegramUserId, Exporter.State from, Exporter.State to, String column, Object value) {
		if (!List.of("company", "storefront_slug").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("UPDATE exporters SET state = :to, " + column + " = :value WHERE telegram_user_id = :user AND state = :from")
			.param("to", to.name())
			.param("value", value)
			.param("user", telegramUserId)
			.param("from", from.name())
			.update() == 1;
	}

	/** Moves on without changing anything else; false if it is not at that step. */
	boolean advance(long telegramUserId, Exporter.State from, Exporter.State to) {
		return jdbc.sql("UPDATE exporters SET state = :to WHERE telegram_user_id = :user AND state = :from")
			.param("to", to.name())
			.param("user", telegramUserId)
			.param("from", from.name())
			.update() == 1;
	}

	/** Keeps an accepted referral code, only if the registration is unfinished and has none yet (first code wins). */
	boolean acceptCode(long telegramUserId, String code, String partnerName) {
		return jdbc.sql("""
				UPDATE exporters SET referral_code = :code, referral_partner = :partner
				WHERE telegram_user_id = :user AND state <> 'REGISTERED' AND referral_code IS NULL""")
			.param("code", code)
			.param("partner", partnerName)
			.param("user", telegramUserId)
			.update() == 1;
	}

	/** Completes the registration waiting for the contact; false if it is not waiting for it. */
	boolean complete(long telegramUserId, String phone, Long managerId, Instant now) {
		return jdbc.sql("""
				UPDATE exporters SET state = 'REGISTERED', phone = :phone, contact_verified = TRUE, registered_at = :now,
				manager_id = :manager WHERE telegram_user_id = :user AND state = 'CONTACT'""")
			.param("phone", phone)
			.param("now", at(now))
			.param("manager", managerId)
			.param("user", telegramUserId)
			.update() == 1;
	}

	/** Drops an unfinished registration; false when there is none. */
	boolean cancel(long telegramUserId) {
		return jdbc.sql("DELETE FROM exporters WHERE telegram_user_id = :user AND state <> 'REGISTERED'")
			.param("user", telegramUserId)
			.update() == 1;
	}

	void groupOpened(long exporterId, long chatId, Instant now) {
		jdbc.sql("UPDATE exporters SET group_chat_id = :chat, group_opened_at = :now WHERE id = :id")
			.param("chat", chatId)
			.param("now", at(now))
			.param("id", exporterId)
			.update();
	}

	void migrateChat(long oldChatId, long newChatId) {
		jdbc.sql("UPDATE exporters SET group_chat_id = :new WHERE group_chat_id = :old")
			.param("new", newChatId)
			.param("old", oldChatId)
			.update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
