package com.b2brics.connect.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.leads.Crawlers;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.OnStart;

/**
 * Clicks on a partner's links: the site link {@code /r/CODE} and the bot link
 * {@code ?start=ref_CODE} (Start pressed). A click of an active code is stored; it counts once per
 * visitor, code and UTC day, and a crawler's or link-preview fetcher's click is stored but never
 * counted. A click of an unknown or deactivated code stores nothing. The bot link's visitor is
 * the Telegram user; the Start itself is answered by the modules that own registration.
 *
 * <p>A site click is also known by a salted hash of its address and browser (User-Agent), with a
 * salt per UTC day ({@link ReferralSalts}); the address itself is never stored. A browser without
 * the visitor cookie is a new visitor on every request, so such a click counts only if nobody
 * with that address and browser was counted for the code that day; with a cookie, distinct
 * visitors behind one address (colleagues in one office) count, at most
 * {@code b2brics.referrals.clicks-per-address-and-browser} a day, so invented cookies do not
 * count either.
 */
@Service
public class ReferralClicks {

	private static final Logger log = LoggerFactory.getLogger(ReferralClicks.class);

	private final ReferralCodes codes;
	private final ReferralEvents events;
	private final Catalog catalog;
	private final Clock clock;
	private final ReferralSalts salts;
	private final ReferralsProperties properties;

	ReferralClicks(ReferralCodes codes, ReferralEvents events, Catalog catalog, Clock clock, ReferralSalts salts,
			ReferralsProperties properties) {
		this.salts = salts;
		this.properties = properties;
		this.codes = codes;
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Records a click on the site link; returns the code in its stored form when it is active
	 * (the click is stored, counted or not), empty for an unknown or deactivated code, when
	 * nothing is stored.
	 */
	@Transactional
	public Optional<String> siteClick(String typedCode, String storefrontSlug, String visitorId, boolean cookieCarried,
			String userAgent, String address) {
		Optional<String> code = active(typedCode);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		String storefront = storefrontSlug == null ? null : catalog.storefront(storefrontSlug).map(s -> storefrontSlug).orElse(null);
		Instant now = clock.instant();
		String day = ReferralEvents.dayOf(now).toString();
		String hash = hash(salts.of(ReferralEvents.dayOf(now)), address, userAgent);
		boolean crawler = Crawlers.isCrawler(userAgent);
		String key = null;
		if (!crawler) {
			ReferralEvents.ClicksToday today = events.clicksToday(code.get(), ReferralEvents.dayOf(now), visitorId, hash);
			if (!cookieCarried) {
				// one key per address and browser: concurrent requests without cookies count once, exactly
				key = today.byHash() == 0 ? "C:" + code.get() + ":h:" + hash + ":" + day : null;
			}
			else if (today.byVisitor() == 0 && today.byHash() < properties.clicksPerAddressAndBrowser()) {
				key = "C:" + code.get() + ":" + visitorId + ":" + day;
			}
		}
		// a person counted today already is not stored again (as before, when the key alone told it); robots are kept uncounted
		boolean counted = (crawler || key != null) && events.add(new ReferralEvents.NewEvent(code.get(),
				ReferralEvents.Kind.CLICK, now, key, "SITE", storefront, visitorId, userAgent, null, hash));
		log.debug("Referral site click on {} by {}: {}", code.get(), visitorId,
				crawler ? "crawler, not counted" : counted ? "counted" : "already counted today");
		return code;
	}

	/** The day's salted SHA-256 of address and browser, 43 characters; the address is not kept. */
	static String hash(String salt, String address, String userAgent) {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			digest.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(address).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update((byte) 0);
			String ua = userAgent == null ? "" : userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
			digest.update(ua.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** The code in its stored form if it exists and is active. */
	public Optional<String> active(String typedCode) {
		return ReferralCode.parse(typedCode).flatMap(codes::find).filter(ReferralCodes.Code::active).map(ReferralCodes.Code::code);
	}

	/** A Start with a referral link counts as its click; the exporters' registration answers it. */
	@OnStart(prefix = ReferralCode.PAYLOAD_PREFIX, observe = true)
	void on(CommandReceived command) {
		active(command.args()).ifPresentOrElse(
				code -> record(code, "BOT", null, "tg:" + command.user().id(), null, command.user().isBot()),
				() -> log.info("Start with an unknown or inactive referral code from user {}", command.user().id()));
	}

	private void record(String code, String source, String storefront, String visitorId, String userAgent, boolean crawler) {
		Instant now = clock.instant();
		String key = crawler ? null : "C:" + code + ":" + visitorId + ":" + ReferralEvents.dayOf(now);
		boolean counted = events.add(new ReferralEvents.NewEvent(code, ReferralEvents.Kind.CLICK, now, key, source, storefront,
				visitorId, userAgent, null));
		log.debug("Referral click on {} via {} by {}: {}", code, source, visitorId,
				crawler ? "crawler, not counted" : counted ? "counted" : "already counted today");
	}
}
