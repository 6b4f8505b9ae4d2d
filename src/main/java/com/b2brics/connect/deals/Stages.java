package com.b2brics.connect.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stages of deals. Changes are stored only if the row is still in the state and version it was
 * read in ({@link #save}); writers of one deal first take its room's lock ({@link #lockRoom}), the
 * lock its event log is appended under, so a stage's number and its events follow one order.
 */
@Repository
class Stages {

	private final JdbcClient jdbc;

	Stages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Locks the deal's room row until the transaction ends (the lock {@link DealEvents#append} takes too). */
	void lockRoom(String dealKey) {
		DealRooms.lock(jdbc, dealKey);
	}

	/** Whether an event with this idempotency key was stored: the update or press was handled before. */
	boolean seen(String idempotencyKey) {
		return idempotencyKey != null && jdbc.sql("SELECT COUNT(*) FROM deal_events WHERE idempotency_key = :idem")
			.param("idem", idempotencyKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Stores a proposed stage with the deal's next number; call under {@link #lockRoom}. */
	Stage create(Stage proposed, Instant now) {
		int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM stages WHERE deal_key = :key")
			.param("key", proposed.dealKey())
			.query(Integer.class)
			.single();
		Stage.Terms t = proposed.terms();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO stages (deal_key, number, title, works, results, response_due, delivery_due, amount_minor, currency,
				                    payment_model, pays_for, reporting, acceptance, status, version, proposed_by, created_at, updated_at)
				VALUES (:key, :number, :title, :works, :results, :response, :delivery, :amount, :currency, :model, :paysFor,
				        :reporting, :acceptance, :status, :version, :by, :now, :now)""")
			.param("key", proposed.dealKey())
			.param("number", number)
			.param("title", t.title())
			.param("works", t.works())
			.param("results", t.results())
			.param("response", t.responseDue())
			.param("delivery", t.deliveryDue())
			.param("amount", t.amountMinor())
			.param("currency", t.currency())
			.param("model", t.model().name())
			.param("paysFor", t.paysFor())
			.param("reporting", t.reporting())
			.param("acceptance", t.acceptance())
			.param("status", proposed.status().name())
			.param("version", proposed.version())
			.param("by", proposed.proposedBy())
			.param("now", utc(now))
			.update(keys, "id");
		return byId(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	/** Stores the changed stage; false, changing nothing, if the row moved on since {@code was} was read. */
	boolean save(Stage was, Stage changed, Instant now) {
		Stage.Terms t = changed.terms();
		return jdbc.sql("""
				UPDATE stages SET title = :title, works = :works, results = :results, response_due = :response,
				       delivery_due = :delivery, amount_minor = :amount, currency = :currency, payment_model = :model,
				       pays_for = :paysFor, reporting = :reporting, acceptance = :acceptance, status = :status, version = :version,
				       confirmed_by = :confirmedBy, confirmed_version = :confirmedVersion, ready_at = :readyAt, remind_at = :remindAt,
				       review_due_at = :dueAt, reminded_at = :remindedAt, change_reason = :reason, accepted_by = :acceptedBy,
				       updated_at = :now
				WHERE id = :id AND status = :was AND version = :wasVersion""")
			.param("title", t.title())
			.param("works", t.works())
			.param("results", t.results())
			.param("response", t.responseDue())
			.param("delivery", t.deliveryDue())
			.param("amount", t.amountMinor())
			.param("currency", t.currency())
			.param("model", t.model().name())
			.param("paysFor", t.paysFor())
			.param("reporting", t.reporting())
			.param("acceptance", t.acceptance())
			.param("status", changed.status().name())
			.param("version", changed.version())
			.param("confirmedBy", changed.confirmedBy())
			.param("confirmedVersion", changed.confirmedVersion())
			.param("readyAt", utc(changed.readyAt()))
			.param("remindAt", utc(changed.remindAt()))
			.param("dueAt", utc(changed.reviewDueAt()))
			.param("remindedAt", utc(changed.remindedAt()))
			.param("reason", changed.changeReason())
			.param("acceptedBy", changed.acceptedBy())
			.param("now", utc(now))
			.param("id", was.id())
			.param("was", was.status().name())
			.param("wasVersion", was.version())
			.update() == 1;
	}

	Optional<Stage> byId(long id) {
		return jdbc.sql("SELECT * FROM stages WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	Optional<Stage> byNumber(String dealKey, int number) {
		return jdbc.sql("SELECT * FROM stages WHERE deal_key = :key AND number = :number")
			.param("key", dealKey)
			.param("number", number)
			.query((rs, n) -> map(rs))
			.optional();
	}

	List<Stage> ofDeal(String dealKey) {
		return jdbc.sql("SELECT * FROM stages WHERE deal_key = :key ORDER BY number")
			.param("key", dealKey)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The stage's newest message in the group (its card with Confirm). */
	void cardPosted(long stageId, long outboxId) {
		jdbc.sql("UPDATE stages SET card_outbox_id = :card WHERE id = :id").param("card", outboxId).param("id", stageId).update();
	}

	Optional<Long> cardOf(long stageId) {
		return jdbc.sql("SELECT card_outbox_id FROM stages WHERE id = :id")
			.param("id", stageId)
			.query((rs, n) -> (Long) rs.getObject("card_outbox_id", Long.class))
			.optional()
			.filter(id -> id != null);
	}

	/** READY stages whose reminder is due and not sent. */
	List<Long> remindersDue(Instant now) {
		return jdbc.sql("SELECT id FROM stages WHERE status = 'READY' AND reminded_at IS NULL AND remind_at <= :now ORDER BY id")
			.param("now", utc(now))
			.query(Long.class)
			.list();
	}

	/** READY stages whose review window has passed. */
	List<Long> reviewsPassed(Instant now) {
		return jdbc.sql("SELECT id FROM stages WHERE status = 'READY' AND review_due_at <= :now ORDER BY id")
			.param("now", utc(now))
			.query(Long.class)
			.list();
	}

	/** The group the deal's room is in now. */
	Optional<Long> chatOf(String dealKey) {
		return jdbc.sql("SELECT chat_id FROM deal_rooms WHERE deal_key = :key").param("key", dealKey).query(Long.class).optional();
	}

	private static Stage map(ResultSet rs) throws SQLException {
		Stage.Terms terms = new Stage.Terms(rs.getString("title"), rs.getString("works"), rs.getString("results"),
				rs.getObject("response_due", LocalDate.class), rs.getObject("delivery_due", LocalDate.class),
				rs.getLong("amount_minor"), rs.getString("currency"), Stage.PaymentModel.valueOf(rs.getString("payment_model")),
				rs.getString("pays_for"), rs.getString("reporting"), rs.getString("acceptance"));
		return new Stage(rs.getLong("id"), rs.getString("deal_key"), rs.getInt("number"), terms,
				Stage.Status.valueOf(rs.getString("status")), rs.getInt("version"), rs.getLong("proposed_by"),
				(Long) rs.getObject("confirmed_by", Long.class), (Integer) rs.getObject("confirmed_version", Integer.class),
				instant(rs, "ready_at"), instant(rs, "remind_at"), instant(rs, "review_due_at"), instant(rs, "reminded_at"),
				rs.getString("change_reason"), (Long) rs.getObject("accepted_by", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
