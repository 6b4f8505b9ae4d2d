package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sla.HoursRange;
import com.b2brics.connect.sla.WorkingCalendar;

/** Prices, dates, models and the one-line form as people type them; the review window in working days; money per locale. */
class StageInputTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static StageInput.Money money(String text) {
		return StageInput.money(text, true);
	}

	@Test
	void pricesAsPeopleWriteThem() {
		assertThat(money("1200 USD")).isEqualTo(new StageInput.Money(120_000, "USD"));
		assertThat(money("USD 1200")).isEqualTo(new StageInput.Money(120_000, "USD"));
		assertThat(money("1 200 usd")).isEqualTo(new StageInput.Money(120_000, "USD"));
		assertThat(money("12.345 USD")).isEqualTo(new StageInput.Money(1_234_500, "USD"));
		assertThat(money("1,200.50 EUR")).isEqualTo(new StageInput.Money(120_050, "EUR"));
		assertThat(money("1.200,50 BRL")).isEqualTo(new StageInput.Money(120_050, "BRL"));
		assertThat(money("1200,5 RUB")).isEqualTo(new StageInput.Money(120_050, "RUB"));
		assertThat(money("$1200")).isEqualTo(new StageInput.Money(120_000, "USD"));
		assertThat(money("1200 €")).isEqualTo(new StageInput.Money(120_000, "EUR"));
		assertThat(money("1\u00a0200 INR")).isEqualTo(new StageInput.Money(120_000, "INR"));
		assertThat(StageInput.money("1200", false)).isEqualTo(new StageInput.Money(120_000, null));
	}

	@Test
	void badPricesNameTheField() {
		assertProblem(() -> money("twelve hundred"), "stages.bad.amount", "stages.label.price");
		assertProblem(() -> money("1200 XYZ"), "stages.bad.currency", "stages.label.currency");
		assertProblem(() -> money("1200"), "stages.bad.currency.missing", "stages.label.currency");
		assertProblem(() -> money("12.34.5 USD"), "stages.bad.amount", "stages.label.price");
		assertProblem(() -> money("1200.505 USD"), "stages.bad.amount", "stages.label.price");
		assertProblem(() -> money("0 USD"), "stages.bad.amount.range", "stages.label.price");
		assertProblem(() -> money("99999999999 USD"), "stages.bad.amount.range", "stages.label.price");
	}

	@Test
	void datesAndModels() {
		assertThat(StageInput.date("2026-12-20", "stages.label.delivery", TODAY)).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(StageInput.date("20.12.2026", "stages.label.delivery", TODAY)).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(StageInput.date("20/12/2026", "stages.label.delivery", TODAY)).isEqualTo(LocalDate.of(2026, 12, 20));
		assertProblem(() -> StageInput.date("soon", "stages.label.delivery", TODAY), "stages.bad.date", "stages.label.delivery");
		assertProblem(() -> StageInput.date("2026-12-01", "stages.label.delivery", TODAY), "stages.bad.past", "stages.label.delivery");
		assertProblem(() -> StageInput.date("2040-01-01", "stages.label.response", TODAY), "stages.bad.far", "stages.label.response");
		assertThat(StageInput.model("one-off", name -> Optional.empty())).isEqualTo(Stage.PaymentModel.ONE_OFF);
		assertThat(StageInput.model("Staged", name -> Optional.empty())).isEqualTo(Stage.PaymentModel.STAGED);
		assertThat(StageInput.model("подписка", name -> Optional.of(Stage.PaymentModel.SUBSCRIPTION)))
			.isEqualTo(Stage.PaymentModel.SUBSCRIPTION);
		assertProblem(() -> StageInput.model("barter", name -> Optional.empty()), "stages.bad.model", "stages.label.model");
	}

	@Test
	void theOneLineForm() {
		StageInput.Line line = StageInput.line("Customs clearance | 2026-12-20 | 1200 USD | staged", TODAY, name -> Optional.empty());
		assertThat(line).isEqualTo(new StageInput.Line("Customs clearance", LocalDate.of(2026, 12, 20), 120_000L, "USD",
				Stage.PaymentModel.STAGED));
		assertThat(line.complete()).isTrue();
		StageInput.Line partial = StageInput.line("Customs clearance | 2026-12-20", TODAY, name -> Optional.empty());
		assertThat(partial.complete()).isFalse();
		assertThat(partial.deliveryDue()).isEqualTo(LocalDate.of(2026, 12, 20));
		assertProblem(() -> StageInput.line(" | 2026-12-20 | 1200 USD | staged", TODAY, name -> Optional.empty()), "stages.bad.empty",
				"stages.label.title");
		assertProblem(() -> StageInput.line("A | B | C | D | E", TODAY, name -> Optional.empty()), "stages.line.usage",
				"stages.label.title");
		assertProblem(() -> StageInput.line("x".repeat(201), TODAY, name -> Optional.empty()), "stages.bad.long", "stages.label.title");
	}

	@Test
	void theReviewWindowCountsWorkingDaysOfTheCalendar() {
		Map<DayOfWeek, List<HoursRange>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
			week.put(day, List.of(new HoursRange(LocalTime.of(9, 0), LocalTime.of(18, 0))));
		}
		ZoneId moscow = ZoneId.of("Europe/Moscow");
		WorkingCalendar calendar = new WorkingCalendar(moscow, week, date -> date.equals(LocalDate.of(2026, 12, 10)));
		// ready on Wednesday 9 December: Thursday 10 is a holiday, so Friday 11, Monday 14, Tuesday 15
		ReviewWindow window = ReviewWindow.of(calendar, Instant.parse("2026-12-09T12:00:00Z"), 3);
		assertThat(window.dueAt()).isEqualTo(LocalDate.of(2026, 12, 15).atTime(18, 0).atZone(moscow).toInstant());
		assertThat(window.remindAt()).isEqualTo(LocalDate.of(2026, 12, 15).atTime(9, 0).atZone(moscow).toInstant());
	}

	@Test
	void moneyIsWrittenAsTheReaderWritesIt() {
		assertThat(Money.format(120_050, "USD", Locale.ENGLISH)).isEqualTo("$1,200.50");
		assertThat(Money.format(120_050, "EUR", Locale.forLanguageTag("ru"))).contains("1").contains("200,50").contains("€");
		assertThat(Money.format(120_000, "BRL", Locale.forLanguageTag("pt"))).contains("R$").contains("1.200,00");
	}

	@Test
	void theGuidedFormAsksWhatIsNotAnsweredOrSkippedInOrder() {
		StageDrafts.Draft draft = StageDrafts.Draft.form(1, 2, "lead:1", Instant.EPOCH).with(StageDrafts.Step.TITLE, "Certificates")
			.with(StageDrafts.Step.AMOUNT, new StageInput.Money(50_000, null));
		assertThat(StageConversation.FORM.stream().filter(step -> !draft.answered(step)).findFirst()).contains(StageDrafts.Step.WORKS);
		StageDrafts.Draft skipped = draft.skip(StageDrafts.Step.WORKS).skip(StageDrafts.Step.RESULTS)
			.with(StageDrafts.Step.DELIVERY, TODAY.plusDays(3)).skip(StageDrafts.Step.RESPONSE);
		assertThat(StageConversation.FORM.stream().filter(step -> !skipped.answered(step)).findFirst())
			.contains(StageDrafts.Step.CURRENCY);
		StageDrafts.Draft priced = skipped.with(StageDrafts.Step.AMOUNT, new StageInput.Money(60_000, "EUR"))
			.with(StageDrafts.Step.MODEL, Stage.PaymentModel.ONE_OFF);
		assertThat(priced.currency()).isEqualTo("EUR");
		assertThat(StageConversation.FORM.stream().filter(step -> !priced.answered(step)).findFirst())
			.contains(StageDrafts.Step.PAYSFOR);
		Stage.Terms terms = priced.skip(StageDrafts.Step.PAYSFOR).skip(StageDrafts.Step.REPORTING).skip(StageDrafts.Step.ACCEPTANCE).terms();
		assertThat(terms.amountMinor()).isEqualTo(60_000);
		assertThat(terms.works()).isNull();
		// each answer gives the form its full time again, keeping what was answered and skipped
		StageDrafts.Draft later = priced.at(StageDrafts.Step.PAYSFOR).until(Instant.EPOCH.plusSeconds(1800));
		assertThat(later.expiresAt()).isEqualTo(Instant.EPOCH.plusSeconds(1800));
		assertThat(later).usingRecursiveComparison().ignoringFields("expiresAt").isEqualTo(priced.at(StageDrafts.Step.PAYSFOR));
		// an edit changes one term and keeps the others
		Stage.Terms edited = StageConversation.apply(terms, StageDrafts.Step.AMOUNT, new StageInput.Money(70_000, null));
		assertThat(edited.amountMinor()).isEqualTo(70_000);
		assertThat(edited.currency()).isEqualTo("EUR");
		assertThat(edited.title()).isEqualTo("Certificates");
	}

	private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(StageInput.Problem.class, problem -> {
			assertThat(problem.key()).isEqualTo(key);
			assertThat(problem.field()).isEqualTo(field);
		});
	}
}
