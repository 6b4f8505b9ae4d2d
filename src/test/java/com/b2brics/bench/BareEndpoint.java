package com.b2brics.bench;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baselines: the same requests through the same Tomcat, filters and Spring MVC, answered without
 * any work. {@code POST /bench/bare} for the webhook benchmark; {@code GET /bench-302} and
 * {@code GET /bench-page} for the leads benchmarks. The last two lie outside {@code /bench/**}
 * on purpose, so they pass the site's own security filter chain, as the Contact button and the
 * service card do.
 */
@RestController
class BareEndpoint {

	/** About the size of a rendered service card, so the baseline writes as many bytes. */
	private static final String PAGE = "<!DOCTYPE html><html><head><title>bare</title></head><body>"
			+ "<p>The same number of bytes as a service card, without any work.</p>".repeat(90) + "</body></html>";

	@PostMapping("/bench/bare")
	ResponseEntity<String> bare(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		return ResponseEntity.ok("ok");
	}

	/** What the Contact button answers (302, Location, visitor cookie, no-store), with nothing recorded. */
	@GetMapping("/bench-302")
	ResponseEntity<Void> bare302(@CookieValue(name = "b2b_visitor", required = false) String visitor,
			@CookieValue(name = "b2b_ref", required = false) String referral,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
		ResponseCookie cookie = ResponseCookie.from("b2b_visitor", visitor != null ? visitor : "0b6e4f1e-9f53-4a8e-a3c4-5d1c2a7e9b10")
			.path("/")
			.maxAge(Duration.ofDays(730))
			.httpOnly(true)
			.sameSite("Lax")
			.build();
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, "/sandbox/open?url=https%3A%2F%2Ft.me%2FB2bricsConnectBot%3Fstart%3DAbCdEfGhIjKlMnOpQrStUv")
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	/** A static HTML page of a service card's size. */
	@GetMapping(path = "/bench-page", produces = MediaType.TEXT_HTML_VALUE)
	String barePage() {
		return PAGE;
	}
}
