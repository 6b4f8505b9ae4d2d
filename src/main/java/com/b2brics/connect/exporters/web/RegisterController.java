package com.b2brics.connect.exporters.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramLinks;

/**
 * The site's "Register as exporter" link: sends the visitor to the bot's registration, carrying
 * the partner's referral code the visitor came with (the {@code b2b_ref} cookie), so the code is
 * offered at registration.
 */
@Controller
class RegisterController {

	static final String REFERRAL_COOKIE = "b2b_ref";

	private final TelegramLinks links;

	RegisterController(TelegramLinks links) {
		this.links = links;
	}

	@GetMapping("/exporters/register")
	ResponseEntity<Void> register(@CookieValue(name = REFERRAL_COOKIE, required = false) String referral) {
		String payload = referral != null && referral.matches("[A-Za-z0-9]{6}") ? "ref_" + referral : "exporter";
		String target;
		try {
			target = links.forBrowser(links.deepLink(payload));
		}
		catch (TelegramChats.TelegramUnavailable e) {
			// only in the seconds before Telegram has told the bot its name
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The bot is starting; try again in a moment");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, target)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}
}
