package com.b2brics.connect.leads;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnStart;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * The importer pressed Start on a Contact link: its payload resolves to the click, and the click
 * becomes a lead (one open lead per importer and service: pressing Start again finds the same
 * one). An unknown, tampered or expired payload gets a friendly answer with a way back to the
 * site, and nothing is created. Referral payloads, partner join codes and the exporter
 * registration link are other modules' (they declare them).
 *
 * <p>So that one person cannot hold the pool of working groups: a payload belongs to the first
 * person who presses Start with it (anyone else holding it is refused, with the service's page);
 * a person may have at most {@code unused-per-person} leads that wait for a group or hold one
 * they have not entered; Starts per person are rate limited (the first refusal in a window is
 * answered, further ones are not, so a flood gets no flood of answers); and a member of the
 * partner's (or exporter's) own team cannot open a lead on their own company's offer. A lead whose
 * group went back to the pool ({@link LeadJoinGrace}) queues again on its importer's next Start.
 * Every refusal changes nothing.
 */
@Component
class LeadStarts {

	private static final Logger log = LoggerFactory.getLogger(LeadStarts.class);

	private final Clicks clicks;
	private final Leads leads;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final ApplicationEventPublisher events;
	private final LeadsProperties properties;
	private final SiteUrl site;
	private final Clock clock;
	private final LeadGroups groups;
	private final SlidingWindow starts;

	LeadStarts(Clicks clicks, Leads leads, Catalog catalog, Accounts accounts, Outbox outbox, Texts texts,
			ApplicationEventPublisher events, LeadsProperties properties, Clock clock, LeadGroups groups, SiteUrl site) {
		this.groups = groups;
		this.clicks = clicks;
		this.leads = leads;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.events = events;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
		LeadsProperties.Limits limits = properties.limits();
		this.starts = new SlidingWindow(limits.startsPerPerson(), limits.startWindow(), limits.trackedKeys(), clock);
	}

	/** Every payload no other module owns (the router gives those to their owners). */
	@OnStart
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long importer = command.user().id();
		SlidingWindow.Decision allowed = starts.acquire("tg:" + importer);
		if (!allowed.allowed()) {
			log.info("Start from user {} refused: over the limit of Starts ({})", importer, allowed);
			if (allowed == SlidingWindow.Decision.REFUSED) {
				tell(importer, texts.text(locale, "lead.start.toomany",
						Long.toString(Math.max(1, properties.limits().startWindow().toMinutes()))));
			}
			return;
		}
		// a Contact payload is 22 characters; anything much longer is no payload of ours
		Optional<Click> click = command.args().length() > 64 ? Optional.empty() : clicks.byPayload(command.args());
		Optional<Service> service = click.flatMap(c -> catalog.service(c.serviceId()));
		if (click.isEmpty() || service.isEmpty()) {
			log.info("Start with an unknown payload from user {}", importer);
			tell(importer, texts.text(locale, "lead.start.unknown", site.root() + "/"));
			return;
		}
		// they came from this storefront: its language is theirs unless Telegram names one we speak
		catalog.storefront(service.get().storefrontSlug())
			.ifPresent(storefront -> accounts.cameFromStorefront(importer, storefront.defaultLocale()));
		locale = accounts.of(command.user());
		if (click.get().expiredAt(clock.instant())) {
			tell(importer, texts.text(locale, "lead.start.expired", site.root() + service.get().path()));
			return;
		}
		String serviceUrl = site.root() + service.get().path();
		if (click.get().belongsToSomeoneElseThan(importer)) {
			log.info("Start from user {} with click {}, which user {} redeemed first: refused", importer, click.get().id(),
					click.get().redeemedBy());
			tell(importer, texts.text(locale, "lead.start.taken", serviceUrl));
			return;
		}
		String title = Html.escape(service.get().title(locale));
		String partner = Html.escape(service.get().partnerName());
		if (catalog.teamMemberIds(service.get().partnerId()).contains(importer)) {
			log.info("Start from user {} on their own company's {} {}: refused", importer,
					service.get().isProduct() ? "product" : "service", service.get().id());
			tell(importer, texts.text(locale, service.get().isProduct() ? "lead.start.own.product" : "lead.start.own", title,
					partner, serviceUrl));
			return;
		}
		Optional<Lead> existing = leads.openFor(importer, service.get().id());
		if (existing.isPresent()) {
			if (existing.get().waitsForImporterToComeBack()) {
				comeBack(command, existing.get(), click.get(), locale, title, partner, serviceUrl);
				return;
			}
			clicks.redeem(click.get().id(), importer, clock.instant());
			again(importer, existing.get(), locale, title, partner);
			return;
		}
		if (overCap(importer, locale, serviceUrl)) {
			return;
		}
		if (!clicks.redeem(click.get().id(), importer, clock.instant())) {
			// someone else pressed Start with the same payload a moment earlier
			tell(importer, texts.text(locale, "lead.start.taken", serviceUrl));
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
			tell(importer, texts.text(locale, "lead.start.waiting", Html.escape(command.user().firstName()), title, partner,
					"/" + service.get().storefrontSlug()));
		}
	}

	/** The importer came back to a lead whose group went back to the pool: it queues again, within the cap. */
	private void comeBack(CommandReceived command, Lead lead, Click click, Locale locale, String title, String partner,
			String serviceUrl) {
		long importer = command.user().id();
		if (overCap(importer, locale, serviceUrl)) {
			return;
		}
		if (!clicks.redeem(click.id(), importer, clock.instant())) {
			tell(importer, texts.text(locale, "lead.start.taken", serviceUrl));
			return;
		}
		if (!leads.saveRequeued(lead, lead.requeue(), clock.instant())) {
			return;
		}
		log.info("Lead {}: importer {} came back, queued again", lead.id(), importer);
		if (!groups.serve(lead.id())) {
			tell(importer, texts.text(locale, "lead.start.waiting", Html.escape(command.user().firstName()), title, partner,
					"/" + lead.storefrontSlug()));
		}
	}

	/** True (and the person told) when they may not have another lead waiting for a group or holding one unused. */
	private boolean overCap(long importer, Locale locale, String serviceUrl) {
		int cap = properties.unusedPerPerson();
		int unused = cap <= 0 ? 0 : leads.unusedOf(importer);
		if (cap <= 0 || unused < cap) {
			return false;
		}
		log.info("Start from user {} refused: {} leads not entered yet (cap {})", importer, unused, cap);
		tell(importer, texts.text(locale, "lead.start.cap", unused, serviceUrl));
		return true;
	}

	private void again(long importer, Lead lead, Locale locale, String title, String partner) {
		String link = groups.importerLink(lead);
		OutgoingMessage message = OutgoingMessage.to(importer, texts.text(locale, "lead.start.again", title, partner));
		if (link != null) {
			message = message.with(Keyboard.column(InlineButton.url(texts.text(locale, "lead.group.open"), link)));
		}
		outbox.send(message.priority(Priority.HIGH));
	}

	private void tell(long importer, String html) {
		outbox.send(OutgoingMessage.to(importer, html).priority(Priority.HIGH));
	}

}
