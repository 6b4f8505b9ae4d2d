package com.b2brics.connect.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.b2brics.connect.core.Percentiles;

/**
 * A partner's measured response figures over a window, from the stored clocks (so each figure can
 * be explained from its clock events): first-response median and p90 in working time, and the
 * share answered within the SLA (a breached clock that is still waiting counts as not within).
 */
@Service
public class PartnerFigures {

	/**
	 * @param answered first responses given in the window
	 * @param median median working time to the first response, empty without any
	 * @param p90 90th percentile (nearest rank), empty without any
	 * @param withinSla share of first responses in time, among those given or overdue; empty without any
	 * @param overdue breached clocks still waiting for the first response
	 */
	public record Figures(int answered, Optional<Duration> median, Optional<Duration> p90, Optional<Double> withinSla,
			int overdue) {
	}

	private final JdbcClient jdbc;

	PartnerFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The partner's first-response figures over the clocks started since the instant. */
	public Figures firstResponse(long partnerId, Instant since) {
		List<Long> answered = new ArrayList<>(jdbc.sql("""
				SELECT c.working_ms FROM sla_clocks c JOIN sla_deals d ON d.lead_id = c.lead_id
				WHERE d.partner_id = :partner AND c.kind = 'FIRST_RESPONSE' AND c.outcome IN ('MET', 'LATE')
				  AND c.started_at >= :since ORDER BY c.working_ms""")
			.param("partner", partnerId)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(Long.class)
			.list());
		long met = jdbc.sql("""
				SELECT COUNT(*) FROM sla_clocks c JOIN sla_deals d ON d.lead_id = c.lead_id
				WHERE d.partner_id = :partner AND c.kind = 'FIRST_RESPONSE' AND c.outcome = 'MET' AND c.started_at >= :since""")
			.param("partner", partnerId)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(Long.class)
			.single();
		long overdue = jdbc.sql("""
				SELECT COUNT(*) FROM sla_clocks c JOIN sla_deals d ON d.lead_id = c.lead_id
				WHERE d.partner_id = :partner AND c.kind = 'FIRST_RESPONSE' AND c.running_key IS NOT NULL
				  AND c.breached_at IS NOT NULL AND c.started_at >= :since""")
			.param("partner", partnerId)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(Long.class)
			.single();
		long judged = answered.size() + overdue;
		return new Figures(answered.size(), percentile(answered, 50), percentile(answered, 90),
				judged == 0 ? Optional.empty() : Optional.of((double) met / judged), (int) overdue);
	}

	/** Nearest-rank percentile of sorted values. */
	static Optional<Duration> percentile(List<Long> sortedMillis, int percent) {
		if (sortedMillis.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(sortedMillis.get(Percentiles.nearestRankIndex(sortedMillis.size(), percent))));
	}
}
