package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.b2brics.connect.groups.WorkingGroupMigrated;
import com.b2brics.connect.telegram.DealChats;

/**
 * Finds the deal room of a group: the deal the group serves now (asked of every
 * {@link DealChats}), with its row in {@code deal_rooms} made on first use (the log's first event,
 * {@code ROOM_OPENED}). A group that serves no open deal has no room; a group handed to another
 * deal later has that deal's room, and the earlier room keeps its log.
 */
@Service
public class DealRooms {

	private final ObjectProvider<DealChats> dealChats;
	private final JdbcClient jdbc;
	private final DealEvents events;
	private final Clock clock;

	DealRooms(ObjectProvider<DealChats> dealChats, JdbcClient jdbc, DealEvents events, Clock clock) {
		this.dealChats = dealChats;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The room of the open deal the group serves if it was made already (nothing is made here). */
	public Optional<DealRoom> existing(long chatId) {
		return roles(chatId).filter(roles -> jdbc.sql("SELECT COUNT(*) FROM deal_rooms WHERE deal_key = :key")
			.param("key", roles.dealKey())
			.query(Long.class)
			.single() > 0).map(roles -> new DealRoom(roles.dealKey(), chatId, roles));
	}

	/** Whether the group serves an open deal now (its room may not be made yet); reads only. */
	public boolean serves(long chatId) {
		return roles(chatId).isPresent();
	}

	private Optional<DealChats.DealRoles> roles(long chatId) {
		return dealChats.orderedStream().map(chats -> chats.dealIn(chatId)).flatMap(Optional::stream).findFirst();
	}

	/** The room of the open deal the group serves, made if it is the first time; empty when there is none. */
	public Optional<DealRoom> in(long chatId) {
		Optional<DealChats.DealRoles> roles = roles(chatId);
		if (roles.isEmpty()) {
			return Optional.empty();
		}
		String key = roles.get().dealKey();
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int made = jdbc.sql("""
				INSERT INTO deal_rooms (deal_key, chat_id, created_at, updated_at) VALUES (:key, :chat, :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("key", key)
			.param("chat", chatId)
			.param("now", now)
			.update();
		if (made == 1) {
			events.append(key, 0, DealEventType.ROOM_OPENED, 0, Map.of("chat", chatId), null);
		}
		else {
			jdbc.sql("UPDATE deal_rooms SET chat_id = :chat, updated_at = :now WHERE deal_key = :key AND chat_id <> :chat")
				.param("key", key)
				.param("chat", chatId)
				.param("now", now)
				.update();
		}
		return Optional.of(new DealRoom(key, chatId, roles.get()));
	}

	/**
	 * Locks the deal's room row until the caller's transaction ends: the one lock every writer of the
	 * deal takes (the log's numbering, stages, documents, agreements, blockers), so that two
	 * instances change one deal one after the other.
	 */
	static void lock(JdbcClient jdbc, String dealKey) {
		jdbc.sql("SELECT deal_key FROM deal_rooms WHERE deal_key = :key FOR UPDATE").param("key", dealKey).query(String.class).single();
	}

	/** The outbox id of the room's card message, once it was posted. */
	Optional<Long> cardOf(String dealKey) {
		return jdbc.sql("SELECT card_outbox_id FROM deal_rooms WHERE deal_key = :key")
			.param("key", dealKey)
			.query((rs, n) -> (Long) rs.getObject("card_outbox_id", Long.class))
			.optional()
			.filter(id -> id != null);
	}

	void cardPosted(String dealKey, long outboxId) {
		jdbc.sql("UPDATE deal_rooms SET card_outbox_id = :card WHERE deal_key = :key")
			.param("key", dealKey)
			.param("card", outboxId)
			.update();
	}

	/** A group that became a supergroup took its deal along; the card stayed behind in the old chat. */
	@EventListener
	void on(WorkingGroupMigrated migrated) {
		jdbc.sql("UPDATE deal_rooms SET chat_id = :to, card_outbox_id = NULL WHERE chat_id = :from")
			.param("from", migrated.fromChatId())
			.param("to", migrated.toChatId())
			.update();
	}
}
