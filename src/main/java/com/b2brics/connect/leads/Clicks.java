package com.b2brics.connect.leads;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recorded clicks, found again by their payload. */
@Repository
class Clicks {

	private final JdbcClient jdbc;

	Clicks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String payload, String storefrontSlug, long serviceId, String referralCode, String visitorId,
			boolean crawler, String userAgent, Instant at, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO lead_clicks (payload, storefront_slug, service_id, referral_code, visitor_id, crawler,
				                         user_agent, clicked_at, expires_at)
				VALUES (:payload, :storefront, :service, :ref, :visitor, :crawler, :ua, :at, :expires)""")
			.param("payload", payload)
			.param("storefront", storefrontSlug)
			.param("service", serviceId)
			.param("ref", referralCode)
			.param("visitor", visitorId)
			.param("crawler", crawler)
			.param("ua", userAgent == null ? null : userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent)
			.param("at", utc(at))
			.param("expires", utc(expiresAt))
			.update();
	}

	Optional<Click> byPayload(String payload) {
		return jdbc.sql("SELECT * FROM lead_clicks WHERE payload = :payload")
			.param("payload", payload)
			.query((rs, n) -> new Click(rs.getLong("id"), rs.getString("payload"), rs.getString("storefront_slug"),
					rs.getLong("service_id"), rs.getString("referral_code"), rs.getString("visitor_id"),
					rs.getBoolean("crawler"), rs.getObject("clicked_at", OffsetDateTime.class).toInstant(),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
