package com.b2brics.connect.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What counts as a join code when a person types or pastes it, and what the bot hands out. */
class JoinCodeTest {

	@Test
	void codesAreTenCharactersOfTheUnambiguousAlphabetAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = JoinCode.generate();
			assertThat(code).hasSize(10).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]+");
			seen.add(code);
		}
		assertThat(seen).hasSize(10_000);
		assertThat(JoinCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U");
		// 30^10: about 49 bits
		assertThat(JoinCode.LENGTH * Math.log(JoinCode.ALPHABET.length()) / Math.log(2)).isGreaterThan(49);
	}

	@Test
	void aCodeIsRecognisedInAnyCaseWithOrWithoutDashSpacesOrTheLinkPrefix() {
		assertThat(JoinCode.display("ABCDE23456")).isEqualTo("ABCDE-23456");
		assertThat(JoinCode.parse("ABCDE-23456")).contains("ABCDE23456");
		assertThat(JoinCode.parse("abcde-23456")).contains("ABCDE23456");
		assertThat(JoinCode.parse("  abcde 23456 ")).contains("ABCDE23456");
		assertThat(JoinCode.parse("join_ABCDE23456")).contains("ABCDE23456");
		assertThat(JoinCode.parse("JOIN_abcde23456")).contains("ABCDE23456");
	}

	@Test
	void otherTextIsNotACode() {
		assertThat(JoinCode.parse(null)).isEmpty();
		assertThat(JoinCode.parse("")).isEmpty();
		assertThat(JoinCode.parse("hello world")).isEmpty();
		assertThat(JoinCode.parse("ABCDE-2345")).isEmpty();
		assertThat(JoinCode.parse("ABCDE-234567")).isEmpty();
		assertThat(JoinCode.parse("ABCDE-O2345")).as("O is not in the alphabet").isEmpty();
		assertThat(JoinCode.parse("ABCDE-12345")).as("1 is not in the alphabet").isEmpty();
		assertThat(JoinCode.parse("join_")).isEmpty();
		assertThat(JoinCode.parse("x".repeat(41))).isEmpty();
	}
}
