package com.b2brics.connect.telegram;

/**
 * A conversation that asked a user to share their contact says so here; the router gives the
 * contact to its {@link OnContact} method only then, and answers a contact nobody asked for.
 * Must only read.
 */
public interface ExpectedContact {

	/** Whether this module waits for this person's contact now. */
	boolean expects(ContactShared shared);
}
