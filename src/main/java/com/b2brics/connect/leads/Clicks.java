package com.b2brics.connect.leads;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recorded clicks, found again by their payload. */
@Repository
class Clicks {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	Clicks(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** A click to store; {@code serviceId} must still be a service of {@code storefrontSlug}. */
	record NewClick(String payload, String storefrontSlug, long serviceId, String referralCode, String visitorId,
			boolean crawler, String userAgent, Instant at, Instant expiresAt) {
	}

	/**
	 * Stores the clicks in one batch (the caller's transaction), each only if its service is still
	 * on its storefront: true per click stored, false per click whose service is gone.
	 */
	boolean[] addAll(List<NewClick> batch) {
		SqlParameterSource[] params = batch.stream()
			.map(c -> new MapSqlParameterSource().addValue("payload", c.payload())
				.addValue("storefront", c.storefrontSlug())
				.addValue("service", c.serviceId())
				.addValue("ref", c.referralCode())
				.addValue("visitor", c.visitorId())
				.addValue("crawler", c.crawler())
				.addValue("ua", c.userAgent() == null ? null
						: c.userAgent().length() > 512 ? c.userAgent().substring(0, 512) : c.userAgent())
				.addValue("at", utc(c.at()))
				.addValue("expires", utc(c.expiresAt())))
			.toArray(SqlParameterSource[]::new);
		int[] counts = named.batchUpdate("""
				INSERT INTO lead_clicks (payload, storefront_slug, service_id, referral_code, visitor_id, crawler,
				                         user_agent, clicked_at, expires_at)
				SELECT :payload, f.slug, s.id, :ref, :visitor, :crawler, :ua, :at, :expires
				FROM catalog_services s JOIN catalog_storefronts f ON f.id = s.storefront_id
				WHERE s.id = :service AND f.slug = :storefront""", params);
		boolean[] stored = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			// SUCCESS_NO_INFO (-2, only with a driver that rewrites batches) counts as stored
			stored[i] = counts[i] != 0;
		}
		return stored;
	}

	Optional<Click> byPayload(String payload) {
		return jdbc.sql("SELECT * FROM lead_clicks WHERE payload = :payload")
			.param("payload", payload)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Optional<Click> byId(long id) {
		return jdbc.sql("SELECT * FROM lead_clicks WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	/**
	 * Binds the payload to the first person who pressed Start with it; true if it is theirs now
	 * (bound just now, or before), false if someone else has it. Concurrent Starts of two people:
	 * the conditional update lets one win.
	 */
	boolean redeem(long clickId, long userId, Instant now) {
		jdbc.sql("UPDATE lead_clicks SET redeemed_by = :user, redeemed_at = :now WHERE id = :id AND redeemed_by IS NULL")
			.param("user", userId)
			.param("now", utc(now))
			.param("id", clickId)
			.update();
		return jdbc.sql("SELECT redeemed_by FROM lead_clicks WHERE id = :id")
			.param("id", clickId)
			.query(Long.class)
			.optional()
			.filter(by -> by == userId)
			.isPresent();
	}

	private static Click map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Click(rs.getLong("id"), rs.getString("payload"), rs.getString("storefront_slug"), rs.getLong("service_id"),
				rs.getString("referral_code"), rs.getString("visitor_id"), rs.getBoolean("crawler"),
				rs.getObject("clicked_at", OffsetDateTime.class).toInstant(),
				rs.getObject("expires_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("redeemed_by", Long.class));
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
