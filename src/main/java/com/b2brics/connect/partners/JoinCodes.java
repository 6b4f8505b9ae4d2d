package com.b2brics.connect.partners;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The join codes admins issued, and who is asked to confirm their account for which code. */
@Repository
class JoinCodes {

	private final JdbcClient jdbc;

	JoinCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Code(String code, long partnerId, long issuedBy, Instant expiresAt, Long usedBy, Instant usedAt) {

		boolean used() {
			return usedAt != null;
		}

		boolean expiredAt(Instant now) {
			return !now.isBefore(expiresAt);
		}
	}

	/** A fresh code for the partner; its text. */
	String issue(long partnerId, long issuedBy, Instant now, Instant expiresAt) {
		while (true) {
			String code = JoinCode.generate();
			int inserted = jdbc.sql("""
					INSERT INTO partner_join_codes (code, partner_id, issued_by, issued_at, expires_at)
					VALUES (:code, :partner, :admin, :now, :expires) ON CONFLICT DO NOTHING""")
				.param("code", code)
				.param("partner", partnerId)
				.param("admin", issuedBy)
				.param("now", at(now))
				.param("expires", at(expiresAt))
				.update();
			if (inserted == 1) {
				return code;
			}
		}
	}

	Optional<Code> find(String code) {
		return jdbc.sql("SELECT * FROM partner_join_codes WHERE code = :code")
			.param("code", code)
			.query((rs, n) -> new Code(rs.getString("code"), rs.getLong("partner_id"), rs.getLong("issued_by"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("used_by", Long.class),
					instant(rs.getObject("used_at", OffsetDateTime.class))))
			.optional();
	}

	/**
	 * Uses the code up for this person, if it is still unused and valid: one conditional UPDATE,
	 * so of two people redeeming it at once the database lets exactly one win.
	 */
	boolean redeem(String code, long userId, String phone, Instant now) {
		return jdbc.sql("""
				UPDATE partner_join_codes SET used_by = :user, used_phone = :phone, used_at = :now
				WHERE code = :code AND used_at IS NULL AND expires_at > :now""")
			.param("user", userId)
			.param("phone", phone)
			.param("now", at(now))
			.param("code", code)
			.update() == 1;
	}

	/** Remembers that this person gave this code and is asked to share their contact. */
	void pend(long userId, String code, Instant now) {
		clearPending(userId);
		jdbc.sql("INSERT INTO partner_join_pending (telegram_user_id, code, asked_at) VALUES (:user, :code, :now)")
			.param("user", userId)
			.param("code", code)
			.param("now", at(now))
			.update();
	}

	/** The code this person was last asked to confirm, whatever has become of it since. */
	Optional<String> pending(long userId) {
		return jdbc.sql("SELECT code FROM partner_join_pending WHERE telegram_user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	/** The pending code if it can still be used: only then is the person's next text meant for us. */
	Optional<String> livePending(long userId, Instant now) {
		return jdbc.sql("""
				SELECT p.code FROM partner_join_pending p JOIN partner_join_codes c ON c.code = p.code
				WHERE p.telegram_user_id = :user AND c.used_at IS NULL AND c.expires_at > :now""")
			.param("user", userId)
			.param("now", at(now))
			.query(String.class)
			.optional();
	}

	void clearPending(long userId) {
		jdbc.sql("DELETE FROM partner_join_pending WHERE telegram_user_id = :user").param("user", userId).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
