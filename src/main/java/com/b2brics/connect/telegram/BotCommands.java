package com.b2brics.connect.telegram;

import java.util.List;
import java.util.Locale;

/**
 * The commands as the modules declared them ({@link OnCommand}): what /help lists and the menus
 * show, generated from the same declarations so that they cannot drift.
 */
public interface BotCommands {

	/** A declared command. */
	record Declared(String command, String helpKey, Where where, Who who, int order) {
	}

	/** Every declared command with a description, in menu order. */
	List<Declared> all();

	/** The commands this person may use in this chat, in menu order (deal roles asked where the chat serves a deal). */
	List<Declared> usableBy(ChatRef chat, TelegramUser user);

	/** The /help text for this person in this chat: a header and one line per usable command. */
	String help(ChatRef chat, TelegramUser user, Locale locale);
}
