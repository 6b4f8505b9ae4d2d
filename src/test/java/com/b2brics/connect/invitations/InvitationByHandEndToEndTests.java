package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.BotApiEndpointProvider;

/**
 * When nobody on the list took an invitation, the manager adds a partner by hand, as people do
 * it: the manager's notice has a button, the manager picks among the partners of the
 * specialization on any storefront who are not in the chat, and that partner's team gets the
 * usual offer; the history and the group's status message say the manager added them. Someone
 * else's press, a stale press, and a partner already in the chat get a clear answer and change
 * nothing.
 */
class InvitationByHandEndToEndTests extends InvitationTestSupport {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	BotApiEndpointProvider endpoint;

	private List<Map<String, Object>> historyRows(long invitation) {
		return jdbc.sql("SELECT event, partner_id, user_id FROM invitation_history WHERE invitation_id = :id ORDER BY id")
			.param("id", invitation).query().listOfRows();
	}

	/** Lets every live offer of the invitation pass its deadline until nobody is left. */
	private void exhaust(long invitation) {
		Map<String, Object> live;
		while ((live = liveOffer(invitation)) != null) {
			clock.advance(properties.offerTimeout().plusMinutes(1));
			assertThat(engine.offerExpired(id(live, "id"))).isEqualTo(InvitationEngine.Outcome.DONE);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> "EXHAUSTED".equals(invitation(invitation).get("status")));
	}

	@Test
	void theManagerAddsAPartnerOfAnotherStorefrontByHandAndItsTeamGetsTheUsualOffer() throws Exception {
		SimulatedUser manager = person(MANAGER, "Manager");
		Partner onTheList = catalog.partner("tradegate-customs").orElseThrow();
		Partner elsewhere = catalog.partner("lexport-legal").orElseThrow(); // legal, but not on /china
		assertThat(elsewhere.serves("china")).isFalse();
		everyoneReachable(Specialization.LEGAL, "china");
		SimulatedUser lawyer = memberOf(elsewhere.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> accounts.reachable(lawyer.id()));
		TestDeal deal = openDeal("Hand-Importer", serviceOf("brics-conformity", "china"));
		long group = deal.group();
		String task = "Review the supply contract under Chinese law";
		long invitation = invite(deal.importer(), group, Specialization.LEGAL, task);
		assertThat(id(liveOffer(invitation), "partner_id")).isEqualTo(onTheList.id());
		exhaust(invitation);

		// the manager's notice has the button
		String addLabel = t(manager, "invite.hand.button");
		SeenMessage notice = manager.sees(manager.botChat(), task);
		assertThat(notice.buttons()).containsExactly(t(manager, "invite.manager.open"), addLabel);

		// someone else pressing the manager's button (its genuine data, from another person) is refused before anything
		String data = (String) notice.button(addLabel).get("callback_data");
		long updateId = 1_900_000_000L + ThreadLocalRandom.current().nextLong(200_000_000L);
		String body = """
				{"update_id":%d,"callback_query":{"id":"foreign-%d","chat_instance":"1",
				 "from":{"id":%d,"is_bot":false,"first_name":"Hand-Importer","language_code":"en"},
				 "message":{"message_id":%d,"date":1795600000,"chat":{"id":%d,"type":"private"},"text":"x"},
				 "data":"%s"}}""".formatted(updateId, updateId, deal.importer().id(), notice.id(), deal.importer().id(), data);
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/telegram/webhook"))
			.header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", endpoint.endpoint().webhookSecret())
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
			.param("id", "%foreign-" + updateId + "%").query(Long.class).single() == 1);
		assertThat(jdbc.sql("SELECT params FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
			.param("id", "%foreign-" + updateId + "%").query(String.class).single()).contains("meant for someone else");
		assertThat(engine.addByHand(invitation, elsewhere.id(), deal.importer().id())).isEqualTo(InvitationEngine.Outcome.NOT_ALLOWED);
		assertThat(manager.currentlySees(manager.botChat(), "Add a partner by hand: Legal")).isFalse();
		assertThat(invitation(invitation).get("status")).isEqualTo("EXHAUSTED");

		// the manager picks: partners of the specialization on any storefront, except those offered it and those in the chat
		manager.press(manager.botChat(), notice.id(), addLabel);
		SeenMessage picker = manager.sees(manager.botChat(), "Add a partner by hand: Legal");
		assertThat(picker.text()).contains(task).contains("/china");
		assertThat(picker.buttons()).hasSize(1);
		String pick = picker.buttons().get(0);
		assertThat(pick).startsWith(elsewhere.companyName()).contains("egypt");
		assertThat(manager.press(manager.botChat(), picker.id(), pick).text()).isEqualTo(t(manager, "invite.hand.done",
				elsewhere.companyName()));
		await().atMost(Duration.ofSeconds(15)).until(() -> manager.messages(manager.botChat()).stream()
			.filter(m -> m.id() == picker.id()).findFirst().orElseThrow(), m -> m.text().contains("✅") && m.buttons().isEmpty());

		// the partner's team gets the usual offer, with its deadline; the search is open again and says who added whom
		SeenMessage offer = lawyer.sees(lawyer.botChat(), task);
		assertThat(offer.buttons()).containsExactly(t(lawyer, "invite.offer.join"), t(lawyer, "invite.offer.decline"));
		assertThat(invitation(invitation).get("status")).isEqualTo("OPEN");
		Map<String, Object> handOffer = liveOffer(invitation);
		assertThat(id(handOffer, "partner_id")).isEqualTo(elsewhere.id());
		List<Map<String, Object>> events = historyRows(invitation);
		assertThat(events).extracting(e -> e.get("event")).containsExactly("PENDING", "EXPIRED", "EXHAUSTED", "BY_MANAGER");
		assertThat(id(events.get(3), "partner_id")).isEqualTo(elsewhere.id());
		assertThat(id(events.get(3), "user_id")).isEqualTo(MANAGER);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task AND task_instance = :offer")
			.param("task", InvitationEngine.DEADLINE_TASK).param("offer", String.valueOf(id(handOffer, "id"))).query(Long.class).single())
			.isEqualTo(1);
		seesInGroup(deal.importer(), group, "added by hand by the manager Manager: offered to " + elsewhere.companyName());

		// stale presses: the notice's button and the same pick again; nothing changes
		assertThat(manager.press(manager.botChat(), notice.id(), addLabel).text()).isEqualTo(t(manager, "invite.hand.over"));
		assertThat(engine.addByHand(invitation, elsewhere.id(), MANAGER)).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(offers(invitation)).hasSize(2);
		assertThat(historyRows(invitation)).hasSize(4);

		// the partner joins the chat as usual
		lawyer.press(lawyer.botChat(), offer.id(), t(lawyer, "invite.offer.join"));
		SeenMessage accepted = await().atMost(Duration.ofSeconds(15)).until(() -> lawyer.messages(lawyer.botChat()).stream()
			.filter(m -> m.id() == offer.id()).findFirst().orElseThrow(), m -> m.hasButton(t(lawyer, "invite.offer.open")));
		assertThat(lawyer.openLink((String) accepted.button(t(lawyer, "invite.offer.open")).get("url")).result())
			.isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, lawyer));
		assertThat(invitation(invitation).get("status")).isEqualTo("ACCEPTED");

		// a new search for the same specialization runs dry: the partner already in the chat cannot be added again
		String again = "Second opinion on the arbitration clause";
		long second = invite(deal.importer(), group, Specialization.LEGAL, again);
		exhaust(second);
		SeenMessage secondNotice = manager.sees(manager.botChat(), again);
		assertThat(manager.press(manager.botChat(), secondNotice.id(), addLabel).text()).isEqualTo(t(manager, "invite.hand.none"));
		assertThat(engine.addByHand(second, elsewhere.id(), MANAGER)).isEqualTo(InvitationEngine.Outcome.IN_GROUP);
		assertThat(engine.addByHand(second, onTheList.id(), MANAGER)).isEqualTo(InvitationEngine.Outcome.OFFERED_BEFORE);
		assertThat(engine.addByHand(second, deal.service().partnerId(), MANAGER)).as("not a legal partner")
			.isEqualTo(InvitationEngine.Outcome.UNKNOWN);
		assertThat(invitation(second).get("status")).isEqualTo("EXHAUSTED");
		assertThat(offers(second)).hasSize(1);
		assertThat(history(second)).containsExactly("PENDING", "EXPIRED", "EXHAUSTED");
	}
}
