package com.b2brics.connect.telegram;

/**
 * A conversation that {@code /cancel} ends (besides its own Cancel button). {@code /cancel} has one
 * owner, which asks every conversation in turn, so that each module keeps its own dialogue; a
 * person with none open is told there is nothing to cancel. Called inside the update's transaction.
 */
public interface CancellableConversation {

	/** Ends this person's conversation in the command's chat if one is open there, answering them; false when none was. */
	boolean cancel(CommandReceived command);
}
