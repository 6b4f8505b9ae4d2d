package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Issue 13's whole deal in one test, as its people act through the sandbox: importer and partner
 * meet, the brief is ticked, a stage proposed in one line and confirmed, an agreement confirmed by
 * both, a document in two versions with the second final, a blocker raised and resolved, a
 * logistics partner invited who states their zone, the stage ready, sent back with a reason, ready
 * again and accepted. The deal card follows each step, and the stored events tell the same story.
 * The bad input of each part is in its own test (stages, agreements and blockers, documents and roles).
 */
class WholeDealEndToEndTests extends DealRoomTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	DealRooms rooms;


	/** Buttons and the card's first part speak the group's first language: English, the importer's. */
	private String en(String key, Object... args) {
		return plain(messages.getMessage(key, args, Locale.ENGLISH));
	}

	@Test
	void aWholeDealRunInItsGroup() throws Exception {
		everyoneReachable(Specialization.LOGISTICS, "india");
		TestDeal deal = openDeal("Wholly", serviceOf("brics-conformity", "india"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);

		// outside a deal group the deal room's commands say where they work, and nothing is made
		SimulatedUser stranger = sandbox.newUser("Strangee", "en");
		stranger.startBot();
		stranger.writeToBot("/deal");
		stranger.sees(stranger.botChat(), t(stranger, "deals.wrongplace"));

		// the brief: the four start points, ticked by both sides
		importer.write(group, "/brief");
		seesInGroup(importer, group, en("deals.brief.item.deadlines"));
		String[] items = { "deals.brief.item.roles", "deals.brief.item.task", "deals.brief.item.deadlines", "deals.brief.item.documents" };
		for (int i = 0; i < items.length; i++) {
			(i % 2 == 0 ? importer : partner).press(group, en("deals.brief.button.tick", i + 1, en(items[i])));
		}
		SeenMessage first = cardShows(importer, group, en("deals.brief.section", 4, 4));
		// the card was posted and pinned at the room's first change: the deal, its people and their roles
		assertThat(first.pinned()).isTrue();
		assertThat(first.text()).contains("Wholly").contains(en("deals.card.people")).contains(en("deals.role.IMPORTER"));
		assertThat(jdbc.sql("SELECT chat_id FROM deal_rooms WHERE deal_key = :key").param("key", key).query(Long.class).single())
			.isEqualTo(group);

		// a stage in one line by the partner, confirmed by the importer
		String date = LocalDate.now(clock).plusDays(20).toString();
		partner.write(group, "/stage Certificate of conformity | " + date + " | 1 200 USD | staged");
		String confirmStage = en("stages.button.confirm", 1, 1);
		SeenMessage stageCard = withButton(importer, group, confirmStage);
		assertThat(stageCard.text()).contains("$1,200.00");
		importer.press(group, stageCard.id(), confirmStage);
		cardShows(importer, group, en("stages.status.CONFIRMED"));

		// an agreement in writing, confirmed by both
		String terms = "Samples sent by 15 December; the certificate in English and Hindi";
		importer.write(group, "/agree " + terms);
		SeenMessage agreement = withButton(importer, group, en("deals.agree.button.confirm"));
		assertThat(agreement.text()).contains(terms).contains(Agreements.sha256(terms));
		assertThat(importer.press(group, agreement.id(), en("deals.agree.button.confirm")).text()).isEqualTo(t(importer, "deals.agree.thanks"));
		assertThat(partner.press(group, agreement.id(), en("deals.agree.button.confirm")).text()).isEqualTo(t(partner, "deals.agree.completed"));
		cardShows(importer, group, "✅");

		// a document in two versions (the second a reply), the second marked final and confirmed
		long v1 = partner.sendDocument(group, "Test plan.pdf", "test plan, draft".getBytes(StandardCharsets.UTF_8));
		long v2 = importer.sendDocumentReplying(group, "Test plan v2.pdf", "test plan, with our remarks".getBytes(StandardCharsets.UTF_8), v1);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM deal_documents WHERE deal_key = :key AND version = 2")
			.param("key", key).query(Long.class).single() == 1);
		partner.reply(group, v2, "/final");
		SeenMessage proposal = withButton(importer, group, en("deals.docs.final.confirm"));
		importer.press(group, proposal.id(), en("deals.docs.final.confirm"));
		cardShows(importer, group, "Test plan v2.pdf");

		// a blocker with its proposed way out; the partner answers; resolved
		importer.write(group, "/blocker The lab needs samples we have not shipped | Test the spare units in Mumbai");
		cardShows(importer, group, en("deals.blocker.section", 1));
		partner.write(group, "We will pick up the spare units tomorrow");
		importer.write(group, "/resolved");
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			SeenMessage card = importer.pinnedMessage(group);
			return card != null && !card.text().contains("⛔");
		});

		// a logistics partner is invited, enters, and is asked for their zone (the sides already there too)
		long invitation = invite(importer, group, Specialization.LOGISTICS, "Ship the samples Mumbai - Chennai lab");
		SimulatedUser carrier = memberOf(id(liveOffer(invitation), "partner_id"));
		SeenMessage offer = await().atMost(Duration.ofSeconds(30)).until(() -> newest(carrier.messages(carrier.botChat()), "Mumbai - Chennai"),
				Optional::isPresent).orElseThrow();
		carrier.press(carrier.botChat(), offer.id(), t(carrier, "invite.offer.join"));
		SeenMessage accepted = await().atMost(Duration.ofSeconds(30))
			.until(() -> carrier.messages(carrier.botChat()).stream().filter(m -> m.hasButton(t(carrier, "invite.offer.open"))).findFirst(),
					Optional::isPresent)
			.orElseThrow();
		carrier.openLink((String) accepted.button(t(carrier, "invite.offer.open")).get("url"));
		await().atMost(Duration.ofSeconds(20)).until(() -> isMember(group, carrier));
		// one question to the three of them (the newcomer first), in the group's languages, English first
		SeenMessage asked = seesInGroup(importer, group, en("deals.roles.ask", "§").split("§")[1].substring(0, 40));
		assertThat(asked.text()).startsWith(nameOf(carrier) + ", ").contains(nameOf(partner)).contains(nameOf(importer));
		String logistics = spec(carrier, Specialization.LOGISTICS);
		assertThat(carrier.press(group, asked.id(), en("catalog.specialization.logistics")).text())
			.isEqualTo(t(carrier, "deals.roles.noted", logistics));
		cardShows(importer, group, nameOf(carrier));
		// the invited partner's deals, for /support in private chat, include this one
		carrier.writeToBot("/support");
		String summary = rooms.existing(group).orElseThrow().summary(accounts.localeOf(carrier.id()));
		await().atMost(Duration.ofSeconds(30)).until(() -> carrier.messages(carrier.botChat()).stream()
			.anyMatch(m -> m.buttons().stream().anyMatch(label -> label.startsWith(summary.substring(0, Math.min(30, summary.length()))))));
		carrier.writeToBot("/cancel");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM support_drafts WHERE user_id = :u")
			.param("u", carrier.id()).query(Long.class).single() == 0);

		// the stage: ready, changes requested with a reason, ready again, accepted
		partner.write(group, "/ready");
		await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(stageStatus(key)));
		importer.press(group, withButton(importer, group, en("stages.button.changes")).id(), en("stages.button.changes"));
		seesInGroup(importer, group, head(t(importer, "stages.changes.ask", nameOf(importer), 1, Stage.MAX_REASON)));
		importer.write(group, "Add the lab's accreditation number");
		await().atMost(Duration.ofSeconds(20)).until(() -> "CHANGES_REQUESTED".equals(stageStatus(key)));
		cardShows(importer, group, en("stages.status.CHANGES_REQUESTED"));
		partner.write(group, "/ready");
		await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(stageStatus(key)));
		await().atMost(Duration.ofSeconds(60)).until(() -> importer.messages(group).stream()
			.filter(m -> m.text() != null && m.text().contains("is ready") && m.hasButton(en("stages.button.accept", 1))).count() == 2);
		importer.press(group, en("stages.button.accept", 1));
		SeenMessage card = cardShows(importer, group, en("stages.status.ACCEPTED"));
		assertThat(card.pinned()).isTrue();
		assertThat(card.text()).contains("Test plan v2.pdf").contains(nameOf(carrier)).doesNotContain("⛔");

		// /deal posts the card anew at the bottom, pinned
		partner.write(group, "/deal");
		await().atMost(Duration.ofSeconds(30)).until(() -> importer.pinnedMessage(group) != null
				&& importer.pinnedMessage(group).id() != card.id() && importer.pinnedMessage(group).text().contains(en("stages.status.ACCEPTED")));

		// the log tells the same story, in order
		List<DealEventType> story = eventTypes(key);
		assertThat(story).containsSubsequence(DealEventType.ROOM_OPENED, DealEventType.BRIEF_POSTED, DealEventType.BRIEF_TICKED,
				DealEventType.STAGE_PROPOSED, DealEventType.STAGE_CONFIRMED, DealEventType.AGREEMENT_POSTED,
				DealEventType.AGREEMENT_COMPLETED, DealEventType.DOCUMENT_RECORDED, DealEventType.DOCUMENT_RECORDED,
				DealEventType.DOCUMENT_FINAL_PROPOSED, DealEventType.DOCUMENT_FINAL_CONFIRMED, DealEventType.BLOCKER_RAISED,
				DealEventType.BLOCKER_RESOLVED, DealEventType.ROLE_ASKED, DealEventType.ROLE_STATED, DealEventType.STAGE_READY,
				DealEventType.STAGE_CHANGES_REQUESTED, DealEventType.STAGE_READY, DealEventType.STAGE_ACCEPTED);
		assertThat(story.stream().filter(DealEventType.BRIEF_TICKED::equals)).hasSize(4);
		List<DealEvents.Event> log = dealEvents.of(key);
		assertThat(log).extracting(DealEvents.Event::seq).containsExactlyElementsOf(
				java.util.stream.IntStream.rangeClosed(1, log.size()).boxed().toList());
		assertThat(log.stream().filter(e -> e.type() == DealEventType.STAGE_ACCEPTED).findFirst().orElseThrow().actorId())
			.isEqualTo(importer.id());
		assertThat(log.stream().filter(e -> e.type() == DealEventType.ROLE_STATED).findFirst().orElseThrow().actorId())
			.isEqualTo(carrier.id());
		Map<String, Object> stage = jdbc.sql("SELECT * FROM stages WHERE deal_key = :key").param("key", key).query().singleRow();
		assertThat(((Number) stage.get("amount_minor")).longValue()).isEqualTo(120_000L);
	}

	private String stageStatus(String key) {
		return jdbc.sql("SELECT status FROM stages WHERE deal_key = :key AND number = 1").param("key", key).query(String.class).single();
	}

	/** The newest message in the group with that button. */
	private static SeenMessage withButton(SimulatedUser user, long group, String label) {
		return await("a message with " + label).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(group).stream().filter(m -> m.hasButton(label)).reduce((first, second) -> second),
					Optional::isPresent)
			.orElseThrow();
	}
}
