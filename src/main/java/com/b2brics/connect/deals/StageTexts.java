package com.b2brics.connect.deals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.sla.StorefrontCalendars;
import com.b2brics.connect.sla.WorkingCalendar;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.UserLanguage;

/** How stages read: their card, their line in a list, statuses, models, money, dates and refusals, in a locale. */
@Component
class StageTexts {

	/** How much of a long text (works, results …) the stage's card shows. */
	static final int CARD_TEXT = 300;

	private final Texts texts;
	private final Accounts accounts;
	private final GroupPool pool;
	private final StorefrontCalendars calendars;

	StageTexts(Texts texts, Accounts accounts, GroupPool pool, StorefrontCalendars calendars) {
		this.texts = texts;
		this.accounts = accounts;
		this.pool = pool;
		this.calendars = calendars;
	}

	String text(Locale locale, String key, Object... args) {
		return texts.text(locale, key, args);
	}

	String status(Locale locale, Stage.Status status) {
		return texts.text(locale, "stages.status." + status.name());
	}

	String model(Locale locale, Stage.PaymentModel model) {
		return texts.text(locale, "stages.model." + model.name());
	}

	/** A payment model named as the bundles name it, in any language we speak. */
	Optional<Stage.PaymentModel> modelNamed(String name) {
		for (Stage.PaymentModel model : Stage.PaymentModel.values()) {
			for (Locale locale : UserLanguage.SUPPORTED) {
				if (model(locale, model).equalsIgnoreCase(name.strip())) {
					return Optional.of(model);
				}
			}
		}
		return Optional.empty();
	}

	String money(Locale locale, Stage.Terms terms) {
		return Money.format(terms.amountMinor(), terms.currency(), locale);
	}

	String date(Locale locale, LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
	}

	String dateTime(Locale locale, Instant instant, ZoneId zone) {
		return texts.dateTime(locale, instant, zone);
	}

	/** A refusal of what someone typed, naming the field. */
	String problem(Locale locale, StageInput.Problem problem) {
		Object[] args = new Object[problem.args().length + 1];
		args[0] = texts.text(locale, problem.field());
		for (int i = 0; i < problem.args().length; i++) {
			Object arg = problem.args()[i];
			args[i + 1] = arg instanceof String s ? Html.escape(s) : arg;
		}
		return texts.text(locale, problem.key(), args);
	}

	/** The storefront's working calendar; Monday to Friday in UTC for a deal whose storefront is unknown. */
	WorkingCalendar calendar(DealRoom room) {
		try {
			return calendars.forStorefront(room.storefrontSlug());
		}
		catch (RuntimeException unknown) {
			return new WorkingCalendar(ZoneId.of("UTC"), com.b2brics.connect.sla.WorkingCalendar.allTheTime(ZoneId.of("UTC")).hours(),
					date -> date.getDayOfWeek().getValue() >= 6);
		}
	}

	/** The stage's card: its terms and where it stands. */
	String card(Locale locale, Stage stage) {
		Stage.Terms t = stage.terms();
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "stages.card.head", stage.number(), Html.cut(t.title(), Stage.MAX_TITLE), stage.version()));
		lines.add(texts.text(locale, "stages.card.terms", date(locale, t.deliveryDue()), money(locale, t), model(locale, t.model())));
		if (t.responseDue() != null) {
			lines.add(texts.text(locale, "stages.field.response", date(locale, t.responseDue())));
		}
		optional(lines, locale, "stages.field.works", t.works());
		optional(lines, locale, "stages.field.results", t.results());
		optional(lines, locale, "stages.field.paysfor", t.paysFor());
		optional(lines, locale, "stages.field.reporting", t.reporting());
		optional(lines, locale, "stages.field.acceptance", t.acceptance());
		lines.add(texts.text(locale, "stages.card.status", status(locale, stage.status())));
		return String.join("\n", lines);
	}

	private void optional(List<String> lines, Locale locale, String key, String value) {
		if (value != null && !value.isBlank()) {
			lines.add(texts.text(locale, key, Html.cut(value, CARD_TEXT)));
		}
	}

	/** The stage in one line of a list. */
	String line(Locale locale, Stage stage) {
		Stage.Terms t = stage.terms();
		return texts.text(locale, "stages.list.line", stage.number(), Html.cut(t.title(), 80), money(locale, t),
				date(locale, t.deliveryDue()), status(locale, stage.status()));
	}

	/** The customer side's people in the group, by name, for a notice addressed to them. */
	String customers(DealRoom room, Locale locale) {
		String names = pool.roster(room.chatId()).keySet().stream().filter(room::isCustomer)
			.map(id -> Html.cut(accounts.nameOf(id), 64))
			.collect(Collectors.joining(", "));
		return names.isEmpty() ? texts.text(locale, "stages.customers") : names;
	}

	String name(long userId) {
		return Html.cut(accounts.nameOf(userId), 64);
	}
}
