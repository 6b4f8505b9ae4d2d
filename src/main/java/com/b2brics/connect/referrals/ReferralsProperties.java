package com.b2brics.connect.referrals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param attributionWindow how long the b2b_ref cookie set by a referral link keeps its code
 * @param labelWait how long the bot waits for the label of a new code after asking for it
 * @param clicksPerAddressAndBrowser how many distinct visitor cookies from one address and browser
 *        count as clicks on a code per UTC day (without a cookie: one)
 */
@ConfigurationProperties("b2brics.referrals")
public record ReferralsProperties(@DefaultValue("30d") Duration attributionWindow, @DefaultValue("15m") Duration labelWait,
		@DefaultValue("3") int clicksPerAddressAndBrowser) {
}
