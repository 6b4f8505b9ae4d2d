package com.b2brics.connect.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.leads.Crawlers;
import com.b2brics.connect.telegram.CommandReceived;

/**
 * Clicks on a partner's links: the site link {@code /r/CODE} and the bot link
 * {@code ?start=ref_CODE} (Start pressed). A click of an active code is stored; it counts once per
 * visitor, code and UTC day, and a crawler's or link-preview fetcher's click is stored but never
 * counted. A click of an unknown or deactivated code stores nothing. The bot link's visitor is
 * the Telegram user; the Start itself is answered by the modules that own registration.
 */
@Service
public class ReferralClicks {

	private static final Logger log = LoggerFactory.getLogger(ReferralClicks.class);

	private final ReferralCodes codes;
	private final ReferralEvents events;
	private final Catalog catalog;
	private final Clock clock;

	ReferralClicks(ReferralCodes codes, ReferralEvents events, Catalog catalog, Clock clock) {
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
	public Optional<String> siteClick(String typedCode, String storefrontSlug, String visitorId, String userAgent) {
		Optional<String> code = active(typedCode);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		String storefront = storefrontSlug == null ? null : catalog.storefront(storefrontSlug).map(s -> storefrontSlug).orElse(null);
		record(code.get(), "SITE", storefront, visitorId, userAgent, Crawlers.isCrawler(userAgent));
		return code;
	}

	/** The code in its stored form if it exists and is active. */
	public Optional<String> active(String typedCode) {
		return ReferralCode.parse(typedCode).flatMap(codes::find).filter(ReferralCodes.Code::active).map(ReferralCodes.Code::code);
	}

	@EventListener
	void on(CommandReceived command) {
		if (!"start".equals(command.command()) || !command.chat().isPrivate()
				|| !command.args().regionMatches(true, 0, ReferralCode.PAYLOAD_PREFIX, 0, ReferralCode.PAYLOAD_PREFIX.length())) {
			return;
		}
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
