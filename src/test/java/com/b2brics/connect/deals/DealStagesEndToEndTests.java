package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.deals.StageDrafts.Step;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Stages through the sandbox, as people act: proposed in one line, edited, confirmed by the
 * importer, reported ready, sent back with a reason, ready again and accepted; the refusals on
 * the way; the card and the log telling the same story. And a review window that passes.
 */
class DealStagesEndToEndTests extends DealRoomTestSupport {

	@Autowired
	StageReviews reviews;

	@Autowired
	DealsProperties dealsProperties;

	@Test
	void aStageFromProposalToAcceptanceWithTheRefusalsOnTheWay() throws Exception {
		TestDeal deal = openDeal("Stagia", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);
		String date = LocalDate.now(clock).plusDays(14).toString();

		// a bad one-line proposal names the field, and nothing is stored
		partner.write(group, "/stage Customs clearance | " + date + " | twelve USD | staged");
		seesInGroup(partner, group, t(partner, "stages.bad.amount", t(partner, "stages.label.price"), "twelve USD"));
		// the importer does not propose stages
		importer.write(group, "/stage Something | " + date + " | 10 USD | one-off");
		seesInGroup(importer, group, head(t(importer, "stages.propose.notallowed")));

		partner.write(group, "/stage Customs clearance | " + date + " | 1 200 USD | staged");
		SeenMessage firstCard = withButton(importer, group, t(importer, "stages.button.confirm", 1, 1));
		assertThat(firstCard.text()).contains("$1,200.00").contains(t(importer, "stages.model.STAGED"));
		cardShows(importer, group, "Customs clearance");

		// an edit makes version 2; a Confirm of version 1 is refused, the partner's own Confirm too
		partner.write(group, "/stage edit 1 price 1300 USD");
		seesInGroup(importer, group, t(importer, "stages.edited.notice", 1, t(importer, "stages.label.price"), 2));
		assertThat(importer.press(group, firstCard.id(), t(importer, "stages.button.confirm", 1, 1)).text())
			.isEqualTo(t(importer, "stages.old", 1, 2));
		String confirm2 = t(importer, "stages.button.confirm", 1, 2);
		assertThat(partner.press(group, confirm2).text()).isEqualTo(t(partner, "stages.confirm.notcustomer"));
		SimulatedUser stranger = platformAdmin();
		if (isGroupMember(group, stranger)) {
			assertThat(stranger.press(group, confirm2).text()).isEqualTo(t(stranger, "stages.confirm.notcustomer"));
		}
		assertThat(stage(key).get("status")).isEqualTo("PROPOSED");

		importer.press(group, confirm2);
		seesInGroup(importer, group, head(t(importer, "stages.confirmed", 1, "Customs clearance", 2, "$1,300.00", nameOf(importer))));
		SeenMessage card = cardShows(importer, group, t(importer, "stages.status.CONFIRMED"));
		assertThat(card.text()).contains("$1,300.00");
		assertThat(card.hasButton(t(importer, "stages.button.ready", 1))).isTrue();

		// the importer does not report ready; the partner does
		importer.write(group, "/ready");
		seesInGroup(importer, group, head(t(importer, "stages.ready.notallowed")));
		partner.write(group, "/ready");
		seesInGroup(importer, group, "Stage 1 “Customs clearance” is ready");
		await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(stage(key).get("status")));
		// the partner does not accept their own stage
		assertThat(partner.press(group, t(importer, "stages.button.accept", 1)).text()).isEqualTo(t(partner, "stages.accept.notcustomer"));

		// changes requested with a reason, ready again, accepted
		importer.press(group, t(importer, "stages.button.changes"));
		seesInGroup(importer, group, head(t(importer, "stages.changes.ask", nameOf(importer), 1, Stage.MAX_REASON)));
		importer.write(group, "Please add the broker's receipt");
		seesInGroup(partner, group, "Please add the broker's receipt");
		await().atMost(Duration.ofSeconds(20)).until(() -> "CHANGES_REQUESTED".equals(stage(key).get("status")));
		cardShows(importer, group, t(importer, "stages.status.CHANGES_REQUESTED"));
		partner.write(group, "/ready");
		await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(stage(key).get("status")));
		await().atMost(Duration.ofSeconds(60)).until(() -> importer.messages(group).stream()
			.filter(m -> m.text() != null && m.text().contains("Stage 1 “Customs clearance” is ready")).count() == 2);
		importer.press(group, t(importer, "stages.button.accept", 1));
		seesInGroup(partner, group, t(partner, "stages.accepted.notice", 1, "Customs clearance", nameOf(importer)));
		cardShows(partner, group, t(partner, "stages.status.ACCEPTED"));

		// accepted is final
		partner.write(group, "/stage edit 1 title Something else");
		seesInGroup(partner, group, t(partner, "stages.edit.state", 1, t(partner, "stages.status.ACCEPTED")));
		// anyone lists the stages
		importer.write(group, "/stage");
		seesInGroup(importer, group, t(importer, "stages.list.title"));

		Map<String, Object> row = stage(key);
		assertThat(row).containsEntry("status", "ACCEPTED").containsEntry("version", 2).containsEntry("confirmed_version", 2)
			.containsEntry("currency", "USD").containsEntry("payment_model", "STAGED").containsEntry("title", "Customs clearance");
		assertThat(((Number) row.get("amount_minor")).longValue()).isEqualTo(130_000L);
		assertThat(((Number) row.get("accepted_by")).longValue()).isEqualTo(importer.id());
		assertThat(eventTypes(key).stream().filter(type -> type.name().startsWith("STAGE_")).toList()).containsExactly(
				DealEventType.STAGE_PROPOSED, DealEventType.STAGE_EDITED, DealEventType.STAGE_CONFIRMED, DealEventType.STAGE_READY,
				DealEventType.STAGE_CHANGES_REQUESTED, DealEventType.STAGE_READY, DealEventType.STAGE_ACCEPTED);
		List<DealEvents.Event> log = dealEvents.of(key);
		DealEvents.Event confirmed = log.stream().filter(e -> e.type() == DealEventType.STAGE_CONFIRMED).findFirst().orElseThrow();
		assertThat(confirmed.actorId()).isEqualTo(importer.id());
		assertThat(confirmed.payload()).containsEntry("amount_minor", 130_000).containsEntry("currency", "USD")
			.containsEntry("model", "STAGED").containsEntry("version", 2);
		assertThat(log.stream().filter(e -> e.type() == DealEventType.STAGE_CHANGES_REQUESTED).findFirst().orElseThrow().payload())
			.containsEntry("reason", "Please add the broker's receipt");
	}

	@Test
	void theGuidedFormAnsweredAsAPersonWouldWithBadAnswersABreakAndTheImporterTalking() throws Exception {
		TestDeal deal = openDeal("Guida", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);
		LocalDate delivery = LocalDate.now(clock).plusDays(21);

		partner.write(group, "/stage");
		SeenMessage list = withButton(partner, group, t(partner, "stages.button.new"));
		partner.press(group, list.id(), t(partner, "stages.button.new"));
		SeenMessage title = asked(partner, group, Step.TITLE, list.id());
		// the importer writing meanwhile is not taken as the partner's answer
		importer.write(group, "Hello! When does the truck leave?");
		partner.write(group, "Customs clearance in Almaty");
		SeenMessage works = asked(partner, group, Step.WORKS, title.id());
		assertThat(draft(group, partner)).containsEntry("step", "WORKS").containsEntry("title", "Customs clearance in Almaty");
		partner.write(group, "Declaration, inspection and release of the goods");
		SeenMessage results = asked(partner, group, Step.RESULTS, works.id());
		partner.press(group, results.id(), t(partner, "stages.button.skip"));
		SeenMessage date = asked(partner, group, Step.DELIVERY, results.id());
		// Skip on an earlier question (answered by text) names the question the form waits for, and skips nothing
		assertThat(partner.press(group, works.id(), t(partner, "stages.button.skip")).text())
			.startsWith(t(partner, "stages.ask.progress", 4, StageConversation.FORM.size()));

		// a bad date: the problem and the question again, nothing stored
		partner.write(group, "next Friday");
		SeenMessage again = asked(partner, group, Step.DELIVERY, date.id());
		assertThat(again.text()).startsWith(t(partner, "stages.bad.date", t(partner, "stages.label.delivery"), "next Friday"));
		assertThat(draft(group, partner)).containsEntry("step", "DELIVERY").containsEntry("delivery_due", null)
			.containsEntry("works", "Declaration, inspection and release of the goods").containsEntry("skipped", "RESULTS");
		partner.write(group, delivery.format(DateTimeFormatter.ofPattern("d.M.uuuu")));
		SeenMessage response = asked(partner, group, Step.RESPONSE, again.id());
		partner.press(group, response.id(), t(partner, "stages.button.skip"));
		SeenMessage currency = asked(partner, group, Step.CURRENCY, response.id());

		// halfway the bot is down for a while: the stored draft is all the form has (without it a press finds no
		// form), and with it the form goes on where it was; it waits form-validity from the last answer
		Map<String, Object> stored = draft(group, partner);
		jdbc.sql("DELETE FROM stage_drafts WHERE chat_id = :chat AND user_id = :user").param("chat", group).param("user", partner.id())
			.update();
		assertThat(partner.press(group, currency.id(), "EUR").text()).isEqualTo(t(partner, "stages.draft.gone"));
		restore(stored);
		Duration pause = dealsProperties.formValidity().multipliedBy(2).dividedBy(3);
		clock.advance(pause);
		partner.press(group, currency.id(), "EUR");
		SeenMessage price = asked(partner, group, Step.AMOUNT, currency.id());
		clock.advance(pause);

		// a bad price: the problem and the question again, nothing stored
		partner.write(group, "twelve hundred");
		again = asked(partner, group, Step.AMOUNT, price.id());
		assertThat(again.text()).startsWith(t(partner, "stages.bad.amount", t(partner, "stages.label.price"), "twelve hundred"));
		assertThat(draft(group, partner)).containsEntry("step", "AMOUNT").containsEntry("amount_minor", null)
			.containsEntry("currency", "EUR");
		partner.write(group, "1 250.50");
		SeenMessage model = asked(partner, group, Step.MODEL, again.id());
		partner.press(group, model.id(), t(partner, "stages.model.STAGED"));
		SeenMessage paysFor = asked(partner, group, Step.PAYSFOR, model.id());
		partner.write(group, "The broker's fee and the terminal charges");
		SeenMessage reporting = asked(partner, group, Step.REPORTING, paysFor.id());
		partner.write(group, "Photos of each step in this group");
		asked(partner, group, Step.ACCEPTANCE, reporting.id());
		partner.write(group, "The release note from customs");

		SeenMessage card = withButton(importer, group, t(importer, "stages.button.confirm", 1, 1));
		assertThat(card.text()).contains("Customs clearance in Almaty").contains("€1,250.50");
		Map<String, Object> row = stage(key);
		assertThat(row).containsEntry("status", "PROPOSED").containsEntry("version", 1).containsEntry("title", "Customs clearance in Almaty")
			.containsEntry("works", "Declaration, inspection and release of the goods").containsEntry("results", null)
			.containsEntry("response_due", null).containsEntry("currency", "EUR").containsEntry("payment_model", "STAGED")
			.containsEntry("pays_for", "The broker's fee and the terminal charges").containsEntry("reporting", "Photos of each step in this group")
			.containsEntry("acceptance", "The release note from customs");
		assertThat(row.get("delivery_due").toString()).isEqualTo(delivery.toString());
		assertThat(((Number) row.get("amount_minor")).longValue()).isEqualTo(125_050L);
		assertThat(((Number) row.get("proposed_by")).longValue()).isEqualTo(partner.id());
		assertThat(draft(group, partner)).isNull();
		assertThat(eventTypes(key)).contains(DealEventType.STAGE_PROPOSED);
		cardShows(importer, group, "Customs clearance in Almaty");
	}

	@Test
	void aReviewWindowThatPassesRemindsOnceAndAcceptsOnce() throws Exception {
		TestDeal deal = openDeal("Reviewa", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = dealKeyOf(group);
		// a line without currency and model: the bot asks for them with buttons, waiting in the database
		partner.write(group, "/stage Certificates | " + LocalDate.now(clock).plusDays(10) + " | 500");
		withButton(partner, group, "EUR");
		assertThat(jdbc.sql("SELECT step FROM stage_drafts WHERE chat_id = :chat AND user_id = :user").param("chat", group)
			.param("user", partner.id()).query(String.class).single()).isEqualTo("CURRENCY");
		partner.press(group, "USD");
		withButton(partner, group, t(importer, "stages.model.ONE_OFF"));
		partner.press(group, t(importer, "stages.model.ONE_OFF"));
		withButton(importer, group, t(importer, "stages.button.confirm", 1, 1));
		importer.press(group, t(importer, "stages.button.confirm", 1, 1));
		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(stage(key).get("status")));
		// Ready on the card
		cardShows(partner, group, t(partner, "stages.status.CONFIRMED"));
		partner.press(group, t(importer, "stages.button.ready", 1));
		// both sides are told in advance when it counts as accepted
		SeenMessage ready = seesInGroup(partner, group, "Stage 1 “Certificates” is ready");
		assertThat(ready.text()).contains("it counts as accepted");
		Map<String, Object> row = stage(key);
		long id = ((Number) row.get("id")).longValue();
		OffsetDateTime due = jdbc.sql("SELECT review_due_at FROM stages WHERE id = :id").param("id", id).query(OffsetDateTime.class).single();
		assertThat(due.toInstant()).isAfter(clock.instant().plus(Duration.ofDays(2)));

		// a working day before the end: reminded once
		backdate(id, "remind_at", Duration.ofMinutes(1));
		reviews.check();
		reviews.check();
		seesInGroup(importer, group, "waits for your review");
		// the window passed: accepted by default, once, by the system
		backdate(id, "review_due_at", Duration.ofMinutes(1));
		reviews.check();
		reviews.check();
		seesInGroup(partner, group, t(partner, "stages.default.notice", 1, "Certificates", 3));
		assertThat(stage(key)).containsEntry("status", "ACCEPTED");
		List<DealEvents.Event> log = dealEvents.of(key);
		assertThat(log.stream().filter(e -> e.type() == DealEventType.STAGE_REVIEW_REMINDED).count()).isEqualTo(1);
		assertThat(log.stream().filter(e -> e.type() == DealEventType.STAGE_ACCEPTED_BY_DEFAULT).toList())
			.singleElement().satisfies(e -> assertThat(e.actorId()).isZero());
		cardShows(importer, group, t(importer, "stages.status.ACCEPTED"));
	}

	/** The newest message in the group with that button. */
	private static SeenMessage withButton(SimulatedUser user, long group, String label) {
		return await("a message with " + label).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(group).stream().filter(m -> m.hasButton(label)).reduce((first, second) -> second),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** The form's question (after the message {@code after}), as this person sees it: asked anew or asked again. */
	private SeenMessage asked(SimulatedUser user, long group, Step step, long after) {
		String question = t(user, "stages.ask.progress", StageConversation.FORM.indexOf(step) + 1, StageConversation.FORM.size()) + " "
				+ head(t(user, "stages.ask." + step.name(), nameOf(user), step == Step.TITLE ? Stage.MAX_TITLE : Stage.MAX_TEXT));
		return await("question " + step).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
			.until(() -> user.messages(group).stream().filter(m -> m.id() > after && m.text() != null && m.text().contains(question))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** The person's stored draft in the group, or null. */
	private Map<String, Object> draft(long group, SimulatedUser user) {
		return jdbc.sql("SELECT * FROM stage_drafts WHERE chat_id = :chat AND user_id = :user").param("chat", group)
			.param("user", user.id()).query().listOfRows().stream().findFirst().orElse(null);
	}

	/** Puts a draft row back as it was read. */
	private void restore(Map<String, Object> row) {
		List<String> columns = List.copyOf(row.keySet());
		var insert = jdbc.sql("INSERT INTO stage_drafts (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", columns.stream().map(c -> ":" + c.toLowerCase(java.util.Locale.ROOT)).toList()) + ")");
		for (String column : columns) {
			insert = insert.param(column.toLowerCase(java.util.Locale.ROOT), row.get(column));
		}
		insert.update();
	}

	private Map<String, Object> stage(String key) {
		return jdbc.sql("SELECT * FROM stages WHERE deal_key = :key AND number = 1").param("key", key).query().singleRow();
	}

	private void backdate(long stageId, String column, Duration ago) {
		jdbc.sql("UPDATE stages SET " + column + " = :at WHERE id = :id")
			.param("at", OffsetDateTime.ofInstant(clock.instant().minus(ago), ZoneOffset.UTC))
			.param("id", stageId)
			.update();
	}
}
