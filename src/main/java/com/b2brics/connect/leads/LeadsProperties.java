package com.b2brics.connect.leads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param payloadValidity how long a Contact click's deep link can still be started
 * @param siteUrl the public site root, for links in bot messages
 * @param closeAfterInactivity an open lead whose group saw no message for this long is closed
 *        and its group goes back to the pool
 * @param inactivityWarning how long before that closing the group is warned
 * @param inactivityCheck how often the cluster looks for inactive leads
 */
@ConfigurationProperties("b2brics.leads")
public record LeadsProperties(@DefaultValue("7d") Duration payloadValidity,
		@DefaultValue("http://localhost:8080") String siteUrl, @DefaultValue("14d") Duration closeAfterInactivity,
		@DefaultValue("1d") Duration inactivityWarning, @DefaultValue("15m") Duration inactivityCheck) {
}
