package com.b2brics.connect.groups;

import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/** What other modules may ask of the pool of working groups. */
@Service
public class GroupPool {

	private static final Logger log = LoggerFactory.getLogger(GroupPool.class);

	private final WorkingGroups groups;
	private final GroupInvites invites;
	private final PlatformAdmins admins;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final GroupsProperties properties;
	private final Clock clock;

	GroupPool(WorkingGroups groups, GroupInvites invites, PlatformAdmins admins, Accounts accounts, Outbox outbox,
			MessageSource messages, ApplicationEventPublisher events, GroupsProperties properties, Clock clock) {
		this.groups = groups;
		this.invites = invites;
		this.admins = admins;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes a free group for the lead, atomically (two leads never get one group, also across
	 * instances); empty when the pool is empty. When the pool runs low, the admins are told once.
	 */
	@Transactional
	public Optional<Long> take(long leadId) {
		return takeFor(Holder.LEAD, leadId);
	}

	/**
	 * Takes a free group for a holder of any kind (a lead, an exporter's personal group, a referral
	 * chat, …), atomically: two holders never get one group, and a holder that has a group gets the
	 * same one again. Empty when the pool is empty: the caller keeps its holder waiting and tries
	 * again on {@link GroupRegistered} and {@link GroupReleased}. When the pool runs low, the admins
	 * are told once.
	 */
	@Transactional
	public Optional<Long> takeFor(String holderKind, long holderId) {
		if (holderKind == null || !holderKind.matches("[A-Z_]{1,24}")) {
			throw new IllegalArgumentException("holder kind takes A-Z and _ only: " + holderKind);
		}
		Optional<Long> taken = groups.take(holderKind, holderId, clock.instant());
		if (taken.isPresent()) {
			long free = groups.countFree();
			if (free < properties.lowWaterMark() && groups.markLowAlerted()) {
				log.warn("The pool of working groups runs low: {} free", free);
				tellAdmins("groups.pool.low", free);
			}
		}
		return taken;
	}

	/**
	 * Empties a deal's group and gives it back to the pool, in the caller's transaction: everyone
	 * but the staff (platform admins and whoever registered the group) is removed (and unbanned,
	 * so they can be invited again later), every personal link is revoked, pins are removed, and
	 * the title and description are reset. Telegram does the work in the group's outbox order,
	 * so it is done before anything the next deal posts there. The group is handed out again once
	 * {@link HistoryCheck} found its history hidden from new members. False if the group was not in use.
	 */
	@Transactional
	public boolean release(long chatId) {
		if (!groups.free(chatId, clock.instant())) {
			return false;
		}
		Set<Long> staff = new HashSet<>(admins.ids());
		groups.registeredBy(chatId).ifPresent(staff::add);
		for (long member : groups.members(chatId)) {
			if (!staff.contains(member)) {
				outbox.removeMember(chatId, member);
				outbox.unbanMember(chatId, member);
				groups.memberLeft(chatId, member);
			}
		}
		for (String link : invites.revokeAll(chatId)) {
			outbox.revokeInviteLink(chatId, link);
		}
		outbox.unpinAll(chatId);
		outbox.setChatTitle(chatId, groups.poolTitle(chatId).filter(t -> !t.isBlank()).orElse("B2BRICS"));
		outbox.setChatDescription(chatId, "");
		// back in the pool (GroupReleased) once HistoryCheck found its history still hidden
		log.info("Group {} cleaned; its history setting is checked before it is handed out again", chatId);
		events.publishEvent(new GroupEmptied(chatId));
		return true;
	}

	/** The group a holder has now, if any. */
	public Optional<Long> groupOf(String holderKind, long holderId) {
		return groups.heldBy(holderKind, holderId);
	}

	/** Who the group serves now; empty for a free, gone or unknown group. */
	public Optional<Holder> holderOf(long chatId) {
		return groups.holder(chatId);
	}

	/**
	 * What a pool group serves: its kind (LEAD, or a kind another module names, in capitals) and
	 * the id the owning module gave it.
	 */
	public record Holder(String kind, long id) {

		/** The kind of a lead's deal group. */
		public static final String LEAD = "LEAD";
	}

	/** CHECKING, FREE, IN_USE, HELD_BACK or GONE; empty for a chat that never was in the pool. */
	public Optional<String> status(long chatId) {
		return groups.status(chatId);
	}

	public long freeGroups() {
		return groups.countFree();
	}

	/** Whether the bot saw the user join the group and not leave it since. */
	public boolean isMember(long chatId, long userId) {
		return groups.members(chatId).contains(userId);
	}

	/** Platform admins and whoever registered the group: they stay in it between deals. */
	public boolean isStaff(long chatId, long userId) {
		return admins.contains(userId) || groups.registeredBy(chatId).filter(by -> by == userId).isPresent();
	}

	private void tellAdmins(String key, Object... args) {
		for (Long admin : admins.ids()) {
			Locale locale = accounts.localeOf(admin);
			outbox.send(OutgoingMessage.to(admin, messages.getMessage(key, args, locale)).priority(Priority.HIGH));
		}
	}

	/** The chats the pool holds, in any state but GONE, oldest first. */
	public java.util.List<Long> groupsInPool() {
		return groups.inPool();
	}

	/**
	 * Records that the chat no longer exists although the bot was never told it was removed
	 * (the embedded sandbox started again empty): the group is GONE and never handed out again.
	 * A chat that is not in the pool is left alone.
	 */
	public void vanished(long chatId) {
		groups.gone(chatId, clock.instant());
	}
}
