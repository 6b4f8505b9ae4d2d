package com.b2brics.connect.deals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deal room's settings (see the README's configuration table).
 *
 * @param reviewWindow working days (in the storefront's calendar) the customer has to accept a READY
 *        stage or request changes; after them the stage counts as accepted, and a working day before
 *        the end the customer is reminded
 * @param checkInterval how often the cluster looks for due review reminders and passed review windows
 * @param formValidity how long the bot waits for the answers of a guided /stage form or a change reason
 * @param blockerResponse how long the other side has to answer an open blocker, in working time of
 *        the storefront's calendar (4 working hours by default)
 * @param blockerCheckInterval how often the cluster looks for blockers whose response is due
 * @param proposalWait how long the raiser's next message in the group is taken as the proposed solution
 */
@ConfigurationProperties("b2brics.deals")
public record DealsProperties(@DefaultValue("3") int reviewWindow, @DefaultValue("1m") Duration checkInterval,
		@DefaultValue("30m") Duration formValidity, @DefaultValue("4h") Duration blockerResponse,
		@DefaultValue("1m") Duration blockerCheckInterval, @DefaultValue("30m") Duration proposalWait) {

	public DealsProperties {
		if (reviewWindow < 1) {
			throw new IllegalArgumentException("b2brics.deals.review-window must be at least 1 working day: " + reviewWindow);
		}
	}
}
