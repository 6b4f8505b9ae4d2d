package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** The deal card through the sandbox: posted and pinned on /deal, showing the deal and its people. */
class DealCardEndToEndTests extends DealRoomTestSupport {

	@Test
	void dealShowsTheCardPinnedWithThePeopleAndTheLogOpens() throws Exception {
		TestDeal deal = openDeal("Cardia", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		deal.partner().write(group, "/deal");
		SeenMessage card = cardShows(deal.importer(), group, t(deal.importer(), "deals.card.people"));
		assertThat(card.pinned()).isTrue();
		assertThat(card.text()).contains("Cardia").contains(t(deal.importer(), "deals.role.IMPORTER"));
		String key = dealKeyOf(group);
		// the room opened at /deal: a deal of two sides gets no questions on entering (DealRolesRoom asks when a partner is invited)
		assertThat(eventTypes(key)).containsExactly(DealEventType.ROOM_OPENED);
		assertThat(jdbc.sql("SELECT chat_id FROM deal_rooms WHERE deal_key = :key").param("key", key).query(Long.class).single())
			.isEqualTo(group);

		// outside a deal group the command says where it works, and nothing is made
		SimulatedUser stranger = sandbox.newUser("Strangee", "en");
		stranger.startBot();
		stranger.writeToBot("/deal");
		stranger.sees(stranger.botChat(), t(stranger, "deals.wrongplace"));
	}
}
