package com.b2brics.connect.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support's first-response clocks, one per ticket round (a resolved ticket that is reopened gets a
 * new round), on the storefront's policy's {@code supportFirstResponse} time counted in the
 * storefront's working calendar, and paused while the ticket waits on its reporter. At the policy's
 * reminder points {@link SupportClockReminder} is published, at the due instant
 * {@link SupportClockBreached} (once each, on one instance); the support module tells the desk and
 * the admins. Every change is a conditional update on the clock's version, so two instances never
 * double-count; callers hold the ticket's lock.
 */
@Service
public class SupportClocks {

	/** How a ticket's clock stands. */
	public enum Status {
		RUNNING, PAUSED, MET, LATE, CANCELLED;

		public boolean isStopped() {
			return this == MET || this == LATE || this == CANCELLED;
		}
	}

	/**
	 * @param dueAt when the first response is due (moves by the paused time)
	 * @param worked working time counted up to {@code countingSince} (pauses excluded)
	 * @param countingSince since when it counts again; null while paused or stopped
	 * @param breachedAt when the breach was told; null if not (yet)
	 */
	public record View(long id, long ticketId, int round, String storefrontSlug, Status status, Duration allowed,
			Instant startedAt, Instant dueAt, Duration worked, Instant countingSince, Instant stoppedAt, Long answeredBy,
			int remindedPercent, Instant breachedAt, int version) {

		/** Working time counted up to the instant. */
		public Duration workedUntil(Instant now, WorkingCalendar calendar) {
			return countingSince == null ? worked : worked.plus(calendar.workingTimeBetween(countingSince, now));
		}
	}

	private final JdbcClient jdbc;
	private final StorefrontCalendars calendars;
	private final SlaPolicies policies;

	SupportClocks(JdbcClient jdbc, StorefrontCalendars calendars, SlaPolicies policies) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.policies = policies;
	}

	/**
	 * Starts the ticket's clock at the instant (a stopped clock's ticket gets a new round; a running or
	 * paused one is kept) and returns when the first response is due.
	 *
	 * @param storefrontSlug the calendar and policy: the deal's storefront, or support's configured one
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Instant start(long ticketId, String storefrontSlug, Instant at) {
		Optional<View> newest = of(ticketId);
		if (newest.isPresent() && !newest.get().status().isStopped()) {
			return newest.get().dueAt();
		}
		Duration allowed = policies.policyFor(storefrontSlug, null).supportFirstResponse();
		Instant due = calendars.forStorefront(storefrontSlug).plusWorkingTime(at, allowed);
		jdbc.sql("""
				INSERT INTO support_clocks (ticket_id, round, storefront_slug, allowed_ms, started_at, due_at, worked_ms,
				counting_since, status, version)
				VALUES (:ticket, :round, :slug, :allowed, :at, :due, 0, :at, 'RUNNING', 1)""")
			.param("ticket", ticketId)
			.param("round", newest.map(View::round).orElse(0) + 1)
			.param("slug", storefrontSlug)
			.param("allowed", allowed.toMillis())
			.param("at", at(at))
			.param("due", at(due))
			.update();
		return due;
	}

	/** The ticket waits on its reporter: counting stops. Empty when no clock runs. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> pause(long ticketId, Instant at) {
		return of(ticketId).filter(c -> c.status() == Status.RUNNING).flatMap(c -> change(c, """
				status = 'PAUSED', worked_ms = :worked, counting_since = NULL, paused_at = :at""",
				c.workedUntil(at, calendar(c)), at, null));
	}

	/** The reporter answered: counting resumes, and the due instant moves by the paused time. Empty when none was paused. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> resume(long ticketId, Instant at) {
		return of(ticketId).filter(c -> c.status() == Status.PAUSED).flatMap(c -> {
			Duration left = c.allowed().minus(c.worked());
			Instant due = left.isNegative() || left.isZero() ? c.dueAt() : calendar(c).plusWorkingTime(at, left);
			return change(c, "status = 'RUNNING', counting_since = :at, paused_at = NULL, due_at = :due", c.worked(), at, due);
		});
	}

	/** The agent's first response to the reporter: MET within the allowed time, else LATE. Empty when no clock ran. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> answered(long ticketId, long agentId, Instant at) {
		return of(ticketId).filter(c -> !c.status().isStopped()).flatMap(c -> {
			Duration worked = c.workedUntil(at, calendar(c));
			String outcome = worked.compareTo(c.allowed()) <= 0 ? "MET" : "LATE";
			return change(c, "status = '" + outcome + "', worked_ms = :worked, counting_since = NULL, stopped_at = :at, answered_by = "
					+ agentId, worked, at, null);
		});
	}

	/** Nobody waits any more (resolved without a first response): the clock stops as CANCELLED. Empty when none ran. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> cancel(long ticketId, Instant at) {
		return of(ticketId).filter(c -> !c.status().isStopped())
			.flatMap(c -> change(c, "status = 'CANCELLED', worked_ms = :worked, counting_since = NULL, stopped_at = :at",
					c.workedUntil(at, calendar(c)), at, null));
	}

	/** The ticket's newest clock. */
	public Optional<View> of(long ticketId) {
		return jdbc.sql("SELECT * FROM support_clocks WHERE ticket_id = :ticket ORDER BY round DESC")
			.param("ticket", ticketId)
			.query(SupportClocks::view)
			.stream()
			.findFirst();
	}

	WorkingCalendar calendar(View clock) {
		return calendars.forStorefront(clock.storefrontSlug());
	}

	private Optional<View> change(View read, String sets, Duration worked, Instant at, Instant due) {
		int changed = jdbc.sql("UPDATE support_clocks SET " + sets + ", version = version + 1 WHERE id = :id AND version = :version")
			.param("worked", worked.toMillis())
			.param("at", at(at))
			.param("due", at(due))
			.param("id", read.id())
			.param("version", read.version())
			.update();
		return changed == 1 ? of(read.ticketId()) : Optional.empty();
	}

	static View view(ResultSet rs, int n) throws SQLException {
		return new View(rs.getLong("id"), rs.getLong("ticket_id"), rs.getInt("round"), rs.getString("storefront_slug"),
				Status.valueOf(rs.getString("status")), Duration.ofMillis(rs.getLong("allowed_ms")), instant(rs, "started_at"),
				instant(rs, "due_at"), Duration.ofMillis(rs.getLong("worked_ms")), instant(rs, "counting_since"),
				instant(rs, "stopped_at"), (Long) rs.getObject("answered_by", Long.class), rs.getInt("reminded_percent"),
				instant(rs, "breached_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
