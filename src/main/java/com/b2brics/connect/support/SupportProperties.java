package com.b2brics.connect.support;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Support's settings (see the README's configuration table).
 *
 * @param agentTelegramIds the support agents (besides the platform admins, who may always take a ticket)
 * @param reopenWithin how long after a ticket is resolved its reporter may reopen it
 * @param draftValidity how long an unfinished /support conversation waits for the reporter
 * @param calendar the storefront whose working calendar counts support's time when a ticket has no
 *        deal (a ticket of a deal counts in its storefront's calendar)
 */
@ConfigurationProperties("b2brics.support")
public record SupportProperties(@DefaultValue Set<Long> agentTelegramIds, @DefaultValue("72h") Duration reopenWithin,
		@DefaultValue("24h") Duration draftValidity, @DefaultValue("russia") String calendar) {

	public SupportProperties {
		agentTelegramIds = Set.copyOf(agentTelegramIds);
		if (reopenWithin.isNegative() || reopenWithin.isZero()) {
			throw new IllegalArgumentException("b2brics.support.reopen-within must be positive: " + reopenWithin);
		}
		if (draftValidity.isNegative() || draftValidity.isZero()) {
			throw new IllegalArgumentException("b2brics.support.draft-validity must be positive: " + draftValidity);
		}
	}
}
