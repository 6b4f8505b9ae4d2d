package com.b2brics.connect.telegram;

/**
 * A module that asked a user to share their contact says so here, so that another module's answer
 * to a contact nobody asked for stays quiet for it. Must only read.
 */
public interface ExpectedContact {

	/** Whether this module waits for this person's contact now. */
	boolean expects(ContactShared shared);
}
