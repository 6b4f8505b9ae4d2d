package com.b2brics.connect.leads;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * The importer pressed Start on a Contact link: its payload resolves to the click, and the click
 * becomes a lead (one open lead per importer and service: pressing Start again finds the same
 * one). An unknown, tampered or expired payload gets a friendly answer with a way back to the
 * site, and nothing is created. Referral payloads ({@code ref_…}), partner join codes
 * ({@code join_…}) and the exporter registration link ({@code exporter}) are not this module's.
 */
@Component
class LeadStarts {

	private static final Logger log = LoggerFactory.getLogger(LeadStarts.class);

	private final Clicks clicks;
	private final Leads leads;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final LeadsProperties properties;
	private final Clock clock;
	private final LeadGroups groups;

	LeadStarts(Clicks clicks, Leads leads, Catalog catalog, Accounts accounts, Outbox outbox, MessageSource messages,
			ApplicationEventPublisher events, LeadsProperties properties, Clock clock, LeadGroups groups) {
		this.groups = groups;
		this.clicks = clicks;
		this.leads = leads;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(CommandReceived command) {
		if (!"start".equals(command.command()) || command.args().isBlank() || command.args().startsWith("ref_")
				|| command.args().startsWith("join_") || "exporter".equals(command.args().strip()) || !command.chat().isPrivate()) {
			return;
		}
		Locale locale = accounts.of(command.user());
		long importer = command.user().id();
		Optional<Click> click = clicks.byPayload(command.args());
		Optional<Service> service = click.flatMap(c -> catalog.service(c.serviceId()));
		if (click.isEmpty() || service.isEmpty()) {
			log.info("Start with an unknown payload from user {}", importer);
			tell(importer, text(locale, "lead.start.unknown", properties.siteUrl() + "/"));
			return;
		}
		if (click.get().expiredAt(clock.instant())) {
			tell(importer, text(locale, "lead.start.expired", properties.siteUrl() + service.get().path()));
			return;
		}
		String title = Html.escape(service.get().title(locale));
		String partner = Html.escape(service.get().partnerName());
		Optional<Lead> existing = leads.openFor(importer, service.get().id());
		if (existing.isPresent()) {
			again(importer, existing.get(), locale, title, partner);
			return;
		}
		Optional<Lead> created = leads.create(service.get().id(), service.get().partnerId(), service.get().storefrontSlug(),
				importer, click.get().id(), clock.instant());
		if (created.isEmpty()) {
			// another Start of the same person for the same service won the race: it is the same lead
			again(importer, leads.openFor(importer, service.get().id()).orElseThrow(), locale, title, partner);
			return;
		}
		Lead lead = created.get();
		log.info("Lead {} opened: user {} on service {} ({})", lead.id(), importer, service.get().id(),
				service.get().storefrontSlug());
		events.publishEvent(new LeadOpened(lead.id(), lead.serviceId(), lead.partnerId(), lead.storefrontSlug(), importer,
				click.get().referralCode()));
		if (leads.chatOf(lead.id()).isEmpty()) {
			// no free group right now: the lead waits for the next one, and the importer knows
			tell(importer, text(locale, "lead.start.waiting", Html.escape(command.user().firstName()), title, partner,
					"/" + service.get().storefrontSlug()));
		}
	}

	private void again(long importer, Lead lead, Locale locale, String title, String partner) {
		String link = groups.importerLink(lead);
		OutgoingMessage message = OutgoingMessage.to(importer, text(locale, "lead.start.again", title, partner));
		if (link != null) {
			message = message.with(Keyboard.column(InlineButton.url(text(locale, "lead.group.open"), link)));
		}
		outbox.send(message.priority(Priority.HIGH));
	}

	private void tell(long importer, String html) {
		outbox.send(OutgoingMessage.to(importer, html).priority(Priority.HIGH));
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
