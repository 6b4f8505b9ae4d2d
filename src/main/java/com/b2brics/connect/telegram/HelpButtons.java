package com.b2brics.connect.telegram;

import java.util.List;
import java.util.Locale;

/**
 * Buttons a module puts under the answer to /help in a chat (support's <b>Call support</b>), so that
 * what a command starts is one press away. Asked inside the update's transaction; must only read.
 */
public interface HelpButtons {

	/** The buttons for this person in this chat, labelled in the locale; none where they do not apply. */
	List<InlineButton> helpButtons(ChatRef chat, TelegramUser user, Locale locale);
}
