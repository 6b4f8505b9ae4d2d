package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SeenMessage;

/**
 * Issue 11: a reply that echoed user input ({@code /invite <4,088 characters>}) went over
 * Telegram's 4096 characters, Telegram refused it and the person got nothing. The echo is cut
 * where it is inserted, and the answer arrives.
 */
class LongEchoEndToEndTests extends InvitationTestSupport {

	@Test
	void anInviteWithFourThousandCharactersOfSpecializationGetsAnAnswerTelegramAccepts() throws Exception {
		TestDeal deal = openDeal("Long-Echo-Importer", serviceOf("brics-conformity", "south-africa"));
		long tooLong = sandbox.stats().violations("text_too_long");
		String typed = "astrology and " + "x".repeat(4096 - "/invite astrology and ".length());
		assertThat(("/invite " + typed).length()).isEqualTo(4096);

		deal.importer().write(deal.group(), "/invite " + typed);

		SeenMessage answer = seesInGroup(deal.importer(), deal.group(), "There is no specialization \"astrology and xx");
		assertThat(answer.text()).contains("x…\"").hasSizeLessThan(600);
		assertThat(answer.buttons()).contains("Logistics", "Customs", "Cancel");
		assertThat(sandbox.stats().violations("text_too_long")).isEqualTo(tooLong);
	}
}
