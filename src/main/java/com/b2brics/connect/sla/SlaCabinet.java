package com.b2brics.connect.sla;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.partners.CabinetEntry;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * The SLA's buttons in the partner's cabinet: Statistics answers what {@code /stats} does, Working
 * hours what {@code /hours} alone does. Each button is for the member it was shown to.
 */
@Configuration(proxyBeanMethods = false)
class SlaCabinet {

	static final String STATS = "sla_stats";
	static final String HOURS = "sla_hours";

	/** One button of the cabinet, labelled from the bundles. */
	private record Entry(int order, String labelKey, String action, MessageSource messages) implements CabinetEntry {

		@Override
		public Optional<InlineButton> button(Partner partner, long userId, Locale locale) {
			return Optional.of(InlineButton.callback(messages.getMessage(labelKey, null, locale), action, null).forUser(userId));
		}
	}

	@Bean
	CabinetEntry statisticsCabinetEntry(MessageSource messages) {
		return new Entry(10, "sla.cabinet.stats", STATS, messages);
	}

	@Bean
	CabinetEntry workingHoursCabinetEntry(MessageSource messages) {
		return new Entry(20, "sla.cabinet.hours", HOURS, messages);
	}

	@Bean
	Presses slaCabinetPresses(PartnerStats stats, WorkingHoursCommand hours, Accounts accounts, Outbox outbox) {
		return new Presses(stats, hours, accounts, outbox);
	}

	/** Answers the presses of the two buttons in the private chat of who pressed. */
	static class Presses {

		private final PartnerStats stats;
		private final WorkingHoursCommand hours;
		private final Accounts accounts;
		private final Outbox outbox;

		Presses(PartnerStats stats, WorkingHoursCommand hours, Accounts accounts, Outbox outbox) {
			this.stats = stats;
			this.hours = hours;
			this.accounts = accounts;
			this.outbox = outbox;
		}

		@OnButton({ STATS, HOURS })
		void on(ButtonPressed pressed) {
			outbox.answerButton(pressed.callbackQueryId(), null, false);
			long user = pressed.user().id();
			Locale locale = accounts.of(pressed.user());
			outbox.send(STATS.equals(pressed.action())
					? OutgoingMessage.to(user, stats.answer(user, locale)).priority(Priority.HIGH)
					: hours.current(user, user, locale));
		}
	}
}
