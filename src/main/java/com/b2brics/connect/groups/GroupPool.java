package com.b2brics.connect.groups;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other modules may ask of the pool of working groups. */
@Service
public class GroupPool {

	private final WorkingGroups groups;
	private final java.time.Clock clock;

	GroupPool(WorkingGroups groups, java.time.Clock clock) {
		this.groups = groups;
		this.clock = clock;
	}

	/**
	 * Takes a free group for the lead, atomically (two leads never get one group, also across
	 * instances); empty when the pool is empty.
	 */
	public Optional<Long> take(long leadId) {
		return groups.take(leadId, clock.instant());
	}

	/** FREE, IN_USE or GONE; empty for a chat that never was in the pool. */
	public Optional<String> status(long chatId) {
		return groups.status(chatId);
	}

	public long freeGroups() {
		return groups.countFree();
	}

	/** The chats the pool holds, FREE or IN_USE (not GONE), oldest first. */
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
