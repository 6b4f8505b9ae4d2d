package com.b2brics.connect.leads;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.groups.GroupInvites;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupRegistered;
import com.b2brics.connect.groups.GroupReleased;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * Gives a lead its working group: takes a free one from the pool, names it after the deal, posts
 * and pins the context, and hands the importer and every member of the partner's team their own
 * join link. A lead on an exporter's product gets the same group, its deal group, and texts that
 * name the product and the exporter. With the pool empty the lead waits (admins are alerted) and gets the next group an
 * admin adds.
 */
@Component
class LeadGroups {

	private static final Logger log = LoggerFactory.getLogger(LeadGroups.class);

	private final Leads leads;
	private final GroupPool pool;
	private final GroupInvites invites;
	private final Catalog catalog;
	private final Accounts accounts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final MessageSource messages;
	private final LeadsProperties properties;
	private final SiteUrl site;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final LeadJoinGrace grace;

	LeadGroups(Leads leads, GroupPool pool, GroupInvites invites, Catalog catalog, Accounts accounts,
			PlatformAdmins admins, Outbox outbox, MessageSource messages, LeadsProperties properties, Clock clock,
			ApplicationEventPublisher events, LeadJoinGrace grace, SiteUrl site) {
		this.grace = grace;
		this.events = events;
		this.clock = clock;
		this.leads = leads;
		this.pool = pool;
		this.invites = invites;
		this.catalog = catalog;
		this.accounts = accounts;
		this.admins = admins;
		this.outbox = outbox;
		this.messages = messages;
		this.properties = properties;
		this.site = site;
	}

	/** Right after Start: a group now, or a place in the queue. */
	@EventListener
	void on(LeadOpened opened) {
		serve(opened.leadId());
	}

	/** A group for a lead that waits (new, or queued again when its importer came back); true if it has one now. */
	boolean serve(long leadId) {
		var chat = pool.take(leadId);
		if (chat.isPresent()) {
			open(leads.byId(leadId), chat.get());
			return true;
		}
		log.warn("Pool of working groups is empty: lead {} waits for the next group", leadId);
		for (Long admin : admins.ids()) {
			outbox.send(OutgoingMessage.to(admin, messages.getMessage("lead.pool.empty", new Object[] { leadId },
					accounts.localeOf(admin))).priority(Priority.HIGH));
		}
		return false;
	}

	/** An admin added a group: the lead waiting longest gets it. */
	@EventListener
	void on(GroupRegistered registered) {
		serveOldestWaiting();
	}

	/** A closed deal's group is free again: the lead waiting longest gets it. */
	@EventListener
	void on(GroupReleased released) {
		serveOldestWaiting();
	}

	/** A basic group became a supergroup: the lead keeps its group under the new id. */
	@EventListener
	void on(ChatMigrated migrated) {
		leads.migrateChat(migrated.chat().id(), migrated.newChatId());
	}

	private void serveOldestWaiting() {
		leads.oldestWaiting().ifPresent(lead -> pool.take(lead.id()).ifPresent(chat -> open(lead, chat)));
	}

	/** The importer's personal link again, for a second Start on an open lead. */
	String importerLink(Lead lead) {
		return leads.chatOf(lead.id()).map(chat -> invites.linkFor(chat, lead.importerId(), Role.IMPORTER)).orElse(null);
	}

	private void open(Lead lead, long chat) {
		Service service = catalog.service(lead.serviceId()).orElseThrow();
		Partner partner = catalog.partner(lead.partnerId()).orElseThrow();
		leads.open(lead.id(), chat, clock.instant());
		grace.schedule(lead.id());
		Locale importerLocale = accounts.localeOf(lead.importerId());
		String importerName = accounts.nameOf(lead.importerId());
		String serviceUrl = site.root() + service.path();
		String partnerUrl = site.root() + partner.path(service.storefrontSlug());
		String storefront = "/" + service.storefrontSlug();
		String title = service.title(importerLocale);

		outbox.setChatTitle(chat, title + " · " + importerName);
		outbox.setChatDescription(chat, "B2BRICS " + storefront + " · " + partner.companyName() + " · " + serviceUrl);
		// a product's deal group says product and exporter where a service's says service and partner
		String suffix = service.isProduct() ? ".product" : "";
		long context = outbox.send(OutgoingMessage.to(chat, messages.getMessage("lead.group.context" + suffix, new Object[] {
				serviceUrl, Html.escape(title), partnerUrl, Html.escape(partner.companyName()), storefront,
				Html.escape(importerName) }, importerLocale)));
		outbox.pin(chat, MessageRef.queued(context));

		String importerLink = invites.linkFor(chat, lead.importerId(), Role.IMPORTER);
		outbox.send(OutgoingMessage.to(lead.importerId(), messages.getMessage("lead.group.ready" + suffix,
				new Object[] { Html.escape(title), Html.escape(partner.companyName()) }, importerLocale))
			.with(Keyboard.column(InlineButton.url(messages.getMessage("lead.group.open", null, importerLocale), importerLink)))
			.priority(Priority.HIGH));

		for (Long member : catalog.teamMemberIds(partner.id())) {
			Locale locale = accounts.localeOf(member);
			String link = invites.linkFor(chat, member, service.isProduct() ? Role.EXPORTER : Role.PARTNER);
			outbox.send(OutgoingMessage.to(member, messages.getMessage("lead.partner.new" + suffix, new Object[] {
					serviceUrl, Html.escape(service.title(locale)), partnerUrl, Html.escape(partner.companyName()),
					storefront, Html.escape(importerName) }, locale))
				.with(Keyboard.column(InlineButton.url(messages.getMessage("lead.partner.join", null, locale), link)))
				.priority(Priority.HIGH));
		}
		events.publishEvent(new LeadGroupOpened(lead.id(), chat, service.id(), partner.id(), service.storefrontSlug(),
				lead.importerId()));
		log.info("Lead {} opened in group {}", lead.id(), chat);
	}
}
