package com.b2brics.connect.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.groups.GroupInvites;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.UserLanguage;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The invitation state machine. Every transition runs in one transaction that first takes the
 * invitation's row lock, then re-reads the offer and changes it only if it is still LIVE; the
 * database also refuses a second live offer per invitation and a second offer to one partner.
 * So a decline, a time-out, a Join and a cancel arriving together (on one instance or several)
 * make exactly one transition, and the others find the offer moved on and change nothing.
 * Deadlines are db-scheduler one-time tasks, written in the same transaction as the offer:
 * they survive restarts and fire on one instance of the cluster.
 */
@Service
class InvitationEngine {

	private static final Logger log = LoggerFactory.getLogger(InvitationEngine.class);

	static final String DEADLINE_TASK = "invitation-offer-deadline";

	enum Outcome {
		/** The transition happened. */
		DONE,
		/** The offer or invitation had already moved on: nothing changed. */
		MOVED_ON,
		/** The offer's deadline had passed: it is expired now and passed on. */
		EXPIRED,
		/** The person may not do this. */
		NOT_ALLOWED,
		/** A time-out that came early (clocks of instances differ): nothing changed yet. */
		NOT_DUE,
		/** No such offer or invitation. */
		UNKNOWN,
		/** The partner is in the deal's group already. */
		IN_GROUP,
		/** The partner was offered this invitation before (each at most once). */
		OFFERED_BEFORE,
		/** Nobody of the partner's team can be reached by the bot. */
		UNREACHABLE,
		/** Another search for the specialization is open in the group. */
		ALREADY_LOOKING
	}

	/** What {@link #open} did: the invitation, or why there is none. */
	record Opening(Long invitationId, Reason refusal) {

		enum Reason {
			NO_CANDIDATES, ALREADY_LOOKING
		}
	}

	private final Invitations store;
	private final Catalog catalog;
	private final Accounts accounts;
	private final GroupPool pool;
	private final GroupInvites invites;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final InvitationTexts texts;
	private final InvitationsProperties properties;
	private final SchedulerClient scheduler;
	private final List<MeasuredResponses> measured;
	private final Clock clock;

	InvitationEngine(Invitations store, Catalog catalog, Accounts accounts, GroupPool pool, GroupInvites invites,
			PlatformAdmins admins, Outbox outbox, InvitationTexts texts, InvitationsProperties properties,
			SchedulerClient scheduler, List<MeasuredResponses> measured, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.accounts = accounts;
		this.pool = pool;
		this.invites = invites;
		this.admins = admins;
		this.outbox = outbox;
		this.texts = texts;
		this.properties = properties;
		this.scheduler = scheduler;
		this.measured = List.copyOf(measured);
		this.clock = clock;
	}

	/** The application's time, to the microsecond the databases keep, so a stored deadline compares exactly. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	// --- candidates

	/** Partners of the specialization on the deal's storefront who could be offered the job now. */
	List<Long> candidates(Deal deal, Specialization specialization) {
		Set<Long> excluded = new HashSet<>(deal.partnerIds());
		// a pool group serves one deal after another: only this deal's accepted partners are part of it
		store.acceptedInChat(deal.chatId()).stream().filter(i -> i.dealKey().equals(deal.key()))
			.forEach(i -> excluded.add(i.acceptedPartnerId()));
		List<Long> eligible = new ArrayList<>();
		for (Partner partner : catalog.partners(specialization, deal.storefrontSlug())) {
			if (!excluded.contains(partner.id()) && whyNot(partner.id(), deal.chatId()) == null) {
				eligible.add(partner.id());
			}
		}
		return eligible;
	}

	/** Why the partner cannot be offered the job in this group now, or null if it can. */
	private String whyNot(long partnerId, long chatId) {
		List<Long> team = catalog.teamMemberIds(partnerId);
		if (team.stream().anyMatch(member -> pool.isMember(chatId, member))) {
			return "in_group";
		}
		if (team.stream().noneMatch(accounts::reachable)) {
			return "unreachable";
		}
		return null;
	}

	/** The deal's summary in every language the bot speaks, by language code: each partner reads the offer in theirs. */
	static Map<String, String> summaries(Deal deal) {
		Map<String, String> summaries = new LinkedHashMap<>();
		for (Locale locale : UserLanguage.SUPPORTED) {
			summaries.put(locale.getLanguage(), deal.summary(locale));
		}
		return summaries;
	}

	// --- transitions

	/** Ranks the candidates, stores the invitation with its list, and offers it to the first. */
	@Transactional
	Opening open(Deal deal, long inviterId, Specialization specialization, String task) {
		Instant now = now();
		List<Long> eligible = candidates(deal, specialization);
		if (eligible.isEmpty()) {
			return new Opening(null, Opening.Reason.NO_CANDIDATES);
		}
		Optional<Long> created = store.create(deal.key(), deal.chatId(), deal.storefrontSlug(), specialization, task,
				summaries(deal), inviterId, now);
		if (created.isEmpty()) {
			return new Opening(null, Opening.Reason.ALREADY_LOOKING);
		}
		long id = created.get();
		Duration timeout = properties.offerTimeoutOn(deal.storefrontSlug());
		Map<Long, MeasuredResponses.LeadFirstResponse> leads = new HashMap<>();
		for (MeasuredResponses source : measured) {
			for (long partner : eligible) {
				MeasuredResponses.LeadFirstResponse figures = source.leadFirstResponse(partner, deal.storefrontSlug(),
						now.minus(Ranking.LEAD_WINDOW));
				if (figures.judged() > 0) {
					leads.put(partner, figures);
				}
			}
		}
		for (Candidate candidate : Ranking.rank(eligible, store.offersOf(eligible), leads, now, timeout)) {
			store.addCandidate(id, candidate);
		}
		log.info("Invitation {} opened in group {} ({}, deal {}) with {} candidates", id, deal.chatId(), specialization,
				deal.key(), eligible.size());
		Invitation invitation = store.lock(id).orElseThrow();
		offerNext(invitation, now);
		refreshStatus(id);
		return new Opening(id, null);
	}

	/** A team member of the offered partner pressed Join. */
	@Transactional
	Outcome accept(long offerId, long userId) {
		Answerable answerable = answerable(offerId, userId);
		if (answerable.refusal() != null) {
			return answerable.refusal();
		}
		Invitation invitation = answerable.invitation();
		Offer offer = answerable.offer();
		Instant now = answerable.now();
		store.saveFinished(offer, offer.accept(userId, now));
		store.saveClosed(invitation, invitation.accept(offer.partnerId(), now));
		store.record(invitation.id(), "ACCEPTED", offer.partnerId(), userId, null, now);
		Map<Long, Long> messages = store.offerMessages(offerId);
		for (Long member : catalog.teamMemberIds(offer.partnerId())) {
			String link = invites.linkFor(invitation.chatId(), member, Role.INVITED_PARTNER);
			Locale locale = accounts.localeOf(member);
			Keyboard.Inline open = Keyboard.column(InlineButton.url(texts.text(locale, "invite.offer.open"), link));
			String outcome = member == userId ? texts.text(locale, "invite.offer.accepted.you")
					: texts.text(locale, "invite.offer.accepted.colleague", texts.name(userId));
			Long message = messages.get(member);
			if (message != null) {
				outbox.editText(member, MessageRef.queued(message), texts.offer(locale, invitation, offer) + "\n\n" + outcome, open,
						Priority.HIGH);
			}
			else if (accounts.reachable(member)) {
				outbox.send(OutgoingMessage.to(member, texts.offer(locale, invitation, offer) + "\n\n" + outcome).with(open)
					.priority(Priority.HIGH));
			}
		}
		log.info("Invitation {}: offer {} accepted by user {} of partner {}", invitation.id(), offerId, userId, offer.partnerId());
		refreshStatus(invitation.id());
		return Outcome.DONE;
	}

	/** A team member of the offered partner declined, with a reason (BUSY, NOT_MY_FIELD, OTHER). */
	@Transactional
	Outcome decline(long offerId, long userId, String reason) {
		Answerable answerable = answerable(offerId, userId);
		if (answerable.refusal() != null) {
			return answerable.refusal();
		}
		Invitation invitation = answerable.invitation();
		Offer offer = answerable.offer();
		Instant now = answerable.now();
		store.saveFinished(offer, offer.decline(userId, reason, now));
		store.record(invitation.id(), "DECLINED", offer.partnerId(), userId, reason, now);
		settle(invitation, offer, member -> member == userId ? texts.text(accounts.localeOf(member), "invite.offer.declined.you")
				: texts.text(accounts.localeOf(member), "invite.offer.declined.colleague", texts.name(userId)));
		log.info("Invitation {}: offer {} declined by user {} ({})", invitation.id(), offerId, userId, reason);
		offerNext(store.lock(invitation.id()).orElseThrow(), now);
		refreshStatus(invitation.id());
		return Outcome.DONE;
	}

	/** A live offer, locked with its invitation, that the user may answer now; or why not. */
	private record Answerable(Outcome refusal, Invitation invitation, Offer offer, Instant now) {
	}

	/**
	 * Checks a Join or Decline: the offer exists, the user is on the offered partner's team, and
	 * (under the invitation's row lock) it is still live and not past its deadline; a press after
	 * the deadline expires it at once, whether or not the timer has run yet.
	 */
	private Answerable answerable(long offerId, long userId) {
		Optional<Offer> seen = store.offerById(offerId);
		if (seen.isEmpty()) {
			return new Answerable(Outcome.UNKNOWN, null, null, null);
		}
		if (!catalog.teamMemberIds(seen.get().partnerId()).contains(userId)) {
			return new Answerable(Outcome.NOT_ALLOWED, null, null, null);
		}
		Invitation invitation = store.lock(seen.get().invitationId()).orElseThrow();
		Offer offer = store.offerById(offerId).orElseThrow();
		Instant now = now();
		if (!offer.isLive()) {
			return new Answerable(Outcome.MOVED_ON, null, null, null);
		}
		if (offer.isPastDeadline(now)) {
			expire(invitation, offer, now);
			return new Answerable(Outcome.EXPIRED, null, null, null);
		}
		return new Answerable(null, invitation, offer, now);
	}

	/**
	 * The offer's deadline timer fired: if the offer is still live and its deadline has passed by
	 * the application's clock, it expires and the invitation passes to the next candidate.
	 */
	@Transactional
	Outcome offerExpired(long offerId) {
		Optional<Offer> seen = store.offerById(offerId);
		if (seen.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		if (!seen.get().isLive()) {
			return Outcome.MOVED_ON;
		}
		Invitation invitation = store.lock(seen.get().invitationId()).orElseThrow();
		Offer offer = store.offerById(offerId).orElseThrow();
		Instant now = now();
		if (!offer.isLive()) {
			return Outcome.MOVED_ON;
		}
		if (!offer.isPastDeadline(now)) {
			return Outcome.NOT_DUE;
		}
		expire(invitation, offer, now);
		return Outcome.DONE;
	}

	/** The deadline of a live offer, for a timer that came early. */
	Optional<Instant> deadlineOf(long offerId) {
		return store.offerById(offerId).filter(Offer::isLive).map(Offer::deadline);
	}

	private void expire(Invitation invitation, Offer offer, Instant now) {
		store.saveFinished(offer, offer.expire(now));
		store.record(invitation.id(), "EXPIRED", offer.partnerId(), null, null, now);
		settle(invitation, offer, member -> texts.text(accounts.localeOf(member), "invite.offer.expired"));
		log.info("Invitation {}: offer {} to partner {} expired", invitation.id(), offer.id(), offer.partnerId());
		offerNext(store.lock(invitation.id()).orElseThrow(), now);
		refreshStatus(invitation.id());
	}

	/** The inviter (or B2BRICS staff in the group) cancels an open invitation. */
	@Transactional
	Outcome cancel(long invitationId, long userId) {
		Optional<Invitation> locked = store.lock(invitationId);
		if (locked.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		Invitation invitation = locked.get();
		if (invitation.inviterId() != userId && !pool.isStaff(invitation.chatId(), userId)) {
			return Outcome.NOT_ALLOWED;
		}
		if (!invitation.isOpen()) {
			return Outcome.MOVED_ON;
		}
		end(invitation, userId, null);
		refreshStatus(invitationId);
		return Outcome.DONE;
	}

	/** The deal's group was released: whatever is still open there is cancelled, and drafts are dropped. */
	@Transactional
	void dealClosed(long chatId) {
		store.dropDrafts(chatId);
		for (Invitation open : store.openInChat(chatId)) {
			store.lock(open.id()).filter(Invitation::isOpen).ifPresent(invitation -> end(invitation, null, "deal_closed"));
		}
	}

	private void end(Invitation invitation, Long by, String detail) {
		Instant now = now();
		store.liveOffer(invitation.id()).ifPresent(offer -> {
			store.saveFinished(offer, offer.withdraw(by, now));
			settle(invitation, offer, member -> texts.text(accounts.localeOf(member), "invite.offer.withdrawn"));
		});
		store.saveClosed(invitation, invitation.cancel(now));
		store.record(invitation.id(), "CANCELLED", null, by, detail, now);
		log.info("Invitation {} cancelled ({})", invitation.id(), by == null ? detail : "by user " + by);
	}

	/**
	 * Someone of a partner accepted in the group's current deal entered the group: the history says
	 * so (once per person). Invitations of earlier deals in the same pool group are not this deal's.
	 */
	@Transactional
	Optional<Invitation> joined(long chatId, String dealKey, long userId) {
		for (Invitation invitation : store.acceptedInChat(chatId)) {
			if (invitation.dealKey().equals(dealKey) && invitation.acceptedPartnerId() != null && catalog.teamMemberIds(invitation.acceptedPartnerId()).contains(userId)
					&& store.history(invitation.id()).stream()
						.noneMatch(e -> "JOINED".equals(e.event()) && Long.valueOf(userId).equals(e.userId()))) {
				store.record(invitation.id(), "JOINED", invitation.acceptedPartnerId(), userId, null, now());
				refreshStatus(invitation.id());
				return Optional.of(invitation);
			}
		}
		return Optional.empty();
	}

	// --- the manager adds a partner by hand

	/**
	 * The partners a manager may add by hand to an exhausted invitation: of its specialization on
	 * any storefront, by company name, not in the group, reachable, and not offered it before.
	 */
	List<Partner> handPicks(Invitation invitation) {
		Set<Long> offered = new HashSet<>();
		store.offers(invitation.id()).forEach(o -> offered.add(o.partnerId()));
		return catalog.partners().stream()
			.filter(p -> p.specializations().contains(invitation.specialization()) && !offered.contains(p.id())
					&& whyNot(p.id(), invitation.chatId()) == null)
			.toList();
	}

	/**
	 * A manager adds a partner by hand to an exhausted invitation: it opens again, the history
	 * records who added whom, and the partner's team gets the offer as usual. Refused, changing
	 * nothing, for anyone but a manager, an invitation that is not exhausted, a partner of another
	 * specialization, in the group, unreachable, or offered before.
	 */
	@Transactional
	Outcome addByHand(long invitationId, long partnerId, long managerId) {
		if (!managers().contains(managerId)) {
			return Outcome.NOT_ALLOWED;
		}
		Optional<Invitation> locked = store.lock(invitationId);
		Optional<Partner> partner = catalog.partner(partnerId);
		if (locked.isEmpty() || partner.isEmpty() || !partner.get().specializations().contains(locked.get().specialization())) {
			return Outcome.UNKNOWN;
		}
		Invitation invitation = locked.get();
		if (!invitation.canReopen()) {
			return Outcome.MOVED_ON;
		}
		if (store.offers(invitationId).stream().anyMatch(o -> o.partnerId() == partnerId)) {
			return Outcome.OFFERED_BEFORE;
		}
		String whyNot = whyNot(partnerId, invitation.chatId());
		if (whyNot != null) {
			return "in_group".equals(whyNot) ? Outcome.IN_GROUP : Outcome.UNREACHABLE;
		}
		if (!store.saveReopened(invitation, invitation.reopen())) {
			return Outcome.ALREADY_LOOKING;
		}
		Instant now = now();
		offerTo(store.lock(invitationId).orElseThrow(), partnerId, now, "BY_MANAGER", managerId);
		log.info("Invitation {}: manager {} added partner {} by hand", invitationId, managerId, partnerId);
		refreshStatus(invitationId);
		return Outcome.DONE;
	}

	/** Edits every team member's copy of a finished offer: the offer as it was, and what became of it. */
	private void settle(Invitation invitation, Offer offer, java.util.function.LongFunction<String> outcome) {
		Offer finished = store.offerById(offer.id()).orElse(offer);
		store.offerMessages(offer.id()).forEach((member, message) -> outbox.editText(member, MessageRef.queued(message),
				texts.offer(accounts.localeOf(member), invitation, finished) + "\n\n" + outcome.apply(member), null,
				Priority.HIGH));
	}

	/**
	 * Offers the invitation to the best candidate not offered yet who can still take it; when
	 * nobody is left, the invitation is exhausted and the inviter and the managers are told.
	 * The caller holds the invitation's lock and it has no live offer.
	 */
	private void offerNext(Invitation invitation, Instant now) {
		if (!invitation.isOpen()) {
			return;
		}
		Set<Long> offered = new HashSet<>();
		store.offers(invitation.id()).forEach(o -> offered.add(o.partnerId()));
		Set<Long> skipped = new HashSet<>();
		store.history(invitation.id()).stream().filter(e -> "SKIPPED".equals(e.event())).forEach(e -> skipped.add(e.partnerId()));
		boolean first = offered.isEmpty();
		for (Candidate candidate : store.candidates(invitation.id())) {
			long partner = candidate.partnerId();
			if (offered.contains(partner) || skipped.contains(partner)) {
				continue;
			}
			String whyNot = whyNot(partner, invitation.chatId());
			if (whyNot != null) {
				store.record(invitation.id(), "SKIPPED", partner, null, whyNot, now);
				continue;
			}
			offerTo(invitation, partner, now, first ? "PENDING" : "FORWARDED", null);
			return;
		}
		store.saveClosed(invitation, invitation.exhaust(now));
		store.record(invitation.id(), "EXHAUSTED", null, null, null, now);
		log.info("Invitation {} exhausted: nobody left to offer it to", invitation.id());
		Invitation exhausted = store.byId(invitation.id()).orElseThrow();
		Locale inviterLocale = accounts.localeOf(invitation.inviterId());
		outbox.send(OutgoingMessage.to(invitation.inviterId(), texts.exhaustedForInviter(inviterLocale, exhausted))
			.priority(Priority.HIGH));
		for (Long manager : managers()) {
			Locale locale = accounts.localeOf(manager);
			OutgoingMessage message = OutgoingMessage.to(manager, texts.exhaustedForManager(locale, exhausted,
					store.offers(invitation.id()))).priority(Priority.HIGH);
			InlineButton byHand = InlineButton.callback(texts.text(locale, "invite.hand.button"), InviteConversation.HAND,
					Long.toString(invitation.id())).forUser(manager);
			message = message.with(pool.isMember(invitation.chatId(), manager) ? Keyboard.column(byHand)
					: Keyboard.column(InlineButton.url(texts.text(locale, "invite.manager.open"),
							invites.linkFor(invitation.chatId(), manager, Role.MANAGER)), byHand));
			outbox.send(message);
		}
	}

	/** Offers the invitation to the partner's team (Join / Decline, each member's own buttons) until the deadline, durably. */
	private void offerTo(Invitation invitation, long partner, Instant now, String event, Long by) {
		Instant deadline = now.plus(properties.offerTimeoutOn(invitation.storefrontSlug()));
		long offerId = store.offer(invitation.id(), partner, now, deadline);
		Offer offer = store.offerById(offerId).orElseThrow();
		store.record(invitation.id(), event, partner, by, null, now);
		for (Long member : catalog.teamMemberIds(partner)) {
			if (!accounts.reachable(member)) {
				continue;
			}
			Locale locale = accounts.localeOf(member);
			String id = Long.toString(offerId);
			long message = outbox.send(OutgoingMessage.to(member, texts.offer(locale, invitation, offer))
				.with(Keyboard.row(InlineButton.callback(texts.text(locale, "invite.offer.join"), InviteConversation.JOIN, id)
					.forUser(member), InlineButton.callback(texts.text(locale, "invite.offer.decline"), InviteConversation.DECLINE, id)
					.forUser(member)))
				.priority(Priority.HIGH));
			store.offerMessage(offerId, member, message);
		}
		scheduler.scheduleIfNotExists(new TaskInstance<Void>(DEADLINE_TASK, Long.toString(offerId)), deadline);
		log.info("Invitation {}: offered to partner {} (offer {}, until {})", invitation.id(), partner, offerId, deadline);
	}

	/** Who is told about exhausted invitations: the configured managers, else the platform admins. */
	List<Long> managers() {
		return properties.managerTelegramIds().isEmpty() ? admins.ids() : properties.managerTelegramIds();
	}

	/** Posts the group's status message the first time, and edits it in place afterwards. */
	private void refreshStatus(long invitationId) {
		Invitation invitation = store.byId(invitationId).orElseThrow();
		Locale locale = accounts.localeOf(invitation.inviterId());
		String html = texts.status(locale, invitation, store.offers(invitationId), store.history(invitationId));
		Keyboard.Inline keyboard = invitation.isOpen()
				? Keyboard.column(InlineButton.callback(texts.text(locale, "invite.status.cancel"), InviteConversation.CANCEL,
						Long.toString(invitationId)).forUser(invitation.inviterId()))
				: null;
		if (invitation.statusOutboxId() == null) {
			// posted when the inviter's task arrives: the answer to that text
			long id = outbox.send(OutgoingMessage.to(invitation.chatId(), html).with(keyboard).priority(Priority.ANSWER));
			store.statusMessage(invitationId, id);
		}
		else {
			outbox.editText(invitation.chatId(), MessageRef.queued(invitation.statusOutboxId()), html,
					keyboard == null ? Keyboard.inline(List.of()) : keyboard, Priority.HIGH);
		}
	}
}
