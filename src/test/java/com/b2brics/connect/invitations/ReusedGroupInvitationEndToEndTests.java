package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * A pool group serves one deal after another. A partner who accepted an invitation in the
 * group's previous deal is not part of the next deal held in the same group: it is a candidate
 * there again, and its people entering the next deal are not announced as joining the old one. Found
 * while modelling the candidate rule for the whole-flow simulation, which now checks every ranked list.
 */
class ReusedGroupInvitationEndToEndTests extends InvitationTestSupport {

	@Test
	void aPartnerAcceptedInTheGroupsPreviousDealIsACandidateInTheNextDeal() throws Exception {
		everyoneReachable(Specialization.LOGISTICS, "russia");
		serveWaitingLeads();
		emptyThePool();
		long group = addGroup("Room for two deals in a row");
		// the deals' own partners do no logistics, so every logistics partner of the storefront is a candidate in both
		List<Service> services = catalog.services("russia").stream()
			.filter(s -> !s.isProduct() && !catalog.teamMemberIds(s.partnerId()).isEmpty()
					&& !catalog.partner(s.partnerId()).orElseThrow().specializations().contains(Specialization.LOGISTICS))
			.toList();
		Service first = services.get(0);
		Service second = services.stream().filter(s -> s.partnerId() != first.partnerId()).findFirst().orElseThrow();

		TestDeal earlier = openDeal("Rosa", first);
		assertThat(earlier.group()).isEqualTo(group);
		long invitation = invite(earlier.importer(), group, Specialization.LOGISTICS, "Reefer containers Vladivostok – Moscow");
		long accepted = id(liveOffer(invitation), "partner_id");
		SimulatedUser member = memberOf(accepted);
		SeenMessage offer = member.sees(member.botChat(), "Reefer containers Vladivostok");
		member.press(member.botChat(), offer.id(), t(member, "invite.offer.join"));
		await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(invitation(invitation).get("status")));

		earlier.partner().write(group, "/close");
		SeenMessage question = seesInGroup(earlier.partner(), group, head(t(earlier.partner(), "lead.close.confirm")));
		earlier.partner().press(group, question.id(), t(earlier.partner(), "lead.close.yes"));
		await().atMost(Duration.ofSeconds(30)).until(() -> pool.freeGroups() == 1);

		TestDeal next = openDeal("Sofia", second);
		assertThat(next.group()).as("the next deal is served in the same pool group").isEqualTo(group);
		long again = invite(next.importer(), group, Specialization.LOGISTICS, "Bulk grain Novorossiysk – Alexandria");
		List<Long> ranked = jdbc.sql("SELECT partner_id FROM invitation_candidates WHERE invitation_id = :id ORDER BY position")
			.param("id", again).query(Long.class).list();
		assertThat(ranked).as("the partner accepted in the group's previous deal is a candidate in this one").contains(accepted);
		assertThat(ranked).containsExactlyInAnyOrderElementsOf(
				catalog.partners(Specialization.LOGISTICS, "russia").stream().filter(p -> !catalog.teamMemberIds(p.id()).isEmpty())
					.map(p -> p.id()).toList());
	}
}
