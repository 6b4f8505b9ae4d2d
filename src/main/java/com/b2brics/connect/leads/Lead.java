package com.b2brics.connect.leads;

import java.time.Instant;

/**
 * An importer's request about one service, from the moment they pressed Start. It waits for a
 * working group, is open while the group is in use, and is closed at the end.
 */
public record Lead(long id, long serviceId, long partnerId, String storefrontSlug, long importerId, long clickId,
		Status status, Instant createdAt) {

	public enum Status {
		WAITING_FOR_GROUP, OPEN, CLOSED
	}
}
