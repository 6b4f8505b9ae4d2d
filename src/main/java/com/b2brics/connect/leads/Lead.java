package com.b2brics.connect.leads;

import java.time.Instant;

/**
 * An importer's request about one service, from the moment they pressed Start. It waits for a
 * working group, is open while the group is in use, and is closed at the end. If the importer
 * does not enter the group in time (or an admin takes the group back), the group returns to the
 * pool and the lead waits for the importer to come back; their next Start queues it again.
 *
 * @param groupAt when the lead got its current group; null without one
 * @param importerJoinedAt when the importer entered the current group; null if they have not
 */
public record Lead(long id, long serviceId, long partnerId, String storefrontSlug, long importerId, long clickId,
		Status status, Instant createdAt, Instant groupAt, Instant importerJoinedAt) {

	public enum Status {
		WAITING_FOR_GROUP, OPEN, WAITING_FOR_IMPORTER, CLOSED
	}

	/** Holds a group, or waits for one, without its importer having entered: what the per-person cap counts. */
	boolean unused() {
		return (status == Status.WAITING_FOR_GROUP || status == Status.OPEN) && importerJoinedAt == null;
	}
}
