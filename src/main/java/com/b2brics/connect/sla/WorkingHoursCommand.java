package com.b2brics.connect.sla;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;

/**
 * {@code /hours} in the bot: a partner's team member sees or sets the company's working hours and
 * time zone. The response clocks of leads started afterwards run in them, with the holidays of the
 * storefront's country; clocks already running keep the hours they started with. Buttons pick a
 * common time zone, keeping the days and hours.
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

	/** Common zones offered as buttons: the storefronts' countries. */
	static final List<String> COMMON_ZONES = List.of("Europe/Moscow", "Asia/Kolkata", "Asia/Shanghai", "America/Sao_Paulo",
			"Africa/Cairo", "Africa/Johannesburg");

	/** A zone button: keeps the days and hours (Monday to Friday 09:00 to 18:00 if none are set) in the zone picked. */
	static final String ZONE = "sla_zone";

	@OnCommand(value = "hours", where = Where.PRIVATE, help = "bot.command.hours", order = 23, wrongPlace = "sla.hours.private")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long userId = command.user().id();
		String args = command.args() == null ? "" : command.args().trim();
		var partner = catalog.partnerOfTeamMember(userId);
		if (partner.isEmpty() || args.isEmpty()) {
			outbox.send(current(command.chat().id(), userId, locale));
			return;
		}
		var hours = PartnerHours.read(args);
		String answer = hours.isEmpty()
				? messages.getMessage("sla.hours.bad", null, locale) + "\n\n" + messages.getMessage("sla.hours.examples", null, locale)
				: save(partner.get(), hours.get(), userId, locale);
		outbox.send(OutgoingMessage.to(command.chat().id(), answer).priority(Priority.HIGH));
	}

	@OnButton(ZONE)
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long userId = pressed.user().id();
		var partner = catalog.partnerOfTeamMember(userId);
		int index = pressed.payload().matches("\\d{1,2}") ? Integer.parseInt(pressed.payload()) : -1;
		if (partner.isEmpty() || index < 0 || index >= COMMON_ZONES.size()) {
			outbox.answerButton(pressed.callbackQueryId(), messages.getMessage("sla.hours.zone.refused", null, locale), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), null, false);
		ZoneId zone = ZoneId.of(COMMON_ZONES.get(index));
		PartnerHours hours = store.of(partner.get().id()).map(own -> new PartnerHours(zone, own.hours()))
			.orElseGet(() -> new PartnerHours(zone, StorefrontCalendars.usualWeek("RU")));
		outbox.send(OutgoingMessage.to(userId, save(partner.get(), hours, userId, locale)).priority(Priority.HIGH));
	}

	private String save(Partner partner, PartnerHours hours, long userId, Locale locale) {
		store.set(partner.id(), hours, userId, clock.instant());
		log.info("Partner {} set its working hours to {} {} (user {})", partner.id(), hours.zone(), hours.stored(), userId);
		return messages.getMessage("sla.hours.saved", new Object[] { Html.escape(partner.companyName()),
				PartnerHours.describe(hours.hours(), locale), hours.zone().getId() }, locale);
	}

	/**
	 * What {@code /hours} alone answers the user in that chat: the company's hours, how to set
	 * them and buttons for common time zones; or how to join a team.
	 */
	OutgoingMessage current(long chatId, long userId, Locale locale) {
		var partner = catalog.partnerOfTeamMember(userId);
		if (partner.isEmpty()) {
			return OutgoingMessage.to(chatId, messages.getMessage("sla.hours.notpartner", null, locale));
		}
		String name = Html.escape(partner.get().companyName());
		String now = store.of(partner.get().id())
			.map(hours -> messages.getMessage("sla.hours.current",
					new Object[] { name, PartnerHours.describe(hours.hours(), locale), hours.zone().getId() }, locale))
			.orElseGet(() -> messages.getMessage("sla.hours.default", new Object[] { name }, locale));
		List<InlineButton> zones = new ArrayList<>();
		for (int i = 0; i < COMMON_ZONES.size(); i++) {
			zones.add(InlineButton.callback(messages.getMessage("sla.hours.zone", new Object[] { COMMON_ZONES.get(i) }, locale), ZONE,
					Integer.toString(i)).forUser(userId));
		}
		return OutgoingMessage.to(chatId, now + "\n\n" + messages.getMessage("sla.hours.examples", null, locale) + "\n\n"
				+ messages.getMessage("sla.hours.zones", null, locale))
			.with(Keyboard.column(zones.toArray(InlineButton[]::new)))
			.priority(Priority.HIGH);
	}
}
