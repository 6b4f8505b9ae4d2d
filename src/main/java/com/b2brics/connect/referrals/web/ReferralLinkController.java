package com.b2brics.connect.referrals.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.referrals.ReferralClicks;
import com.b2brics.connect.referrals.ReferralsProperties;

/**
 * A partner's site link, {@code /r/CODE}, optionally {@code /r/CODE?s=<storefront slug>}: records
 * the click, hands the browser the attribution cookie and the visitor cookie, and sends it on to
 * the storefront (or the site's root). An unknown or deactivated code, or anything that is no
 * code, goes to the site's root with no cookie and nothing stored.
 *
 * <p>The attribution cookie keeps the first active code: a second referral link within its window
 * does not replace it (the first partner wins); once it expired, or if it holds a code that is no
 * longer active, the new code takes its place.
 */
@Controller
class ReferralLinkController {

	/** The visitor id cookie the Contact button (leads.web) sets and reads: the same name, one id per browser. */
	static final String VISITOR_COOKIE = "b2b_visitor";
	/** The attribution cookie the Contact button reads and stores with its click. */
	static final String REFERRAL_COOKIE = "b2b_ref";

	private final ReferralClicks clicks;
	private final Catalog catalog;
	private final ReferralsProperties properties;

	ReferralLinkController(ReferralClicks clicks, Catalog catalog, ReferralsProperties properties) {
		this.clicks = clicks;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/r/{code}")
	ResponseEntity<Void> open(@PathVariable String code, @RequestParam(name = "s", required = false) String storefront,
			@CookieValue(name = VISITOR_COOKIE, required = false) String visitor,
			@CookieValue(name = REFERRAL_COOKIE, required = false) String carried,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
			jakarta.servlet.http.HttpServletRequest request) {
		String slug = storefront != null && storefront.matches("[a-z][a-z0-9-]{0,63}") ? storefront : null;
		String target = slug != null && catalog.storefront(slug).isPresent() ? "/" + slug : "/";
		boolean knownVisitor = visitor != null && visitor.matches("[A-Za-z0-9-]{8,64}");
		String visitorId = knownVisitor ? visitor : UUID.randomUUID().toString();
		Optional<String> accepted = code.length() > 40 ? Optional.empty() : clicks.siteClick(code, slug, visitorId, knownVisitor,
				userAgent, request.getRemoteAddr());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, target)
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (accepted.isEmpty()) {
			return response.build();
		}
		response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(VISITOR_COOKIE, visitorId)
			.path("/")
			.maxAge(Duration.ofDays(730))
			.httpOnly(true)
			.sameSite("Lax")
			.build()
			.toString());
		boolean firstStays = carried != null && !carried.equals(accepted.get()) && clicks.active(carried).isPresent();
		if (!firstStays) {
			response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(REFERRAL_COOKIE, accepted.get())
				.path("/")
				.maxAge(properties.attributionWindow())
				.httpOnly(true)
				.sameSite("Lax")
				.build()
				.toString());
		}
		return response.build();
	}
}
