package com.b2brics.connect.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.google.gson.JsonPrimitive;

/**
 * Stand-ins for results the outbox does not have yet ({@code tg-pending-link:<row>:<mac>}): a
 * message queued with one waits for that row and is sent with the row's result in its place. The
 * MAC (the callback signer's key) makes a stand-in unforgeable, so text someone typed that looks
 * like one stays plain text and never pulls another chat's link into a message.
 */
@Component
class ResultPlaceholders {

	private static final String PREFIX = "tg-pending-link:";
	private static final Pattern PATTERN = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18}):([A-Za-z0-9_-]{11})");

	private final CallbackSigner signer;

	ResultPlaceholders(CallbackSigner signer) {
		this.signer = signer;
	}

	String of(long outboxId) {
		return PREFIX + outboxId + ":" + signer.mac("result:" + outboxId);
	}

	/** The rows whose results these parameters carry, genuine stand-ins only. */
	Set<Long> referencedIn(String params) {
		Set<Long> rows = new LinkedHashSet<>();
		if (!params.contains(PREFIX)) {
			return rows;
		}
		Matcher m = PATTERN.matcher(params);
		while (m.find()) {
			long id = Long.parseLong(m.group(1));
			byte[] expected = signer.mac("result:" + id).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII))) {
				rows.add(id);
			}
		}
		return rows;
	}

	/** The JSON parameters with the row's stand-in replaced by its result. */
	String fill(String params, long outboxId, String result) {
		String quoted = new JsonPrimitive(result).toString();
		return params.replace(of(outboxId), quoted.substring(1, quoted.length() - 1));
	}
}
