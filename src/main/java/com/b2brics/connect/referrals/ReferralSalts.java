package com.b2brics.connect.referrals;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The salt of each UTC day for hashing a visitor's address and browser: random, made by the
 * first instance that needs it and shared through the database; a day's salt is deleted once the
 * day before yesterday is over, after which its hashes can no longer be traced back to an
 * address by trying every address.
 */
@Repository
class ReferralSalts {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ReferralSalts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String of(LocalDate day) {
		var salt = find(day);
		if (salt != null) {
			return salt;
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		jdbc.sql("INSERT INTO referral_salts (salt_day, salt) VALUES (:day, :salt) ON CONFLICT DO NOTHING")
			.param("day", day)
			.param("salt", Base64.getEncoder().encodeToString(bytes))
			.update();
		jdbc.sql("DELETE FROM referral_salts WHERE salt_day < :before").param("before", day.minusDays(1)).update();
		// another instance may have made the day's salt a moment earlier: theirs counts
		return find(day);
	}

	private String find(LocalDate day) {
		return jdbc.sql("SELECT salt FROM referral_salts WHERE salt_day = :day").param("day", day).query(String.class)
			.optional().orElse(null);
	}
}
