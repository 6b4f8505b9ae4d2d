package com.b2brics.connect.partners;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A partner join code: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U), so
 * it can be read aloud or typed from a screenshot: 30^10, about 49 random bits, for a code that
 * works once, for days, and only together with a verified Telegram account. Shown as
 * {@code ABCDE-FGHJK}; accepted in any case, with or without the dash or spaces, with or without
 * the {@code join_} prefix of its deep link.
 */
final class JoinCode {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
	static final int LENGTH = 10;
	/** The start payload of a join link: {@code join_<CODE>}. */
	static final String PAYLOAD_PREFIX = "join_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private JoinCode() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code in its stored form, if the text is one (as typed, shown or in a link payload). */
	static Optional<String> parse(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String text = typed.strip();
		if (text.regionMatches(true, 0, PAYLOAD_PREFIX, 0, PAYLOAD_PREFIX.length())) {
			text = text.substring(PAYLOAD_PREFIX.length());
		}
		String code = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(code);
	}

	/** {@code ABCDE-FGHJK}. */
	static String display(String code) {
		return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
	}
}
