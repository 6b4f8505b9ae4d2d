package com.b2brics.connect.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pool's one queue of holders waiting for a working group, of every kind, in the order they
 * asked (the row's sequence number), and the alert state of the shortage it stands for.
 */
@Repository
class GroupRequests {

	private final JdbcClient jdbc;

	GroupRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the queue's turn until the caller's transaction ends: one transaction at a time, on any
	 * instance, serves the queue or joins it (a conditional update of the pool's one state row), so
	 * the oldest request is always the one served and no request is left waiting beside a free group.
	 */
	void takeTurn() {
		jdbc.sql("UPDATE group_pool_state SET shortage_alerted = shortage_alerted WHERE id = 1").update();
	}

	/** Queues the holder at the end; false if it waits already (it keeps its place). */
	boolean add(GroupPool.Holder holder, Instant now) {
		return jdbc.sql("""
				INSERT INTO group_requests (holder_kind, holder_id, requested_at) VALUES (:kind, :holder, :now)
				ON CONFLICT DO NOTHING""")
			.param("kind", holder.kind())
			.param("holder", holder.id())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	boolean remove(GroupPool.Holder holder) {
		return jdbc.sql("DELETE FROM group_requests WHERE holder_kind = :kind AND holder_id = :holder")
			.param("kind", holder.kind())
			.param("holder", holder.id())
			.update() == 1;
	}

	boolean waits(GroupPool.Holder holder) {
		return jdbc.sql("SELECT COUNT(*) FROM group_requests WHERE holder_kind = :kind AND holder_id = :holder")
			.param("kind", holder.kind())
			.param("holder", holder.id())
			.query(Long.class)
			.single() > 0;
	}

	/** The waiting holders, longest waiting first, at most {@code limit}. */
	List<GroupPool.Holder> oldest(int limit) {
		return jdbc.sql("SELECT holder_kind, holder_id FROM group_requests ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new GroupPool.Holder(rs.getString("holder_kind"), rs.getLong("holder_id")))
			.list();
	}

	Optional<GroupPool.Holder> oldest() {
		return oldest(1).stream().findFirst();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM group_requests").query(Long.class).single();
	}

	/** True for the one caller that starts alerting a shortage, until {@link #shortageOver()}. */
	boolean shortageBegins() {
		return jdbc.sql("UPDATE group_pool_state SET shortage_alerted = TRUE WHERE id = 1 AND shortage_alerted = FALSE")
			.update() == 1;
	}

	/** Nobody waits any more: the next shortage is alerted again, in new messages. */
	void shortageOver() {
		if (jdbc.sql("UPDATE group_pool_state SET shortage_alerted = FALSE WHERE id = 1 AND shortage_alerted = TRUE")
			.update() == 1) {
			jdbc.sql("DELETE FROM group_shortage_alerts").update();
		}
	}

	/** The outbox id of the shortage alert each admin got, by admin. */
	Map<Long, Long> alerts() {
		return jdbc.sql("SELECT admin_id, outbox_id FROM group_shortage_alerts")
			.query((rs, n) -> Map.entry(rs.getLong("admin_id"), rs.getLong("outbox_id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void alerted(long adminId, long outboxId) {
		jdbc.sql("INSERT INTO group_shortage_alerts (admin_id, outbox_id) VALUES (:admin, :outbox) ON CONFLICT DO NOTHING")
			.param("admin", adminId)
			.param("outbox", outboxId)
			.update();
	}
}
