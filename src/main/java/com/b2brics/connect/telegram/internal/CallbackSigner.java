package com.b2brics.connect.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.TelegramProperties;

/**
 * Inline button data that cannot be forged: {@code action.payload.user.expiry.mac}, where user
 * (who may press it) and expiry are optional and the MAC is a truncated HMAC-SHA256 (66 bits)
 * over the rest. Fits Telegram's 64 bytes; nothing is stored per button.
 */
@Component
class CallbackSigner {

	static final int MAX_BYTES = 64;
	private static final int MAC_CHARS = 11;

	private final TelegramProperties properties;
	private final BotConnection connection;
	private final Clock clock;
	private volatile SecretKeySpec key;

	CallbackSigner(TelegramProperties properties, BotConnection connection, Clock clock) {
		this.properties = properties;
		this.connection = connection;
		this.clock = clock;
	}

	enum Outcome {
		VALID, FORGED, EXPIRED, FOREIGN
	}

	record Verdict(Outcome outcome, String action, String payload) {
	}

	String sign(InlineButton button) {
		String user = button.forUserId() == null ? "" : Long.toString(button.forUserId(), 36);
		String expiry = button.validFor() == null ? ""
				: Long.toString(clock.instant().plus(button.validFor()).getEpochSecond(), 36);
		String body = button.action() + "." + button.payload() + "." + user + "." + expiry;
		String data = body + "." + mac(body);
		if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new IllegalArgumentException("callback data over 64 bytes: " + data);
		}
		return data;
	}

	Verdict verify(String data, long presserId) {
		if (data == null) {
			return new Verdict(Outcome.FORGED, null, null);
		}
		int lastDot = data.lastIndexOf('.');
		String[] parts = data.split("\\.", -1);
		if (lastDot < 0 || parts.length != 5) {
			return new Verdict(Outcome.FORGED, null, null);
		}
		String body = data.substring(0, lastDot);
		byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts[4].getBytes(StandardCharsets.US_ASCII))) {
			return new Verdict(Outcome.FORGED, null, null);
		}
		try {
			if (!parts[3].isEmpty() && clock.instant().getEpochSecond() > Long.parseLong(parts[3], 36)) {
				return new Verdict(Outcome.EXPIRED, parts[0], parts[1]);
			}
			if (!parts[2].isEmpty() && Long.parseLong(parts[2], 36) != presserId) {
				return new Verdict(Outcome.FOREIGN, parts[0], parts[1]);
			}
		}
		catch (NumberFormatException e) {
			return new Verdict(Outcome.FORGED, null, null);
		}
		return new Verdict(Outcome.VALID, parts[0], parts[1]);
	}

	/** Also signs the outbox's stand-ins for results (see ResultPlaceholders). */
	String mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9)).substring(0, MAC_CHARS);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			String secret = properties.callbackSecret();
			if (secret == null || secret.isBlank()) {
				// stable across restarts and instances without another setting to manage
				secret = "b2brics-callback:" + connection.endpoint().token();
			}
			try {
				byte[] material = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
				current = new SecretKeySpec(material, "HmacSHA256");
				key = current;
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
		return current;
	}
}
