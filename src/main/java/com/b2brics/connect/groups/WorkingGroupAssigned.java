package com.b2brics.connect.groups;

/**
 * A waiting holder got its working group, which the pool has set up as the holder described
 * ({@link WorkingGroupHolder#setUp}); published in the transaction that assigned it, so the
 * holder's module records it there.
 */
public record WorkingGroupAssigned(String kind, long holderId, long chatId) {

	public boolean isFor(String holderKind) {
		return kind.equals(holderKind);
	}
}
