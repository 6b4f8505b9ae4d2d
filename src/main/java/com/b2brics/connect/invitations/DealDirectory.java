package com.b2brics.connect.invitations;

import java.util.Optional;

/**
 * Finds the open deal a working group serves. Each module that owns deals declares one as a
 * bean; the engine asks them all. When a deal ends its group must be released through the pool
 * (the engine then cancels what is still open there).
 */
public interface DealDirectory {

	/** The open deal served in this group, if this directory knows one. */
	Optional<Deal> openDealInChat(long chatId);
}
