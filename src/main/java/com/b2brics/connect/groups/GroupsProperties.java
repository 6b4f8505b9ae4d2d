package com.b2brics.connect.groups;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lowWaterMark when fewer free groups than this are left after a lead took one, the
 *        platform admins are alerted (once, until the pool is refilled to this level)
 * @param historyCheckInterval how often the cluster looks for groups whose "Chat history for new
 *        members" is due to be checked (a db-scheduler task, one instance at a time): the delay
 *        between a group being registered or released and it being handed out
 * @param historyRecheck how often a group held back for its visible history is checked again
 * @param historyCheckBackoff the first pause after a check Telegram did not answer; it doubles
 *        with each failure in a row, up to {@code historyRecheck}
 */
@ConfigurationProperties("b2brics.groups")
public record GroupsProperties(@DefaultValue("3") int lowWaterMark, @DefaultValue("1s") Duration historyCheckInterval,
		@DefaultValue("10m") Duration historyRecheck, @DefaultValue("5s") Duration historyCheckBackoff) {
}
