package com.b2brics.connect.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Codes are easy to read and type: no look-alikes, any case, the bot link's prefix allowed. */
class ReferralCodeTest {

	@Test
	void generatedCodesHaveSixCharactersWithoutLookAlikes() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = ReferralCode.generate();
			assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
			seen.add(code);
		}
		assertThat(seen.size()).isGreaterThan(1990);
	}

	@Test
	void aCodeIsReadInAnyCaseWithSpacesAndWithTheBotLinkPrefix() {
		assertThat(ReferralCode.parse("abc234")).contains("ABC234");
		assertThat(ReferralCode.parse("  Abc234 \n")).contains("ABC234");
		assertThat(ReferralCode.parse("ref_abc234")).contains("ABC234");
		assertThat(ReferralCode.parse("REF_ABC234")).contains("ABC234");
	}

	@Test
	void anythingElseIsNoCode() {
		assertThat(ReferralCode.parse(null)).isEmpty();
		assertThat(ReferralCode.parse("")).isEmpty();
		assertThat(ReferralCode.parse("ABC23")).isEmpty();
		assertThat(ReferralCode.parse("ABC2345")).isEmpty();
		assertThat(ReferralCode.parse("ABC0O1")).isEmpty();
		assertThat(ReferralCode.parse("ABCIL2")).isEmpty();
		assertThat(ReferralCode.parse("<script>")).isEmpty();
		assertThat(ReferralCode.parse("A".repeat(100))).isEmpty();
	}
}
