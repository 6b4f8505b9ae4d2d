package com.b2brics.connect.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.invitations.InvitationFigures;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;

/**
 * {@code /stats} in the bot: a partner's team member sees their company's response figures for 30
 * and 90 days: first responses to importers, and answers to invitation offers.
 */
@Component
class PartnerStats {

	private final PartnerFigures figures;
	private final InvitationFigures invitations;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final Clock clock;

	PartnerStats(PartnerFigures figures, InvitationFigures invitations, Catalog catalog, Accounts accounts, Outbox outbox, MessageSource messages, Clock clock) {
		this.figures = figures;
		this.invitations = invitations;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	@OnCommand(value = "stats", where = Where.PRIVATE, help = "bot.command.stats", order = 22, wrongPlace = "sla.stats.private")
	void on(CommandReceived command) {
		outbox.send(OutgoingMessage.to(command.chat().id(), answer(command.user().id(), accounts.of(command.user())))
			.priority(Priority.HIGH));
	}

	/** What /stats answers the user: their company's figures, or how to join a team. */
	String answer(long userId, Locale locale) {
		var partner = catalog.partnerOfTeamMember(userId);
		if (partner.isEmpty()) {
			return messages.getMessage("sla.stats.notpartner", null, locale);
		}
		return messages.getMessage("sla.stats.header", new Object[] { Html.escape(partner.get().companyName()) }, locale)
				+ "\n\n" + window(partner.get(), 30, locale) + "\n\n" + window(partner.get(), 90, locale);
	}

	private String window(Partner partner, int days, Locale locale) {
		PartnerFigures.Figures f = figures.firstResponse(partner.id(), clock.instant().minus(Duration.ofDays(days)));
		String none = "—";
		String leads = f.answered() == 0 && f.withinSla().isEmpty()
				? messages.getMessage("sla.stats.none", new Object[] { days }, locale)
				: messages.getMessage("sla.stats.window", new Object[] { days, f.answered(),
						f.median().map(d -> duration(d, locale)).orElse(none), f.p90().map(d -> duration(d, locale)).orElse(none),
						f.withinSla().map(share -> Math.round(share * 100) + " %").orElse(none) }, locale);
		InvitationFigures.Answers a = invitations.lastDays(partner.id(), days);
		if (a.offers() == 0) {
			return leads + "\n" + messages.getMessage("sla.stats.invitations.none", null, locale);
		}
		String unanswered = messages.getMessage("sla.stats.invitations.unanswered", null, locale);
		return leads + "\n" + messages.getMessage("sla.stats.invitations", new Object[] { a.offers(), a.accepted(), a.declined(),
				a.expired(), a.acceptanceRate().map(share -> Math.round(share * 100) + " %").orElse(none),
				a.median().map(d -> duration(d, locale)).orElse(unanswered), a.p90().map(d -> duration(d, locale)).orElse(unanswered) },
				locale);
	}

	private String duration(Duration d, Locale locale) {
		long minutes = (d.toSeconds() + 59) / 60;
		return messages.getMessage("sla.duration", new Object[] { minutes / 60, minutes % 60 }, locale);
	}
}
