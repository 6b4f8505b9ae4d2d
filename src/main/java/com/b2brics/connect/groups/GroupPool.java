package com.b2brics.connect.groups;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other modules may ask of the pool of working groups. */
@Service
public class GroupPool {

	private final WorkingGroups groups;

	GroupPool(WorkingGroups groups) {
		this.groups = groups;
	}

	/** FREE, IN_USE or GONE; empty for a chat that never was in the pool. */
	public Optional<String> status(long chatId) {
		return groups.status(chatId);
	}

	public long freeGroups() {
		return groups.countFree();
	}
}
