package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Bringing a partner into a deal, as people do it: the importer (or the partner's team) asks
 * with /invite, the bot offers the job to one ranked partner at a time, a decline or a time-out
 * passes it on, Join brings the partner into the group; nobody left tells the inviter and the
 * manager; the inviter cancels; late and double presses change nothing.
 */
class InvitationEndToEndTests extends InvitationTestSupport {

	private List<Map<String, Object>> candidates(long invitation) {
		return jdbc.sql("SELECT * FROM invitation_candidates WHERE invitation_id = :id ORDER BY position")
			.param("id", invitation).query().listOfRows();
	}

	/** The bot's status message of the search for this task (one, edited in place) says this, as the user sees it. */
	private SeenMessage statusSays(SimulatedUser user, long group, String task, String fragment) {
		return await("status message says \"" + fragment + "\"").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> statusMessage(user, group, task), m -> m != null && m.text().contains(fragment));
	}

	private SeenMessage statusMessage(SimulatedUser user, long group, String task) {
		List<SeenMessage> status = user.messages(group).stream()
			.filter(m -> m.fromId() == sandbox.bot().id() && m.text() != null && m.text().contains(task) && m.text().startsWith("🔎"))
			.toList();
		return status.isEmpty() ? null : status.get(status.size() - 1);
	}

	private long statusMessages(SimulatedUser user, long group, String task) {
		return user.messages(group).stream()
			.filter(m -> m.fromId() == sandbox.bot().id() && m.text() != null && m.text().contains(task) && m.text().startsWith("🔎"))
			.count();
	}

	/** The offer reaches the partner's team member privately; recognised by its task. */
	private SeenMessage offerSeenBy(SimulatedUser member, String task) {
		return member.sees(member.botChat(), task);
	}

	private static SeenMessage sameMessage(SimulatedUser user, long chat, long id, String fragment) {
		return await("message " + id + " says \"" + fragment + "\"").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(chat).stream().filter(m -> m.id() == id).findFirst().orElseThrow(),
					m -> m.text() != null && m.text().contains(fragment));
	}

	@Test
	void aDeclineAndATimeOutPassTheOfferOnAndTheThirdPartnerJoinsTheGroup() throws Exception {
		everyoneReachable(Specialization.LOGISTICS, "india");
		TestDeal deal = openDeal("Asha", serviceOf("brics-conformity", "india"));
		long group = deal.group();
		String task = "40' container Mumbai – Novorossiysk in March";
		long invitation = invite(deal.importer(), group, Specialization.LOGISTICS, task);

		// the ranked list is stored with its scores: the four logistics partners of India, the deal's own partner not among them
		List<Map<String, Object>> ranked = candidates(invitation);
		assertThat(ranked).hasSize(4);
		assertThat(ranked).extracting(c -> id(c, "partner_id")).doesNotContain(deal.service().partnerId());
		assertThat(ranked).allSatisfy(c -> assertThat(((Number) c.get("score")).doubleValue()).isBetween(0.0, 1.0));
		assertThat(ranked).extracting(c -> ((Number) c.get("score")).doubleValue()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		long first = id(ranked.get(0), "partner_id");
		long second = id(ranked.get(1), "partner_id");
		long third = id(ranked.get(2), "partner_id");

		// one offer at a time, to the best ranked
		Map<String, Object> offer1 = liveOffer(invitation);
		assertThat(id(offer1, "partner_id")).isEqualTo(first);
		SimulatedUser firstMember = memberOf(first);
		SeenMessage offered = offerSeenBy(firstMember, task);
		assertThat(offered.text()).contains(spec(firstMember, Specialization.LOGISTICS)).contains("Asha").contains("/india");
		assertThat(offered.buttons()).containsExactly(t(firstMember, "invite.offer.join"), t(firstMember, "invite.offer.decline"));
		assertThat(memberOf(second).currentlySees(memberOf(second).botChat(), task)).isFalse();
		SeenMessage status = statusSays(deal.importer(), group, task, "Offered to " + company(first));
		assertThat(status.text()).contains("Partner wanted: Logistics").contains("Asked by Asha")
			.contains("pending: offered to " + company(first));
		assertThat(status.buttons()).containsExactly("Cancel the search");

		// Decline asks why; the reason passes the offer on
		firstMember.press(firstMember.botChat(), offered.id(), t(firstMember, "invite.offer.decline"));
		await().atMost(Duration.ofSeconds(10)).until(() -> firstMember.messages(firstMember.botChat()).stream()
			.anyMatch(m -> m.id() == offered.id() && m.hasButton(t(firstMember, "invite.reason.busy"))));
		assertThat(liveOffer(invitation).get("id")).isEqualTo(offer1.get("id")); // asking why changes nothing yet
		firstMember.press(firstMember.botChat(), offered.id(), t(firstMember, "invite.reason.busy"));
		sameMessage(firstMember, firstMember.botChat(), offered.id(), t(firstMember, "invite.offer.declined.you"));
		Map<String, Object> offer2 = liveOffer(invitation);
		assertThat(id(offer2, "partner_id")).isEqualTo(second);
		SimulatedUser secondMember = memberOf(second);
		SeenMessage offered2 = offerSeenBy(secondMember, task);
		statusSays(deal.importer(), group, task, "declined by " + company(first) + " (Busy right now)");
		statusSays(deal.importer(), group, task, "forwarded to the next partner, " + company(second));

		// no answer before the deadline: the timer passes it on, once
		clock.advance(properties.offerTimeout().plusMinutes(1));
		assertThat(engine.offerExpired(id(offer2, "id"))).isEqualTo(InvitationEngine.Outcome.DONE);
		assertThat(engine.offerExpired(id(offer2, "id"))).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		sameMessage(secondMember, secondMember.botChat(), offered2.id(), t(secondMember, "invite.offer.expired"));
		assertThat(secondMember.messages(secondMember.botChat()).stream().filter(m -> m.id() == offered2.id()).findFirst()
			.orElseThrow().buttons()).isEmpty();
		Map<String, Object> offer3 = liveOffer(invitation);
		assertThat(id(offer3, "partner_id")).isEqualTo(third);
		statusSays(deal.importer(), group, task, "expired: " + company(second) + " did not answer in time");

		// Join: a personal link, the partner is in, and the group is told who and for what
		SimulatedUser thirdMember = memberOf(third);
		SeenMessage offered3 = offerSeenBy(thirdMember, task);
		assertThat(thirdMember.press(thirdMember.botChat(), offered3.id(), t(thirdMember, "invite.offer.join")).text())
			.isEqualTo(t(thirdMember, "invite.offer.accepted.toast"));
		SeenMessage accepted = sameMessage(thirdMember, thirdMember.botChat(), offered3.id(),
				head(t(thirdMember, "invite.offer.accepted.you")));
		assertThat(accepted.buttons()).containsExactly(t(thirdMember, "invite.offer.open"));
		String link = (String) accepted.button(t(thirdMember, "invite.offer.open")).get("url");
		assertThat(thirdMember.openLink(link).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, thirdMember));
		SeenMessage told = seesInGroup(deal.importer(), group, "joined the chat as the Logistics partner");
		assertThat(told.text()).contains(company(third)).contains("Task: 40' container Mumbai");
		// in the languages of the group's people, the one who joined among them (each once), not always English and Russian
		boolean russianReader = java.util.stream.Stream.of(deal.importer(), deal.partner(), thirdMember)
			.anyMatch(person -> "ru".equals(accounts.localeOf(person.id()).getLanguage()));
		assertThat(told.text().contains("Логистика")).as("the notice in Russian too").isEqualTo(russianReader);
		assertThat(deal.importer().messages(group)).as("an invited partner is not announced as the service's")
			.noneMatch(m -> m.text() != null && m.text().contains("(partner providing the service)")
					&& m.text().contains(thirdMember.firstName()));
		SeenMessage done = statusSays(deal.importer(), group, task, company(third) + " accepted and is joining the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> deal.importer().messages(group).stream()
			.filter(m -> m.id() == done.id()).findFirst().orElseThrow().buttons().isEmpty());
		assertThat(statusMessages(deal.importer(), group, task)).isEqualTo(1);

		assertThat(invitation(invitation).get("status")).isEqualTo("ACCEPTED");
		assertThat(id(invitation(invitation), "accepted_partner_id")).isEqualTo(third);
		await().atMost(Duration.ofSeconds(10)).until(() -> history(invitation).contains("JOINED"));
		assertThat(history(invitation)).containsExactly("PENDING", "DECLINED", "FORWARDED", "EXPIRED", "FORWARDED", "ACCEPTED", "JOINED");
		assertThat(offers(invitation)).extracting(o -> o.get("status")).containsExactly("DECLINED", "EXPIRED", "ACCEPTED");
		assertThat(offers(invitation).get(0).get("decline_reason")).isEqualTo("BUSY");
	}

	@Test
	void latePressesAndDoublePressesGetAClearAnswerAndChangeNothing() throws Exception {
		everyoneReachable(Specialization.CUSTOMS, "brazil");
		TestDeal deal = openDeal("Bruno", serviceOf("brics-conformity", "brazil"));
		String task = "Customs clearance of coffee machines in Santos";
		long invitation = invite(deal.importer(), deal.group(), Specialization.CUSTOMS, task);
		assertThat(candidates(invitation)).hasSize(4);

		// the deadline passed, the timer has not run yet: a Join now finds the offer expired, and it passes on
		Map<String, Object> offer1 = liveOffer(invitation);
		SimulatedUser firstMember = memberOf(id(offer1, "partner_id"));
		SeenMessage offered = offerSeenBy(firstMember, task);
		clock.advance(properties.offerTimeout());
		assertThat(firstMember.press(firstMember.botChat(), offered.id(), t(firstMember, "invite.offer.join")).text())
			.isEqualTo(t(firstMember, "invite.late.expired"));
		Map<String, Object> offer2 = liveOffer(invitation);
		assertThat(offer2.get("id")).isNotEqualTo(offer1.get("id"));
		assertThat(jdbc.sql("SELECT status FROM invitation_offers WHERE id = :id").param("id", offer1.get("id")).query(String.class)
			.single()).isEqualTo("EXPIRED");
		assertThat(invitation(invitation).get("status")).isEqualTo("OPEN");
		// the timer, running late, changes nothing
		assertThat(engine.offerExpired(id(offer1, "id"))).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(offers(invitation)).hasSize(2);

		// a double press on Join: one acceptance, the second press is told so
		SimulatedUser secondMember = memberOf(id(offer2, "partner_id"));
		SeenMessage offered2 = offerSeenBy(secondMember, task);
		secondMember.pressWithoutWaiting(secondMember.botChat(), t(secondMember, "invite.offer.join"));
		secondMember.pressWithoutWaiting(secondMember.botChat(), t(secondMember, "invite.offer.join"));
		await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(invitation(invitation).get("status")));
		sameMessage(secondMember, secondMember.botChat(), offered2.id(), head(t(secondMember, "invite.offer.accepted.you")));
		// both presses are answered; answers travel unordered, so the one seen last is either
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Map<String, Object> answer = secondMember.lastCallbackAnswer(secondMember.botChat());
			return answer != null && List.of(t(secondMember, "invite.late.accepted.you"), t(secondMember, "invite.offer.accepted.toast"))
				.contains(String.valueOf(answer.get("text")));
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation_history WHERE invitation_id = :id AND event = 'ACCEPTED'")
			.param("id", invitation).query(Long.class).single()).isEqualTo(1);
		List<Map<String, Object>> before = offers(invitation);
		List<String> historyBefore = history(invitation);
		assertThat(before).extracting(o -> o.get("status")).containsExactly("EXPIRED", "ACCEPTED");

		// every other late move on the finished invitation changes nothing
		long member = secondMember.id();
		assertThat(engine.accept(id(offer2, "id"), member)).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(engine.decline(id(offer2, "id"), member, "BUSY")).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(engine.offerExpired(id(offer2, "id"))).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(engine.accept(id(offer1, "id"), firstMember.id())).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(engine.cancel(invitation, deal.importer().id())).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
		assertThat(engine.accept(id(offer2, "id"), deal.importer().id())).as("not on the partner's team")
			.isEqualTo(InvitationEngine.Outcome.NOT_ALLOWED);
		assertThat(engine.accept(-1, member)).isEqualTo(InvitationEngine.Outcome.UNKNOWN);
		assertThat(offers(invitation)).isEqualTo(before);
		assertThat(history(invitation)).isEqualTo(historyBefore);
		assertThat(invitation(invitation).get("status")).isEqualTo("ACCEPTED");
	}

	@Test
	void whenNobodyTakesItTheInviterAndTheManagerAreTold() throws Exception {
		SimulatedUser manager = person(MANAGER, "Manager");
		everyoneReachable(Specialization.CERTIFICATION, "egypt");
		TestDeal deal = openDeal("Karim-Importer", serviceOf("eurasia-cargo", "egypt"));
		// the partner's team is a party of the deal too, and may invite
		String task = "Halal certificate for canned beef";
		long invitation = invite(deal.partner(), deal.group(), Specialization.CERTIFICATION, task);
		assertThat(candidates(invitation)).hasSize(4);

		Map<String, Object> offer1 = liveOffer(invitation);
		assertThat(engine.decline(id(offer1, "id"), memberOf(id(offer1, "partner_id")).id(), "NOT_MY_FIELD"))
			.isEqualTo(InvitationEngine.Outcome.DONE);
		Map<String, Object> offer2 = liveOffer(invitation);
		clock.advance(properties.offerTimeout());
		assertThat(engine.offerExpired(id(offer2, "id"))).isEqualTo(InvitationEngine.Outcome.DONE);

		// Decline, then back to the offer, then Decline with a reason
		Map<String, Object> offer3 = liveOffer(invitation);
		SimulatedUser thirdMember = memberOf(id(offer3, "partner_id"));
		SeenMessage thirdOffer = offerSeenBy(thirdMember, task);
		String decline = t(thirdMember, "invite.offer.decline");
		thirdMember.press(thirdMember.botChat(), thirdOffer.id(), decline);
		await().atMost(Duration.ofSeconds(10)).until(() -> thirdMember.messages(thirdMember.botChat()).stream()
			.anyMatch(m -> m.id() == thirdOffer.id() && m.hasButton(t(thirdMember, "invite.reason.back"))));
		thirdMember.press(thirdMember.botChat(), thirdOffer.id(), t(thirdMember, "invite.reason.back"));
		await().atMost(Duration.ofSeconds(10)).until(() -> thirdMember.messages(thirdMember.botChat()).stream()
			.anyMatch(m -> m.id() == thirdOffer.id() && m.buttons().equals(List.of(t(thirdMember, "invite.offer.join"), decline))));
		thirdMember.press(thirdMember.botChat(), thirdOffer.id(), decline);
		await().atMost(Duration.ofSeconds(10)).until(() -> thirdMember.messages(thirdMember.botChat()).stream()
			.anyMatch(m -> m.id() == thirdOffer.id() && m.hasButton(t(thirdMember, "invite.reason.other"))));
		thirdMember.press(thirdMember.botChat(), thirdOffer.id(), t(thirdMember, "invite.reason.other"));

		// the last one lets the deadline pass
		await().atMost(Duration.ofSeconds(10)).until(() -> liveOffer(invitation) != null
				&& !liveOffer(invitation).get("id").equals(offer3.get("id")));
		Map<String, Object> offer4 = liveOffer(invitation);
		clock.advance(properties.offerTimeout());
		assertThat(engine.offerExpired(id(offer4, "id"))).isEqualTo(InvitationEngine.Outcome.DONE);

		await().atMost(Duration.ofSeconds(10)).until(() -> "EXHAUSTED".equals(invitation(invitation).get("status")));
		assertThat(liveOffer(invitation)).isNull();
		assertThat(history(invitation)).containsExactly("PENDING", "DECLINED", "FORWARDED", "EXPIRED", "FORWARDED", "DECLINED",
				"FORWARDED", "EXPIRED", "EXHAUSTED");
		SeenMessage inviterTold = deal.partner().sees(deal.partner().botChat(), task);
		assertThat(inviterTold.text()).contains(head(t(deal.partner(), "invite.exhausted.inviter",
				spec(deal.partner(), Specialization.CERTIFICATION), "", "")).substring(0, 20));
		SeenMessage managerTold = manager.sees(manager.botChat(), "An invitation found nobody: Certification");
		assertThat(managerTold.text()).contains("Halal certificate").contains("/egypt").contains(company(id(offer1, "partner_id")))
			.contains("declined (Not my field)").contains("did not answer in time").contains("declined (Other reason)");
		assertThat(managerTold.buttons()).containsExactly("Open the chat", t(manager, "invite.hand.button"));
		statusSays(deal.importer(), deal.group(), task, head(t(deal.partner(), "invite.status.now.exhausted")));

		// nothing left to cancel
		deal.partner().write(deal.group(), "/cancel_invite");
		seesInGroup(deal.partner(), deal.group(), t(deal.partner(), "invite.cancel.nothing"));
		assertThat(invitation(invitation).get("status")).isEqualTo("EXHAUSTED");
	}

	@Test
	void theInviterCancelsTheOfferIsWithdrawnAndAFreshSearchCanStart() throws Exception {
		everyoneReachable(Specialization.CUSTOMS, "china");
		TestDeal deal = openDeal("Chen", serviceOf("brics-conformity", "china"));
		long group = deal.group();
		deal.importer().write(group, "/invite customs");
		seesInGroup(deal.importer(), group, "you are looking for: Customs");
		String task = "Export declaration for LED panels";
		deal.importer().write(group, task);
		await().atMost(Duration.ofSeconds(10)).until(() -> latestInvitation(group) != null);
		long invitation = id(latestInvitation(group), "id");
		Map<String, Object> offer = liveOffer(invitation);
		SimulatedUser candidate = memberOf(id(offer, "partner_id"));
		SeenMessage offered = offerSeenBy(candidate, task);
		statusSays(deal.importer(), group, task, "Offered to");

		// only the inviter's button: the partner in the group cannot press it
		assertThat(deal.partner().press(group, "Cancel the search").text()).isNotBlank();
		assertThat(invitation(invitation).get("status")).isEqualTo("OPEN");
		// and a second search of the same specialization waits for this one
		deal.partner().write(group, "/invite customs");
		seesInGroup(deal.partner(), group, t(deal.partner(), "invite.already", spec(deal.partner(), Specialization.CUSTOMS)));

		deal.importer().write(group, "/cancel_invite");
		seesInGroup(deal.importer(), group, "The search for Customs is cancelled");
		assertThat(invitation(invitation).get("status")).isEqualTo("CANCELLED");
		assertThat(liveOffer(invitation)).isNull();
		assertThat(offers(invitation)).extracting(o -> o.get("status")).containsExactly("WITHDRAWN");
		sameMessage(candidate, candidate.botChat(), offered.id(), t(candidate, "invite.offer.withdrawn"));
		statusSays(deal.importer(), group, task, "Cancelled.");
		assertThat(history(invitation)).containsExactly("PENDING", "CANCELLED");
		assertThat(engine.accept(id(offer, "id"), candidate.id())).isEqualTo(InvitationEngine.Outcome.MOVED_ON);

		// a new search starts fresh, and its Cancel button works for the inviter
		long again = invite(deal.importer(), group, Specialization.CUSTOMS, "Export declaration, second try");
		assertThat(again).isNotEqualTo(invitation);
		await().atMost(Duration.ofSeconds(60)).until(() -> deal.importer().messages(group).stream()
			.filter(m -> m.text() != null && m.text().contains("Export declaration, second try") && m.hasButton("Cancel the search")).count() == 1);
		SeenMessage status = newest(deal.importer().messages(group), "Export declaration, second try").orElseThrow();
		assertThat(deal.importer().press(group, status.id(), "Cancel the search").text()).isEqualTo("Cancelled.");
		assertThat(invitation(again).get("status")).isEqualTo("CANCELLED");
	}

	@Test
	void closingTheDealCancelsTheSearchAndWithdrawsTheOffer() throws Exception {
		everyoneReachable(Specialization.CUSTOMS, "russia");
		TestDeal deal = openDeal("Closing-Importer", serviceOf("brics-conformity", "russia"));
		String task = "Import declaration for lab equipment";
		long invitation = invite(deal.importer(), deal.group(), Specialization.CUSTOMS, task);
		Map<String, Object> offer = liveOffer(invitation);
		SimulatedUser candidate = memberOf(id(offer, "partner_id"));
		SeenMessage offered = offerSeenBy(candidate, task);

		deal.partner().write(deal.group(), "/close");
		String close = t(deal.partner(), "lead.close.yes");
		await().atMost(Duration.ofSeconds(60)).until(() -> deal.partner().messages(deal.group()).stream()
			.anyMatch(m -> m.hasButton(close)));
		deal.partner().press(deal.group(), close);
		await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(invitation(invitation).get("status")));
		assertThat(offers(invitation)).extracting(o -> o.get("status")).containsExactly("WITHDRAWN");
		assertThat(history(invitation)).containsExactly("PENDING", "CANCELLED");
		assertThat(jdbc.sql("SELECT detail FROM invitation_history WHERE invitation_id = :id AND event = 'CANCELLED'")
			.param("id", invitation).query(String.class).single()).isEqualTo("deal_closed");
		sameMessage(candidate, candidate.botChat(), offered.id(), t(candidate, "invite.offer.withdrawn"));
		assertThat(engine.accept(id(offer, "id"), candidate.id())).isEqualTo(InvitationEngine.Outcome.MOVED_ON);
	}

	@Test
	void onlyTheDealsPartiesInviteAndBadRequestsGetAClearAnswer() throws Exception {
		TestDeal deal = openDeal("Sipho-Importer", serviceOf("brics-conformity", "south-africa"));
		long group = deal.group();
		long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM invitations").query(Long.class).single();
		SimulatedUser admin = platformAdmin();

		deal.importer().writeToBot("/invite");
		deal.importer().sees(deal.importer().botChat(), "/invite works in a deal's working group");

		admin.write(group, "/invite");
		seesInGroup(admin, group, "Only the importer and the partner's team of this deal can invite a partner here");

		deal.importer().write(group, "/invite astrology");
		SeenMessage unknown = seesInGroup(deal.importer(), group, "There is no specialization \"astrology\"");
		assertThat(unknown.buttons()).contains("Logistics", "Customs", "Cancel");

		deal.importer().write(group, "/invite marketing");
		seesInGroup(deal.importer(), group, "No partner for Marketing can be offered this deal on /south-africa");

		// too long a task is refused and the question stays; Cancel ends it and later text is just chat
		everyoneReachable(Specialization.LOGISTICS, "south-africa");
		deal.importer().write(group, "/invite logistics");
		seesInGroup(deal.importer(), group, "you are looking for: Logistics");
		deal.importer().write(group, "x".repeat(properties.taskMaxLength() + 1));
		seesInGroup(deal.importer(), group, "The task is too long: " + (properties.taskMaxLength() + 1) + " characters, at most "
				+ properties.taskMaxLength());
		await().atMost(Duration.ofSeconds(30)).until(() -> deal.importer().messages(group).stream()
			.anyMatch(m -> m.text() != null && m.text().contains("you are looking for: Logistics") && m.hasButton("Cancel")));
		SeenMessage question = newest(deal.importer().messages(group), "you are looking for: Logistics").orElseThrow();
		deal.importer().press(group, question.id(), "Cancel");
		sameMessage(deal.importer(), group, question.id(), "OK, no partner will be invited.");
		deal.importer().write(group, "Just chatting, no task here");

		// a specialization button of a question that has lapsed
		deal.importer().write(group, "/invite");
		seesInGroup(deal.importer(), group, "which partner does the deal need?");
		deal.importer().write(group, "/cancel_invite");
		seesInGroup(deal.importer(), group, "OK, no partner will be invited.");
		await().atMost(Duration.ofSeconds(30)).until(() -> deal.importer().messages(group).stream()
			.anyMatch(m -> m.text() != null && m.text().contains("which partner does the deal need?") && m.hasButton("Certification")));
		assertThat(deal.importer().press(group, "Certification").text()).contains("This question has lapsed");

		// someone else's buttons are not theirs
		deal.importer().write(group, "/invite");
		seesInGroup(deal.importer(), group, "which partner does the deal need?");
		await().atMost(Duration.ofSeconds(30)).until(() -> deal.importer().messages(group).stream()
			.filter(m -> m.text() != null && m.text().contains("which partner does the deal need?") && m.hasButton("Logistics")).count() == 1);
		assertThat(admin.press(group, "Logistics").text()).isEqualTo("This button is meant for someone else.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation_drafts WHERE chat_id = :chat AND specialization IS NOT NULL")
			.param("chat", group).query(Long.class).single()).isZero();

		// a free group of the pool has no deal
		long free = addGroup("Idle invitation room");
		admin.write(free, "/invite");
		seesInGroup(admin, free, "This group has no open deal to invite a partner to");

		// (a group back from an earlier deal keeps that deal's invitations: only new ones count)
		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE chat_id IN (:chats) AND id > :before")
			.param("chats", List.of(group, free)).param("before", before).query(Long.class).single()).isZero();
	}
}
