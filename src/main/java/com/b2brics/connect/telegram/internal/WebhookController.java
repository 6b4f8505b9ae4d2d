package com.b2brics.connect.telegram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.b2brics.connect.core.BodyTooLarge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Telegram's webhook. Checks the secret header in constant time before a byte of the body is
 * read (wrong or missing: 401, the connection closed, nothing read or stored); then reads the
 * body within {@code b2brics.telegram.webhook-max-body} (more: 413, see
 * {@link com.b2brics.connect.core.RequestBodyLimits}), validates it strictly (400 and nothing
 * stored for anything Telegram would not send), stores the update durably, and only then answers
 * 200; a duplicate is acknowledged and ignored. If it cannot be stored, 503 makes Telegram
 * deliver it again.
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

	/** The body is taken from the request only after the secret matched, never bound before the call. */
	@PostMapping(path = "/telegram/webhook")
	ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			HttpServletRequest request) throws InterruptedException, IOException {
		if (!connection.isOpen() || !secretMatches(secret, connection.endpoint().webhookSecret())) {
			rejected.increment();
			// Telegram always sends the secret: a caller without it gets no chance to stream its body
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.CONNECTION, "close").body("unauthorized");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readAllBytes();
		}
		catch (BodyTooLarge e) {
			// logged once, by RequestBodyLimits
			rejected.increment();
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
				.body("update too large");
		}
		InboxStore.NewUpdate update;
		try {
			update = UpdateIngest.parse(new String(body, StandardCharsets.UTF_8));
		}
		catch (UpdateIngest.MalformedUpdate e) {
			rejected.increment();
			// the reason, never the body: it is the sender's text, and the line must stay short
			log.warn("Webhook refused a malformed update ({} bytes): {}", body.length, e.getMessage());
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
