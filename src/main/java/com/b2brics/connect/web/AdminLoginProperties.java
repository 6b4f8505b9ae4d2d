package com.b2brics.connect.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of the admin login ({@code b2brics.admin-login.*}): after {@code maxFailures} failed
 * logins within {@code window} an address or a user name is locked for {@code firstLock}, twice as
 * long at each further lock-out, at most {@code maxLock}; at most {@code maxTracked} addresses and
 * names are remembered.
 */
@ConfigurationProperties("b2brics.admin-login")
record AdminLoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("30s") Duration firstLock, @DefaultValue("1h") Duration maxLock,
		@DefaultValue("10000") int maxTracked) {

	AdminLoginProperties {
		if (maxFailures < 1 || maxTracked < 2 || window.isNegative() || firstLock.isNegative() || maxLock.isNegative()) {
			throw new IllegalArgumentException("b2brics.admin-login: max-failures >= 1, max-tracked >= 2, durations not negative");
		}
	}
}
