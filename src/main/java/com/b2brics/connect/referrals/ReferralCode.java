package com.b2brics.connect.referrals;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A partner's referral code: 6 characters of an alphabet without look-alikes (no 0/O, 1/I/L), so
 * it can be read aloud or typed from a flyer: 31^6, about 887 million codes. Stored upper case;
 * accepted in any case, with surrounding spaces, with or without the {@code ref_} prefix of its
 * bot link.
 */
final class ReferralCode {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	static final int LENGTH = 6;
	/** The start payload of a bot link: {@code ref_<CODE>}. */
	static final String PAYLOAD_PREFIX = "ref_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReferralCode() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code in its stored form, if the text can be one. */
	static Optional<String> parse(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String text = typed.strip();
		if (text.regionMatches(true, 0, PAYLOAD_PREFIX, 0, PAYLOAD_PREFIX.length())) {
			text = text.substring(PAYLOAD_PREFIX.length());
		}
		String code = text.toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(code);
	}
}
