package com.b2brics.connect.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.accounts.Accounts;

/**
 * The groups that serve someone now, as the admins see them (who holds each, since when, whether
 * the importer entered), and taking one back. Only a lead's deal group can be taken back here:
 * the leads module then lets the lead wait for its importer (see {@link GroupTakenBack}).
 * Exporters' personal groups and referral chats have no way back yet, so they are shown but
 * not released.
 */
@Service
public class HeldGroups {

	private static final Logger log = LoggerFactory.getLogger(HeldGroups.class);

	private final JdbcClient jdbc;
	private final GroupPool pool;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;

	HeldGroups(JdbcClient jdbc, GroupPool pool, Accounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.pool = pool;
		this.accounts = accounts;
		this.events = events;
	}

	/**
	 * A held group: its holder (e.g. LEAD 42), since when, the person invited as importer (or
	 * exporter) and whether they are in the group now; {@code releasable} for a lead's group.
	 */
	public record Held(long chatId, String title, String holder, Instant since, Long personId, String personName,
			boolean personJoined, long members, boolean releasable) {
	}

	public List<Held> all() {
		return jdbc.sql("""
				SELECT g.chat_id, g.title, g.holder_kind, g.holder_id, COALESCE(g.taken_at, g.updated_at) AS since,
				       (SELECT MIN(i.user_id) FROM group_invites i WHERE i.chat_id = g.chat_id AND i.revoked_at IS NULL
				                                             AND i.role IN ('IMPORTER', 'EXPORTER')) AS person,
				       (SELECT COUNT(*) FROM group_members m WHERE m.chat_id = g.chat_id) AS members
				FROM working_groups g WHERE g.status = 'IN_USE' AND g.holder_kind IS NOT NULL
				ORDER BY since, g.chat_id""")
			.query((rs, n) -> {
				long chat = rs.getLong("chat_id");
				Long person = (Long) rs.getObject("person", Long.class);
				String kind = rs.getString("holder_kind");
				return new Held(chat, rs.getString("title"), kind + " " + rs.getLong("holder_id"),
						rs.getObject("since", OffsetDateTime.class).toInstant(), person,
						person == null ? null : accounts.nameOf(person), person != null && pool.isMember(chat, person),
						rs.getLong("members"), GroupPool.Holder.LEAD.equals(kind));
			})
			.list();
	}

	/** What {@link #takeBack} did. */
	public enum Outcome {
		/** The holder let go and the group is back in the pool (a waiting lead may have it already). */
		RELEASED,
		/** The group serves nobody (free, gone, unknown, or released meanwhile): nothing changed. */
		NOT_HELD,
		/** The group's holder has no way back yet (an exporter's personal group, a referral chat): nothing changed. */
		NOT_RELEASABLE
	}

	/** An admin takes the group back from its holder, in one transaction. */
	@Transactional
	public Outcome takeBack(long chatId, String by) {
		Optional<GroupPool.Holder> holder = pool.holderOf(chatId);
		if (holder.isEmpty()) {
			return Outcome.NOT_HELD;
		}
		if (!GroupPool.Holder.LEAD.equals(holder.get().kind())) {
			return Outcome.NOT_RELEASABLE;
		}
		log.info("Admin {} takes group {} back from {} {}", by, chatId, holder.get().kind(), holder.get().id());
		events.publishEvent(new GroupTakenBack(chatId, holder.get(), by));
		// the holder released it already in the normal case; this is a no-op then
		pool.release(chatId);
		return Outcome.RELEASED;
	}
}
