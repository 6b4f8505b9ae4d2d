package com.b2brics.connect.leads;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.groups.GroupInvites;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupSetup;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.groups.WorkingGroupAssigned;
import com.b2brics.connect.groups.WorkingGroupHolder;
import com.b2brics.connect.groups.WorkingGroupMigrated;
import com.b2brics.connect.telegram.Html;

/**
 * A lead's working group, as the lead holds it in the pool's queue: named after the deal, its
 * context pinned, a personal link for the importer and for every member of the partner's team. A
 * lead on an exporter's product gets the same group, its deal group, and texts that name the
 * product and the exporter. With the pool empty the lead waits its turn.
 */
@Component
class LeadGroups implements WorkingGroupHolder {

	private final Leads leads;
	private final GroupPool pool;
	private final GroupInvites invites;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Texts texts;
	private final LeadsProperties properties;
	private final SiteUrl site;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final LeadJoinGrace grace;

	LeadGroups(Leads leads, GroupPool pool, GroupInvites invites, Catalog catalog, Accounts accounts,
			Texts texts, LeadsProperties properties, Clock clock, ApplicationEventPublisher events,
			LeadJoinGrace grace, SiteUrl site) {
		this.leads = leads;
		this.pool = pool;
		this.invites = invites;
		this.catalog = catalog;
		this.accounts = accounts;
		this.texts = texts;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
		this.events = events;
		this.grace = grace;
	}

	@Override
	public String kind() {
		return GroupPool.Holder.LEAD;
	}

	/** Right after Start: a group now, or a place in the queue. */
	@EventListener
	void on(LeadOpened opened) {
		serve(opened.leadId());
	}

	/** A group for a lead that waits (new, or queued again when its importer came back); true if it has one now. */
	boolean serve(long leadId) {
		return pool.request(new GroupPool.Holder(kind(), leadId)).isPresent();
	}

	/** The importer's personal link again, for a second Start on an open lead. */
	String importerLink(Lead lead) {
		return leads.chatOf(lead.id()).map(chat -> invites.linkFor(chat, lead.importerId(), Role.IMPORTER)).orElse(null);
	}

	@Override
	public Optional<GroupSetup> setUp(long leadId) {
		Optional<Lead> lead = leads.byIdIfPresent(leadId).filter(l -> l.status() == Lead.Status.WAITING_FOR_GROUP);
		Optional<Service> service = lead.flatMap(l -> catalog.service(l.serviceId()));
		Optional<Partner> partner = lead.flatMap(l -> catalog.partner(l.partnerId()));
		if (service.isEmpty() || partner.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(setUp(lead.get(), service.get(), partner.get()));
	}

	private GroupSetup setUp(Lead lead, Service service, Partner partner) {
		Locale importerLocale = accounts.localeOf(lead.importerId());
		String importerName = accounts.nameOf(lead.importerId());
		String serviceUrl = site.root() + service.path();
		String partnerUrl = site.root() + partner.path(service.storefrontSlug());
		String storefront = "/" + service.storefrontSlug();
		String title = service.title(importerLocale);
		// a product's deal group says product and exporter where a service's says service and partner
		String suffix = service.isProduct() ? ".product" : "";

		List<GroupSetup.PersonalLink> links = new ArrayList<>();
		links.add(new GroupSetup.PersonalLink(lead.importerId(), Role.IMPORTER, texts.text(importerLocale, "lead.group.ready" + suffix,
				Html.escape(title), Html.escape(partner.companyName())), texts.text(importerLocale, "lead.group.open")));
		for (Long member : catalog.teamMemberIds(partner.id())) {
			Locale locale = accounts.localeOf(member);
			links.add(new GroupSetup.PersonalLink(member, service.isProduct() ? Role.EXPORTER : Role.PARTNER,
					texts.text(locale, "lead.partner.new" + suffix, serviceUrl, Html.escape(service.title(locale)), partnerUrl,
							Html.escape(partner.companyName()), storefront, Html.escape(importerName)),
					texts.text(locale, "lead.partner.join")));
		}
		return new GroupSetup(texts.text(importerLocale, "pool.title.lead", title, importerName),
				texts.text(importerLocale, "pool.description.lead", storefront, partner.companyName(), serviceUrl),
				texts.text(importerLocale, "lead.group.context" + suffix, serviceUrl, Html.escape(title), partnerUrl,
						Html.escape(partner.companyName()), storefront, Html.escape(importerName)),
				links);
	}

	@Override
	public String waitingLine(long leadId, Locale locale) {
		return texts.text(locale, "pool.waiting.lead", Long.toString(leadId));
	}

	/** The pool set the lead's group up: the lead is open in it and its join grace runs. */
	@EventListener
	void on(WorkingGroupAssigned assigned) {
		if (!assigned.isFor(kind())) {
			return;
		}
		Lead lead = leads.byId(assigned.holderId());
		leads.open(lead.id(), assigned.chatId(), clock.instant());
		grace.schedule(lead.id());
		Service service = catalog.service(lead.serviceId()).orElseThrow();
		events.publishEvent(new LeadGroupOpened(lead.id(), assigned.chatId(), service.id(), lead.partnerId(),
				service.storefrontSlug(), lead.importerId()));
	}

	/** A basic group became a supergroup: the lead keeps its group under the new id. */
	@EventListener
	void on(WorkingGroupMigrated migrated) {
		leads.migrateChat(migrated.fromChatId(), migrated.toChatId());
	}

}
