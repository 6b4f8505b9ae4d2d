package com.b2brics.connect.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.leads.LeadClosed;
import com.b2brics.connect.leads.LeadGroupOpened;
import com.b2brics.connect.leads.LeadGroupWithdrawn;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The response-time clocks of leads, in the partner's working time: the hours and time zone the
 * partner's team set with /hours when the clock started, with the storefront country's holidays;
 * else the storefront's calendar:
 * <ul>
 * <li>first response: starts when the lead's group opens;</li>
 * <li>next response: starts when the importer writes and no clock runs (the partner answered
 * last);</li>
 * <li>either stops at the first message of a member of the partner's team in the group.</li>
 * </ul>
 * Reminders go to the partner's team at the policy's points (50 % and 80 % of the allowed working
 * time by default), which always fall in working hours; at the due instant the clock is breached,
 * the managers (the platform admins, until managers are configured staff) are told, and the lead
 * is flagged. Every change is stored as a clock event. {@link #check()} runs on one instance at a
 * time (a db-scheduler task) and each change is a conditional update.
 */
@Component
class ResponseClocks implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ResponseClocks.class);

	private final ClockStore store;
	private final StorefrontCalendars calendars;
	private final PartnerHoursStore partnerHours;
	private final SlaPolicies policies;
	private final Catalog catalog;
	private final Accounts accounts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final MessageSource messages;
	private final Texts texts;
	private final GroupTexts groupTexts;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ExecutorService workers;

	ResponseClocks(ClockStore store, StorefrontCalendars calendars, PartnerHoursStore partnerHours, SlaPolicies policies,
			Catalog catalog, Accounts accounts, PlatformAdmins admins, Outbox outbox, MessageSource messages, Texts texts, GroupTexts groupTexts,
			TransactionTemplate transactions, Clock clock, SlaProperties properties) {
		this.store = store;
		this.calendars = calendars;
		this.partnerHours = partnerHours;
		this.policies = policies;
		this.catalog = catalog;
		this.accounts = accounts;
		this.admins = admins;
		this.outbox = outbox;
		this.messages = messages;
		this.texts = texts;
		this.groupTexts = groupTexts;
		this.transactions = transactions;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.workers = properties.checkThreads() <= 1 ? null : Executors.newFixedThreadPool(properties.checkThreads(), runnable -> {
			Thread thread = new Thread(runnable, "sla-check-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener
	void on(LeadGroupOpened opened) {
		ClockStore.Deal deal = new ClockStore.Deal(opened.leadId(), opened.chatId(), opened.partnerId(), opened.serviceId(),
				opened.storefrontSlug(), opened.importerId());
		store.addDeal(deal);
		start(deal, ClockStore.Kind.FIRST_RESPONSE, null);
	}

	@OnGroupText
	void on(TextReceived text) {
		wrote(text.chat().id(), text.user().id());
	}

	@EventListener
	void on(DocumentPosted document) {
		if (document.chat().isGroup()) {
			wrote(document.chat().id(), document.user().id());
		}
	}

	@EventListener
	void on(LeadClosed closed) {
		stopDeal(closed.leadId(), "lead closed");
	}

	/** The importer did not enter the group (or an admin took it back): nobody waits for an answer until it opens again. */
	@EventListener
	void on(LeadGroupWithdrawn withdrawn) {
		stopDeal(withdrawn.leadId(), "group back in the pool");
	}

	private void stopDeal(long leadId, String why) {
		store.running(leadId).ifPresent(running -> {
			ClockStore.Clock.Stop stop = running.cancel(clock.instant(), calendar(leadId, running));
			if (store.saveStopped(running, stop)) {
				store.event(running.id(), "CANCELLED", stop.at(), null, why);
			}
		});
		store.closeDeal(leadId);
	}

	@EventListener
	void on(ChatMigrated migrated) {
		store.migrate(migrated.chat().id(), migrated.newChatId());
	}

	/** Someone wrote in a group: the partner's team stops the clock, the importer starts the next one. */
	private void wrote(long chatId, long userId) {
		store.openDealInChat(chatId).ifPresent(deal -> {
			if (catalog.teamMemberIds(deal.partnerId()).contains(userId)) {
				answered(deal, userId);
			}
			else if (userId == deal.importerId()) {
				start(deal, ClockStore.Kind.NEXT_RESPONSE, userId);
			}
		});
	}

	private void start(ClockStore.Deal deal, ClockStore.Kind kind, Long by) {
		SlaPolicy policy = policies.policyFor(deal.storefrontSlug(),
				catalog.service(deal.serviceId()).map(Service::specialization).orElse(null));
		Duration allowed = kind == ClockStore.Kind.FIRST_RESPONSE ? policy.leadFirstResponse() : policy.nextResponse();
		PartnerHours own = partnerHours.of(deal.partnerId()).orElse(null);
		WorkingCalendar calendar = own == null ? calendars.forStorefront(deal.storefrontSlug())
				: own.calendar(calendars.forStorefront(deal.storefrontSlug()));
		Instant now = clock.instant();
		store.start(deal.leadId(), kind, allowed, now, calendar.plusWorkingTime(now, allowed), own).ifPresent(id -> {
			for (int percent : policy.remindAtPercent()) {
				// the point itself may be the end of a working day: the reminder waits for the next working instant
				store.addReminder(id, percent,
						calendar.nextWorkingInstant(calendar.plusWorkingTime(now, allowed.multipliedBy(percent).dividedBy(100))));
			}
			store.event(id, "STARTED", now, by, kind.name() + " " + allowed);
		});
	}

	private void answered(ClockStore.Deal deal, long partnerMember) {
		store.running(deal.leadId()).ifPresent(running -> {
			ClockStore.Clock.Stop stop = running.answer(partnerMember, clock.instant(), calendar(deal, running));
			if (store.saveStopped(running, stop)) {
				store.event(running.id(), "STOPPED", stop.at(), partnerMember, stop.outcome() + " after " + stop.working());
			}
		});
	}

	/**
	 * Sends the reminders that are due and flags the clocks that are breached; returns how many of
	 * each it handled. What is due is read at the start; each one is stored with the instant it was
	 * handled, so its lateness can be measured from the stored times. Clocks are handled several at
	 * a time, each in its own transaction, one clock's reminders in order: a burst of due reminders
	 * is not sent one database round trip after another.
	 */
	int check() {
		Instant now = clock.instant();
		Map<Long, List<ClockStore.DueReminder>> byClock = new LinkedHashMap<>();
		for (ClockStore.DueReminder reminder : store.dueReminders(now)) {
			byClock.computeIfAbsent(reminder.clockId(), id -> new ArrayList<>()).add(reminder);
		}
		int handled = inParallel(byClock.values(), reminders -> {
			int sent = 0;
			for (ClockStore.DueReminder reminder : reminders) {
				sent += Boolean.TRUE.equals(transactions.execute(status -> {
					Instant at = clock.instant();
					if (!store.markReminderSent(reminder.clockId(), reminder.percent(), at)) {
						return false;
					}
					ClockStore.Clock running = store.clock(reminder.clockId());
					store.event(running.id(), "REMINDED", at, null, reminder.percent() + "%");
					store.deal(running.leadId()).ifPresent(deal -> remind(deal, running, at));
					return true;
				})) ? 1 : 0;
			}
			return sent;
		});
		handled += inParallel(store.etaPassed(now), promised -> Boolean.TRUE.equals(transactions.execute(status -> {
			Instant at = clock.instant();
			if (!store.markEtaReminded(promised.id(), at)) {
				return false;
			}
			store.event(promised.id(), "ETA_PASSED", at, null, String.valueOf(promised.pausedUntil()));
			store.deal(promised.leadId()).ifPresent(deal -> remindOfEta(deal, promised));
			return true;
		})) ? 1 : 0);
		handled += inParallel(store.newlyBreached(now), due -> Boolean.TRUE.equals(transactions.execute(status -> {
			Instant at = clock.instant();
			// read again: an answer or an /eta since the query stops the clock or moves its due instant
			ClockStore.Clock breached = store.clock(due.id());
			if (!breached.isOverdue(at) || !store.saveBreached(breached, breached.breach(at))) {
				return false;
			}
			store.event(breached.id(), "BREACHED", at, null, breached.kind() + " " + breached.allowed());
			store.deal(breached.leadId()).ifPresent(deal -> tellManagers(deal, breached));
			return true;
		})) ? 1 : 0);
		return handled;
	}

	/** Runs the work on the check's threads and waits for all of it; the sum of what each returned. */
	private <T> int inParallel(Collection<T> items, ToIntFunction<T> work) {
		if (items.size() <= 1 || workers == null) {
			return items.stream().mapToInt(work).sum();
		}
		List<Future<Integer>> done = new ArrayList<>();
		for (T item : items) {
			done.add(workers.submit(() -> work.applyAsInt(item)));
		}
		int sum = 0;
		RuntimeException failure = null;
		for (Future<Integer> each : done) {
			try {
				sum += each.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("SLA check interrupted", e);
			}
			catch (ExecutionException e) {
				// the others still finish; the failed one stays due and is tried at the next check
				log.warn("SLA check: one clock failed", e.getCause());
				failure = failure == null ? new IllegalStateException("SLA check: a clock failed", e.getCause()) : failure;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return sum;
	}

	@Override
	public void destroy() {
		if (workers != null) {
			workers.shutdown();
		}
	}

	private void remind(ClockStore.Deal deal, ClockStore.Clock running, Instant now) {
		WorkingCalendar calendar = calendar(deal, running);
		Duration left = running.allowed().minus(running.workedUntil(now, calendar));
		String importer = Html.escape(accounts.nameOf(deal.importerId()));
		for (Long member : catalog.teamMemberIds(deal.partnerId())) {
			Locale locale = accounts.localeOf(member);
			String service = catalog.service(deal.serviceId()).map(s -> s.title(locale)).orElse("#" + deal.serviceId());
			String due = when(locale, running.dueAt(), calendar);
			outbox.send(OutgoingMessage.to(member, messages.getMessage("sla.reminder", new Object[] { importer,
					Html.escape(service), "/" + deal.storefrontSlug(), duration(left, locale), due }, locale))
				.priority(Priority.HIGH));
		}
		log.info("SLA reminder for lead {} ({} left)", deal.leadId(), left);
	}

	/**
	 * {@code /eta <when>} by the partner's team in the deal's group: the promise is posted for the
	 * importer, the running clock pauses until then (what was counted is kept, the due instant and
	 * the reminders move), and when the time passes without an answer the partner is reminded.
	 */
	@OnCommand(value = "eta", where = Where.DEAL_GROUP, who = Who.DEAL_PARTNER, help = "bot.command.eta", order = 21,
			wrongPlace = "sla.eta.nodeal", notAllowed = "sla.eta.notpartner")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		var deal = command.chat().isGroup() ? store.openDealInChat(chat) : java.util.Optional.<ClockStore.Deal>empty();
		if (deal.isEmpty()) {
			reply(chat, command.messageId(), messages.getMessage("sla.eta.nodeal", null, locale));
			return;
		}
		if (!catalog.teamMemberIds(deal.get().partnerId()).contains(command.user().id())) {
			reply(chat, command.messageId(), messages.getMessage("sla.eta.notpartner", null, locale));
			return;
		}
		var runningNow = store.running(deal.get().leadId());
		WorkingCalendar calendar = runningNow.map(running -> calendar(deal.get(), running)).orElseGet(() -> current(deal.get()));
		Instant now = clock.instant();
		var eta = EtaParser.parse(command.args(), now, calendar.zone());
		if (eta.isEmpty()) {
			reply(chat, command.messageId(), messages.getMessage("sla.eta.examples", null, locale));
			return;
		}
		if (!eta.get().isAfter(now)) {
			reply(chat, command.messageId(), messages.getMessage("sla.eta.past", null, locale));
			return;
		}
		String who = Html.escape(command.user().displayName());
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat,
				reader -> texts.text(reader, "sla.eta.promise", who, when(reader, eta.get(), calendar)))).priority(Priority.ANSWER));
		store.running(deal.get().leadId()).ifPresent(running -> {
			ClockStore.Clock paused = running.pause(eta.get(), now, calendar);
			if (store.savePaused(running, paused)) {
				for (int percent : store.unsentReminders(running.id())) {
					Duration point = running.allowed().multipliedBy(percent).dividedBy(100).minus(paused.worked());
					store.moveReminder(running.id(), percent, calendar.nextWorkingInstant(
							calendar.plusWorkingTime(eta.get(), point.isNegative() ? Duration.ZERO : point)));
				}
				store.event(running.id(), "PAUSED", now, command.user().id(), "until " + eta.get());
			}
		});
	}

	private void remindOfEta(ClockStore.Deal deal, ClockStore.Clock promised) {
		WorkingCalendar calendar = calendar(deal, promised);
		String importer = Html.escape(accounts.nameOf(deal.importerId()));
		for (Long member : catalog.teamMemberIds(deal.partnerId())) {
			Locale locale = accounts.localeOf(member);
			String service = catalog.service(deal.serviceId()).map(s -> s.title(locale)).orElse("#" + deal.serviceId());
			String when = when(locale, promised.pausedUntil(), calendar);
			outbox.send(OutgoingMessage.to(member, messages.getMessage("sla.eta.passed", new Object[] { when, importer,
					Html.escape(service) }, locale)).priority(Priority.HIGH));
		}
	}

	private void reply(long chat, long replyTo, String html) {
		outbox.send(OutgoingMessage.to(chat, html).replyTo(replyTo).priority(Priority.ANSWER));
	}

	private void tellManagers(ClockStore.Deal deal, ClockStore.Clock breached) {
		String partner = catalog.partner(deal.partnerId()).map(p -> p.companyName()).orElse("#" + deal.partnerId());
		String importer = Html.escape(accounts.nameOf(deal.importerId()));
		for (Long admin : admins.ids()) {
			Locale locale = accounts.localeOf(admin);
			String kind = messages.getMessage(breached.kind() == ClockStore.Kind.FIRST_RESPONSE ? "sla.kind.first" : "sla.kind.next",
					null, locale);
			outbox.send(OutgoingMessage.to(admin, messages.getMessage("sla.breach.manager", new Object[] { String.valueOf(deal.leadId()),
					Html.escape(partner), kind, importer, "/" + deal.storefrontSlug(), duration(breached.allowed(), locale) },
					locale)).priority(Priority.HIGH));
		}
		log.warn("SLA breached: lead {} {} after {}", deal.leadId(), breached.kind(), breached.allowed());
	}

	private WorkingCalendar calendar(long leadId, ClockStore.Clock running) {
		return store.deal(leadId).map(d -> calendar(d, running)).orElseGet(() -> WorkingCalendar.allTheTime(clock.getZone()));
	}

	/** The calendar a clock runs on: the partner's own hours as they were when it started, else the storefront's. */
	private WorkingCalendar calendar(ClockStore.Deal deal, ClockStore.Clock running) {
		WorkingCalendar storefront = calendars.forStorefront(deal.storefrontSlug());
		return running.partnerHours() == null ? storefront : running.partnerHours().calendar(storefront);
	}

	/** The calendar a clock started now would run on. */
	private WorkingCalendar current(ClockStore.Deal deal) {
		WorkingCalendar storefront = calendars.forStorefront(deal.storefrontSlug());
		return partnerHours.of(deal.partnerId()).map(own -> own.calendar(storefront)).orElse(storefront);
	}

	/** A moment as the reader writes it, with the calendar's zone named. */
	private String when(Locale reader, Instant instant, WorkingCalendar calendar) {
		return texts.dateTime(reader, instant, calendar.zone()) + " (" + calendar.zone().getId() + ")";
	}

	private String duration(Duration d, Locale locale) {
		long minutes = Math.max(0, (d.toSeconds() + 59) / 60);
		return messages.getMessage("sla.duration", new Object[] { minutes / 60, minutes % 60 }, locale);
	}
}
