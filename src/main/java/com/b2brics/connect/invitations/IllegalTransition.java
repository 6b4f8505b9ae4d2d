package com.b2brics.connect.invitations;

/** A change the state of an {@link Invitation} or {@link Offer} does not allow; nothing was changed. */
final class IllegalTransition extends IllegalStateException {

	IllegalTransition(String message) {
		super(message);
	}
}
