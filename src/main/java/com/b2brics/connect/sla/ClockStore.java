package com.b2brics.connect.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SLA's deals, clocks, reminders and clock events. Every change is a conditional update, so instances never double-count. */
@Repository
class ClockStore {

	enum Kind {
		FIRST_RESPONSE, NEXT_RESPONSE
	}

	record Deal(long leadId, long chatId, long partnerId, long serviceId, String storefrontSlug, long importerId) {
	}

	/**
	 * A response clock. It runs until the partner's team answers (MET or LATE) or the deal stops
	 * waiting for an answer (CANCELLED), and may be paused while it runs ({@link Status#next()}).
	 * Each change is a method that refuses a clock in the wrong state ({@link IllegalTransition});
	 * the store keeps it only if the clock still runs, so of two instances one wins.
	 *
	 * @param worked working time counted before {@code countingSince} (pauses excluded)
	 * @param countingSince since when the clock counts again (the start, or the end of the last pause)
	 * @param pausedUntil the time the partner named with /eta, if any
	 * @param partnerHours the partner's own hours when the clock started; null: the storefront's calendar
	 * @param breachedAt when the managers were told it ran past its due instant; null if not (yet)
	 */
	record Clock(long id, long leadId, Kind kind, Duration allowed, Instant startedAt, Instant dueAt, Duration worked,
			Instant countingSince, Instant pausedUntil, PartnerHours partnerHours, Status status, Instant breachedAt) {

		/** RUNNING, or how it stopped (stored as the outcome). */
		enum Status {
			RUNNING, MET, LATE, CANCELLED;

			/** The states a clock in this one may move to: the whole transition table of a clock. */
			Set<Status> next() {
				return this == RUNNING ? EnumSet.of(MET, LATE, CANCELLED) : EnumSet.noneOf(Status.class);
			}

			boolean canMoveTo(Status target) {
				return next().contains(target);
			}
		}

		/** How a clock stopped: the outcome, the working time it counted, by whom and when. */
		record Stop(Status outcome, Duration working, Long by, Instant at) {
		}

		/** Working time counted up to the instant, pauses excluded. */
		Duration workedUntil(Instant now, WorkingCalendar calendar) {
			return worked.plus(calendar.workingTimeBetween(countingSince, now));
		}

		/** A member of the partner's team answered: MET within the allowed working time, else LATE. */
		Stop answer(long by, Instant now, WorkingCalendar calendar) {
			Duration working = workedUntil(now, calendar);
			return stop(working.compareTo(allowed) <= 0 ? Status.MET : Status.LATE, working, by, now);
		}

		/** Nobody waits for an answer any more (the lead closed, or its group went back to the pool). */
		Stop cancel(Instant now, WorkingCalendar calendar) {
			return stop(Status.CANCELLED, workedUntil(now, calendar), null, now);
		}

		/**
		 * Paused until the named time: what was counted so far is kept, counting resumes then, and the
		 * due instant moves by as much (unless the allowed time is used up already).
		 */
		Clock pause(Instant until, Instant now, WorkingCalendar calendar) {
			if (status != Status.RUNNING) {
				throw new IllegalTransition("clock " + id + " cannot pause while " + status);
			}
			if (!until.isAfter(now)) {
				throw new IllegalTransition("clock " + id + " cannot pause until " + until + ", which is not after " + now);
			}
			Duration counted = workedUntil(now, calendar);
			Duration left = allowed.minus(counted);
			Instant due = left.isNegative() || left.isZero() ? dueAt : calendar.plusWorkingTime(until, left);
			return new Clock(id, leadId, kind, allowed, startedAt, due, counted, until, until, partnerHours, status, breachedAt);
		}

		/** It still runs past its due instant and nobody was told yet. */
		boolean isOverdue(Instant now) {
			return status == Status.RUNNING && breachedAt == null && !now.isBefore(dueAt);
		}

		/** Breached: it ran past its due instant without an answer (told once; it keeps running until the answer). */
		Clock breach(Instant now) {
			if (!isOverdue(now)) {
				throw new IllegalTransition("clock " + id + " (" + status + ", due " + dueAt + ", breached " + breachedAt
						+ ") cannot be breached at " + now);
			}
			return new Clock(id, leadId, kind, allowed, startedAt, dueAt, worked, countingSince, pausedUntil, partnerHours,
					status, now);
		}

		private Stop stop(Status outcome, Duration working, Long by, Instant now) {
			if (!status.canMoveTo(outcome)) {
				throw new IllegalTransition("clock " + id + " cannot stop as " + outcome + " while " + status);
			}
			return new Stop(outcome, working, by, now);
		}
	}

	/** A change the state of a {@link Clock} does not allow; nothing was changed. */
	static final class IllegalTransition extends IllegalStateException {

		IllegalTransition(String message) {
			super(message);
		}
	}

	record DueReminder(long clockId, int percent, Instant dueAt) {
	}

	private final JdbcClient jdbc;

	ClockStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the lead's deal, or opens it again in its new group (the lead's group went back to the pool and it got another). */
	void addDeal(Deal deal) {
		if (jdbc.sql("UPDATE sla_deals SET chat_id = :chat, open = TRUE WHERE lead_id = :lead")
			.param("chat", deal.chatId())
			.param("lead", deal.leadId())
			.update() == 1) {
			return;
		}
		jdbc.sql("""
				INSERT INTO sla_deals (lead_id, chat_id, partner_id, service_id, storefront_slug, importer_id, open)
				VALUES (:lead, :chat, :partner, :service, :storefront, :importer, TRUE) ON CONFLICT DO NOTHING""")
			.param("lead", deal.leadId())
			.param("chat", deal.chatId())
			.param("partner", deal.partnerId())
			.param("service", deal.serviceId())
			.param("storefront", deal.storefrontSlug())
			.param("importer", deal.importerId())
			.update();
	}

	Optional<Deal> openDealInChat(long chatId) {
		return jdbc.sql("SELECT * FROM sla_deals WHERE chat_id = :chat AND open = TRUE")
			.param("chat", chatId)
			.query((rs, n) -> new Deal(rs.getLong("lead_id"), rs.getLong("chat_id"), rs.getLong("partner_id"),
					rs.getLong("service_id"), rs.getString("storefront_slug"), rs.getLong("importer_id")))
			.optional();
	}

	Optional<Deal> deal(long leadId) {
		return jdbc.sql("SELECT * FROM sla_deals WHERE lead_id = :lead")
			.param("lead", leadId)
			.query((rs, n) -> new Deal(rs.getLong("lead_id"), rs.getLong("chat_id"), rs.getLong("partner_id"),
					rs.getLong("service_id"), rs.getString("storefront_slug"), rs.getLong("importer_id")))
			.optional();
	}

	void closeDeal(long leadId) {
		jdbc.sql("UPDATE sla_deals SET open = FALSE WHERE lead_id = :lead").param("lead", leadId).update();
	}

	void migrate(long fromChatId, long toChatId) {
		jdbc.sql("UPDATE sla_deals SET chat_id = :to WHERE chat_id = :from").param("to", toChatId).param("from", fromChatId).update();
	}

	/**
	 * The new running clock, or empty when the lead has one running already. ON CONFLICT rather
	 * than catching the duplicate key: on PostgreSQL a failed statement aborts the caller's whole
	 * transaction (the update being handled), which H2 does not.
	 */
	Optional<Long> start(long leadId, Kind kind, Duration allowed, Instant now, Instant due, PartnerHours partnerHours) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO sla_clocks (lead_id, kind, allowed_ms, started_at, due_at, running_key, calendar_zone, calendar_hours)
				VALUES (:lead, :kind, :allowed, :now, :due, :lead, :zone, :hours) ON CONFLICT DO NOTHING""")
			.param("zone", partnerHours == null ? null : partnerHours.zone().getId())
			.param("hours", partnerHours == null ? null : partnerHours.stored())
			.param("lead", leadId)
			.param("kind", kind.name())
			.param("allowed", allowed.toMillis())
			.param("now", utc(now))
			.param("due", utc(due))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		return Optional.of(keys.getKeyAs(Number.class).longValue());
	}

	Optional<Clock> running(long leadId) {
		return jdbc.sql("SELECT * FROM sla_clocks WHERE running_key = :lead")
			.param("lead", leadId)
			.query((rs, n) -> clock(rs))
			.optional();
	}

	/** Stores {@link Clock#answer} or {@link Clock#cancel} if the clock still runs; true for the one caller that stopped it. */
	boolean saveStopped(Clock was, Clock.Stop stop) {
		return jdbc.sql("""
				UPDATE sla_clocks SET running_key = NULL, stopped_at = :now, stopped_by = :by, outcome = :outcome,
				       working_ms = :working
				WHERE id = :id AND running_key IS NOT NULL""")
			.param("now", utc(stop.at()))
			.param("by", stop.by())
			.param("outcome", stop.outcome().name())
			.param("working", stop.working().toMillis())
			.param("id", was.id())
			.update() == 1;
	}

	void addReminder(long clockId, int percent, Instant due) {
		jdbc.sql("INSERT INTO sla_reminders (clock_id, percent, due_at) VALUES (:clock, :percent, :due)")
			.param("clock", clockId)
			.param("percent", percent)
			.param("due", utc(due))
			.update();
	}

	/** Unsent reminders of running clocks that are due. */
	List<DueReminder> dueReminders(Instant now) {
		return jdbc.sql("""
				SELECT r.clock_id, r.percent, r.due_at FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
				WHERE r.sent_at IS NULL AND r.due_at <= :now AND c.running_key IS NOT NULL ORDER BY r.due_at""")
			.param("now", utc(now))
			.query((rs, n) -> new DueReminder(rs.getLong("clock_id"), rs.getInt("percent"),
					rs.getObject("due_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	boolean markReminderSent(long clockId, int percent, Instant now) {
		return jdbc.sql("UPDATE sla_reminders SET sent_at = :now WHERE clock_id = :clock AND percent = :percent AND sent_at IS NULL")
			.param("now", utc(now))
			.param("clock", clockId)
			.param("percent", percent)
			.update() == 1;
	}

	/** Running clocks past their due instant that are not marked breached yet. */
	List<Clock> newlyBreached(Instant now) {
		return jdbc.sql("SELECT * FROM sla_clocks WHERE running_key IS NOT NULL AND due_at <= :now AND breached_at IS NULL ORDER BY due_at")
			.param("now", utc(now))
			.query((rs, n) -> clock(rs))
			.list();
	}

	/** Stores {@link Clock#breach} if the clock still runs unbreached; true for the one caller that breached it. */
	boolean saveBreached(Clock was, Clock breached) {
		return jdbc.sql("UPDATE sla_clocks SET breached_at = :at WHERE id = :id AND running_key IS NOT NULL AND breached_at IS NULL")
			.param("at", utc(breached.breachedAt()))
			.param("id", was.id())
			.update() == 1;
	}

	Clock clock(long clockId) {
		return jdbc.sql("SELECT * FROM sla_clocks WHERE id = :id").param("id", clockId).query((rs, n) -> clock(rs)).single();
	}

	void event(long clockId, String type, Instant at, Long userId, String detail) {
		jdbc.sql("INSERT INTO sla_clock_events (clock_id, type, at, user_id, detail) VALUES (:clock, :type, :at, :user, :detail)")
			.param("clock", clockId)
			.param("type", type)
			.param("at", utc(at))
			.param("user", userId)
			.param("detail", detail)
			.update();
	}

	/** A clock as the admins' page lists it. */
	record Row(long clockId, long leadId, String storefrontSlug, long partnerId, Kind kind, Duration allowed, Instant startedAt,
			Instant dueAt, boolean running, String outcome, Duration working, Instant breachedAt) {
	}

	/** Running and breached clocks first, then the latest stopped ones. */
	List<Row> recent(int limit) {
		return jdbc.sql("""
				SELECT c.*, d.storefront_slug, d.partner_id FROM sla_clocks c JOIN sla_deals d ON d.lead_id = c.lead_id
				ORDER BY CASE WHEN c.running_key IS NOT NULL THEN 0 ELSE 1 END, c.breached_at DESC, c.id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> {
				OffsetDateTime breached = rs.getObject("breached_at", OffsetDateTime.class);
				long working = rs.getLong("working_ms");
				return new Row(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("storefront_slug"), rs.getLong("partner_id"),
						Kind.valueOf(rs.getString("kind")), Duration.ofMillis(rs.getLong("allowed_ms")),
						rs.getObject("started_at", OffsetDateTime.class).toInstant(),
						rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getObject("running_key") != null,
						rs.getString("outcome"), rs.wasNull() ? null : Duration.ofMillis(working),
						breached == null ? null : breached.toInstant());
			})
			.list();
	}

	private static Clock clock(ResultSet rs) throws SQLException {
		Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
		OffsetDateTime since = rs.getObject("counting_since", OffsetDateTime.class);
		OffsetDateTime paused = rs.getObject("paused_until", OffsetDateTime.class);
		OffsetDateTime breached = rs.getObject("breached_at", OffsetDateTime.class);
		return new Clock(rs.getLong("id"), rs.getLong("lead_id"), Kind.valueOf(rs.getString("kind")),
				Duration.ofMillis(rs.getLong("allowed_ms")), started, rs.getObject("due_at", OffsetDateTime.class).toInstant(),
				Duration.ofMillis(rs.getLong("worked_ms")), since == null ? started : since.toInstant(),
				paused == null ? null : paused.toInstant(), rs.getString("calendar_zone") == null ? null
						: PartnerHours.fromStored(rs.getString("calendar_zone"), rs.getString("calendar_hours")),
				rs.getObject("running_key") != null ? Clock.Status.RUNNING
						: rs.getString("outcome") == null ? Clock.Status.CANCELLED : Clock.Status.valueOf(rs.getString("outcome")),
				breached == null ? null : breached.toInstant());
	}

	/** Stores {@link Clock#pause} if the clock still runs; true if it did. */
	boolean savePaused(Clock was, Clock paused) {
		return jdbc.sql("""
				UPDATE sla_clocks SET worked_ms = :worked, counting_since = :until, paused_until = :until, due_at = :due,
				       eta_reminded_at = NULL
				WHERE id = :id AND running_key IS NOT NULL""")
			.param("worked", paused.worked().toMillis())
			.param("until", utc(paused.pausedUntil()))
			.param("due", utc(paused.dueAt()))
			.param("id", was.id())
			.update() == 1;
	}

	/** Unsent reminders of a clock, to move them after a pause. */
	List<Integer> unsentReminders(long clockId) {
		return jdbc.sql("SELECT percent FROM sla_reminders WHERE clock_id = :clock AND sent_at IS NULL ORDER BY percent")
			.param("clock", clockId)
			.query(Integer.class)
			.list();
	}

	void moveReminder(long clockId, int percent, Instant due) {
		jdbc.sql("UPDATE sla_reminders SET due_at = :due WHERE clock_id = :clock AND percent = :percent AND sent_at IS NULL")
			.param("due", utc(due))
			.param("clock", clockId)
			.param("percent", percent)
			.update();
	}

	/** Running clocks whose /eta time has passed and whose partner was not reminded of it yet. */
	List<Clock> etaPassed(Instant now) {
		return jdbc.sql("""
				SELECT * FROM sla_clocks WHERE running_key IS NOT NULL AND paused_until <= :now AND eta_reminded_at IS NULL
				ORDER BY paused_until""")
			.param("now", utc(now))
			.query((rs, n) -> clock(rs))
			.list();
	}

	boolean markEtaReminded(long clockId, Instant now) {
		return jdbc.sql("UPDATE sla_clocks SET eta_reminded_at = :now WHERE id = :id AND eta_reminded_at IS NULL")
			.param("now", utc(now))
			.param("id", clockId)
			.update() == 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
