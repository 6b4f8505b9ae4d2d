package com.b2brics.connect.invitations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.b2brics.connect.catalog.Specialization;

/**
 * Invitations with their candidates, offers, offer messages, history and the half-written
 * requests (drafts). {@link Invitation} and {@link Offer} decide their transitions; they are
 * stored with updates conditional on the state they were read in, and callers hold the
 * invitation's row lock ({@link #lock}) while they decide.
 */
@Repository
class Invitations {

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static String openKey(long chatId, Specialization specialization) {
		return chatId + ":" + specialization.name();
	}

	// --- invitations

	/**
	 * The new invitation's id, or empty when the group already has an open one of this
	 * specialization. ON CONFLICT rather than catching the duplicate key, which on PostgreSQL
	 * would abort the caller's transaction.
	 */
	Optional<Long> create(String dealKey, long chatId, String storefrontSlug, Specialization specialization, String task,
			Map<String, String> summaries, long inviterId, Instant now) {
		String summaryEn = summaries.getOrDefault("en", "");
		String summaryRu = summaries.getOrDefault("ru", summaryEn);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO invitations (deal_key, chat_id, storefront_slug, specialization, task, summary_en, summary_ru,
				                         inviter_id, status, open_key, created_at)
				VALUES (:deal, :chat, :storefront, :specialization, :task, :en, :ru, :inviter, 'OPEN', :key, :now)
				ON CONFLICT DO NOTHING""")
			.param("deal", dealKey)
			.param("chat", chatId)
			.param("storefront", storefrontSlug)
			.param("specialization", specialization.name())
			.param("task", task)
			.param("en", cut(summaryEn))
			.param("ru", cut(summaryRu))
			.param("inviter", inviterId)
			.param("key", openKey(chatId, specialization))
			.param("now", utc(now))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		long id = keys.getKeyAs(Number.class).longValue();
		summaries.forEach((language, summary) -> jdbc.sql(
				"INSERT INTO invitation_summaries (invitation_id, language, summary) VALUES (:invitation, :language, :summary)")
			.param("invitation", id)
			.param("language", language)
			.param("summary", cut(summary))
			.update());
		return Optional.of(id);
	}

	/** The invitation with its summary in each language it was written in. */
	private Invitation withSummaries(Invitation invitation) {
		Map<String, String> summaries = new HashMap<>();
		jdbc.sql("SELECT language, summary FROM invitation_summaries WHERE invitation_id = :invitation")
			.param("invitation", invitation.id())
			.query(rs -> {
				summaries.put(rs.getString("language"), rs.getString("summary"));
			});
		return new Invitation(invitation.id(), invitation.dealKey(), invitation.chatId(), invitation.storefrontSlug(),
				invitation.specialization(), invitation.task(), invitation.summaryEn(), invitation.summaryRu(),
				invitation.inviterId(), invitation.status(), invitation.statusOutboxId(), invitation.acceptedPartnerId(),
				invitation.createdAt(), invitation.closedAt(), summaries);
	}

	private static String cut(String text) {
		return text.length() > 400 ? text.substring(0, 399) + "…" : text;
	}

	/** Reads the invitation and holds its row lock until the transaction ends: one transition at a time. */
	Optional<Invitation> lock(long id) {
		return jdbc.sql("SELECT * FROM invitations WHERE id = :id FOR UPDATE").param("id", id).query(Invitations::invitation).optional()
			.map(this::withSummaries);
	}

	Optional<Invitation> byId(long id) {
		return jdbc.sql("SELECT * FROM invitations WHERE id = :id").param("id", id).query(Invitations::invitation).optional()
			.map(this::withSummaries);
	}

	List<Invitation> openInChat(long chatId) {
		return jdbc.sql("SELECT * FROM invitations WHERE chat_id = :chat AND status = 'OPEN' ORDER BY id")
			.param("chat", chatId)
			.query(Invitations::invitation)
			.list()
			.stream()
			.map(this::withSummaries)
			.toList();
	}

	List<Invitation> acceptedInChat(long chatId) {
		return jdbc.sql("SELECT * FROM invitations WHERE chat_id = :chat AND status = 'ACCEPTED' ORDER BY id")
			.param("chat", chatId)
			.query(Invitations::invitation)
			.list()
			.stream()
			.map(this::withSummaries)
			.toList();
	}

	void statusMessage(long id, Long outboxId) {
		jdbc.sql("UPDATE invitations SET status_outbox_id = :outbox WHERE id = :id").param("outbox", outboxId).param("id", id).update();
	}

	/** Stores an ended invitation ({@link Invitation#accept}, {@link Invitation#exhaust}, {@link Invitation#cancel}); false if it moved on meanwhile. */
	boolean saveClosed(Invitation was, Invitation closed) {
		return jdbc.sql("""
				UPDATE invitations SET status = :status, open_key = NULL, accepted_partner_id = :partner, closed_at = :closed
				WHERE id = :id AND status = :was""")
			.param("status", closed.status().name())
			.param("partner", closed.acceptedPartnerId())
			.param("closed", utc(closed.closedAt()))
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/**
	 * Stores {@link Invitation#reopen}; false if it moved on meanwhile, or another search for the
	 * specialization is open in the group.
	 */
	boolean saveReopened(Invitation was, Invitation reopened) {
		String key = openKey(was.chatId(), was.specialization());
		return jdbc.sql("""
				UPDATE invitations SET status = :status, open_key = :key, closed_at = NULL
				WHERE id = :id AND status = :was AND NOT EXISTS (SELECT 1 FROM invitations o WHERE o.open_key = :key)""")
			.param("status", reopened.status().name())
			.param("key", key)
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/** The group became a supergroup: its invitations follow; the status message is posted anew. */
	void migrateChat(long from, long to) {
		jdbc.sql("UPDATE invitations SET chat_id = :to, status_outbox_id = NULL, open_key = CASE WHEN status = 'OPEN' THEN "
				+ "CONCAT(CAST(:to AS VARCHAR(24)), ':', specialization) ELSE NULL END WHERE chat_id = :from")
			.param("to", to)
			.param("from", from)
			.update();
		jdbc.sql("UPDATE invitation_drafts SET chat_id = :to WHERE chat_id = :from").param("to", to).param("from", from).update();
	}

	private static Invitation invitation(ResultSet rs, int n) throws SQLException {
		return new Invitation(rs.getLong("id"), rs.getString("deal_key"), rs.getLong("chat_id"), rs.getString("storefront_slug"),
				Specialization.valueOf(rs.getString("specialization")), rs.getString("task"), rs.getString("summary_en"),
				rs.getString("summary_ru"), rs.getLong("inviter_id"), Invitation.Status.valueOf(rs.getString("status")),
				nullableLong(rs, "status_outbox_id"), nullableLong(rs, "accepted_partner_id"), instant(rs, "created_at"),
				instant(rs, "closed_at"));
	}

	// --- candidates

	void addCandidate(long invitationId, Candidate candidate) {
		jdbc.sql("""
				INSERT INTO invitation_candidates (invitation_id, position, partner_id, score, acceptance_rate,
				                                   mean_response_seconds, open_offers, last_offered_at, acceptance_part,
				                                   responsiveness_part, availability_part, rotation_part, lead_answered,
				                                   lead_within_sla, lead_median_ms)
				VALUES (:invitation, :position, :partner, :score, :acceptance, :response, :open, :last, :acceptancePart,
				        :responsivenessPart, :availabilityPart, :rotationPart, :leadJudged, :leadWithin, :leadMedian)""")
			.param("invitation", invitationId)
			.param("position", candidate.position())
			.param("partner", candidate.partnerId())
			.param("score", candidate.score())
			.param("acceptance", candidate.acceptanceRate())
			.param("response", candidate.meanResponseSeconds())
			.param("open", candidate.openOffers())
			.param("last", utc(candidate.lastOfferedAt()))
			.param("acceptancePart", candidate.parts().acceptance())
			.param("responsivenessPart", candidate.parts().responsiveness())
			.param("availabilityPart", candidate.parts().availability())
			.param("rotationPart", candidate.parts().rotation())
			.param("leadJudged", candidate.leadJudged())
			.param("leadWithin", candidate.leadWithinSla())
			.param("leadMedian", candidate.leadMedianMillis())
			.update();
	}

	List<Candidate> candidates(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_candidates WHERE invitation_id = :id ORDER BY position")
			.param("id", invitationId)
			.query((rs, n) -> {
				double acceptance = rs.getDouble("acceptance_rate");
				Double rate = rs.wasNull() ? null : acceptance;
				Candidate.Parts parts = new Candidate.Parts(nullableDouble(rs, "acceptance_part"),
						nullableDouble(rs, "responsiveness_part"), nullableDouble(rs, "availability_part"),
						nullableDouble(rs, "rotation_part"));
				Long judged = nullableLong(rs, "lead_answered");
				return new Candidate(rs.getInt("position"), rs.getLong("partner_id"), rs.getDouble("score"), rate,
						nullableLong(rs, "mean_response_seconds"), rs.getInt("open_offers"), instant(rs, "last_offered_at"), parts,
						judged == null ? null : judged.intValue(), nullableDouble(rs, "lead_within_sla"),
						nullableLong(rs, "lead_median_ms"));
			})
			.list();
	}

	// --- offers

	/** A new LIVE offer; the database refuses a second live one for the invitation or a second one to the partner. */
	long offer(long invitationId, long partnerId, Instant now, Instant deadline) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO invitation_offers (invitation_id, partner_id, status, live_for, offered_at, deadline)
				VALUES (:invitation, :partner, 'LIVE', :invitation, :now, :deadline)""")
			.param("invitation", invitationId)
			.param("partner", partnerId)
			.param("now", utc(now))
			.param("deadline", utc(deadline))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Offer> offerById(long id) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE id = :id").param("id", id).query(Invitations::offer).optional();
	}

	List<Offer> offers(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id ORDER BY id")
			.param("id", invitationId)
			.query(Invitations::offer)
			.list();
	}

	Optional<Offer> liveOffer(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE live_for = :id").param("id", invitationId).query(Invitations::offer).optional();
	}

	/** Stores a finished offer ({@link Offer#accept}, {@link Offer#decline}, {@link Offer#expire}, {@link Offer#withdraw}); false if it moved on meanwhile. */
	boolean saveFinished(Offer was, Offer finished) {
		return jdbc.sql("""
				UPDATE invitation_offers SET status = :status, live_for = NULL, answered_at = :answered, answered_by = :by,
				       decline_reason = :reason
				WHERE id = :id AND status = :was""")
			.param("status", finished.status().name())
			.param("answered", utc(finished.answeredAt()))
			.param("by", finished.answeredBy())
			.param("reason", finished.declineReason())
			.param("id", was.id())
			.param("was", was.status().name())
			.update() == 1;
	}

	/** The past offers of these partners, newest first, for ranking. */
	List<Offer> offersOf(Collection<Long> partnerIds) {
		if (partnerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM invitation_offers WHERE partner_id IN (:ids) ORDER BY offered_at DESC")
			.param("ids", partnerIds)
			.query(Invitations::offer)
			.list();
	}

	/** The partner's offers made since the instant. */
	List<Offer> offersOfSince(long partnerId, Instant since) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE partner_id = :partner AND offered_at >= :since ORDER BY offered_at")
			.param("partner", partnerId)
			.param("since", utc(since))
			.query(Invitations::offer)
			.list();
	}

	private static Offer offer(ResultSet rs, int n) throws SQLException {
		return new Offer(rs.getLong("id"), rs.getLong("invitation_id"), rs.getLong("partner_id"),
				Offer.Status.valueOf(rs.getString("status")), instant(rs, "offered_at"), instant(rs, "deadline"),
				instant(rs, "answered_at"), nullableLong(rs, "answered_by"), rs.getString("decline_reason"));
	}

	void offerMessage(long offerId, long userId, long outboxId) {
		jdbc.sql("INSERT INTO invitation_offer_messages (offer_id, user_id, outbox_id) VALUES (:offer, :user, :outbox)")
			.param("offer", offerId)
			.param("user", userId)
			.param("outbox", outboxId)
			.update();
	}

	/** Team member → outbox id of their copy of the offer. */
	Map<Long, Long> offerMessages(long offerId) {
		Map<Long, Long> messages = new LinkedHashMap<>();
		jdbc.sql("SELECT user_id, outbox_id FROM invitation_offer_messages WHERE offer_id = :offer ORDER BY user_id")
			.param("offer", offerId)
			.query(rs -> {
				messages.put(rs.getLong("user_id"), rs.getLong("outbox_id"));
			});
		return messages;
	}

	// --- history

	record Event(String event, Long partnerId, Long userId, String detail, Instant at) {
	}

	void record(long invitationId, String event, Long partnerId, Long userId, String detail, Instant now) {
		jdbc.sql("""
				INSERT INTO invitation_history (invitation_id, event, partner_id, user_id, detail, at)
				VALUES (:invitation, :event, :partner, :user, :detail, :now)""")
			.param("invitation", invitationId)
			.param("event", event)
			.param("partner", partnerId)
			.param("user", userId)
			.param("detail", detail)
			.param("now", utc(now))
			.update();
	}

	List<Event> history(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_history WHERE invitation_id = :id ORDER BY id")
			.param("id", invitationId)
			.query((rs, n) -> new Event(rs.getString("event"), nullableLong(rs, "partner_id"), nullableLong(rs, "user_id"),
					rs.getString("detail"), instant(rs, "at")))
			.list();
	}

	// --- drafts

	record Draft(long chatId, long userId, String dealKey, Specialization specialization, Instant expiresAt) {
	}

	void startDraft(long chatId, long userId, String dealKey, Specialization specialization, Instant now, Instant expiresAt) {
		dropDraft(chatId, userId);
		jdbc.sql("""
				INSERT INTO invitation_drafts (chat_id, user_id, deal_key, specialization, created_at, expires_at)
				VALUES (:chat, :user, :deal, :specialization, :now, :expires)""")
			.param("chat", chatId)
			.param("user", userId)
			.param("deal", dealKey)
			.param("specialization", specialization == null ? null : specialization.name())
			.param("now", utc(now))
			.param("expires", utc(expiresAt))
			.update();
	}

	/** The person's unexpired draft in the group. */
	Optional<Draft> draft(long chatId, long userId, Instant now) {
		return jdbc.sql("SELECT * FROM invitation_drafts WHERE chat_id = :chat AND user_id = :user AND expires_at > :now")
			.param("chat", chatId)
			.param("user", userId)
			.param("now", utc(now))
			.query((rs, n) -> new Draft(rs.getLong("chat_id"), rs.getLong("user_id"), rs.getString("deal_key"),
					rs.getString("specialization") == null ? null : Specialization.valueOf(rs.getString("specialization")),
					instant(rs, "expires_at")))
			.optional();
	}

	/** The group's deal ended: nobody's half-written request there means anything now. */
	void dropDrafts(long chatId) {
		jdbc.sql("DELETE FROM invitation_drafts WHERE chat_id = :chat").param("chat", chatId).update();
	}

	/** True for the one caller that removes it. */
	boolean dropDraft(long chatId, long userId) {
		return jdbc.sql("DELETE FROM invitation_drafts WHERE chat_id = :chat AND user_id = :user")
			.param("chat", chatId)
			.param("user", userId)
			.update() == 1;
	}
}
