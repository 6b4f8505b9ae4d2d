package com.b2brics.connect.partners;

import java.util.Locale;
import java.util.Optional;

import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.telegram.InlineButton;

/**
 * One button of the partner's cabinet in the bot ({@code /cabinet}): modules that offer a
 * partner something there (statistics, working hours, referral codes, …) declare a bean; the
 * cabinet shows the buttons of all of them, smallest order first. The button's action is the
 * contributing module's own, and that module answers its presses.
 */
public interface CabinetEntry {

	/** Where the button goes in the menu: smaller first. */
	int order();

	/**
	 * The button for this member of this partner's team, in their language; empty to leave it
	 * out for them.
	 */
	Optional<InlineButton> button(Partner partner, long userId, Locale locale);
}
