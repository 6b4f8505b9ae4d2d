package com.b2brics.connect.exporters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupSetup;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.groups.WorkingGroupAssigned;
import com.b2brics.connect.groups.WorkingGroupHolder;
import com.b2brics.connect.groups.WorkingGroupMigrated;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * Gives a registered exporter their personal group with their manager, the way a lead gets its
 * deal group: a pool group held by the exporter, named after the company, its context pinned,
 * and personal links for the exporter and the manager. With the pool empty the exporter is told
 * and waits their turn in the pool's queue.
 */
@Component
class PersonalGroups implements WorkingGroupHolder {

	private static final Logger log = LoggerFactory.getLogger(PersonalGroups.class);

	/** The pool's holder kind of personal groups. */
	static final String HOLDER_KIND = "EXPORTER";

	private final Exporters exporters;
	private final GroupPool pool;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final Clock clock;

	PersonalGroups(Exporters exporters, GroupPool pool, Catalog catalog, Accounts accounts, Outbox outbox,
			Texts texts, Clock clock) {
		this.exporters = exporters;
		this.pool = pool;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return HOLDER_KIND;
	}

	/**
	 * In the registration's transaction: a group now, or a place in the queue. An event for an
	 * exporter this module does not know, or one that has its group already, changes nothing.
	 */
	@EventListener
	void on(ExporterRegistered registered) {
		Optional<Exporter> found = exporters.byId(registered.exporterId());
		if (found.isEmpty() || found.get().groupChatId() != null
				|| found.get().telegramUserId() != registered.telegramUserId()) {
			log.warn("ExporterRegistered for exporter {} (user {}) that is unknown here or has its group: ignored",
					registered.exporterId(), registered.telegramUserId());
			return;
		}
		Exporter exporter = found.get();
		if (pool.request(new GroupPool.Holder(HOLDER_KIND, exporter.id())).isEmpty()) {
			log.warn("Pool of working groups is empty: exporter {} waits for their personal group", exporter.id());
			Locale locale = accounts.localeOf(exporter.telegramUserId());
			outbox.send(OutgoingMessage.to(exporter.telegramUserId(), texts.text(locale, "exporters.group.waiting"))
				.priority(Priority.HIGH));
		}
	}

	@Override
	public Optional<GroupSetup> setUp(long exporterId) {
		return exporters.byId(exporterId).filter(e -> e.registered() && e.groupChatId() == null).map(this::setUp);
	}

	private GroupSetup setUp(Exporter exporter) {
		long user = exporter.telegramUserId();
		Locale locale = accounts.localeOf(user);
		String company = exporter.company();
		String shortCompany = company.length() > 100 ? company.substring(0, 100) + "…" : company;
		String title = texts.text(locale, "pool.title.exporter", shortCompany);

		List<GroupSetup.PersonalLink> links = new ArrayList<>();
		links.add(new GroupSetup.PersonalLink(user, Role.EXPORTER, texts.text(locale, "exporters.group.ready", Html.escape(title)),
				texts.text(locale, "exporters.group.open")));
		if (exporter.managerId() != null) {
			long manager = exporter.managerId();
			Locale managerLocale = accounts.localeOf(manager);
			links.add(new GroupSetup.PersonalLink(manager, Role.MANAGER, texts.text(managerLocale, "exporters.manager.new",
					Html.escape(company), Html.escape(storefront(exporter, managerLocale)), Html.escape(accounts.nameOf(user)),
					Html.escape(String.valueOf(exporter.phone()))), texts.text(managerLocale, "exporters.manager.join")));
		}
		return new GroupSetup(title, texts.text(locale, "pool.description.exporter", exporter.storefrontSlug(), shortCompany),
				texts.text(locale, "exporters.group.context", Html.escape(company), Html.escape(storefront(exporter, locale))), links);
	}

	private String storefront(Exporter exporter, Locale locale) {
		return catalog.storefront(exporter.storefrontSlug()).map(s -> s.name(locale)).orElse(exporter.storefrontSlug());
	}

	@Override
	public String waitingLine(long exporterId, Locale locale) {
		return texts.text(locale, "pool.waiting.exporter",
				Html.escape(exporters.byId(exporterId).map(Exporter::company).orElse("#" + exporterId)));
	}

	@EventListener
	void on(WorkingGroupAssigned assigned) {
		if (assigned.isFor(HOLDER_KIND)) {
			exporters.groupOpened(assigned.holderId(), assigned.chatId(), clock.instant());
		}
	}

	@EventListener
	void on(WorkingGroupMigrated migrated) {
		exporters.migrateChat(migrated.fromChatId(), migrated.toChatId());
	}

}
