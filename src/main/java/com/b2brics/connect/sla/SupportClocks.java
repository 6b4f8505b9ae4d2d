package com.b2brics.connect.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
	 * @param pausedAt since when it waits on the reporter; null unless paused
	 */
	public record View(long id, long ticketId, int round, String storefrontSlug, Status status, Duration allowed,
			Instant startedAt, Instant dueAt, Duration worked, Instant countingSince, Instant stoppedAt, Long answeredBy,
			int remindedPercent, Instant breachedAt, int version, Instant pausedAt) {

		/** Working time counted up to the instant. */
		public Duration workedUntil(Instant now, WorkingCalendar calendar) {
			return countingSince == null ? worked : worked.plus(calendar.workingTimeBetween(countingSince, now));
		}

		/** The ticket's number as people see it (T-000123). */
		public String ticketNumber() {
			return String.format("T-%06d", ticketId);
		}

		/** Waits on the reporter from the instant: what was counted is kept, counting stops. */
		View pausedAt(Instant at, WorkingCalendar calendar) {
			return next(Status.PAUSED, workedUntil(at, calendar), null, at, dueAt, null, null);
		}

		/** The reporter answered at the instant: counting resumes, and the due instant moves by the paused time. */
		View resumedAt(Instant at, WorkingCalendar calendar) {
			return next(Status.RUNNING, worked, at, null, dueOnResume(at, calendar), null, null);
		}

		/** The first response at the instant: MET by the due instant, else LATE. */
		View answeredAt(long agentId, Instant at, WorkingCalendar calendar) {
			return next(isLateAt(at) ? Status.LATE : Status.MET, workedUntil(at, calendar), null, null, dueAt, at, agentId);
		}

		/** Nobody waits any more. */
		View cancelledAt(Instant at, WorkingCalendar calendar) {
			return next(Status.CANCELLED, workedUntil(at, calendar), null, null, dueAt, at, null);
		}

		private View next(Status status, Duration worked, Instant countingSince, Instant pausedAt, Instant dueAt, Instant stoppedAt,
				Long answeredBy) {
			return new View(id, ticketId, round, storefrontSlug, status, allowed, startedAt, dueAt, worked, countingSince, stoppedAt,
					answeredBy, remindedPercent, breachedAt, version + 1, pausedAt);
		}

		/**
		 * An answer at the instant would be late: counting (which stopped at the pause, if paused)
		 * went past the due instant. By the instant rather than by the working time counted: an
		 * answer in the evening after a due instant at the end of the working day counts no more
		 * working time than was allowed, yet the promise was broken (and the breach told).
		 */
		boolean isLateAt(Instant at) {
			Instant counted = status == Status.PAUSED && pausedAt != null ? pausedAt : at;
			return counted.isAfter(dueAt);
		}

		/** It still counts past its due instant and nobody was told yet (a paused clock never breaches). */
		boolean isOverdue(Instant now) {
			return status == Status.RUNNING && breachedAt == null && now.isAfter(dueAt);
		}

		/**
		 * When the reporter answers at the instant: the due instant, moved by the paused time (the
		 * working time left counts from the answer); unchanged when the allowed time was used up.
		 */
		Instant dueOnResume(Instant at, WorkingCalendar calendar) {
			Duration left = allowed.minus(worked);
			return left.isNegative() || left.isZero() ? dueAt : calendar.plusWorkingTime(at, left);
		}

		/**
		 * When a running clock reaches the reminder point (a share of the allowed time): at the next
		 * working instant after that much working time was counted, so never outside working hours;
		 * null unless running.
		 */
		Instant reminderAt(int percent, WorkingCalendar calendar) {
			if (status != Status.RUNNING || countingSince == null) {
				return null;
			}
			Duration point = allowed.multipliedBy(percent).dividedBy(100).minus(worked);
			return calendar.nextWorkingInstant(calendar.plusWorkingTime(countingSince, point.isNegative() ? Duration.ZERO : point));
		}

		/**
		 * The highest reminder point not told yet that the instant has reached (points passed
		 * together are told once, as the highest); 0 when none, or when the clock is overdue (its
		 * breach is told instead) or does not count.
		 */
		int reminderDue(List<Integer> points, Instant now, WorkingCalendar calendar) {
			if (status != Status.RUNNING || breachedAt != null || isOverdue(now)) {
				return 0;
			}
			int due = 0;
			for (int percent : points) {
				if (percent > remindedPercent && percent > due) {
					Instant at = reminderAt(percent, calendar);
					if (at != null && !now.isBefore(at)) {
						due = percent;
					}
				}
			}
			return due;
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
		return of(ticketId).filter(c -> c.status() == Status.RUNNING).flatMap(c -> save(c, c.pausedAt(at, calendar(c))));
	}

	/** The reporter answered: counting resumes, and the due instant moves by the paused time. Empty when none was paused. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> resume(long ticketId, Instant at) {
		return of(ticketId).filter(c -> c.status() == Status.PAUSED).flatMap(c -> save(c, c.resumedAt(at, calendar(c))));
	}

	/**
	 * The agent's first response to the reporter: MET by the due instant, else LATE (see
	 * {@link View#isLateAt}). Empty when no clock ran.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> answered(long ticketId, long agentId, Instant at) {
		return of(ticketId).filter(c -> !c.status().isStopped()).flatMap(c -> save(c, c.answeredAt(agentId, at, calendar(c))));
	}

	/** Nobody waits any more (resolved without a first response): the clock stops as CANCELLED. Empty when none ran. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<View> cancel(long ticketId, Instant at) {
		return of(ticketId).filter(c -> !c.status().isStopped()).flatMap(c -> save(c, c.cancelledAt(at, calendar(c))));
	}

	/** The ticket's newest clock. */
	public Optional<View> of(long ticketId) {
		return jdbc.sql("SELECT * FROM support_clocks WHERE ticket_id = :ticket ORDER BY round DESC")
			.param("ticket", ticketId)
			.query(SupportClocks::view)
			.stream()
			.findFirst();
	}

	/** Running clocks not breached yet, the nearest due first, bounded: what the check looks at. */
	List<View> counting(int limit) {
		return jdbc.sql("SELECT * FROM support_clocks WHERE status = 'RUNNING' AND breached_at IS NULL ORDER BY due_at, id LIMIT :limit")
			.param("limit", limit)
			.query(SupportClocks::view)
			.list();
	}

	Optional<View> byId(long id) {
		return jdbc.sql("SELECT * FROM support_clocks WHERE id = :id").param("id", id).query(SupportClocks::view).optional();
	}

	/**
	 * Marks the reminder point told if the clock is as read and no such point was told; true for the
	 * one caller that marked it. The check's marks leave the version alone: they change nothing the
	 * ticket's own changes (pause, resume, answer) read or write.
	 */
	boolean markReminded(View read, int percent) {
		return jdbc.sql("""
				UPDATE support_clocks SET reminded_percent = :percent
				WHERE id = :id AND version = :version AND status = 'RUNNING' AND reminded_percent < :percent""")
			.param("percent", percent)
			.param("id", read.id())
			.param("version", read.version())
			.update() == 1;
	}

	/** Marks the clock breached if it is as read and was not; true for the one caller that marked it. */
	boolean markBreached(View read, Instant at) {
		return jdbc.sql("""
				UPDATE support_clocks SET breached_at = :at
				WHERE id = :id AND version = :version AND status = 'RUNNING' AND breached_at IS NULL""")
			.param("at", at(at))
			.param("id", read.id())
			.param("version", read.version())
			.update() == 1;
	}

	/** The newest clocks first, bounded: the admins' page. */
	List<View> recent(int limit) {
		return jdbc.sql("SELECT * FROM support_clocks ORDER BY started_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query(SupportClocks::view)
			.list();
	}

	WorkingCalendar calendar(View clock) {
		return calendars.forStorefront(clock.storefrontSlug());
	}

	/** Stores the clock's next state if it is still as read (same version); the stored clock, or empty if it changed. */
	private Optional<View> save(View read, View next) {
		int changed = jdbc.sql("""
				UPDATE support_clocks SET status = :status, worked_ms = :worked, counting_since = :since, paused_at = :paused,
				       due_at = :due, stopped_at = :stopped, answered_by = :by, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", next.status().name())
			.param("worked", next.worked().toMillis())
			.param("since", at(next.countingSince()))
			.param("paused", at(next.pausedAt()))
			.param("due", at(next.dueAt()))
			.param("stopped", at(next.stoppedAt()))
			.param("by", next.answeredBy())
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
				instant(rs, "breached_at"), rs.getInt("version"), instant(rs, "paused_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
