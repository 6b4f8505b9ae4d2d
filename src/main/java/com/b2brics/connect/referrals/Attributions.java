package com.b2brics.connect.referrals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Exporters attributed to a partner by a referral code; one per exporter and Telegram user, the first wins. */
@Repository
class Attributions {

	record Attribution(long id, long exporterId, long exporterTelegramId, String code, long partnerId, String companyName,
			String storefrontSlug, boolean contactVerified, Instant registeredAt, Long chatId, Instant confirmedAt) {
	}

	private final JdbcClient jdbc;

	Attributions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new attribution, or empty when the exporter (or their Telegram account) was attributed before. */
	Optional<Attribution> add(long exporterId, long telegramUserId, String code, long partnerId, String companyName,
			String storefrontSlug, boolean contactVerified, Instant registeredAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO referral_attributions (exporter_id, exporter_telegram_id, code, partner_id, company_name,
				                                   storefront_slug, contact_verified, registered_at)
				VALUES (:exporter, :user, :code, :partner, :company, :storefront, :verified, :at)
				ON CONFLICT DO NOTHING""")
			.param("exporter", exporterId)
			.param("user", telegramUserId)
			.param("code", code)
			.param("partner", partnerId)
			.param("company", companyName.length() > 200 ? companyName.substring(0, 200) : companyName)
			.param("storefront", storefrontSlug)
			.param("verified", contactVerified)
			.param("at", ReferralCodes.at(registeredAt))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		return byId(keys.getKeyAs(Number.class).longValue());
	}

	Optional<Attribution> byId(long id) {
		return jdbc.sql("SELECT * FROM referral_attributions WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	Optional<Attribution> ofExporterUser(long telegramUserId) {
		return jdbc.sql("SELECT * FROM referral_attributions WHERE exporter_telegram_id = :user")
			.param("user", telegramUserId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Records the chat; false when the attribution had one already. */
	boolean chatOpened(long id, long chatId) {
		return jdbc.sql("UPDATE referral_attributions SET chat_id = :chat WHERE id = :id AND chat_id IS NULL")
			.param("chat", chatId)
			.param("id", id)
			.update() == 1;
	}

	/** The group became a supergroup with a new id: the attribution follows it. */
	void migrateChat(long fromChatId, long toChatId) {
		jdbc.sql("UPDATE referral_attributions SET chat_id = :to WHERE chat_id = :from")
			.param("to", toChatId)
			.param("from", fromChatId)
			.update();
	}

	/**
	 * Marks the exporter's registration confirmed, if it is attributed, verified and not confirmed
	 * yet: one conditional update, so of two concurrent callers exactly one gets true.
	 */
	boolean confirm(long id, Instant now) {
		return jdbc.sql("""
				UPDATE referral_attributions SET confirmed_at = :now
				WHERE id = :id AND contact_verified = TRUE AND confirmed_at IS NULL""")
			.param("now", ReferralCodes.at(now))
			.param("id", id)
			.update() == 1;
	}

	private static Attribution map(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
		return new Attribution(rs.getLong("id"), rs.getLong("exporter_id"), rs.getLong("exporter_telegram_id"),
				rs.getString("code"), rs.getLong("partner_id"), rs.getString("company_name"), rs.getString("storefront_slug"),
				rs.getBoolean("contact_verified"), rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				(Long) rs.getObject("chat_id", Long.class), confirmed == null ? null : confirmed.toInstant());
	}
}
