package com.b2brics.connect.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Telegram's webhook. Checks the secret header in constant time (wrong or missing: 401, nothing
 * stored), stores the update durably, and only then answers 200; a duplicate is acknowledged
 * and ignored. If it cannot be stored, 503 makes Telegram deliver it again.
 */
@RestController
class WebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final UpdateIngest ingest;
	private final BotConnection connection;
	private final Counter rejected;

	WebhookController(UpdateIngest ingest, BotConnection connection, MeterRegistry meters) {
		this.ingest = ingest;
		this.connection = connection;
		this.rejected = Counter.builder("telegram.webhook.rejected").description("Webhook calls refused (secret or body)").register(meters);
	}

	@PostMapping(path = "/telegram/webhook")
	ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			@RequestBody(required = false) byte[] body) throws InterruptedException {
		if (!connection.isOpen() || !secretMatches(secret, connection.endpoint().webhookSecret())) {
			rejected.increment();
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("unauthorized");
		}
		InboxStore.NewUpdate update;
		try {
			update = UpdateIngest.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
		}
		catch (UpdateIngest.MalformedUpdate e) {
			rejected.increment();
			return ResponseEntity.badRequest().body("malformed update: " + e.getMessage());
		}
		try {
			ingest.store(update, 10_000);
			return ResponseEntity.ok("ok");
		}
		catch (TimeoutException | IllegalStateException e) {
			log.warn("Update {} not stored, Telegram will deliver it again: {}", update.updateId(), e.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("try again");
		}
	}

	/** Constant time: the comparison takes as long for a near miss as for a wild guess. */
	static boolean secretMatches(String given, String expected) {
		if (expected == null || expected.isEmpty() || given == null) {
			return false;
		}
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}
}
