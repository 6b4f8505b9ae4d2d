package com.b2brics.connect.deals;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.invitations.InvitationTestSupport;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** What the deal room's tests share: a lead's deal opened through the sandbox, its card, its log. */
abstract class DealRoomTestSupport extends InvitationTestSupport {

	@Autowired
	DealEvents dealEvents;

	/** The deal key of the lead whose group this is. */
	String dealKeyOf(long group) {
		return "lead:" + jdbc.sql("SELECT id FROM leads WHERE chat_id = :chat ORDER BY id DESC LIMIT 1").param("chat", group)
			.query(Long.class).single();
	}

	/** The types of the deal's stored events, in order. */
	List<DealEventType> eventTypes(String dealKey) {
		return dealEvents.of(dealKey).stream().map(DealEvents.Event::type).toList();
	}

	/** The pinned deal card as this person sees it once it shows the fragment (edits arrive through the outbox). */
	SeenMessage cardShows(SimulatedUser user, long group, String fragment) {
		return await("the deal card shows \"" + fragment + "\"").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> user.pinnedMessage(group), card -> card != null && card.text() != null && card.text().contains(fragment));
	}
}
