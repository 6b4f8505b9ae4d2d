package com.b2brics.connect.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timer of support's first-response clocks: at the policy's reminder points
 * {@link SupportClockReminder}, past the due instant {@link SupportClockBreached}, each published
 * once in the transaction that marks it (a conditional update on the clock as read), so two checks
 * at once, on one instance or two, tell each once. Paused and stopped clocks are not looked at. Run
 * by a db-scheduler task ({@link SlaConfiguration}), on one instance of the cluster at a time.
 */
@Component
public class SupportClockCheck {

	private static final Logger log = LoggerFactory.getLogger(SupportClockCheck.class);

	/** Clocks looked at per check, the nearest due first; the rest wait for the next check. */
	static final int BATCH = 500;

	private final SupportClocks clocks;
	private final SlaPolicies policies;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SupportClockCheck(SupportClocks clocks, SlaPolicies policies, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.clocks = clocks;
		this.policies = policies;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Tells the reminders and breaches that are due; returns how many it told (the recurring task runs it; a test may at once). */
	public int check() {
		int told = 0;
		Instant now = clock.instant();
		for (SupportClocks.View candidate : clocks.counting(BATCH)) {
			if (!somethingDue(candidate, now)) {
				continue; // no transaction for a clock with nothing to tell (most of them, most of the time)
			}
			try {
				told += Boolean.TRUE.equals(transactions.execute(status -> check(candidate.id()))) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// the others are still told; this one stays due and is tried at the next check
				log.warn("support clock check: clock {} of ticket {} failed", candidate.id(), candidate.ticketId(), e);
			}
		}
		return told;
	}

	private boolean somethingDue(SupportClocks.View read, Instant now) {
		return read.isOverdue(now) || read.reminderDue(points(read), now, clocks.calendar(read)) > 0;
	}

	private List<Integer> points(SupportClocks.View read) {
		return policies.policyFor(read.storefrontSlug(), null).remindAtPercent();
	}

	/** One clock, read again in the transaction: an answer or a pause since the query changes what is due. */
	private boolean check(long clockId) {
		SupportClocks.View read = clocks.byId(clockId).orElse(null);
		if (read == null || read.status() != SupportClocks.Status.RUNNING) {
			return false;
		}
		Instant now = clock.instant();
		if (read.isOverdue(now)) {
			if (!clocks.markBreached(read, now)) {
				return false;
			}
			events.publishEvent(new SupportClockBreached(read.ticketId(), read.dueAt()));
			log.info("support clock of ticket {} breached (due {})", read.ticketId(), read.dueAt());
			return true;
		}
		int percent = read.reminderDue(points(read), now, clocks.calendar(read));
		if (percent == 0 || !clocks.markReminded(read, percent)) {
			return false;
		}
		events.publishEvent(new SupportClockReminder(read.ticketId(), percent, read.dueAt()));
		return true;
	}
}
