package com.b2brics.connect.invitations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offerTimeout how long a candidate has to answer an offer before it passes to the next
 * @param offerTimeouts per storefront slug, a different time-out than {@code offerTimeout}
 * @param managerTelegramIds who is told when nobody took an invitation (to add a partner by
 *        hand); empty: the platform admins
 * @param taskMaxLength the longest task (characters) one can write
 * @param draftValidity how long the bot waits for the specialization and task after /invite
 */
@ConfigurationProperties("b2brics.invitations")
public record InvitationsProperties(@DefaultValue("2h") Duration offerTimeout,
		@DefaultValue Map<String, Duration> offerTimeouts, @DefaultValue List<Long> managerTelegramIds,
		@DefaultValue("200") int taskMaxLength, @DefaultValue("30m") Duration draftValidity) {

	/** The time-out of offers on this storefront. */
	public Duration offerTimeoutOn(String storefrontSlug) {
		return offerTimeouts.getOrDefault(storefrontSlug, offerTimeout);
	}
}
