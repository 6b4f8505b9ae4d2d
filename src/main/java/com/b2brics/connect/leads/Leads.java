package com.b2brics.connect.leads;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Leads; at most one open lead per importer and service, which the database guards. */
@Repository
class Leads {

	private final JdbcClient jdbc;

	Leads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String openKey(long importerId, long serviceId) {
		return importerId + ":" + serviceId;
	}

	Optional<Lead> openFor(long importerId, long serviceId) {
		return jdbc.sql("SELECT * FROM leads WHERE open_key = :key")
			.param("key", openKey(importerId, serviceId))
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The new lead, or empty when an open one for this importer and service exists already. */
	Optional<Lead> create(long serviceId, long partnerId, String storefrontSlug, long importerId, long clickId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		// ON CONFLICT, not a caught duplicate-key error: on PostgreSQL a failed statement would abort
		// the whole transaction of the update being handled
		int inserted = jdbc.sql("""
				INSERT INTO leads (service_id, partner_id, storefront_slug, importer_id, click_id, status, open_key, created_at, queued_at)
				VALUES (:service, :partner, :storefront, :importer, :click, 'WAITING_FOR_GROUP', :key, :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("service", serviceId)
			.param("partner", partnerId)
			.param("storefront", storefrontSlug)
			.param("importer", importerId)
			.param("click", clickId)
			.param("key", openKey(importerId, serviceId))
			.param("now", Clicks.utc(now))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		return Optional.of(new Lead(keys.getKeyAs(Number.class).longValue(), serviceId, partnerId, storefrontSlug,
				importerId, clickId, Lead.Status.WAITING_FOR_GROUP, now, null, null));
	}

	/**
	 * The waiting lead gets the group ({@link Lead#open}); false, changing nothing, if it is not
	 * waiting for one (any more).
	 */
	boolean open(long leadId, long chatId, Instant now) {
		Lead lead = byId(leadId);
		try {
			return saveOpened(lead, lead.open(now), chatId);
		}
		catch (Lead.IllegalTransition refused) {
			return false;
		}
	}

	/** Stores {@link Lead#open} with the group, the inactivity countdown starting afresh. */
	boolean saveOpened(Lead was, Lead opened, long chatId) {
		return jdbc.sql("""
				UPDATE leads SET status = :status, chat_id = :chat, last_activity_at = :at, group_at = :at,
				                 importer_joined_at = NULL, inactivity_warned_at = NULL
				WHERE id = :id AND status = :was""")
			.param("status", opened.status().name())
			.param("chat", chatId)
			.param("at", Clicks.utc(opened.groupAt()))
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/** The open lead served in this group. */
	Optional<Lead> openInChat(long chatId) {
		return jdbc.sql("SELECT * FROM leads WHERE chat_id = :chat AND status = 'OPEN'")
			.param("chat", chatId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The groups of the open leads where the person is the importer or on the partner's team (null: on none), bounded. */
	java.util.List<Long> openChatsOf(long userId, Long partnerId, int limit) {
		return jdbc.sql("""
				SELECT chat_id FROM leads WHERE status = 'OPEN' AND chat_id IS NOT NULL
				AND (importer_id = :user OR partner_id = :partner) ORDER BY id""")
			.param("user", userId)
			.param("partner", partnerId == null ? -1L : partnerId)
			.query(Long.class)
			.stream()
			.limit(limit)
			.toList();
	}

	/** Someone wrote in the lead's group: the inactivity countdown starts again. */
	void touch(long chatId, Instant now) {
		jdbc.sql("""
				UPDATE leads SET last_activity_at = :now, inactivity_warned_at = NULL
				WHERE chat_id = :chat AND status = 'OPEN'""")
			.param("now", Clicks.utc(now))
			.param("chat", chatId)
			.update();
	}

	/** Stores {@link Lead#close} (the importer may then start a new one for the service); false if it moved on meanwhile. */
	boolean saveClosed(Lead was, Lead closed, Long by, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE leads SET status = :status, open_key = NULL, closed_at = :now, closed_by = :by, close_reason = :reason
				WHERE id = :id AND status = :was""")
			.param("status", closed.status().name())
			.param("now", Clicks.utc(now))
			.param("by", by)
			.param("reason", reason)
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/** Open leads whose group has been quiet since before the instant. */
	java.util.List<Long> quietSince(Instant before, boolean onlyUnwarned) {
		return jdbc.sql("SELECT id FROM leads WHERE status = 'OPEN' AND COALESCE(last_activity_at, created_at) < :before"
				+ (onlyUnwarned ? " AND inactivity_warned_at IS NULL" : "") + " ORDER BY id")
			.param("before", Clicks.utc(before))
			.query(Long.class)
			.list();
	}

	/** True for the one caller that marks the lead warned. */
	boolean markWarned(long leadId, Instant now) {
		return jdbc.sql("UPDATE leads SET inactivity_warned_at = :now WHERE id = :id AND status = 'OPEN' AND inactivity_warned_at IS NULL")
			.param("now", Clicks.utc(now))
			.param("id", leadId)
			.update() == 1;
	}

	/** The group became a supergroup with a new id: the lead follows it. */
	void migrateChat(long fromChatId, long toChatId) {
		jdbc.sql("UPDATE leads SET chat_id = :to WHERE chat_id = :from")
			.param("to", toChatId)
			.param("from", fromChatId)
			.update();
	}

	Lead byId(long leadId) {
		return jdbc.sql("SELECT * FROM leads WHERE id = :id").param("id", leadId).query((rs, n) -> map(rs)).single();
	}

	Optional<Lead> byIdIfPresent(long leadId) {
		return jdbc.sql("SELECT * FROM leads WHERE id = :id").param("id", leadId).query((rs, n) -> map(rs)).optional();
	}

	/** Stores {@link Lead#importerEntered}; false for every caller but the first. */
	boolean saveImporterEntered(Lead was, Lead entered) {
		return jdbc.sql("""
				UPDATE leads SET importer_joined_at = :at
				WHERE id = :id AND status = :was AND importer_joined_at IS NULL""")
			.param("at", Clicks.utc(entered.importerJoinedAt()))
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/** Leads of the person that wait for a group or hold one they have not entered ({@link Lead#unused}). */
	int unusedOf(long importerId) {
		// open_key is set until the lead is closed
		return (int) jdbc.sql("SELECT * FROM leads WHERE importer_id = :importer AND open_key IS NOT NULL")
			.param("importer", importerId)
			.query((rs, n) -> map(rs))
			.stream()
			.filter(Lead::unused)
			.count();
	}

	/**
	 * Stores {@link Lead#giveGroupBack} (nothing else changes: the same lead, click and referral);
	 * false if it was not in that group, in the state it was read in, any more.
	 */
	boolean saveGroupGivenBack(Lead was, Lead waiting, long chatId) {
		return jdbc.sql("""
				UPDATE leads SET status = :status, chat_id = NULL, group_at = NULL, importer_joined_at = NULL
				WHERE id = :id AND chat_id = :chat AND status = :was""")
			.param("status", waiting.status().name())
			.param("id", was.id())
			.param("chat", chatId)
			.param("was", was.status().name())
			.update() == 1;
	}

	/** Stores {@link Lead#requeue}: at the end of the queue; false if it moved on meanwhile. */
	boolean saveRequeued(Lead was, Lead queued, Instant now) {
		return jdbc.sql("UPDATE leads SET status = :status, queued_at = :now WHERE id = :id AND status = :was")
			.param("status", queued.status().name())
			.param("now", Clicks.utc(now))
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	Optional<Long> chatOf(long leadId) {
		return jdbc.sql("SELECT chat_id FROM leads WHERE id = :id AND chat_id IS NOT NULL")
			.param("id", leadId)
			.query(Long.class)
			.optional();
	}

	private static Lead map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Lead(rs.getLong("id"), rs.getLong("service_id"), rs.getLong("partner_id"), rs.getString("storefront_slug"),
				rs.getLong("importer_id"), rs.getLong("click_id"), Lead.Status.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "group_at"),
				instant(rs, "importer_joined_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
