package com.b2brics.connect.groups;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.b2brics.connect.telegram.InviteLinkCreated;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.PendingLink;

/**
 * Personal join links: each made for one person, creating join requests, so the bot can let in
 * only that person (see {@link JoinControl}). Asking again for the same person and group gives
 * the same link.
 * <p>
 * No Telegram call happens here: the link is asked for through the outbox and recorded at once
 * under its name (ours, repeated by Telegram in every join request through it), with the outbox's
 * stand-in for its URL; the sender's continuation ({@link InviteLinkCreated}) puts the URL in
 * place in the transaction that records Telegram's answer.
 */
@Service
public class GroupInvites {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final Clock clock;

	GroupInvites(JdbcClient jdbc, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * The person's link into the group, asked for now if they have none. It may be the outbox's
	 * stand-in for a link Telegram has not made yet: put it only into messages queued in the
	 * {@link Outbox}, which sends them with the link in its place once it exists.
	 */
	public String linkFor(long chatId, long userId, Role role) {
		Optional<Invite> existing = jdbc.sql("""
				SELECT * FROM group_invites
				WHERE chat_id = :chat AND user_id = :user AND revoked_at IS NULL ORDER BY created_at LIMIT 1""")
			.param("chat", chatId)
			.param("user", userId)
			.query((rs, n) -> invite(rs))
			.optional();
		if (existing.isPresent()) {
			if (!existing.get().failed()) {
				return existing.get().link();
			}
			// Telegram refused to make it (e.g. the bot lost the right to invite): ask again
			jdbc.sql("UPDATE group_invites SET revoked_at = :now WHERE invite_link = :link")
				.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.param("link", existing.get().link())
				.update();
		}
		String name = linkName(role, userId);
		PendingLink pending = outbox.createInviteLink(chatId, name, true, null);
		jdbc.sql("""
				INSERT INTO group_invites (invite_link, chat_id, user_id, role, created_at, link_name, outbox_id)
				VALUES (:link, :chat, :user, :role, :now, :name, :outbox)""")
			.param("link", pending.url())
			.param("chat", chatId)
			.param("user", userId)
			.param("role", role.name())
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("name", name)
			.param("outbox", pending.outboxId())
			.update();
		return pending.url();
	}

	/** The continuation: Telegram made the link, so its URL replaces the stand-in, in the transaction that records it. */
	@EventListener
	void on(InviteLinkCreated created) {
		jdbc.sql("UPDATE group_invites SET invite_link = :url WHERE outbox_id = :outbox")
			.param("url", created.url())
			.param("outbox", created.outboxId())
			.update();
	}

	/**
	 * Unique and ours: random first (so a cut to Telegram's 32 characters keeps it unique), then
	 * role and person, for the group's admins reading the chat's links in Telegram.
	 */
	private static String linkName(Role role, long userId) {
		StringBuilder random = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			random.append(Character.forDigit(RANDOM.nextInt(36), 36));
		}
		String name = random + " " + role.name().toLowerCase().replace("invited_partner", "invited") + " " + userId;
		return name.length() > 32 ? name.substring(0, 32) : name;
	}

	/** {@code failed}: the link was asked for and Telegram refused for good. */
	record Invite(String link, long chatId, long userId, Role role, boolean revoked, boolean failed) {
	}

	private Invite invite(java.sql.ResultSet rs) throws java.sql.SQLException {
		long outboxId = rs.getLong("outbox_id");
		boolean failed = !rs.wasNull() && outbox.status(outboxId).map(s -> !s.equals("PENDING") && !s.equals("SENDING")
				&& !s.equals("SENT")).orElse(false);
		return new Invite(rs.getString("invite_link"), rs.getLong("chat_id"), rs.getLong("user_id"),
				Role.valueOf(rs.getString("role")), rs.getObject("revoked_at") != null, failed);
	}

	/**
	 * The invite a join request came through: by its URL, or by its name (so a request that
	 * arrives before the URL is recorded is still matched).
	 */
	Optional<Invite> of(String link, String name) {
		Optional<Invite> byLink = link == null ? Optional.empty()
				: jdbc.sql("SELECT * FROM group_invites WHERE invite_link = :link")
					.param("link", link)
					.query((rs, n) -> invite(rs))
					.optional();
		if (byLink.isPresent() || name == null) {
			return byLink;
		}
		return jdbc.sql("SELECT * FROM group_invites WHERE link_name = :name")
			.param("name", name)
			.query((rs, n) -> invite(rs))
			.optional();
	}

	/** The person's role in the group's current deal (links of earlier deals are revoked). */
	Optional<Role> roleOf(long chatId, long userId) {
		return jdbc.sql("""
				SELECT role FROM group_invites WHERE chat_id = :chat AND user_id = :user AND revoked_at IS NULL
				ORDER BY created_at LIMIT 1""")
			.param("chat", chatId)
			.param("user", userId)
			.query((rs, n) -> Role.valueOf(rs.getString("role")))
			.optional();
	}

	/** The groups where the person holds a live link of the role, newest first (at most {@code limit}). */
	List<Long> chatsOf(long userId, Role role, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT chat_id, created_at FROM group_invites WHERE user_id = :user AND role = :role AND revoked_at IS NULL
				ORDER BY created_at DESC""")
			.param("user", userId)
			.param("role", role.name())
			.query((rs, n) -> rs.getLong("chat_id"))
			.stream()
			.distinct()
			.limit(limit)
			.toList();
	}

	/** Marks every live link into the group revoked and returns them, to be revoked in Telegram too. */
	List<String> revokeAll(long chatId) {
		List<String> links = jdbc.sql("SELECT invite_link FROM group_invites WHERE chat_id = :chat AND revoked_at IS NULL")
			.param("chat", chatId)
			.query(String.class)
			.list();
		jdbc.sql("UPDATE group_invites SET revoked_at = :now WHERE chat_id = :chat AND revoked_at IS NULL")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("chat", chatId)
			.update();
		return links;
	}

	/** Marks the person's live links into the group revoked and returns them, to be revoked in Telegram too. */
	List<String> revokeFor(long chatId, long userId) {
		List<String> links = jdbc.sql("""
				SELECT invite_link FROM group_invites WHERE chat_id = :chat AND user_id = :user AND revoked_at IS NULL""")
			.param("chat", chatId)
			.param("user", userId)
			.query(String.class)
			.list();
		jdbc.sql("UPDATE group_invites SET revoked_at = :now WHERE chat_id = :chat AND user_id = :user AND revoked_at IS NULL")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("chat", chatId)
			.param("user", userId)
			.update();
		return links;
	}

	/** A join request someone made with a link that was not theirs, kept for the admins. */
	record Refusal(java.time.Instant at, long chatId, long userId, String inviteLink, String reason) {
	}

	List<Refusal> recentRefusals(int limit) {
		return jdbc.sql("SELECT * FROM group_join_refusals ORDER BY at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Refusal(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("chat_id"),
					rs.getLong("user_id"), rs.getString("invite_link"), rs.getString("reason")))
			.list();
	}

	void refused(long chatId, long userId, String link, String reason) {
		jdbc.sql("INSERT INTO group_join_refusals (chat_id, user_id, invite_link, reason, at) VALUES (:chat, :user, :link, :reason, :now)")
			.param("chat", chatId)
			.param("user", userId)
			.param("link", link)
			.param("reason", reason)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}
}
