package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Agreements in writing, blockers and the start checklist (issue 13 §4, §6, §2) in one deal, as
 * its people use them through the sandbox, with the bad input of each.
 */
class DealAgreementsEndToEndTests extends DealRoomTestSupport {

	@Autowired
	Blockers blockers;

	/** A text as the group's first language (English here) writes it: button labels, the card's first part. */
	private String en(String key, Object... args) {
		return plain(messages.getMessage(key, args, Locale.ENGLISH));
	}

	/** The bot's newest message showing the fragment (not the person's own message that says it). */
	private static SeenMessage botSays(SimulatedUser user, long group, String fragment) {
		return await("the bot says \"" + fragment + "\"").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(group).stream().filter(m -> m.fromId() != user.id() && m.text() != null
					&& m.text().contains(fragment) && !m.text().startsWith("/")).reduce((a, b) -> b), java.util.Optional::isPresent)
			.orElseThrow();
	}

	@Test
	void agreementsBlockersAndTheBriefAsPeopleUseThem() throws Exception {
		TestDeal deal = openDeal("Agrippa", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);

		// §2 the brief: ticked by both, one point unticked and ticked again, a repeated press changes nothing
		importer.write(group, "/brief");
		seesInGroup(importer, group, en("deals.brief.item.deadlines"));
		String[] items = { "deals.brief.item.roles", "deals.brief.item.task", "deals.brief.item.deadlines", "deals.brief.item.documents" };
		importer.press(group, en("deals.brief.button.tick", 1, en(items[0])));
		partner.press(group, en("deals.brief.button.tick", 2, en(items[1])));
		String untick2 = en("deals.brief.button.untick", 2, en(items[1]));
		await().atMost(Duration.ofSeconds(30)).until(() -> partner.messages(group).stream().anyMatch(m -> m.hasButton(untick2)));
		partner.press(group, untick2);
		String tick2 = en("deals.brief.button.tick", 2, en(items[1]));
		await().atMost(Duration.ofSeconds(30)).until(() -> partner.messages(group).stream().anyMatch(m -> m.hasButton(tick2)));
		partner.press(group, tick2);
		importer.press(group, en("deals.brief.button.tick", 3, en(items[2])));
		partner.press(group, en("deals.brief.button.tick", 4, en(items[3])));
		SeenMessage brief = seesInGroup(importer, group, en("deals.brief.done"));
		assertThat(brief.text()).contains(nameOf(importer)).contains(nameOf(partner)).contains(en("deals.brief.title", 4, 4).split("\n")[0]);
		cardShows(importer, group, en("deals.brief.section", 4, 4));

		// §4 agreements: empty and oversize are refused, nothing stored
		importer.write(group, "/agree");
		seesInGroup(importer, group, head(t(importer, "deals.agree.empty", 2000)));
		long agreeMessage = importer.write(group, "/agree " + "x".repeat(2001));
		seesInGroup(importer, group, head(t(importer, "deals.agree.toolong", 2000, 2001)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM agreements WHERE deal_key = :key").param("key", key).query(Long.class).single()).isZero();

		// the refused /agree put right by editing it: posted; edited again: version 2, on a new card
		importer.edit(group, agreeMessage, "/agree Shipment by 21 December");
		SeenMessage first = botSays(importer, group, "Shipment by 21 December");
		String confirm = en("deals.agree.button.confirm");
		assertThat(first.hasButton(confirm)).isTrue();
		importer.edit(group, agreeMessage, "/agree Shipment by 17 December, 40% prepaid");
		SeenMessage second = botSays(importer, group, "Shipment by 17 December, 40% prepaid");
		assertThat(second.text()).contains(en("deals.agree.card.title", "1", 2));
		importer.press(group, second.id(), confirm);
		// a Confirm of the first version is refused, saying which version holds
		assertThat(importer.press(group, first.id(), confirm).text()).isEqualTo(t(importer, "deals.agree.oldversion", "1", 1, 2));
		// someone in the group who is no party (joined just now: sees the newer cards only) may not confirm
		SimulatedUser stranger = sandbox.newUser("Strangelove", "en");
		sandbox.addMember(group, stranger);
		// /agree as a reply to the card: version 3, the importer's confirmation of version 2 dropped
		String text = "Shipment by 19 December, 40% prepaid, the rest on arrival";
		sandbox.post("/sandbox/api/users/" + partner.id() + "/messages", Map.of("chat_id", group, "text", "/agree " + text,
				"reply_to_message_id", second.id()));
		SeenMessage third = botSays(importer, group, text);
		assertThat(third.text()).contains(en("deals.agree.card.title", "1", 3)).contains(Agreements.sha256(text));
		assertThat(stranger.press(group, third.id(), confirm).text()).isEqualTo(t(stranger, "deals.agree.notparty"));
		assertThat(importer.press(group, third.id(), confirm).text()).isEqualTo(t(importer, "deals.agree.thanks"));
		assertThat(importer.press(group, third.id(), confirm).text()).isEqualTo(t(importer, "deals.agree.already"));
		assertThat(partner.press(group, third.id(), confirm).text()).isEqualTo(t(partner, "deals.agree.completed"));
		SeenMessage confirmed = seesInGroup(importer, group, en("deals.agree.card.confirmed"));
		assertThat(confirmed.text()).contains(text).contains(nameOf(importer)).contains(nameOf(partner));
		cardShows(importer, group, "#1 v3 ✅ confirmed · " + Agreements.sha256(text).substring(0, 8));
		Map<String, Object> agreement = jdbc.sql("SELECT * FROM agreements WHERE deal_key = :key").param("key", key).query().singleRow();
		assertThat(agreement).containsEntry("status", "CONFIRMED").containsEntry("version", 3).containsEntry("text", text)
			.containsEntry("text_sha256", Agreements.sha256(text));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM agreement_versions WHERE agreement_id = :id").param("id", agreement.get("id"))
			.query(Long.class).single()).isEqualTo(3);
		List<DealEvents.Event> agreed = dealEvents.of(key).stream().filter(e -> e.type().name().startsWith("AGREEMENT_")).toList();
		assertThat(agreed).extracting(DealEvents.Event::type).containsExactly(DealEventType.AGREEMENT_POSTED,
				DealEventType.AGREEMENT_VERSIONED, DealEventType.AGREEMENT_CONFIRMED, DealEventType.AGREEMENT_VERSIONED,
				DealEventType.AGREEMENT_CONFIRMED, DealEventType.AGREEMENT_CONFIRMED, DealEventType.AGREEMENT_COMPLETED);
		assertThat(agreed.get(0).payload()).containsEntry("sha256", Agreements.sha256("Shipment by 21 December"));
		assertThat(agreed.get(6).payload()).containsEntry("sha256", Agreements.sha256(text)).containsEntry("version", 3);

		// §6 a blocker with its proposal in one line: the other side and the manager are told, the card shows it
		// the name other tests of the shared context give the manager (the first to create them names them)
		SimulatedUser manager = person(MANAGER, "Manager");
		importer.write(group, "/blocker");
		seesInGroup(importer, group, head(t(importer, "deals.blocker.empty")));
		importer.write(group, "/blocker Customs need the certificate of origin | Use the supplier's scan until the original arrives");
		SeenMessage raised = botSays(partner, group, "Customs need the certificate of origin");
		assertThat(raised.text()).contains("Use the supplier's scan").contains(nameOf(partner));
		manager.sees(manager.botChat(), "Customs need the certificate of origin");
		cardShows(importer, group, en("deals.blocker.section", 1));
		// the partner's answer in the group stops its clock; /resolved closes it
		partner.write(group, "We are asking the chamber of commerce today");
		await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(key).contains(DealEventType.BLOCKER_ANSWERED));
		importer.write(group, "/resolved");
		seesInGroup(importer, group, en("deals.blocker.resolved", "1", nameOf(importer), "§").split("§")[0]);

		// a blocker without a proposal: the raiser is asked for one, and their next message is it
		partner.write(group, "/blocker The warehouse is closed until Monday");
		seesInGroup(partner, group, head(t(partner, "deals.blocker.askproposal", "2", 30)));
		partner.write(group, "Ship from the second warehouse in Guangzhou");
		seesInGroup(importer, group, head(en("deals.blocker.proposed", "2", nameOf(partner), "x")));
		// nobody of the customer side answers in time (the row backdated, not the clock): reminded once
		jdbc.sql("UPDATE blockers SET response_due_at = :past WHERE deal_key = :key AND number = 2")
			.param("past", OffsetDateTime.ofInstant(clock.instant().minusSeconds(60), ZoneOffset.UTC))
			.param("key", key)
			.update();
		blockers.check();
		await().atMost(Duration.ofSeconds(30)).until(() -> newest(importer.messages(group), "The warehouse is closed until Monday")
			.filter(m -> m.text().startsWith("⏰")).isPresent());
		assertThat(blockers.check()).isZero();
		assertThat(eventTypes(key).stream().filter(type -> type == DealEventType.BLOCKER_OVERDUE)).hasSize(1);
		importer.press(group, en("deals.blocker.button.resolve", "2"));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			SeenMessage card = importer.pinnedMessage(group);
			return card != null && card.text().contains(en("deals.brief.section", 4, 4)) && !card.text().contains("⛔");
		});
		assertThat(jdbc.sql("SELECT status FROM blockers WHERE deal_key = :key ORDER BY number").param("key", key).query(String.class).list())
			.containsExactly("RESOLVED", "RESOLVED");
		assertThat(eventTypes(key).stream().filter(type -> type.name().startsWith("BLOCKER_")).toList()).containsExactly(
				DealEventType.BLOCKER_RAISED, DealEventType.BLOCKER_ANSWERED, DealEventType.BLOCKER_RESOLVED, DealEventType.BLOCKER_RAISED,
				DealEventType.BLOCKER_PROPOSED, DealEventType.BLOCKER_OVERDUE, DealEventType.BLOCKER_RESOLVED);
		assertThat(eventTypes(key).stream().filter(type -> type.name().startsWith("BRIEF_")).toList()).containsExactly(
				DealEventType.BRIEF_POSTED, DealEventType.BRIEF_TICKED, DealEventType.BRIEF_TICKED, DealEventType.BRIEF_UNTICKED,
				DealEventType.BRIEF_TICKED, DealEventType.BRIEF_TICKED, DealEventType.BRIEF_TICKED);
	}
}
