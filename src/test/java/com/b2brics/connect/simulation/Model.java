package com.b2brics.connect.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.b2brics.connect.catalog.Specialization;

/**
 * What should be true, derived only from what each action should do: the people, the pool's
 * groups, the leads and the invitations of one simulation. Where the product may choose (which
 * free group a lead gets, which candidate is offered first) the model records a set of allowed
 * outcomes, and {@link Simulation} fills in the choice it observes once it checked that the choice
 * was allowed.
 */
final class Model {

	enum LeadState {
		WAITING, OPEN, CLOSED
	}

	enum InvitationState {
		OPEN, ACCEPTED, EXHAUSTED, CANCELLED
	}

	/** A service the importers may contact, with its partner and that partner's team. */
	record ServiceRef(long id, long partnerId, String storefront, String path, List<Long> team) {
	}

	static final class Lead {

		final int number;
		final long importer;
		final ServiceRef service;
		LeadState state;
		/** The group, once the lead has one; null while waiting, or while the model waits to see which free group it got. */
		Long chat;
		Long dbId;
		boolean importerJoined;
		/** The importer's personal link into the group, as the importer saw it. */
		String importerLink;
		final Set<Long> partnerMembersJoined = new LinkedHashSet<>();
		/** Partners whose offer in this deal was accepted; their teams belong in the group. */
		final Set<Long> acceptedPartners = new LinkedHashSet<>();
		final Set<Long> invitedJoined = new LinkedHashSet<>();

		Lead(int number, long importer, ServiceRef service) {
			this.number = number;
			this.importer = importer;
			this.service = service;
		}

		boolean isOpen() {
			return state == LeadState.OPEN;
		}

		/** The parties who may write commands of the deal and are in the group now. */
		List<Long> joinedParties() {
			List<Long> parties = new ArrayList<>();
			if (importerJoined) {
				parties.add(importer);
			}
			parties.addAll(partnerMembersJoined);
			return parties;
		}

		@Override
		public String toString() {
			return "lead#" + number + "(importer " + importer + ", service " + service.id() + ", " + state
					+ (chat == null ? "" : ", group " + chat) + ")";
		}
	}

	static final class Invitation {

		final long dbId;
		final Lead lead;
		final long chat;
		final Specialization specialization;
		final long inviter;
		final String task;
		/** The ranked list as the invitation was opened: who may ever be offered it. */
		final Set<Long> candidates;
		final Set<Long> offered = new LinkedHashSet<>();
		final Set<Long> skipped = new LinkedHashSet<>();
		InvitationState state = InvitationState.OPEN;
		/** The partner the live offer went to, once observed; the allowed set until then. */
		Long livePartner;
		Set<Long> allowedNext;
		Long liveOfferId;
		Instant liveDeadline;
		Long acceptedPartner;

		Invitation(long dbId, Lead lead, Specialization specialization, long inviter, String task, Set<Long> candidates) {
			this.dbId = dbId;
			this.lead = lead;
			this.chat = lead.chat;
			this.specialization = specialization;
			this.inviter = inviter;
			this.task = task;
			this.candidates = candidates;
		}

		@Override
		public String toString() {
			return "invitation#" + dbId + "(" + specialization.code() + " in group " + chat + ", " + state
					+ (livePartner == null ? "" : ", offered to partner " + livePartner) + ")";
		}
	}

	final List<Long> importers = new ArrayList<>();
	final Map<Long, String> names = new LinkedHashMap<>();
	final List<ServiceRef> services = new ArrayList<>();
	final List<Specialization> specializations = new ArrayList<>();
	/** Partners of each specialization on the storefront, as the catalog lists them. */
	final Map<Specialization, List<Long>> partnersOf = new LinkedHashMap<>();
	final Map<Long, List<Long>> teams = new LinkedHashMap<>();
	long stranger;

	/** The pool's groups of this simulation, in the order the admin added them. */
	final List<Long> groups = new ArrayList<>();
	final List<Lead> leads = new ArrayList<>();
	/** Leads waiting for a group, in the order they started. */
	final List<Lead> waiting = new ArrayList<>();
	/**
	 * How many waiting leads should have got a group by now (a group was added or released);
	 * which of them did is observed: the model does not hold the product to an exact take order.
	 */
	int toServe;
	/** Leads started while the app was down: whether each got a group depends on the order the app catches up in. */
	final List<Lead> undecided = new ArrayList<>();
	final List<Invitation> invitations = new ArrayList<>();
	/** The deep link each importer holds per service (pressed Contact, not yet used up by a closed lead). */
	final Map<Long, Map<Long, String>> links = new LinkedHashMap<>();
	/** Links into groups of deals that closed since: whoever holds one is a stranger to the group now. */
	final List<String> oldLinks = new ArrayList<>();
	/** Leads that got a group the model has not seen yet (allowed: any group free at that moment). */
	final List<Lead> awaitingGroup = new ArrayList<>();

	// --- reading

	Optional<Lead> liveLead(long importer, long serviceId) {
		return leads.stream()
			.filter(l -> l.importer == importer && l.service.id() == serviceId && l.state != LeadState.CLOSED)
			.findFirst();
	}

	Optional<Lead> leadIn(long chat) {
		return leads.stream().filter(l -> l.isOpen() && l.chat != null && l.chat == chat).findFirst();
	}

	List<Long> freeGroups() {
		List<Long> free = new ArrayList<>(groups);
		leads.stream().filter(l -> l.isOpen() && l.chat != null).forEach(l -> free.remove(l.chat));
		return free;
	}

	/** Free groups not yet claimed by a lead whose group the model has not observed. */
	int unclaimedFree() {
		return freeGroups().size() - awaitingGroup.size() - toServe;
	}

	List<Lead> openLeads() {
		return leads.stream().filter(Lead::isOpen).toList();
	}

	List<Invitation> openInvitations() {
		return invitations.stream().filter(i -> i.state == InvitationState.OPEN).toList();
	}

	/** An importer with a lead that is waiting, or open and not entered, does not start another (stays within any cap). */
	boolean mayStartAnother(long importer) {
		return leads.stream().noneMatch(l -> l.importer == importer
				&& (l.state == LeadState.WAITING || (l.state == LeadState.OPEN && !l.importerJoined)));
	}

	/** Who may be in the group now: the bot and staff, and the parties of the deal it serves. */
	Set<Long> allowedIn(long chat, long botId) {
		Set<Long> allowed = new LinkedHashSet<>(List.of(botId, World.ADMIN));
		leadIn(chat).ifPresent(lead -> {
			allowed.add(lead.importer);
			allowed.addAll(lead.service.team());
			allowed.add(World.MANAGER);
			lead.acceptedPartners.forEach(p -> allowed.addAll(teams.get(p)));
		});
		return allowed;
	}

	/** Who the model knows entered the group and must be there now. */
	Set<Long> expectedIn(long chat) {
		Set<Long> expected = new LinkedHashSet<>(List.of(World.ADMIN));
		leadIn(chat).ifPresent(lead -> {
			if (lead.importerJoined) {
				expected.add(lead.importer);
			}
			expected.addAll(lead.partnerMembersJoined);
			expected.addAll(lead.invitedJoined);
		});
		return expected;
	}

	/** Candidates for a new invitation of the deal: the specialization's partners, not the deal's, not accepted in it. */
	Set<Long> candidatesFor(Lead lead, Specialization specialization) {
		Set<Long> candidates = new LinkedHashSet<>(partnersOf.getOrDefault(specialization, List.of()));
		candidates.remove(lead.service.partnerId());
		candidates.removeAll(lead.acceptedPartners);
		candidates.removeIf(p -> inGroup(lead, p));
		return candidates;
	}

	private boolean inGroup(Lead lead, long partner) {
		return teams.get(partner).stream().anyMatch(m -> lead.invitedJoined.contains(m) || lead.partnerMembersJoined.contains(m));
	}

	// --- transitions

	/** Start on a held link: the open lead again, or a new lead that gets a group or waits. */
	Lead start(long importer, ServiceRef service, boolean appRunning) {
		Optional<Lead> live = liveLead(importer, service.id());
		if (live.isPresent()) {
			return live.get();
		}
		Lead lead = new Lead(leads.size() + 1, importer, service);
		leads.add(lead);
		if (!appRunning) {
			lead.state = LeadState.WAITING;
			undecided.add(lead);
		}
		else if (unclaimedFree() > 0) {
			lead.state = LeadState.OPEN;
			awaitingGroup.add(lead);
		}
		else {
			lead.state = LeadState.WAITING;
			waiting.add(lead);
		}
		return lead;
	}

	/** The admin added a group: the lead waiting longest gets one. */
	void groupAdded(long chat) {
		groups.add(chat);
		serveWaiting();
	}

	private void serveWaiting() {
		while (waiting.size() > toServe && unclaimedFree() > 0) {
			toServe++;
		}
	}

	/** A waiting lead was seen with a group. */
	void served(Lead lead) {
		waiting.remove(lead);
		toServe--;
		lead.state = LeadState.OPEN;
		awaitingGroup.add(lead);
	}

	/** A lead started while the app was down was seen waiting or with a group. */
	void decided(Lead lead, boolean gotGroup) {
		undecided.remove(lead);
		if (gotGroup) {
			lead.state = LeadState.OPEN;
			awaitingGroup.add(lead);
		}
		else {
			waiting.add(lead);
			serveWaiting();
		}
	}

	/** The partner's team or staff closed the deal: everyone but staff leaves, searches end, the group serves the next. */
	void closed(Lead lead) {
		lead.state = LeadState.CLOSED;
		if (lead.importerLink != null) {
			oldLinks.add(lead.importerLink);
		}
		links.getOrDefault(lead.importer, Map.of()).remove(lead.service.id());
		for (Invitation invitation : invitations) {
			if (invitation.lead == lead && invitation.state == InvitationState.OPEN) {
				invitation.state = InvitationState.CANCELLED;
				invitation.livePartner = null;
				invitation.liveOfferId = null;
				invitation.allowedNext = null;
			}
		}
		lead.chat = lead.chat; // kept for the record; the group is free because the lead is closed
		serveWaiting();
	}

	/** An invitation opened with these candidates: the first offer goes to one of them. */
	Invitation invited(long dbId, Lead lead, Specialization specialization, long inviter, String task, Set<Long> candidates) {
		Invitation invitation = new Invitation(dbId, lead, specialization, inviter, task, candidates);
		invitation.allowedNext = new LinkedHashSet<>(candidates);
		invitations.add(invitation);
		return invitation;
	}

	/** The live offer ended without a Join (declined or expired): the next candidate, or nobody left. */
	void passedOn(Invitation invitation) {
		invitation.offered.add(invitation.livePartner);
		invitation.livePartner = null;
		invitation.liveOfferId = null;
		invitation.liveDeadline = null;
		Set<Long> next = new LinkedHashSet<>();
		for (long candidate : invitation.candidates) {
			if (invitation.offered.contains(candidate) || invitation.skipped.contains(candidate)) {
				continue;
			}
			next.add(candidate);
		}
		// the engine skips (for good) a candidate with a team member in the group by now; the model lets it pass
		// over any of those and checks what it did when it observes the next offer
		if (next.isEmpty()) {
			invitation.state = InvitationState.EXHAUSTED;
			invitation.allowedNext = null;
		}
		else {
			invitation.allowedNext = next;
		}
	}

	void accepted(Invitation invitation) {
		invitation.state = InvitationState.ACCEPTED;
		invitation.acceptedPartner = invitation.livePartner;
		invitation.offered.add(invitation.livePartner);
		invitation.lead.acceptedPartners.add(invitation.livePartner);
		invitation.livePartner = null;
		invitation.liveOfferId = null;
		invitation.allowedNext = null;
	}

	void cancelled(Invitation invitation) {
		invitation.state = InvitationState.CANCELLED;
		invitation.livePartner = null;
		invitation.liveOfferId = null;
		invitation.allowedNext = null;
	}
}
