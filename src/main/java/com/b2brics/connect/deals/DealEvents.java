package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only log of every deal: one row per change, numbered 1, 2, 3 … within the deal, with
 * who acted, when, what and on which subject, and the facts of the change as JSON text (a column
 * that reads the same on H2 and PostgreSQL). Rows are never updated or deleted.
 * <p>
 * Appends of one deal are serialized by a lock on its {@code deal_rooms} row, so two instances
 * number them without gaps or clashes. An idempotency key (a button press's callback id, an
 * update's id) makes a repeated press or a redelivered update append nothing: {@link #append}
 * returns empty and the caller changes nothing else.
 */
@Service
public class DealEvents {

	/** Longest JSON payload stored: the facts are short and the long texts live in their own tables. */
	static final int MAX_PAYLOAD = 8000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher publisher;
	private final Clock clock;

	DealEvents(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** One stored change. */
	public record Event(String dealKey, int seq, Instant at, long actorId, DealEventType type, long subjectId,
			Map<String, Object> payload) {
	}

	/**
	 * Appends one change to the deal's log in the caller's transaction and publishes it; empty,
	 * with nothing stored, when the idempotency key was used before.
	 *
	 * @param idempotencyKey null when the change cannot repeat (the caller's conditional update decided it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<DealEventRecorded> append(String dealKey, long actorId, DealEventType type, long subjectId,
			Map<String, ?> payload, String idempotencyKey) {
		// the room's row is the deal's lock: appends of one deal are numbered one after the other
		DealRooms.lock(jdbc, dealKey);
		if (idempotencyKey != null && jdbc.sql("SELECT COUNT(*) FROM deal_events WHERE idempotency_key = :idem")
			.param("idem", idempotencyKey)
			.query(Long.class)
			.single() > 0) {
			return Optional.empty();
		}
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM deal_events WHERE deal_key = :key")
			.param("key", dealKey)
			.query(Integer.class)
			.single();
		String json = JSON.writeValueAsString(payload == null ? Map.of() : payload);
		if (json.length() > MAX_PAYLOAD) {
			throw new IllegalArgumentException("deal event payload of " + json.length() + " characters for " + dealKey);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO deal_events (deal_key, seq, at, actor_id, type, subject_id, payload, idempotency_key)
				VALUES (:key, :seq, :at, :actor, :type, :subject, :payload, :idem)""")
			.param("key", dealKey)
			.param("seq", seq)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", actorId)
			.param("type", type.name())
			.param("subject", subjectId)
			.param("payload", json)
			.param("idem", idempotencyKey)
			.update();
		DealEventRecorded recorded = new DealEventRecorded(dealKey, seq, now, actorId, type, subjectId);
		publisher.publishEvent(recorded);
		return Optional.of(recorded);
	}

	/**
	 * Appends a change of the deal made outside the deal room (a support ticket of the deal: the
	 * {@code SUPPORT_*} types only), so that the deal's timeline shows it. The room must exist
	 * ({@link DealRooms#in}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<DealEventRecorded> appendSupport(String dealKey, long actorId, DealEventType type, long ticketId,
			Map<String, ?> payload, String idempotencyKey) {
		if (!type.name().startsWith("SUPPORT_")) {
			throw new IllegalArgumentException("only support's events are appended from outside the deal room: " + type);
		}
		return append(dealKey, actorId, type, ticketId, payload, idempotencyKey);
	}

	/** The deal's whole log, in order: the timeline. */
	public List<Event> of(String dealKey) {
		return jdbc.sql("SELECT * FROM deal_events WHERE deal_key = :key ORDER BY seq")
			.param("key", dealKey)
			.query((rs, n) -> new Event(rs.getString("deal_key"), rs.getInt("seq"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("actor_id"),
					DealEventType.valueOf(rs.getString("type")), rs.getLong("subject_id"), parse(rs.getString("payload"))))
			.list();
	}

	private static Map<String, Object> parse(String json) {
		return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}
}
