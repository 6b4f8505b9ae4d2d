package com.b2brics.connect.telegram;

/**
 * A module that waits for free text from a user (a code they were given, an answer to its
 * question) says so here, so that the bot's answer to stray text ("I work with buttons and
 * commands") stays quiet for that text. Asked inside the transaction handling the update, before
 * any listener changed anything; must only read.
 */
public interface ExpectedText {

	boolean expects(TextReceived text);
}
