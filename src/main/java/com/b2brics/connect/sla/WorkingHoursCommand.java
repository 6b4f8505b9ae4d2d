package com.b2brics.connect.sla;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * {@code /hours} in the bot: a partner's team member sees or sets the company's working hours and
 * time zone. The response clocks of leads started afterwards run in them, with the holidays of the
 * storefront's country; clocks already running keep the hours they started with.
 */
@Component
class WorkingHoursCommand {

	private static final Logger log = LoggerFactory.getLogger(WorkingHoursCommand.class);

	private final PartnerHoursStore store;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final Clock clock;

	WorkingHoursCommand(PartnerHoursStore store, Catalog catalog, Accounts accounts, Outbox outbox, MessageSource messages,
			Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener
	void on(CommandReceived command) {
		if (!"hours".equals(command.command()) || !command.chat().isPrivate()) {
			return;
		}
		Locale locale = accounts.of(command.user());
		long userId = command.user().id();
		String args = command.args() == null ? "" : command.args().trim();
		var partner = catalog.partnerOfTeamMember(userId);
		String answer;
		if (partner.isEmpty()) {
			answer = messages.getMessage("sla.hours.notpartner", null, locale);
		}
		else if (args.isEmpty()) {
			answer = current(partner.get(), locale);
		}
		else {
			var hours = PartnerHours.read(args);
			if (hours.isEmpty()) {
				answer = messages.getMessage("sla.hours.bad", null, locale) + "\n\n" + messages.getMessage("sla.hours.examples", null, locale);
			}
			else {
				store.set(partner.get().id(), hours.get(), userId, clock.instant());
				log.info("Partner {} set its working hours to {} {} (user {})", partner.get().id(), hours.get().zone(),
						hours.get().stored(), userId);
				answer = messages.getMessage("sla.hours.saved", new Object[] { Html.escape(partner.get().companyName()),
						PartnerHours.describe(hours.get().hours(), locale), hours.get().zone().getId() }, locale);
			}
		}
		outbox.send(OutgoingMessage.to(command.chat().id(), answer).priority(Priority.HIGH));
	}

	/** What {@code /hours} alone answers the user: the company's hours and how to set them, or how to join a team. */
	String answer(long userId, Locale locale) {
		return catalog.partnerOfTeamMember(userId).map(partner -> current(partner, locale))
			.orElseGet(() -> messages.getMessage("sla.hours.notpartner", null, locale));
	}

	private String current(Partner partner, Locale locale) {
		String name = Html.escape(partner.companyName());
		String now = store.of(partner.id())
			.map(hours -> messages.getMessage("sla.hours.current",
					new Object[] { name, PartnerHours.describe(hours.hours(), locale), hours.zone().getId() }, locale))
			.orElseGet(() -> messages.getMessage("sla.hours.default", new Object[] { name }, locale));
		return now + "\n\n" + messages.getMessage("sla.hours.examples", null, locale);
	}
}
