package com.b2brics.connect.groups;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.b2brics.connect.telegram.TelegramChats;

/**
 * Personal join links: each made for one person, creating join requests, so the bot can let in
 * only that person (see {@link JoinControl}). Asking again for the same person and group gives
 * the same link.
 */
@Service
public class GroupInvites {

	private final JdbcClient jdbc;
	private final TelegramChats chats;
	private final Clock clock;

	GroupInvites(JdbcClient jdbc, TelegramChats chats, Clock clock) {
		this.jdbc = jdbc;
		this.chats = chats;
		this.clock = clock;
	}

	/** The person's link into the group, made now if they have none. */
	public String linkFor(long chatId, long userId, Role role) {
		Optional<String> existing = jdbc.sql("""
				SELECT invite_link FROM group_invites
				WHERE chat_id = :chat AND user_id = :user AND revoked_at IS NULL ORDER BY created_at LIMIT 1""")
			.param("chat", chatId)
			.param("user", userId)
			.query(String.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		String name = role.name().toLowerCase() + " " + userId;
		String link = chats.createInviteLink(chatId, name, true, null).url();
		jdbc.sql("INSERT INTO group_invites (invite_link, chat_id, user_id, role, created_at) VALUES (:link, :chat, :user, :role, :now)")
			.param("link", link)
			.param("chat", chatId)
			.param("user", userId)
			.param("role", role.name())
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		return link;
	}

	record Invite(String link, long chatId, long userId, Role role, boolean revoked) {
	}

	Optional<Invite> byLink(String link) {
		return jdbc.sql("SELECT * FROM group_invites WHERE invite_link = :link")
			.param("link", link)
			.query((rs, n) -> new Invite(rs.getString("invite_link"), rs.getLong("chat_id"), rs.getLong("user_id"),
					Role.valueOf(rs.getString("role")), rs.getObject("revoked_at") != null))
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
