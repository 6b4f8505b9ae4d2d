package com.b2brics.bench;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the webhook benchmark: the same request (headers, ~600-byte body read into
 * memory) through the same Tomcat, filters and Spring MVC, answered 200 without any work.
 */
@RestController
class BareEndpoint {

	@PostMapping("/bench/bare")
	ResponseEntity<String> bare(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		return ResponseEntity.ok("ok");
	}
}
