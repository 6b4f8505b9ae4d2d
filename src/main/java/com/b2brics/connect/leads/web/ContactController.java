package com.b2brics.connect.leads.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.NotFound;
import com.b2brics.connect.leads.ContactClicks;
import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramLinks;

/**
 * The "Contact in Telegram" button of a service or a product card: records the click and sends
 * the visitor to the bot's deep link with the click's payload (in sandbox mode, to the sandbox's
 * web client with that link). Both kinds take the same path from here on.
 */
@Controller
class ContactController {

	private static final Logger log = LoggerFactory.getLogger(ContactController.class);

	static final String VISITOR_COOKIE = "b2b_visitor";
	static final String REFERRAL_COOKIE = "b2b_ref";

	private final Catalog catalog;
	private final ContactClicks clicks;
	private final TelegramLinks links;

	ContactController(Catalog catalog, ContactClicks clicks, TelegramLinks links) {
		this.catalog = catalog;
		this.clicks = clicks;
		this.links = links;
	}

	@GetMapping("/{storefrontSlug:[a-z0-9-]+}/services/{serviceSlug:[a-z0-9-]+}/contact")
	ResponseEntity<Void> contact(@PathVariable String storefrontSlug, @PathVariable String serviceSlug,
			@CookieValue(name = VISITOR_COOKIE, required = false) String visitor,
			@CookieValue(name = REFERRAL_COOKIE, required = false) String referral,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent, HttpServletRequest request) {
		// path variables end up in the error page's model: named so as not to shadow the layout's "storefront"
		Service service = catalog.service(storefrontSlug, serviceSlug)
			.orElseThrow(() -> new NotFound("service " + storefrontSlug + "/" + serviceSlug));
		return contact(service, visitor, referral, userAgent, request.getRemoteAddr());
	}

	@GetMapping("/{storefrontSlug:[a-z0-9-]+}/products/{productSlug:[a-z0-9-]+}/contact")
	ResponseEntity<Void> contactExporter(@PathVariable String storefrontSlug, @PathVariable String productSlug,
			@CookieValue(name = VISITOR_COOKIE, required = false) String visitor,
			@CookieValue(name = REFERRAL_COOKIE, required = false) String referral,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent, HttpServletRequest request) {
		Service product = catalog.product(storefrontSlug, productSlug)
			.orElseThrow(() -> new NotFound("product " + storefrontSlug + "/" + productSlug));
		return contact(product, visitor, referral, userAgent, request.getRemoteAddr());
	}

	private ResponseEntity<Void> contact(Service service, String visitor, String referral, String userAgent, String address) {
		String storefrontSlug = service.storefrontSlug();
		String serviceSlug = service.slug();
		boolean knownVisitor = visitor != null && visitor.matches("[A-Za-z0-9-]{8,64}");
		String visitorId = knownVisitor ? visitor : UUID.randomUUID().toString();
		Optional<Duration> wait = clicks.overLimit(address, knownVisitor ? visitor : null);
		if (wait.isPresent()) {
			log.info("Contact click on {}/{} refused: too many from {}", storefrontSlug, serviceSlug,
					knownVisitor ? "visitor " + visitor : "address " + address);
			throw new TooManyClicks(service, wait.get());
		}
		String payload;
		try {
			// returns once the click is committed: the deep link handed out below always resolves
			payload = clicks.record(service, referral != null && referral.matches("[A-Za-z0-9]{6}") ? referral : null,
					visitorId, userAgent)
				.orElseThrow(() -> new NotFound("service " + storefrontSlug + "/" + serviceSlug + " (removed)"));
		}
		catch (ContactClicks.ClickNotRecorded e) {
			log.warn("Contact click not recorded, the visitor is asked to try again: {}", e.getMessage());
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The click could not be recorded; try again in a moment");
		}
		String target;
		try {
			target = links.forBrowser(links.deepLink(payload));
		}
		catch (TelegramChats.TelegramUnavailable e) {
			// only in the seconds before Telegram has told the bot its name
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The bot is starting; try again in a moment");
		}
		ResponseCookie cookie = ResponseCookie.from(VISITOR_COOKIE, visitorId)
			.path("/")
			.maxAge(Duration.ofDays(730))
			.httpOnly(true)
			.sameSite("Lax")
			.build();
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, target)
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	/** More Contact clicks from one address or visitor than the limits allow. */
	static final class TooManyClicks extends RuntimeException {

		final transient Service service;
		final Duration retryAfter;

		TooManyClicks(Service service, Duration retryAfter) {
			super("too many Contact clicks", null, false, false);
			this.service = service;
			this.retryAfter = retryAfter;
		}
	}

	/** A page that says what happened and when to try again, with 429 and Retry-After; nothing is stored. */
	@ExceptionHandler(TooManyClicks.class)
	ModelAndView tooManyClicks(TooManyClicks refused, HttpServletResponse response) {
		long seconds = Math.max(1, (refused.retryAfter.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ModelAndView page = new ModelAndView("leads/too-many-clicks", HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("storefronts", catalog.storefronts());
		page.addObject("servicePath", refused.service.path());
		page.addObject("minutes", Math.max(1, (seconds + 59) / 60));
		return page;
	}
}
