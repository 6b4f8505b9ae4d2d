package com.b2brics.connect.leads;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTakenBack;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramLinks;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * A group waits for its importer only so long: when a lead gets a group, a durable db-scheduler
 * timer is written with it (fired once in the cluster, {@code b2brics.leads.join-grace} later by
 * the application's clock); if the importer has not entered by then, the group goes back to the
 * pool, where the request waiting longest gets it. Nothing is lost: the lead waits for its importer
 * ({@link Lead.Status#WAITING_FOR_IMPORTER}), who is told that pressing the link (or Start) again
 * queues it again; the partner's team is told too. An admin taking a lead's group back on
 * {@code /admin/groups} ({@link GroupTakenBack}) takes the same path.
 */
@Component
class LeadJoinGrace {

	static final String TASK = "lead-join-grace";

	private static final Logger log = LoggerFactory.getLogger(LeadJoinGrace.class);

	/** Why the lead's group went back to the pool. */
	enum Reason {
		NOT_JOINED, ADMIN
	}

	/** What a firing of the timer did; {@code notYet}: how long the grace period still runs, by the application's clock. */
	record Outcome(boolean withdrawn, java.time.Duration notYet) {
	}

	private final Leads leads;
	private final Clicks clicks;
	private final GroupPool pool;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final GroupTexts groupTexts;
	private final TelegramLinks links;
	private final SchedulerClient scheduler;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final LeadsProperties properties;
	private final SiteUrl site;
	private final Clock clock;

	LeadJoinGrace(Leads leads, Clicks clicks, GroupPool pool, Catalog catalog, Accounts accounts, Outbox outbox,
			Texts texts, GroupTexts groupTexts, TelegramLinks links, SchedulerClient scheduler, TransactionTemplate transactions,
			ApplicationEventPublisher events, LeadsProperties properties, Clock clock, SiteUrl site) {
		this.leads = leads;
		this.clicks = clicks;
		this.pool = pool;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.groupTexts = groupTexts;
		this.links = links;
		this.scheduler = scheduler;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	/** The lead just got a group: its timer, written in the caller's transaction. */
	void schedule(long leadId) {
		// db-scheduler runs on the system's time: the timer is due the grace period from now on that clock, and
		// when it fires the application's clock decides (they agree in production; tests move the latter).
		// An earlier timer of the lead still pending (its group was taken back and given again) stays: it
		// fires early, finds the new group not due and runs again when it is.
		scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, Long.toString(leadId)), Instant.now().plus(properties.joinGrace()));
	}

	/** The importer entered their lead's group: the lead is in use. */
	@EventListener
	void on(MemberJoined joined) {
		if (joined.user().isBot()) {
			return;
		}
		leads.openInChat(joined.chat().id())
			.filter(lead -> lead.importerId() == joined.user().id() && lead.importerJoinedAt() == null)
			.filter(lead -> leads.saveImporterEntered(lead, lead.importerEntered(clock.instant())))
			.ifPresent(lead -> log.info("Importer {} entered group {}", joined.user().id(), joined.chat().id()));
	}

	/** An admin took a lead's group back. */
	@EventListener
	void on(GroupTakenBack taken) {
		if (!GroupPool.Holder.LEAD.equals(taken.holder().kind())) {
			return;
		}
		leads.byIdIfPresent(taken.holder().id()).ifPresent(lead -> withdraw(lead, taken.chatId(), Reason.ADMIN));
	}

	/** The timer fired: withdraws the group if the importer has not entered it in time, in one transaction. */
	Outcome fired(long leadId) {
		return transactions.execute(status -> {
			Optional<Lead> lead = leads.byIdIfPresent(leadId);
			if (lead.isEmpty() || !lead.get().waitsForImporterToEnter()) {
				return new Outcome(false, null);
			}
			Instant due = lead.get().groupAt().plus(properties.joinGrace());
			if (clock.instant().isBefore(due)) {
				return new Outcome(false, java.time.Duration.between(clock.instant(), due));
			}
			Optional<Long> chat = leads.chatOf(leadId);
			return new Outcome(chat.isPresent() && withdraw(lead.get(), chat.get(), Reason.NOT_JOINED), null);
		});
	}

	/** The group goes back to the pool and the lead waits for its importer; false if it was not open in that group. */
	private boolean withdraw(Lead lead, long chat, Reason reason) {
		try {
			if (!leads.saveGroupGivenBack(lead, lead.giveGroupBack(), chat)) {
				return false;
			}
		}
		catch (Lead.IllegalTransition refused) {
			return false;
		}
		Service service = catalog.service(lead.serviceId()).orElse(null);
		Partner partner = catalog.partner(lead.partnerId()).orElse(null);
		// a number: the texts count it in the reader's language (1 minute, 21 минуту), written whole (1440, not 1,440)
		long minutes = properties.joinGrace().toMinutes();
		String why = reason == Reason.ADMIN ? ".admin" : "";
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, "lead.withdrawn.group" + why)).priority(Priority.HIGH));
		if (service != null && partner != null) {
			Locale importerLocale = accounts.localeOf(lead.importerId());
			OutgoingMessage toImporter = OutgoingMessage.to(lead.importerId(), texts.text(importerLocale,
					"lead.withdrawn.importer" + why, Html.escape(service.title(importerLocale)),
					Html.escape(partner.companyName()), minutes, site.root() + service.path()));
			Optional<String> again = comeBackLink(lead);
			if (again.isPresent()) {
				toImporter = toImporter.with(Keyboard.column(InlineButton.url(texts.text(importerLocale, "lead.withdrawn.again"), again.get())));
			}
			outbox.send(toImporter.priority(Priority.HIGH));
			String importerName = Html.escape(accounts.nameOf(lead.importerId()));
			for (Long member : catalog.teamMemberIds(partner.id())) {
				Locale locale = accounts.localeOf(member);
				outbox.send(OutgoingMessage.to(member, texts.text(locale, "lead.withdrawn.partner" + why,
						Html.escape(service.title(locale)), importerName, minutes)).priority(Priority.HIGH));
			}
		}
		events.publishEvent(new LeadGroupWithdrawn(lead.id(), chat));
		pool.release(chat);
		log.info("Lead {}: group {} back in the pool ({}); the lead waits for importer {}", lead.id(), chat, reason,
				lead.importerId());
		return true;
	}

	/** The deep link of the lead's own click (bound to the importer): pressing it is a Start that queues the lead again. */
	private Optional<String> comeBackLink(Lead lead) {
		try {
			return clicks.byId(lead.clickId()).map(click -> links.deepLink(click.payload()));
		}
		catch (TelegramChats.TelegramUnavailable | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
