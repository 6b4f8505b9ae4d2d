package com.b2brics.connect.deals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The blockers' clocks (b2brics.deals.*).
 *
 * @param blockerResponse how long the other side has to answer an open blocker, in working time of
 *        the storefront's calendar (4 working hours by default)
 * @param blockerCheckInterval how often the cluster looks for blockers whose response is due
 * @param proposalWait how long the raiser's next message in the group is taken as the proposed solution
 */
@ConfigurationProperties("b2brics.deals")
public record BlockerSettings(@DefaultValue("4h") Duration blockerResponse, @DefaultValue("1m") Duration blockerCheckInterval,
		@DefaultValue("30m") Duration proposalWait) {
}
