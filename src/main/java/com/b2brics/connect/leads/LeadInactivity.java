package com.b2brics.connect.leads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Leads nobody writes in are closed, so their groups go back to the pool: a group quiet for
 * {@code close-after-inactivity} minus {@code inactivity-warning} is warned once (a message
 * resets both), and closed when the whole spell has passed. Checked by a db-scheduler task that
 * runs on one instance of the cluster at a time; each lead is handled in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class LeadInactivity {

	private static final Logger log = LoggerFactory.getLogger(LeadInactivity.class);

	private final Leads leads;
	private final LeadClosing closing;
	private final Outbox outbox;
	private final GroupTexts texts;
	private final LeadsProperties properties;
	private final TransactionTemplate transactions;
	private final Clock clock;

	LeadInactivity(Leads leads, LeadClosing closing, Outbox outbox, GroupTexts texts, LeadsProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.leads = leads;
		this.closing = closing;
		this.outbox = outbox;
		this.texts = texts;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> leadInactivityCheck() {
		return Tasks.recurring("lead-inactivity", FixedDelay.of(properties.inactivityCheck()))
			.execute((instance, context) -> check());
	}

	/** Warns and closes what is due now; returns how many leads it closed. */
	int check() {
		Instant now = clock.instant();
		int closed = 0;
		for (long id : leads.quietSince(now.minus(properties.closeAfterInactivity()), false)) {
			Boolean done = transactions.execute(status -> {
				Lead lead = leads.byId(id);
				// a message may have arrived since the query: look again under the update's guard
				return leads.quietSince(now.minus(properties.closeAfterInactivity()), false).contains(id)
						&& closing.close(lead, null, LeadClosing.Reason.INACTIVITY);
			});
			if (Boolean.TRUE.equals(done)) {
				closed++;
			}
		}
		Duration warnAfter = properties.closeAfterInactivity().minus(properties.inactivityWarning());
		for (long id : leads.quietSince(now.minus(warnAfter), true)) {
			transactions.executeWithoutResult(status -> {
				if (leads.markWarned(id, now)) {
					leads.chatOf(id).ifPresent(chat -> outbox.send(OutgoingMessage.to(chat, warning(chat, warnAfter))));
				}
			});
		}
		if (closed > 0) {
			log.info("Closed {} inactive leads", closed);
		}
		return closed;
	}

	private String warning(long chat, Duration quietFor) {
		long days = quietFor.toDays();
		long hours = properties.inactivityWarning().toHours();
		return texts.forGroup(chat, "lead.inactive.warning", days, hours);
	}
}
