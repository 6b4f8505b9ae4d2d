package com.b2brics.connect.deals;

import java.util.List;
import java.util.Locale;

import com.b2brics.connect.telegram.InlineButton;

/**
 * One part of the deal card (the current stage, open agreements, open blockers, final documents,
 * who does what …), contributed by the part of the deal room that owns its facts. The card shows
 * the sections in {@link #order()}, each rendered from the tables, never from the message.
 */
public interface DealCardSection {

	/** Where the section stands on the card: lower first. */
	int order();

	/**
	 * The section's lines in the locale, HTML (user text escaped and cut), or an empty string when
	 * there is nothing to show. Keep it short: the card holds every section in each of the group's
	 * languages within Telegram's 4096 characters; cut long lists with "… and N more".
	 */
	String render(DealRoom room, Locale locale);

	/** Buttons the section puts under the card (labels in the locale, one row each). */
	default List<InlineButton> buttons(DealRoom room, Locale locale) {
		return List.of();
	}
}
