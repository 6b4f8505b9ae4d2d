package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Documents and roles in a deal's group, through the sandbox: a document in two versions (the
 * second as a reply), the second proposed final by the partner and confirmed by the importer
 * (not by the partner), /docs and the card showing it, the same file again no new version,
 * /final not as a reply refused; each side states their zone (a button, own words), /roles
 * shows both and, once two chose the same zone, the overlap.
 */
class DealDocumentsEndToEndTests extends DealRoomTestSupport {

	@Test
	void aDocumentGetsItsFinalVersionConfirmedByTheOtherSideAndEachSideStatesTheirZone() throws Exception {
		TestDeal deal = openDeal("Docia", serviceOf("eurasia-cargo", "china"));
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		long group = deal.group();
		String key = dealKeyOf(group);

		// --- roles: nobody is asked while the deal has its two sides only (WholeDealEndToEndTests: an invited
		// partner's entry asks); each side states their zone with the buttons of their /roles answer
		partner.write(group, "/roles");
		SeenMessage partnerAsked = seesInGroup(partner, group, t(partner, "deals.roles.nobody"));
		String logistics = spec(partner, Specialization.LOGISTICS);
		assertThat(partner.press(group, partnerAsked.id(), logistics).text()).isEqualTo(t(partner, "deals.roles.noted", logistics));
		importer.write(group, "/roles");
		SeenMessage importerAsked = await().atMost(java.time.Duration.ofSeconds(30)).until(
				() -> newest(importer.messages(group), t(importer, "deals.roles.title")).filter(m -> m.id() != partnerAsked.id()),
				java.util.Optional::isPresent).orElseThrow();
		importer.press(group, importerAsked.id(), t(importer, "deals.roles.own"));
		seesInGroup(importer, group, head(t(importer, "deals.roles.write", nameOf(importer), RoleZones.MAX_TEXT)));
		importer.write(group, "x".repeat(RoleZones.MAX_TEXT + 1));
		seesInGroup(importer, group, t(importer, "deals.roles.long", RoleZones.MAX_TEXT + 1, RoleZones.MAX_TEXT));
		importer.write(group, "Payment and acceptance of the cargo");
		seesInGroup(importer, group, t(importer, "deals.roles.noted.text"));
		importer.write(group, "/roles");
		SeenMessage roles = await().atMost(java.time.Duration.ofSeconds(30)).until(() -> newest(importer.messages(group),
				"Payment and acceptance of the cargo").filter(m -> m.text().contains(t(importer, "deals.roles.title"))),
				java.util.Optional::isPresent).orElseThrow();
		assertThat(roles.text()).contains(t(importer, "deals.roles.line.supplier", nameOf(partner), spec(importer, Specialization.LOGISTICS)))
			.contains("Payment and acceptance of the cargo")
			.doesNotContain(head(t(importer, "deals.roles.overlap.hint")));
		// the importer takes logistics too (a button of their /roles answer): an overlap
		importer.press(group, roles.id(), spec(importer, Specialization.LOGISTICS));
		importer.write(group, "/roles");
		SeenMessage overlap = seesInGroup(importer, group, t(importer, "deals.roles.overlap.hint"));
		assertThat(overlap.text()).contains(spec(importer, Specialization.LOGISTICS)).contains(nameOf(partner)).contains(nameOf(importer));

		// someone no side of the deal is in the group too (history is hidden from newcomers: they come first)
		SimulatedUser stranger = sandbox.newUser("Strangeo", "en");
		sandbox.addMember(group, stranger);

		// --- documents: v1 by the partner, v2 by the importer as a reply, whatever its name
		byte[] first = "offer, first draft".getBytes(StandardCharsets.UTF_8);
		long v1 = partner.sendDocument(group, "Offer.pdf", first);
		long v2 = importer.sendDocumentReplying(group, "offer-revised.pdf", "offer, revised".getBytes(StandardCharsets.UTF_8), v1);
		await().atMost(Duration.ofSeconds(20)).until(() -> documents(key).size() == 2
				&& documents(key).stream().allMatch(d -> "HASHED".equals(d.get("hash_status"))));
		assertThat(documents(key)).extracting(d -> d.get("file_name"), d -> ((Number) d.get("version")).intValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Offer.pdf", 1), org.assertj.core.groups.Tuple.tuple("offer-revised.pdf", 2));
		assertThat(documents(key).get(0).get("sha256")).isEqualTo(DocumentHashing.sha256(first));

		// the same file again (uploaded anew: another file_unique_id, the same bytes) is no new version
		long again = partner.sendDocument(group, "offer.pdf", first);
		seesInGroup(partner, group, t(partner, "deals.docs.repost", "Offer.pdf", 1));
		assertThat(documents(key)).hasSize(3).last().satisfies(d -> {
			assertThat(((Number) d.get("message_id")).longValue()).isEqualTo(again);
			assertThat(((Number) d.get("duplicate_of")).longValue()).isEqualTo(((Number) documents(key).get(0).get("id")).longValue());
		});

		// /final must be a reply to a recorded file
		partner.write(group, "/final");
		seesInGroup(partner, group, t(partner, "deals.docs.final.noreply"));
		partner.reply(group, roles.id(), "/final");
		seesInGroup(partner, group, head(t(partner, "deals.docs.final.notfile")));

		// the partner proposes v2 final; only the customer side confirms
		partner.reply(group, v2, "/final");
		seesInGroup(importer, group, head(t(importer, "deals.docs.final.proposed.customer", nameOf(partner), "offer-revised.pdf", 2)));
		SeenMessage proposal = newestWithButton(importer, group, t(importer, "deals.docs.final.confirm"));
		// the button speaks the group's first language (English here)
		assertThat(partner.press(group, proposal.id(), t(importer, "deals.docs.final.confirm")).text())
			.isEqualTo(t(partner, "deals.docs.final.only.customer"));
		// someone in the group who is no side of the deal can neither confirm nor propose
		assertThat(stranger.press(group, proposal.id(), t(importer, "deals.docs.final.confirm")).text())
			.isEqualTo(t(stranger, "deals.docs.final.only.customer"));
		stranger.reply(group, v1, "/final");
		seesInGroup(stranger, group, t(stranger, "deals.docs.notallowed"));
		assertThat(documents(key).get(1).get("final_status")).isEqualTo("PROPOSED");
		assertThat(documents(key).get(0).get("final_status")).isEqualTo("NONE");
		assertThat(importer.press(group, proposal.id(), t(importer, "deals.docs.final.confirm")).text())
			.isEqualTo(t(importer, "deals.docs.final.done.toast", "offer-revised.pdf", 2));
		seesInGroup(importer, group, head(t(importer, "deals.docs.final.confirmed", "offer-revised.pdf", 2, nameOf(importer))));
		assertThat(documents(key).get(1)).containsEntry("final_status", "FINAL")
			.containsEntry("final_confirmed_by", importer.id());

		// /docs: both versions, the final one marked, linked to their messages
		importer.write(group, "/docs");
		SeenMessage docs = seesInGroup(importer, group, t(importer, "deals.docs.title", 1));
		String v1Label = t(importer, "deals.docs.version", 1);
		String v2Final = t(importer, "deals.docs.line.final", t(importer, "deals.docs.version", 2));
		assertThat(docs.text()).contains("offer-revised.pdf").contains(v1Label + " · " + v2Final);
		assertThat(docs.raw().toString()).contains("https://t.me/c/" + Long.toString(group).substring(4) + "/" + v2);

		// the card shows the final document and who does what
		SeenMessage card = cardShows(importer, group, t(importer, "deals.docs.card.title"));
		assertThat(card.text()).contains("offer-revised.pdf").contains(t(importer, "deals.roles.card.title"));

		// the log tells the same story
		assertThat(eventTypes(key)).doesNotContain(DealEventType.ROLE_ASKED).contains(DealEventType.ROLE_STATED,
				DealEventType.DOCUMENT_RECORDED, DealEventType.DOCUMENT_HASHED, DealEventType.DOCUMENT_FINAL_PROPOSED,
				DealEventType.DOCUMENT_FINAL_CONFIRMED);
		assertThat(eventTypes(key).stream().filter(DealEventType.DOCUMENT_RECORDED::equals)).hasSize(3);
	}

	private static SeenMessage newestWithButton(SimulatedUser user, long group, String label) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<SeenMessage> messages = user.messages(group);
			for (int i = messages.size() - 1; i >= 0; i--) {
				if (messages.get(i).hasButton(label)) {
					return java.util.Optional.of(messages.get(i));
				}
			}
			return java.util.Optional.<SeenMessage>empty();
		}, java.util.Optional::isPresent).orElseThrow();
	}

	private List<Map<String, Object>> documents(String key) {
		return jdbc.sql("SELECT * FROM deal_documents WHERE deal_key = :key ORDER BY id").param("key", key).query().listOfRows();
	}
}
