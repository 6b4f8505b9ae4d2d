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
}
