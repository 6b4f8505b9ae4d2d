package com.b2brics.connect.referrals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' referral codes, and who was asked to type a label for a new one. */
@Repository
class ReferralCodes {

	private final JdbcClient jdbc;

	ReferralCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Code(String code, long partnerId, String label, long createdBy, Instant createdAt, Instant deactivatedAt) {

		boolean active() {
			return deactivatedAt == null;
		}
	}

	/** A new code for the partner, drawn at random; its text. */
	String create(long partnerId, long createdBy, String label, Instant now) {
		return create(partnerId, createdBy, label, now, ReferralCode::generate);
	}

	/**
	 * A new code drawn from the generator: on a clash with an existing code (or one inserted
	 * concurrently) the insert does nothing and another is drawn. ON CONFLICT rather than a caught
	 * duplicate-key error, which on PostgreSQL would abort the caller's transaction.
	 */
	String create(long partnerId, long createdBy, String label, Instant now, Supplier<String> generator) {
		for (int attempt = 0; attempt < 100; attempt++) {
			String code = generator.get();
			int inserted = jdbc.sql("""
					INSERT INTO referral_codes (code, partner_id, label, created_by, created_at)
					VALUES (:code, :partner, :label, :by, :now) ON CONFLICT DO NOTHING""")
				.param("code", code)
				.param("partner", partnerId)
				.param("label", label)
				.param("by", createdBy)
				.param("now", at(now))
				.update();
			if (inserted == 1) {
				return code;
			}
		}
		throw new IllegalStateException("no free referral code after 100 draws");
	}

	Optional<Code> find(String code) {
		return jdbc.sql("SELECT * FROM referral_codes WHERE code = :code").param("code", code).query((rs, n) -> map(rs)).optional();
	}

	/** The partner's codes, newest first. */
	List<Code> ofPartner(long partnerId) {
		return jdbc.sql("SELECT * FROM referral_codes WHERE partner_id = :partner ORDER BY created_at DESC, code")
			.param("partner", partnerId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Deactivates the partner's active code; false when it is not theirs or already inactive. */
	boolean deactivate(String code, long partnerId, long by, Instant now) {
		return jdbc.sql("""
				UPDATE referral_codes SET deactivated_at = :now, deactivated_by = :by
				WHERE code = :code AND partner_id = :partner AND deactivated_at IS NULL""")
			.param("now", at(now))
			.param("by", by)
			.param("code", code)
			.param("partner", partnerId)
			.update() == 1;
	}

	/** Remembers that this person is asked for a label; their next text is it. */
	void askLabel(long userId, long partnerId, Instant now) {
		clearLabel(userId);
		jdbc.sql("INSERT INTO referral_label_pending (telegram_user_id, partner_id, asked_at) VALUES (:user, :partner, :now)")
			.param("user", userId)
			.param("partner", partnerId)
			.param("now", at(now))
			.update();
	}

	/** The partner this person is typing a label for, if asked since the instant. */
	Optional<Long> labelAskedSince(long userId, Instant since) {
		return jdbc.sql("SELECT partner_id FROM referral_label_pending WHERE telegram_user_id = :user AND asked_at > :since")
			.param("user", userId)
			.param("since", at(since))
			.query(Long.class)
			.optional();
	}

	/** True for the one caller that ends the question (a label typed, Skip pressed). */
	boolean clearLabel(long userId) {
		return jdbc.sql("DELETE FROM referral_label_pending WHERE telegram_user_id = :user").param("user", userId).update() == 1;
	}

	private static Code map(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime off = rs.getObject("deactivated_at", OffsetDateTime.class);
		return new Code(rs.getString("code"), rs.getLong("partner_id"), rs.getString("label"), rs.getLong("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), off == null ? null : off.toInstant());
	}

	static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
