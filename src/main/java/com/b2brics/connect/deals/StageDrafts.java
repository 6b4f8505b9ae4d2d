package com.b2brics.connect.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the bot waits for from one person in one group: the answers of a guided /stage form, or the
 * reason of a change request. In the database, so that it survives a restart and every instance
 * sees it; one per person and group, lapsing at {@code expires_at}.
 */
@Repository
class StageDrafts {

	/** The questions of the form, in the order they are asked, and the reason of a change request. */
	enum Step {
		TITLE(false), WORKS(true), RESULTS(true), DELIVERY(false), RESPONSE(true), CURRENCY(false), AMOUNT(false), MODEL(false),
		PAYSFOR(true), REPORTING(true), ACCEPTANCE(true), REASON(false);

		final boolean optional;

		Step(boolean optional) {
			this.optional = optional;
		}
	}

	record Draft(long chatId, long userId, String dealKey, Step step, Long stageId, Integer stageVersion, String title, String works,
			String results, LocalDate responseDue, LocalDate deliveryDue, Long amountMinor, String currency, Stage.PaymentModel model,
			String paysFor, String reporting, String acceptance, Set<Step> skipped, Instant expiresAt) {

		static Draft form(long chatId, long userId, String dealKey, Instant expiresAt) {
			return new Draft(chatId, userId, dealKey, Step.TITLE, null, null, null, null, null, null, null, null, null, null, null, null,
					null, EnumSet.noneOf(Step.class), expiresAt);
		}

		static Draft reason(long chatId, long userId, String dealKey, long stageId, int version, Instant expiresAt) {
			return new Draft(chatId, userId, dealKey, Step.REASON, stageId, version, null, null, null, null, null, null, null, null, null,
					null, null, EnumSet.noneOf(Step.class), expiresAt);
		}

		Draft at(Step next) {
			return new Draft(chatId, userId, dealKey, next, stageId, stageVersion, title, works, results, responseDue, deliveryDue,
					amountMinor, currency, model, paysFor, reporting, acceptance, skipped, expiresAt);
		}

		/** The same draft lapsing at {@code expires}. */
		Draft until(Instant expires) {
			return new Draft(chatId, userId, dealKey, step, stageId, stageVersion, title, works, results, responseDue, deliveryDue,
					amountMinor, currency, model, paysFor, reporting, acceptance, skipped, expires);
		}

		/** Whether the form already has an answer for the step (or it was skipped). */
		boolean answered(Step s) {
			if (skipped.contains(s)) {
				return true;
			}
			return switch (s) {
				case TITLE -> title != null;
				case WORKS -> works != null;
				case RESULTS -> results != null;
				case DELIVERY -> deliveryDue != null;
				case RESPONSE -> responseDue != null;
				case CURRENCY -> currency != null;
				case AMOUNT -> amountMinor != null;
				case MODEL -> model != null;
				case PAYSFOR -> paysFor != null;
				case REPORTING -> reporting != null;
				case ACCEPTANCE -> acceptance != null;
				case REASON -> false;
			};
		}

		/** The form with the answer to the step (an amount may bring its currency along). */
		Draft with(Step s, Object value) {
			String title = this.title, works = this.works, results = this.results, paysFor = this.paysFor;
			String reporting = this.reporting, acceptance = this.acceptance, currency = this.currency;
			LocalDate responseDue = this.responseDue, deliveryDue = this.deliveryDue;
			Long amountMinor = this.amountMinor;
			Stage.PaymentModel model = this.model;
			switch (s) {
				case TITLE -> title = (String) value;
				case WORKS -> works = (String) value;
				case RESULTS -> results = (String) value;
				case DELIVERY -> deliveryDue = (LocalDate) value;
				case RESPONSE -> responseDue = (LocalDate) value;
				case CURRENCY -> currency = (String) value;
				case AMOUNT -> {
					StageInput.Money money = (StageInput.Money) value;
					amountMinor = money.amountMinor();
					currency = money.currency() != null ? money.currency() : currency;
				}
				case MODEL -> model = (Stage.PaymentModel) value;
				case PAYSFOR -> paysFor = (String) value;
				case REPORTING -> reporting = (String) value;
				case ACCEPTANCE -> acceptance = (String) value;
				case REASON -> throw new IllegalArgumentException("a reason is no part of the form");
			}
			return new Draft(chatId, userId, dealKey, step, stageId, stageVersion, title, works, results, responseDue, deliveryDue,
					amountMinor, currency, model, paysFor, reporting, acceptance, skipped, expiresAt);
		}

		Draft skip(Step s) {
			Set<Step> more = EnumSet.noneOf(Step.class);
			more.addAll(skipped);
			more.add(s);
			return new Draft(chatId, userId, dealKey, step, stageId, stageVersion, title, works, results, responseDue, deliveryDue,
					amountMinor, currency, model, paysFor, reporting, acceptance, more, expiresAt);
		}

		Stage.Terms terms() {
			return new Stage.Terms(title, works, results, responseDue, deliveryDue, amountMinor, currency, model, paysFor, reporting,
					acceptance);
		}
	}

	private final JdbcClient jdbc;

	StageDrafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Draft> of(long chatId, long userId, Instant now) {
		return jdbc.sql("SELECT * FROM stage_drafts WHERE chat_id = :chat AND user_id = :user AND expires_at > :now")
			.param("chat", chatId)
			.param("user", userId)
			.param("now", Stages.utc(now))
			.query((rs, n) -> map(rs))
			.optional();
	}

	void save(Draft d) {
		drop(d.chatId(), d.userId());
		jdbc.sql("""
				INSERT INTO stage_drafts (chat_id, user_id, deal_key, step, stage_id, stage_version, title, works, results, response_due,
				                          delivery_due, amount_minor, currency, payment_model, pays_for, reporting, acceptance, skipped, expires_at)
				VALUES (:chat, :user, :key, :step, :stage, :version, :title, :works, :results, :response, :delivery, :amount, :currency,
				        :model, :paysFor, :reporting, :acceptance, :skipped, :expires)""")
			.param("chat", d.chatId())
			.param("user", d.userId())
			.param("key", d.dealKey())
			.param("step", d.step().name())
			.param("stage", d.stageId())
			.param("version", d.stageVersion())
			.param("title", d.title())
			.param("works", d.works())
			.param("results", d.results())
			.param("response", d.responseDue())
			.param("delivery", d.deliveryDue())
			.param("amount", d.amountMinor())
			.param("currency", d.currency())
			.param("model", d.model() == null ? null : d.model().name())
			.param("paysFor", d.paysFor())
			.param("reporting", d.reporting())
			.param("acceptance", d.acceptance())
			.param("skipped", d.skipped().stream().map(Step::name).collect(Collectors.joining(",")))
			.param("expires", Stages.utc(d.expiresAt()))
			.update();
	}

	boolean drop(long chatId, long userId) {
		return jdbc.sql("DELETE FROM stage_drafts WHERE chat_id = :chat AND user_id = :user")
			.param("chat", chatId)
			.param("user", userId)
			.update() > 0;
	}

	private static Draft map(ResultSet rs) throws SQLException {
		String skipped = rs.getString("skipped");
		Set<Step> steps = EnumSet.noneOf(Step.class);
		if (skipped != null && !skipped.isBlank()) {
			Arrays.stream(skipped.split(",")).map(Step::valueOf).forEach(steps::add);
		}
		String model = rs.getString("payment_model");
		return new Draft(rs.getLong("chat_id"), rs.getLong("user_id"), rs.getString("deal_key"), Step.valueOf(rs.getString("step")),
				(Long) rs.getObject("stage_id", Long.class), (Integer) rs.getObject("stage_version", Integer.class), rs.getString("title"),
				rs.getString("works"), rs.getString("results"), rs.getObject("response_due", LocalDate.class),
				rs.getObject("delivery_due", LocalDate.class), (Long) rs.getObject("amount_minor", Long.class), rs.getString("currency"),
				model == null ? null : Stage.PaymentModel.valueOf(model), rs.getString("pays_for"), rs.getString("reporting"),
				rs.getString("acceptance"), steps, rs.getObject("expires_at", OffsetDateTime.class).toInstant());
	}
}
