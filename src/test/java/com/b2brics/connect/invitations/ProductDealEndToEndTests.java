package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * An importer presses Contact in Telegram on an exporter's product: the same lead flow as for a
 * service opens a deal group, whose texts name the product and the exporter; the importer and the
 * whole exporter team enter with their personal links; the exporter's team member asks for a
 * logistics partner with /invite, and a logistics partner, never an exporter, gets the offer.
 */
class ProductDealEndToEndTests extends InvitationTestSupport {

	private Service product(String storefront, String slug) {
		return catalog.products(storefront).stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
	}

	@Test
	void importerAndTheExporterTeamMeetInADealGroupAboutTheProductAndTheExporterInvitesALogisticsPartner() throws Exception {
		Service product = product("china", "lifepo4-battery-storage");
		Partner exporter = catalog.partner(product.partnerId()).orElseThrow();
		assertThat(exporter.kind()).isEqualTo(Partner.Kind.EXPORTER);
		everyoneReachable(Specialization.LOGISTICS, "china");
		List<SimulatedUser> team = teamOf(exporter.id());
		assertThat(team).hasSize(2);
		serveWaitingLeads();
		if (pool.freeGroups() == 0) {
			addGroup("Room for a product deal");
		}

		SimulatedUser importer = sandbox.newUser("Kwame", "en");
		importer.openLink(deepLinkFor(product));
		String title = product.title(java.util.Locale.ENGLISH);
		SeenMessage ready = importer.sees(importer.botChat(), "Your deal chat about");
		assertThat(ready.text()).contains(title).contains("the exporter Shenzhen SolarTech").contains("exporter's team");
		assertThat(ready.hasButton("Open the chat")).isTrue();
		Map<String, Object> lead = jdbc.sql("SELECT * FROM leads WHERE importer_id = :id").param("id", importer.id()).query().singleRow();
		assertThat(((Number) lead.get("service_id")).longValue()).isEqualTo(product.id());
		assertThat(((Number) lead.get("partner_id")).longValue()).isEqualTo(exporter.id());
		assertThat(lead.get("status")).isEqualTo("OPEN");
		long group = ((Number) lead.get("chat_id")).longValue();

		importer.press(importer.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, importer));
		SeenMessage context = importer.pinnedMessage(group);
		assertThat(context.text()).contains("B2BRICS deal chat").contains("Product: " + title)
			.contains("Exporter: Shenzhen SolarTech").contains("/china").contains("Kwame")
			.doesNotContain("Service:").doesNotContain("Partner:");

		// every member of the exporter's team is told, in their language, and enters with their own link
		for (SimulatedUser member : team) {
			String heading = head(t(member, "lead.partner.new.product", "", title, "", exporter.companyName(), "/china", "Kwame"));
			SeenMessage news = member.sees(member.botChat(), plain(heading).trim());
			assertThat(news.text()).contains(product.title(accounts.localeOf(member.id()))).contains("Shenzhen SolarTech")
				.contains("Kwame");
			member.press(member.botChat(), news.id(), t(member, "lead.partner.join"));
			await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, member));
		}
		seesInGroup(importer, group, "joined the chat (exporter)");

		// the partner cabinet is not an exporter's
		SimulatedUser exporterMember = team.get(0);
		exporterMember.write(exporterMember.botChat(), "/cabinet");
		exporterMember.sees(exporterMember.botChat(), plain(head(t(exporterMember, "partners.cabinet.notpartner"))));

		// someone else with an exporter's personal link stays out
		String exportersLink = (String) exporterMember.messages(exporterMember.botChat()).stream()
			.filter(m -> m.hasButton(t(exporterMember, "lead.partner.join")))
			.reduce((a, b) -> b).orElseThrow()
			.button(t(exporterMember, "lead.partner.join")).get("url");
		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		assertThat(stranger.openLink(exportersLink).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM group_join_refusals WHERE chat_id = :chat AND user_id = :user")
			.param("chat", group).param("user", stranger.id()).query(Long.class).single() == 1);
		assertThat(isMember(group, stranger)).isFalse();

		// the exporter's team is a party of the deal: /invite finds logistics partners of China, never an exporter
		String task = "Two 40' containers of batteries Yantian – St Petersburg, DG class 9";
		long invitation = invite(exporterMember, group, Specialization.LOGISTICS, task);
		assertThat(id(invitation(invitation), "inviter_id")).isEqualTo(exporterMember.id());
		assertThat((String) invitation(invitation).get("summary_en")).contains(title).contains("the exporter Shenzhen SolarTech")
			.contains("Kwame");
		List<Long> ranked = jdbc.sql("SELECT partner_id FROM invitation_candidates WHERE invitation_id = :id ORDER BY position")
			.param("id", invitation).query(Long.class).list();
		assertThat(ranked).containsExactlyInAnyOrderElementsOf(
				catalog.partners(Specialization.LOGISTICS, "china").stream().map(Partner::id).toList());
		assertThat(ranked).hasSizeGreaterThanOrEqualTo(3).doesNotContain(exporter.id())
			.doesNotContainAnyElementsOf(catalog.exporters().stream().map(Partner::id).toList());

		Map<String, Object> offer = liveOffer(invitation);
		assertThat(id(offer, "partner_id")).isEqualTo(ranked.get(0));
		SimulatedUser carrier = memberOf(ranked.get(0));
		SeenMessage offered = carrier.sees(carrier.botChat(), task);
		assertThat(offered.text()).contains(spec(carrier, Specialization.LOGISTICS)).contains("Shenzhen SolarTech")
			.contains("/china");
		assertThat(offered.buttons()).containsExactly(t(carrier, "invite.offer.join"), t(carrier, "invite.offer.decline"));

		// the exporter's team closes the deal like a partner's: the importer is sent back to the product page
		exporterMember.write(group, "/close");
		await().atMost(Duration.ofSeconds(60)).until(() -> exporterMember.messages(group).stream()
			.filter(m -> m.hasButton(t(exporterMember, "lead.close.yes"))).count() == 1);
		exporterMember.press(group, t(exporterMember, "lead.close.yes"));
		await().atMost(Duration.ofSeconds(10)).until(() -> importer.messages(importer.botChat()).stream()
			.anyMatch(m -> m.text() != null && m.text().contains("is closed") && m.text().contains("product page")));
		assertThat(importer.messages(importer.botChat()).stream().filter(m -> m.text() != null && m.text().contains("product page"))
			.reduce((a, b) -> b).orElseThrow().text()).contains(title).contains("the exporter Shenzhen SolarTech")
			.contains(product.path());
		SimulatedUser colleague = team.get(1);
		colleague.sees(colleague.botChat(), plain(head(t(colleague, "lead.closed.why.exporter", nameOf(exporterMember)))));
		assertThat(jdbc.sql("SELECT close_reason FROM leads WHERE importer_id = :id").param("id", importer.id())
			.query(String.class).single()).isEqualTo("PARTNER");
	}
}
