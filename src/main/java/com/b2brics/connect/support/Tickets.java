package com.b2brics.connect.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets and their facts. A change of status is a conditional update on the status and version
 * the caller read ({@link #move}), so a second Take, a repeated Done or two instances change it once.
 */
@Repository
public class Tickets {

	private final JdbcClient jdbc;
	private final Clock clock;

	Tickets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the reporter attached. */
	public record Fact(long id, long ticketId, int seq, Kind kind, String text, String fileId, String fileUniqueId,
			String fileName, Long fileSize, long chatId, long messageId, long addedBy, Instant addedAt) {

		public enum Kind {
			TEXT, DOCUMENT
		}
	}

	/** A file the reporter attached, as Telegram described it. */
	public record FileFact(String fileId, String fileUniqueId, String fileName, Long fileSize) {

		/** Longest file id stored (the column's size); Telegram's are far shorter. */
		static final int MAX_FILE_ID = 256;

		/** The posted file as a fact, its name cut; empty when Telegram's ids are missing or longer than stored. */
		static Optional<FileFact> of(com.b2brics.connect.telegram.DocumentPosted posted) {
			if (posted.fileId() == null || posted.fileUniqueId() == null || posted.fileId().length() > MAX_FILE_ID
					|| posted.fileUniqueId().length() > MAX_FILE_ID / 2) {
				return Optional.empty();
			}
			String name = posted.fileName() == null || posted.fileName().isBlank() ? null
					: com.b2brics.connect.telegram.Html.cutPlain(posted.fileName().strip(), 200);
			return Optional.of(new FileFact(posted.fileId(), posted.fileUniqueId(), name, Math.max(0, posted.fileSize())));
		}

		/** The file's caption, cut to a fact's length; null when it has none. */
		static String caption(com.b2brics.connect.telegram.DocumentPosted posted) {
			return posted.caption() == null || posted.caption().isBlank() ? null
					: com.b2brics.connect.telegram.Html.cutPlain(posted.caption().strip(), Ticket.MAX_TEXT);
		}
	}

	/** Serializes this transaction's changes of the ticket with every other writer's (its row's lock). */
	static void lock(JdbcClient jdbc, long ticketId) {
		jdbc.sql("SELECT id FROM support_tickets WHERE id = :id FOR UPDATE").param("id", ticketId).query(Long.class).optional();
	}

	/** A new ticket being written (status DRAFT): the desk sees it only at {@link Ticket.Status#NEW}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Ticket draft(String dealKey, Long chatId, String storefrontSlug, long reporterId) {
		OffsetDateTime now = at(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO support_tickets (deal_key, chat_id, storefront_slug, reporter_id, status, created_at, updated_at, version)
				VALUES (:deal, :chat, :slug, :reporter, 'DRAFT', :now, :now, 1)""")
			.param("deal", dealKey)
			.param("chat", chatId)
			.param("slug", storefrontSlug)
			.param("reporter", reporterId)
			.param("now", now)
			.update(keys, "id");
		return find(keys.getKey().longValue()).orElseThrow();
	}

	public Optional<Ticket> find(long id) {
		return jdbc.sql("SELECT * FROM support_tickets WHERE id = :id").param("id", id).query(Tickets::ticket).optional();
	}

	/** The reporter's open ticket (DRAFT … WAITING_REPORTER) in the deal ({@code null}: "no deal"), newest first. */
	public Optional<Ticket> openOf(String dealKey, long reporterId) {
		return jdbc.sql("""
				SELECT * FROM support_tickets WHERE reporter_id = :reporter
				AND (deal_key = :deal OR (deal_key IS NULL AND CAST(:deal AS VARCHAR(64)) IS NULL))
				AND status IN ('DRAFT', 'NEW', 'TAKEN', 'WAITING_REPORTER') ORDER BY id DESC""")
			.param("reporter", reporterId)
			.param("deal", dealKey)
			.query(Tickets::ticket)
			.stream()
			.findFirst();
	}

	/** The tickets of the deal in this group that the desk works on now (NEW, TAKEN, WAITING_REPORTER), newest first. */
	public List<Ticket> workedIn(long chatId) {
		return jdbc.sql("""
				SELECT * FROM support_tickets WHERE chat_id = :chat AND status IN ('NEW', 'TAKEN', 'WAITING_REPORTER')
				ORDER BY id DESC LIMIT 50""")
			.param("chat", chatId)
			.query(Tickets::ticket)
			.list();
	}

	/** The newest ticket the agent has in the group (TAKEN or WAITING_REPORTER). */
	public Optional<Ticket> takenIn(long chatId, long agentId) {
		return workedIn(chatId).stream()
			.filter(t -> t.takenBy() != null && t.takenBy() == agentId
					&& (t.status() == Ticket.Status.TAKEN || t.status() == Ticket.Status.WAITING_REPORTER))
			.findFirst();
	}

	/** The reporter's newest ticket waiting on their answer. */
	public Optional<Ticket> waitingOn(long reporterId) {
		return jdbc.sql("SELECT * FROM support_tickets WHERE reporter_id = :r AND status = 'WAITING_REPORTER' ORDER BY id DESC LIMIT 1")
			.param("r", reporterId)
			.query(Tickets::ticket)
			.optional();
	}

	/** The open or recently resolved ticket whose desk card the outbox row sent. */
	public Optional<Ticket> withCard(long deskOutboxId) {
		return jdbc.sql("""
				SELECT * FROM support_tickets WHERE desk_outbox_id = :card
				AND status IN ('NEW', 'TAKEN', 'WAITING_REPORTER', 'RESOLVED')""")
			.param("card", deskOutboxId)
			.query(Tickets::ticket)
			.optional();
	}

	/** The first response promised now (the clock's due instant after a start or a resume). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void promise(long ticketId, Instant due) {
		jdbc.sql("UPDATE support_tickets SET first_response_due = :due WHERE id = :id").param("due", at(due)).param("id", ticketId).update();
	}

	/** Tickets in a status, oldest first (bounded). */
	public List<Ticket> inStatus(Ticket.Status status, int limit) {
		return jdbc.sql("SELECT * FROM support_tickets WHERE status = :status ORDER BY id")
			.param("status", status.name())
			.query(Tickets::ticket)
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * Moves the ticket to the target status if it still has the status and version it was read with,
	 * setting the given columns too; false (nothing changed) when another change came first.
	 *
	 * @param sets extra assignments as SQL ("taken_by = :by"), with their parameters in {@code params}
	 * @throws Ticket.IllegalTransition when the read status may not move to the target
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean move(Ticket read, Ticket.Status target, String sets, java.util.Map<String, ?> params) {
		read.check(target);
		var spec = jdbc.sql("UPDATE support_tickets SET status = :target, version = version + 1, updated_at = :now"
				+ (sets == null || sets.isBlank() ? "" : ", " + sets) + " WHERE id = :id AND status = :status AND version = :version")
			.param("target", target.name())
			.param("now", at(clock.instant()))
			.param("id", read.id())
			.param("status", read.status().name())
			.param("version", read.version());
		for (var p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue() instanceof Instant i ? at(i) : p.getValue());
		}
		return spec.update() == 1;
	}

	/** Sets columns that are not the status (the description, the desk card, the promised time) if the version still matches. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean update(Ticket read, String sets, java.util.Map<String, ?> params) {
		var spec = jdbc.sql("UPDATE support_tickets SET version = version + 1, updated_at = :now, " + sets
				+ " WHERE id = :id AND version = :version")
			.param("now", at(clock.instant()))
			.param("id", read.id())
			.param("version", read.version());
		for (var p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue() instanceof Instant i ? at(i) : p.getValue());
		}
		return spec.update() == 1;
	}

	/** Adds a text or a document to the ticket's facts; empty when it holds {@link Ticket#MAX_FACTS} already. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Fact> addFact(long ticketId, long userId, long chatId, long messageId, String text, FileFact file) {
		lock(jdbc, ticketId);
		int count = jdbc.sql("SELECT COUNT(*) FROM support_facts WHERE ticket_id = :ticket")
			.param("ticket", ticketId)
			.query(Integer.class)
			.single();
		if (count >= Ticket.MAX_FACTS) {
			return Optional.empty();
		}
		if (text != null && text.length() > Ticket.MAX_TEXT) {
			throw new IllegalArgumentException("a fact of " + text.length() + " characters");
		}
		jdbc.sql("""
				INSERT INTO support_facts (ticket_id, seq, kind, text, file_id, file_unique_id, file_name, file_size, chat_id,
				message_id, added_by, added_at)
				VALUES (:ticket, :seq, :kind, :text, :fileId, :unique, :name, :size, :chat, :message, :by, :at)""")
			.param("ticket", ticketId)
			.param("seq", count + 1)
			.param("kind", (file == null ? Fact.Kind.TEXT : Fact.Kind.DOCUMENT).name())
			.param("text", text)
			.param("fileId", file == null ? null : file.fileId())
			.param("unique", file == null ? null : file.fileUniqueId())
			.param("name", file == null ? null : file.fileName())
			.param("size", file == null ? null : file.fileSize())
			.param("chat", chatId)
			.param("message", messageId)
			.param("by", userId)
			.param("at", at(clock.instant()))
			.update();
		return facts(ticketId).stream().filter(f -> f.seq() == count + 1).findFirst();
	}

	public List<Fact> facts(long ticketId) {
		return jdbc.sql("SELECT * FROM support_facts WHERE ticket_id = :ticket ORDER BY seq")
			.param("ticket", ticketId)
			.query((rs, n) -> new Fact(rs.getLong("id"), rs.getLong("ticket_id"), rs.getInt("seq"),
					Fact.Kind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("file_id"),
					rs.getString("file_unique_id"), rs.getString("file_name"), (Long) rs.getObject("file_size", Long.class),
					rs.getLong("chat_id"), rs.getLong("message_id"), rs.getLong("added_by"), instant(rs, "added_at")))
			.list();
	}

	static Ticket ticket(ResultSet rs, int n) throws SQLException {
		return new Ticket(rs.getLong("id"), rs.getString("deal_key"), (Long) rs.getObject("chat_id", Long.class),
				rs.getString("storefront_slug"), rs.getLong("reporter_id"), rs.getString("description"),
				Ticket.Status.valueOf(rs.getString("status")), (Long) rs.getObject("taken_by", Long.class),
				(Long) rs.getObject("desk_outbox_id", Long.class), instant(rs, "first_response_due"),
				instant(rs, "first_response_at"), rs.getString("resolution"), (Long) rs.getObject("resolved_by", Long.class),
				instant(rs, "resolved_at"), instant(rs, "reopen_until"), instant(rs, "opened_at"), instant(rs, "created_at"),
				rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
