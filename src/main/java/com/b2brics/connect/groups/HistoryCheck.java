package com.b2brics.connect.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramChats;

/**
 * Privacy between deals that reuse a group: a group is handed out only once Telegram confirmed
 * that its "Chat history for new members" is Hidden, so the next deal's people cannot scroll back
 * through the previous deal. A registered or released group is CHECKING (never handed out); this
 * check, run by a db-scheduler task outside any update handler, reads the setting (getChat) and
 * makes the group FREE, publishing {@link GroupRegistered} or {@link GroupReleased} as the pool
 * always did, or HELD_BACK with one alert to the platform admins and a re-check on a schedule
 * (or at once on an admin's demand). When Telegram does not answer, it tries again with a
 * doubling pause; the group stays out of the pool meanwhile.
 */
@Service
public class HistoryCheck {

	private static final Logger log = LoggerFactory.getLogger(HistoryCheck.class);

	private static final int BATCH = 100;

	private final HistoryChecks checks;
	private final WorkingGroups groups;
	private final TelegramChats chats;
	private final PlatformAdmins admins;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final GroupsProperties properties;
	private final TransactionTemplate transactions;
	private final Clock clock;

	HistoryCheck(HistoryChecks checks, WorkingGroups groups, TelegramChats chats, PlatformAdmins admins,
			Accounts accounts, Outbox outbox, MessageSource messages, ApplicationEventPublisher events,
			GroupsProperties properties, TransactionTemplate transactions, Clock clock) {
		this.checks = checks;
		this.groups = groups;
		this.chats = chats;
		this.admins = admins;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Checks the groups that are due now, each in its own transaction; returns how many it checked. */
	int checkDue() {
		int checked = 0;
		for (HistoryChecks.Due due : checks.due(clock.instant(), Instant.now(), BATCH)) {
			check(due);
			checked++;
		}
		return checked;
	}

	/**
	 * An admin says the setting is fixed: the held-back group is checked at the next round (within
	 * {@code b2brics.groups.history-check-interval}). False for a group that is not held back or
	 * being checked.
	 */
	public boolean checkAgain(long chatId) {
		boolean due = Boolean.TRUE.equals(transactions.execute(status -> checks.dueNow(chatId, clock.instant())));
		log.info("Admin asked to check the history setting of group {} again: {}", chatId, due ? "due now" : "not held back");
		return due;
	}

	private void check(HistoryChecks.Due due) {
		boolean visible;
		try {
			// a read outside any transaction and any update handler: a slow Telegram holds nothing up
			visible = chats.historyVisibleToNewMembers(due.chatId());
		}
		catch (RuntimeException unanswered) {
			Duration pause = backoff(due.attempts());
			log.warn("Could not check the history setting of group {} ({}); it stays out of the pool, next try in {}",
					due.chatId(), unanswered.getMessage(), pause);
			// a group on its way into the pool retries by real time (transport backoff); a held-back one by the clock
			Instant from = "HELD_BACK".equals(due.status()) ? clock.instant() : Instant.now();
			transactions.executeWithoutResult(status -> checks.retryAt(due.chatId(), from.plus(pause)));
			return;
		}
		transactions.executeWithoutResult(status -> {
			if (visible) {
				holdBack(due);
			}
			else {
				pass(due);
			}
		});
	}

	private void pass(HistoryChecks.Due due) {
		long chat = due.chatId();
		if (!checks.pass(chat, clock.instant())) {
			return;
		}
		long free = groups.countFree();
		if (free >= properties.lowWaterMark()) {
			groups.refilled();
		}
		log.info("Group {}: chat history hidden from new members, free in the pool ({} free)", chat, free);
		if ("HELD_BACK".equals(due.status())) {
			tellAdmins("groups.history.fixed", title(due), Long.toString(chat));
		}
		if ("RELEASED".equals(due.reason())) {
			events.publishEvent(new GroupReleased(chat));
			return;
		}
		// told before a waiting holder's setup, which the event below queues in the group
		Locale locale = groups.registeredBy(chat).map(accounts::localeOf).orElse(Locale.ENGLISH);
		outbox.send(OutgoingMessage.to(chat, messages.getMessage("groups.history.ok", new Object[] { free }, locale)));
		events.publishEvent(new GroupRegistered(chat));
	}

	private void holdBack(HistoryChecks.Due due) {
		Instant now = clock.instant();
		Instant next = now.plus(properties.historyRecheck());
		if (checks.holdBack(due.chatId(), now, next)) {
			log.warn("Group {} shows its chat history to new members: held back from the pool, admins told",
					due.chatId());
			tellAdmins("groups.history.heldback", title(due), Long.toString(due.chatId()),
					Math.max(1, properties.historyRecheck().toMinutes()));
		}
		else {
			log.info("Group {} still shows its chat history to new members; checked again at {}", due.chatId(), next);
			checks.stillHeldBack(due.chatId(), now, next);
		}
	}

	/** The pause after {@code failures} unanswered checks in a row: doubling, at most the re-check interval. */
	Duration backoff(int failures) {
		Duration pause = properties.historyCheckBackoff().multipliedBy(1L << Math.min(failures, 20));
		return pause.compareTo(properties.historyRecheck()) > 0 ? properties.historyRecheck() : pause;
	}

	private static String title(HistoryChecks.Due due) {
		return Html.escape(due.title() == null || due.title().isBlank() ? "—" : due.title());
	}

	private void tellAdmins(String key, Object... args) {
		for (Long admin : admins.ids()) {
			outbox.send(OutgoingMessage.to(admin, messages.getMessage(key, args, accounts.localeOf(admin)))
				.priority(Priority.HIGH));
		}
	}
}
