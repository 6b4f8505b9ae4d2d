package com.b2brics.connect.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened with referral codes, one row per event with its time and UTC day; the figures a
 * partner sees are counts of these rows.
 */
@Repository
class ReferralEvents {

	enum Kind {
		CLICK, REQUEST, REGISTRATION, CONFIRMED
	}

	/**
	 * An event to store; a null dedup key stores it uncounted (a crawler's click, or one more click
	 * of someone counted today). {@code visitorHash}: a site click's salted hash of address and
	 * browser, null otherwise.
	 */
	record NewEvent(String code, Kind kind, Instant at, String dedupKey, String source, String storefrontSlug,
			String visitorId, String userAgent, Long subjectId, String visitorHash) {

		NewEvent(String code, Kind kind, Instant at, String dedupKey, String source, String storefrontSlug,
				String visitorId, String userAgent, Long subjectId) {
			this(code, kind, at, dedupKey, source, storefrontSlug, visitorId, userAgent, subjectId, null);
		}
	}

	/** Counted clicks on the code that day by the visitor, and by anyone with the same address and browser. */
	record ClicksToday(long byVisitor, long byHash) {
	}

	ClicksToday clicksToday(String code, LocalDate day, String visitorId, String visitorHash) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN visitor_id = :visitor THEN 1 ELSE 0 END), 0) AS by_visitor,
				       COALESCE(SUM(CASE WHEN visitor_hash = :hash THEN 1 ELSE 0 END), 0) AS by_hash
				FROM referral_events
				WHERE code = :code AND event_day = :day AND kind = 'CLICK' AND counted = TRUE
				  AND (visitor_id = :visitor OR visitor_hash = :hash)""")
			.param("visitor", visitorId)
			.param("hash", visitorHash)
			.param("code", code)
			.param("day", day)
			.query((rs, n) -> new ClicksToday(rs.getLong("by_visitor"), rs.getLong("by_hash")))
			.single();
	}

	/** One kind of event counted for a code in a window. */
	record Count(String code, Kind kind, long today, long week, long month) {
	}

	/** One kind of event counted for a day. */
	record DayCount(LocalDate day, Kind kind, long count) {
	}

	private final JdbcClient jdbc;

	ReferralEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static LocalDate dayOf(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** Stores the event; false when one with the same key was stored before (it is not counted twice). */
	boolean add(NewEvent event) {
		String ua = event.userAgent() == null ? null
				: event.userAgent().length() > 512 ? event.userAgent().substring(0, 512) : event.userAgent();
		return jdbc.sql("""
				INSERT INTO referral_events (code, kind, counted, event_day, occurred_at, dedup_key, source, storefront_slug,
				                             visitor_id, user_agent, subject_id, visitor_hash)
				VALUES (:code, :kind, :counted, :day, :at, :key, :source, :storefront, :visitor, :ua, :subject, :hash)
				ON CONFLICT DO NOTHING""")
			.param("code", event.code())
			.param("kind", event.kind().name())
			.param("counted", event.dedupKey() != null)
			.param("day", dayOf(event.at()))
			.param("at", ReferralCodes.at(event.at()))
			.param("key", event.dedupKey())
			.param("source", event.source())
			.param("storefront", event.storefrontSlug())
			.param("visitor", event.visitorId())
			.param("ua", ua)
			.param("subject", event.subjectId())
			.param("hash", event.visitorHash())
			.update() == 1;
	}

	/**
	 * Counted events of the partner's codes per code and kind: on the day {@code today}, in the
	 * 7 days and in the 30 days ending with it (UTC days).
	 */
	List<Count> counts(long partnerId, LocalDate today) {
		return jdbc.sql("""
				SELECT e.code, e.kind,
				       SUM(CASE WHEN e.event_day = :today THEN 1 ELSE 0 END) AS today_count,
				       SUM(CASE WHEN e.event_day >= :week THEN 1 ELSE 0 END) AS week_count,
				       COUNT(*) AS month_count
				FROM referral_events e JOIN referral_codes c ON c.code = e.code
				WHERE c.partner_id = :partner AND e.counted = TRUE AND e.event_day >= :month AND e.event_day <= :today
				GROUP BY e.code, e.kind""")
			.param("today", today)
			.param("week", today.minusDays(6))
			.param("month", today.minusDays(29))
			.param("partner", partnerId)
			.query((rs, n) -> new Count(rs.getString("code"), Kind.valueOf(rs.getString("kind")), rs.getLong("today_count"),
					rs.getLong("week_count"), rs.getLong("month_count")))
			.list();
	}

	/** Counted events per UTC day and kind, for the partner's codes, or one of them when code is not null. */
	List<DayCount> daily(long partnerId, String code, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT e.event_day, e.kind, COUNT(*) AS n
				FROM referral_events e JOIN referral_codes c ON c.code = e.code
				WHERE c.partner_id = :partner AND e.counted = TRUE AND e.event_day >= :from AND e.event_day <= :to
				  AND (CAST(:code AS VARCHAR(6)) IS NULL OR e.code = :code)
				GROUP BY e.event_day, e.kind ORDER BY e.event_day, e.kind""")
			.param("partner", partnerId)
			.param("from", from)
			.param("to", to)
			.param("code", code)
			.query((rs, n) -> new DayCount(rs.getObject("event_day", LocalDate.class), Kind.valueOf(rs.getString("kind")),
					rs.getLong("n")))
			.list();
	}
}
