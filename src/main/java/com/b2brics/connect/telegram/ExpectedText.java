package com.b2brics.connect.telegram;

/**
 * A conversation that waits for free text from a user (a code they were given, an answer to its
 * question) says so here; the router gives the text to its {@link OnText} method only then, and
 * answers a private text nobody expects ("I work with buttons and commands"). Asked inside the
 * transaction handling the update, before any owner changed anything; must only read.
 */
public interface ExpectedText {

	boolean expects(TextReceived text);
}
