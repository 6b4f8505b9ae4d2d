package com.b2brics.connect.support;

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
 * The append-only log of every ticket, as {@code deal_events} is of every deal: one row per change,
 * numbered 1, 2, 3 … within the ticket under a lock of the ticket's row, with who acted, when, what,
 * and the facts as JSON text. An idempotency key (a button's callback id, an update's id) makes a
 * repeated press or a redelivered update append nothing: {@link #append} returns empty and the
 * caller changes nothing else.
 */
@Service
public class SupportEvents {

	static final int MAX_PAYLOAD = 8000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher publisher;
	private final Clock clock;

	SupportEvents(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** One stored change. */
	public record Event(long ticketId, int seq, Instant at, long actorId, TicketEventType type, Map<String, Object> payload) {
	}

	/**
	 * Appends one change to the ticket's log in the caller's transaction and publishes it; empty, with
	 * nothing stored, when the idempotency key was used before.
	 *
	 * @param idempotencyKey null when the change cannot repeat (the caller's conditional update decided it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<TicketEventRecorded> append(long ticketId, long actorId, TicketEventType type, Map<String, ?> payload,
			String idempotencyKey) {
		Tickets.lock(jdbc, ticketId);
		if (idempotencyKey != null && seen(idempotencyKey)) {
			return Optional.empty();
		}
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM support_events WHERE ticket_id = :ticket")
			.param("ticket", ticketId)
			.query(Integer.class)
			.single();
		String json = JSON.writeValueAsString(payload == null ? Map.of() : payload);
		if (json.length() > MAX_PAYLOAD) {
			throw new IllegalArgumentException("ticket event payload of " + json.length() + " characters for " + ticketId);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO support_events (ticket_id, seq, at, actor_id, type, payload, idempotency_key)
				VALUES (:ticket, :seq, :at, :actor, :type, :payload, :idem)""")
			.param("ticket", ticketId)
			.param("seq", seq)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", actorId)
			.param("type", type.name())
			.param("payload", json)
			.param("idem", idempotencyKey)
			.update();
		TicketEventRecorded recorded = new TicketEventRecorded(ticketId, seq, now, actorId, type);
		publisher.publishEvent(recorded);
		return Optional.of(recorded);
	}

	/** Whether a change with this idempotency key was stored already (a redelivered update, a repeated press). */
	public boolean seen(String idempotencyKey) {
		return jdbc.sql("SELECT COUNT(*) FROM support_events WHERE idempotency_key = :idem")
			.param("idem", idempotencyKey)
			.query(Long.class)
			.single() > 0;
	}

	/** The ticket's whole log, in order. */
	public List<Event> of(long ticketId) {
		return jdbc.sql("SELECT * FROM support_events WHERE ticket_id = :ticket ORDER BY seq")
			.param("ticket", ticketId)
			.query((rs, n) -> new Event(rs.getLong("ticket_id"), rs.getInt("seq"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("actor_id"),
					TicketEventType.valueOf(rs.getString("type")), parse(rs.getString("payload"))))
			.list();
	}

	private static Map<String, Object> parse(String json) {
		return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}
}
