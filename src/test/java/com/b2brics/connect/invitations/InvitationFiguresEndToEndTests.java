package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The figures of invitations, through the sandbox: the ranked list keeps every component of each
 * score and the measured lead first responses it used (a candidate that answered an importer
 * has them); after a decline, a time-out and a Join,
 * each of the three partners sees its answers to offers in /stats, counted from the stored offers.
 */
class InvitationFiguresEndToEndTests extends InvitationTestSupport {

	@Autowired
	InvitationFigures figures;

	@Autowired
	List<MeasuredResponses> measured;

	private List<Map<String, Object>> candidates(long invitation) {
		return jdbc.sql("SELECT * FROM invitation_candidates WHERE invitation_id = :id ORDER BY position")
			.param("id", invitation).query().listOfRows();
	}

	private static double number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).doubleValue();
	}

	/** The invitations line of /stats for 30 days, as the member reads it, from the figures now. */
	private String statsLine(SimulatedUser member, long partnerId) {
		Locale locale = accounts.localeOf(member.id());
		InvitationFigures.Answers a = figures.lastDays(partnerId, 30);
		String unanswered = messages.getMessage("sla.stats.invitations.unanswered", null, locale);
		return plain(messages.getMessage("sla.stats.invitations", new Object[] { a.offers(), a.accepted(), a.declined(), a.expired(),
				a.acceptanceRate().map(share -> Math.round(share * 100) + " %").orElse("—"),
				a.median().map(d -> duration(d, locale)).orElse(unanswered), a.p90().map(d -> duration(d, locale)).orElse(unanswered) },
				locale));
	}

	private String duration(Duration d, Locale locale) {
		long minutes = (d.toSeconds() + 59) / 60;
		return messages.getMessage("sla.duration", new Object[] { minutes / 60, minutes % 60 }, locale);
	}

	private SeenMessage statsSeenBy(SimulatedUser member, String line) {
		member.writeToBot("/stats");
		return await("stats of " + member.id() + " say " + line).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> newest(member.messages(member.botChat()), "📊"), m -> m.isPresent() && m.get().text().contains(line))
			.orElseThrow();
	}

	@Test
	void theRankedListKeepsEachComponentAndPartnersSeeTheirAnswersToOffersInStats() throws Exception {
		everyoneReachable(Specialization.LOGISTICS, "brazil");
		// one of the candidates answers an importer of its own first, so it has a measured first response
		com.b2brics.connect.catalog.Service ownService = catalog.partners(Specialization.LOGISTICS, "brazil").stream()
			.flatMap(p -> catalog.services("brazil").stream().filter(s -> s.partnerId() == p.id()))
			.findFirst().orElseThrow();
		long answering = ownService.partnerId();
		TestDeal own = openDeal("Mariana", ownService);
		own.partner().write(own.group(), "Olá Mariana, we can load next week.");
		await().atMost(Duration.ofSeconds(10)).until(() -> measured.get(0).leadFirstResponse(answering, "brazil",
				clock.instant().minus(Ranking.LEAD_WINDOW)).judged() > 0);
		TestDeal deal = openDeal("Lucas", serviceOf("brics-conformity", "brazil"));
		Map<Long, InvitationFigures.Answers> before = new HashMap<>();
		catalog.partners(Specialization.LOGISTICS, "brazil").forEach(p -> before.put(p.id(), figures.lastDays(p.id(), 30)));
		String task = "Reefer container Santos – St Petersburg, 20 t of coffee";
		long invitation = invite(deal.importer(), deal.group(), Specialization.LOGISTICS, task);

		// every component is stored, the score is their documented sum, and the lead figures are the measured ones
		List<Map<String, Object>> ranked = candidates(invitation);
		assertThat(ranked).hasSizeGreaterThanOrEqualTo(3);
		for (Map<String, Object> c : ranked) {
			double sum = Ranking.ACCEPTANCE * number(c, "acceptance_part") + Ranking.RESPONSIVENESS * number(c, "responsiveness_part")
					+ Ranking.AVAILABILITY * number(c, "availability_part") + Ranking.ROTATION * number(c, "rotation_part");
			assertThat(number(c, "score")).isCloseTo(sum, within(1e-3));
			MeasuredResponses.LeadFirstResponse lead = measured.get(0).leadFirstResponse(id(c, "partner_id"), "brazil",
					clock.instant().minus(Ranking.LEAD_WINDOW));
			if (lead.judged() == 0) {
				assertThat(c.get("lead_answered")).isNull();
			}
			else {
				assertThat(((Number) c.get("lead_answered")).intValue()).isEqualTo(lead.judged());
				assertThat(number(c, "lead_within_sla")).isEqualTo(lead.withinSla().orElseThrow());
			}
		}

		Map<String, Object> measuredOne = ranked.stream().filter(c -> id(c, "partner_id") == answering).findFirst().orElseThrow();
		assertThat(((Number) measuredOne.get("lead_answered")).intValue()).isPositive();
		assertThat(measuredOne.get("lead_within_sla")).isNotNull();
		assertThat(measuredOne.get("lead_median_ms")).isNotNull();

		// the first declines after 6 minutes
		long first = id(liveOffer(invitation), "partner_id");
		SimulatedUser firstMember = memberOf(first);
		SeenMessage offered = firstMember.sees(firstMember.botChat(), task);
		clock.advance(Duration.ofMinutes(6));
		firstMember.press(firstMember.botChat(), offered.id(), t(firstMember, "invite.offer.decline"));
		await().atMost(Duration.ofSeconds(10)).until(() -> firstMember.messages(firstMember.botChat()).stream()
			.anyMatch(m -> m.id() == offered.id() && m.hasButton(t(firstMember, "invite.reason.busy"))));
		firstMember.press(firstMember.botChat(), offered.id(), t(firstMember, "invite.reason.busy"));
		await().atMost(Duration.ofSeconds(10)).until(() -> liveOffer(invitation) != null && id(liveOffer(invitation), "partner_id") != first);

		// the second lets it expire
		Map<String, Object> offer2 = liveOffer(invitation);
		long second = id(offer2, "partner_id");
		clock.advance(properties.offerTimeoutOn("brazil").plusMinutes(1));
		assertThat(engine.offerExpired(id(offer2, "id"))).isEqualTo(InvitationEngine.Outcome.DONE);

		// the third joins after 12 minutes
		long third = id(liveOffer(invitation), "partner_id");
		SimulatedUser thirdMember = memberOf(third);
		SeenMessage offered3 = thirdMember.sees(thirdMember.botChat(), task);
		clock.advance(Duration.ofMinutes(12));
		thirdMember.press(thirdMember.botChat(), offered3.id(), t(thirdMember, "invite.offer.join"));
		await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(invitation(invitation).get("status")));

		// what is counted: one more decline, one more unanswered offer, one more acceptance
		InvitationFigures.Answers firstNow = figures.lastDays(first, 30);
		assertThat(firstNow.offers()).isEqualTo(before.get(first).offers() + 1);
		assertThat(firstNow.declined()).isEqualTo(before.get(first).declined() + 1);
		InvitationFigures.Answers secondNow = figures.lastDays(second, 30);
		assertThat(secondNow.expired()).isEqualTo(before.get(second).expired() + 1);
		assertThat(secondNow.accepted()).isEqualTo(before.get(second).accepted());
		InvitationFigures.Answers thirdNow = figures.lastDays(third, 30);
		assertThat(thirdNow.accepted()).isEqualTo(before.get(third).accepted() + 1);
		assertThat(thirdNow.acceptanceRate()).isPresent();
		if (before.get(first).offers() == 0) {
			assertThat(firstNow.median()).contains(Duration.ofMinutes(6));
			assertThat(firstNow.acceptanceRate()).contains(0.0);
		}
		if (before.get(second).offers() == 0) {
			assertThat(secondNow.median()).as("an expired offer is no answer").isEmpty();
		}
		if (before.get(third).offers() == 0) {
			assertThat(thirdNow.median()).contains(Duration.ofMinutes(12));
			assertThat(thirdNow.acceptanceRate()).contains(1.0);
		}

		// each partner sees them in /stats, next to the first responses
		for (long partner : List.of(first, second, third)) {
			SimulatedUser member = memberOf(partner);
			SeenMessage stats = statsSeenBy(member, statsLine(member, partner));
			assertThat(stats.text()).contains(company(partner));
			String heading = plain(messages.getMessage("sla.stats.header", new Object[] { company(partner) }, accounts.localeOf(member.id())));
			assertThat(stats.text()).startsWith(heading.substring(0, 3));
		}
	}
}
