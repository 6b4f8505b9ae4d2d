package com.b2brics.connect.exporters;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.core.Texts;
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
 * Gives a registered exporter their personal group with their manager, the way a lead gets its
 * deal group: a pool group held by the exporter, named after the company, its context pinned,
 * and personal links for the exporter and the manager. With the pool empty the exporter waits
 * (admins are alerted) and is served, longest waiting first, when a group is added or released.
 */
@Component
class PersonalGroups {

	private static final Logger log = LoggerFactory.getLogger(PersonalGroups.class);

	/** The pool's holder kind of personal groups. */
	static final String HOLDER_KIND = "EXPORTER";

	private final Exporters exporters;
	private final GroupPool pool;
	private final GroupInvites invites;
	private final Catalog catalog;
	private final Accounts accounts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final Texts texts;
	private final Clock clock;

	PersonalGroups(Exporters exporters, GroupPool pool, GroupInvites invites, Catalog catalog, Accounts accounts,
			PlatformAdmins admins, Outbox outbox, Texts texts, Clock clock) {
		this.exporters = exporters;
		this.pool = pool;
		this.invites = invites;
		this.catalog = catalog;
		this.accounts = accounts;
		this.admins = admins;
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * In the registration's transaction: a group now, or a place in the queue. An event for an
	 * exporter this module does not know, or one that has its group already, changes nothing.
	 */
	@EventListener
	void on(ExporterRegistered registered) {
		java.util.Optional<Exporter> found = exporters.byId(registered.exporterId());
		if (found.isEmpty() || found.get().groupChatId() != null
				|| found.get().telegramUserId() != registered.telegramUserId()) {
			log.warn("ExporterRegistered for exporter {} (user {}) that is unknown here or has its group: ignored",
					registered.exporterId(), registered.telegramUserId());
			return;
		}
		Exporter exporter = found.get();
		var chat = pool.takeFor(HOLDER_KIND, exporter.id());
		if (chat.isPresent()) {
			open(exporter, chat.get());
			return;
		}
		log.warn("Pool of working groups is empty: exporter {} waits for their personal group", exporter.id());
		Locale locale = accounts.localeOf(exporter.telegramUserId());
		outbox.send(OutgoingMessage.to(exporter.telegramUserId(), texts.text(locale, "exporters.group.waiting")).priority(Priority.HIGH));
		for (Long admin : admins.ids()) {
			outbox.send(OutgoingMessage.to(admin, texts.text(accounts.localeOf(admin), "exporters.pool.empty",
					Html.escape(exporter.company()))).priority(Priority.HIGH));
		}
	}

	@EventListener
	void on(GroupRegistered registered) {
		serveWaiting();
	}

	@EventListener
	void on(GroupReleased released) {
		serveWaiting();
	}

	@EventListener
	void on(ChatMigrated migrated) {
		exporters.migrateChat(migrated.chat().id(), migrated.newChatId());
	}

	private void serveWaiting() {
		for (Exporter exporter : exporters.waitingForGroup()) {
			var chat = pool.takeFor(HOLDER_KIND, exporter.id());
			if (chat.isEmpty()) {
				return;
			}
			open(exporter, chat.get());
		}
	}

	private void open(Exporter exporter, long chat) {
		exporters.groupOpened(exporter.id(), chat, clock.instant());
		long user = exporter.telegramUserId();
		Locale locale = accounts.localeOf(user);
		String company = exporter.company();
		String storefront = catalog.storefront(exporter.storefrontSlug()).map(s -> s.name(locale))
			.orElse(exporter.storefrontSlug());
		String shortCompany = company.length() > 100 ? company.substring(0, 100) + "…" : company;

		outbox.setChatTitle(chat, shortCompany + " · B2BRICS");
		outbox.setChatDescription(chat, "B2BRICS /" + exporter.storefrontSlug() + " · " + shortCompany);
		long context = outbox.send(OutgoingMessage.to(chat, texts.text(locale, "exporters.group.context", Html.escape(company),
				Html.escape(storefront))));
		outbox.pin(chat, MessageRef.queued(context));

		String exporterLink = invites.linkFor(chat, user, Role.EXPORTER);
		outbox.send(OutgoingMessage.to(user, texts.text(locale, "exporters.group.ready", Html.escape(shortCompany + " · B2BRICS")))
			.with(Keyboard.column(InlineButton.url(texts.text(locale, "exporters.group.open"), exporterLink)))
			.priority(Priority.HIGH));

		if (exporter.managerId() != null) {
			long manager = exporter.managerId();
			Locale managerLocale = accounts.localeOf(manager);
			String managerLink = invites.linkFor(chat, manager, Role.MANAGER);
			String managerStorefront = catalog.storefront(exporter.storefrontSlug()).map(s -> s.name(managerLocale))
				.orElse(exporter.storefrontSlug());
			outbox.send(OutgoingMessage.to(manager, texts.text(managerLocale, "exporters.manager.new", Html.escape(company),
					Html.escape(managerStorefront), Html.escape(accounts.nameOf(user)), Html.escape(String.valueOf(exporter.phone()))))
				.with(Keyboard.column(InlineButton.url(texts.text(managerLocale, "exporters.manager.join"), managerLink)))
				.priority(Priority.HIGH));
		}
		log.info("Exporter {} got personal group {} with manager {}", exporter.id(), chat, exporter.managerId());
	}

}
