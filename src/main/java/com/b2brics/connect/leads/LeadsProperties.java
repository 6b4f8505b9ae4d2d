package com.b2brics.connect.leads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param payloadValidity how long a Contact click's deep link can still be started
 * @param siteUrl the public site root, for links in bot messages; empty: {@code http://localhost:<the port
 *        this instance listens on>} (see {@link SiteUrl}, which every link is built from)
 * @param closeAfterInactivity an open lead whose group saw no message for this long is closed
 *        and its group goes back to the pool
 * @param inactivityWarning how long before that closing the group is warned
 * @param inactivityCheck how often the cluster looks for inactive leads
 * @param unusedPerPerson how many leads one person may have waiting for a group or holding one
 *        they have not entered; beyond it Start is refused (0: no limit)
 * @param joinGrace how long the importer has to enter the group a lead got before the group goes
 *        back to the pool and the lead waits for the importer to come back
 * @param limits rate limits on Contact clicks and Starts
 */
@ConfigurationProperties("b2brics.leads")
public record LeadsProperties(@DefaultValue("7d") Duration payloadValidity,
		@DefaultValue("") String siteUrl, @DefaultValue("14d") Duration closeAfterInactivity,
		@DefaultValue("1d") Duration inactivityWarning, @DefaultValue("15m") Duration inactivityCheck,
		@DefaultValue("2") int unusedPerPerson, @DefaultValue("30m") Duration joinGrace,
		@DefaultValue Limits limits) {

	/**
	 * Sliding windows, kept in memory per instance (at most {@code trackedKeys} visitors,
	 * addresses or people each; the least recently seen is forgotten first). 0 turns a limit off.
	 *
	 * @param clicksPerAddress Contact clicks (new payloads) per network address in {@code clickWindow}
	 * @param clicksPerVisitor Contact clicks per visitor cookie in {@code clickWindow}
	 * @param clickWindow the clicks' window
	 * @param startsPerPerson Starts with a Contact payload per Telegram user in {@code startWindow}
	 * @param startWindow the Starts' window
	 * @param trackedKeys how many keys each limit remembers
	 */
	public record Limits(@DefaultValue("60") int clicksPerAddress, @DefaultValue("20") int clicksPerVisitor,
			@DefaultValue("10m") Duration clickWindow, @DefaultValue("10") int startsPerPerson,
			@DefaultValue("10m") Duration startWindow, @DefaultValue("10000") int trackedKeys) {
	}
}
