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
import com.b2brics.connect.telegram.Outbox;

/** What other modules may ask of the pool of working groups. */
@Service
public class GroupPool {

	private static final Logger log = LoggerFactory.getLogger(GroupPool.class);

	private final WorkingGroups groups;
	private final GroupQueue queue;
	private final GroupInvites invites;
	private final PlatformAdmins admins;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	GroupPool(WorkingGroups groups, GroupQueue queue, GroupInvites invites, PlatformAdmins admins, Accounts accounts,
			Outbox outbox, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.groups = groups;
		this.queue = queue;
		this.invites = invites;
		this.admins = admins;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for a working group for the holder, in the caller's transaction: the group it has
	 * already, or a free one set up as the holder's {@link WorkingGroupHolder} describes (its module
	 * hears {@link WorkingGroupAssigned} in this transaction), or empty: the holder waits in the
	 * pool's one queue, first come first served across kinds ({@link GroupQueue}), and gets
	 * {@link WorkingGroupAssigned} when its turn comes. The admins are told once per shortage.
	 */
	@Transactional
	public Optional<Long> request(Holder holder) {
		return queue.request(holder);
	}

	/** The holder no longer waits for a group (nothing changes if it did not). */
	@Transactional
	public void cancel(Holder holder) {
		queue.cancel(holder);
	}

	/**
	 * Takes a free group for a holder at once, past the queue and without setting it up (for the
	 * pool's own tests): two holders never get one group, and a holder that has a group gets the
	 * same one again; empty when none is free.
	 */
	@Transactional
	Optional<Long> takeFor(String holderKind, long holderId) {
		return queue.take(new Holder(holderKind, holderId));
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
		outbox.setChatTitle(chatId, groups.poolTitle(chatId).filter(t -> !t.isBlank())
			.orElseGet(() -> messages.getMessage("groups.title.pool", null, groups.registeredBy(chatId).map(accounts::localeOf)
				.orElse(Locale.ENGLISH))));
		outbox.setChatDescription(chatId, "");
		// back in the pool (GroupReleased) once HistoryCheck found its history still hidden
		log.info("Group {} cleaned; its history setting is checked before it is handed out again", chatId);
		events.publishEvent(new GroupEmptied(chatId));
		return true;
	}

	/**
	 * Takes a group out of the pool for another use (the support desk), in the caller's transaction:
	 * it is never handed to a deal again. False when it serves a holder now, is gone, or was never
	 * in the pool.
	 */
	@Transactional
	public boolean withdraw(long chatId) {
		return groups.withdraw(chatId, clock.instant());
	}

	/**
	 * Lets one person out of a group they came into with a personal link (a support agent whose
	 * ticket is resolved), as {@link #release} does for everyone: their live links revoked, and
	 * removed and unbanned (so a later link works) if they are in. Staff stay; true if they were removed.
	 */
	@Transactional
	public boolean dismiss(long chatId, long userId) {
		for (String link : invites.revokeFor(chatId, userId)) {
			outbox.revokeInviteLink(chatId, link);
		}
		if (isStaff(chatId, userId) || !isMember(chatId, userId)) {
			return false;
		}
		outbox.removeMember(chatId, userId);
		outbox.unbanMember(chatId, userId);
		groups.memberLeft(chatId, userId);
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

		public Holder {
			if (kind == null || !kind.matches("[A-Z_]{1,24}")) {
				throw new IllegalArgumentException("holder kind takes A-Z and _ only: " + kind);
			}
		}
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

	/** The role the person's personal link into the group's current deal gave them, if any. */
	public Optional<Role> roleOf(long chatId, long userId) {
		return invites.roleOf(chatId, userId);
	}

	/** The groups where the person was let in (or invited) with a live personal link of the role, newest first. */
	public java.util.List<Long> chatsWhere(long userId, Role role, int limit) {
		return invites.chatsOf(userId, role, limit);
	}

	/**
	 * The people the bot saw join the group and not leave, in the order they joined, with the role
	 * their personal link gave them (empty for staff who were there before the deal).
	 */
	public java.util.Map<Long, Optional<Role>> roster(long chatId) {
		java.util.Map<Long, Optional<Role>> roster = new java.util.LinkedHashMap<>();
		for (long member : groups.members(chatId)) {
			roster.put(member, invites.roleOf(chatId, member));
		}
		return roster;
	}

	/** Platform admins and whoever registered the group: they stay in it between deals. */
	public boolean isStaff(long chatId, long userId) {
		return admins.contains(userId) || groups.registeredBy(chatId).filter(by -> by == userId).isPresent();
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
