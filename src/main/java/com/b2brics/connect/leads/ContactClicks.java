package com.b2brics.connect.leads;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.catalog.Service;

/**
 * Records a press on "Contact in Telegram" and gives it a payload for the deep link: 128 random
 * bits, URL-safe (22 characters of {@code A-Za-z0-9_-}), so it cannot be guessed, and it
 * resolves only on our side to the click.
 */
@org.springframework.stereotype.Service
public class ContactClicks {

	private static final SecureRandom random = new SecureRandom();

	private final Clicks clicks;
	private final LeadsProperties properties;
	private final Clock clock;

	ContactClicks(Clicks clicks, LeadsProperties properties, Clock clock) {
		this.clicks = clicks;
		this.properties = properties;
		this.clock = clock;
	}

	/** Stores the click and returns its payload. */
	@Transactional
	public String record(Service service, String referralCode, String visitorId, String userAgent) {
		String payload = newPayload();
		Instant now = clock.instant();
		clicks.add(payload, service.storefrontSlug(), service.id(), referralCode, visitorId, Crawlers.isCrawler(userAgent),
				userAgent, now, now.plus(properties.payloadValidity()));
		return payload;
	}

	static String newPayload() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
