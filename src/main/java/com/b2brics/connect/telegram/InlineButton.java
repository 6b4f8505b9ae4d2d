package com.b2brics.connect.telegram;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A button under a message: a callback button (its data is signed by the telegram module, so it
 * cannot be forged; optionally only for one user and only for a while), a URL button, or a
 * button that copies a text to the clipboard.
 */
public record InlineButton(String label, String action, String payload, Long forUserId, Duration validFor, String url,
		String copyText) {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:-]{0,40}");

	public InlineButton {
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("button label is empty");
		}
		if (action != null && (!TOKEN.matcher(action).matches() || !TOKEN.matcher(payload).matches())) {
			throw new IllegalArgumentException("action and payload take A-Za-z0-9_:- only: " + action + " " + payload);
		}
	}

	public static InlineButton callback(String label, String action, String payload) {
		return new InlineButton(label, action, payload == null ? "" : payload, null, null, null, null);
	}

	public static InlineButton url(String label, String url) {
		return new InlineButton(label, null, null, null, null, url, null);
	}

	public static InlineButton copy(String label, String text) {
		return new InlineButton(label, null, null, null, null, null, text);
	}

	/** Only this user may press it; anyone else gets "not for you". */
	public InlineButton forUser(long userId) {
		return new InlineButton(label, action, payload, userId, validFor, url, copyText);
	}

	/** After this long a press gets "expired". */
	public InlineButton validFor(Duration duration) {
		return new InlineButton(label, action, payload, forUserId, duration, url, copyText);
	}

	public boolean isCallback() {
		return action != null;
	}
}
