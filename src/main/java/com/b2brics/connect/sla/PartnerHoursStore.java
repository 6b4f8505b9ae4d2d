package com.b2brics.connect.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' own working hours, one row per partner company. */
@Repository
class PartnerHoursStore {

	private final JdbcClient jdbc;

	PartnerHoursStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PartnerHours> of(long partnerId) {
		return jdbc.sql("SELECT zone, hours FROM sla_partner_hours WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query((rs, n) -> PartnerHours.fromStored(rs.getString("zone"), rs.getString("hours")))
			.optional();
	}

	/** Sets the partner's hours; ON CONFLICT rather than a caught duplicate key, which on PostgreSQL aborts the transaction. */
	void set(long partnerId, PartnerHours hours, long by, Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		int updated = update(partnerId, hours, by, at);
		if (updated == 0) {
			int inserted = jdbc.sql("""
					INSERT INTO sla_partner_hours (partner_id, zone, hours, updated_by, updated_at)
					VALUES (:partner, :zone, :hours, :by, :at) ON CONFLICT DO NOTHING""")
				.param("partner", partnerId)
				.param("zone", hours.zone().getId())
				.param("hours", hours.stored())
				.param("by", by)
				.param("at", at)
				.update();
			if (inserted == 0) {
				update(partnerId, hours, by, at); // a colleague inserted first
			}
		}
	}

	private int update(long partnerId, PartnerHours hours, long by, OffsetDateTime at) {
		return jdbc.sql("UPDATE sla_partner_hours SET zone = :zone, hours = :hours, updated_by = :by, updated_at = :at WHERE partner_id = :partner")
			.param("partner", partnerId)
			.param("zone", hours.zone().getId())
			.param("hours", hours.stored())
			.param("by", by)
			.param("at", at)
			.update();
	}
}
