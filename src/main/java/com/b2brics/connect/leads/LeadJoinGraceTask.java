package com.b2brics.connect.leads;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The join grace timers ({@link LeadJoinGrace}): one durable db-scheduler task instance per lead
 * (named by its id), run once in the cluster when due, kept across restarts. If the application's
 * clock says the lead's grace has not passed (clocks of instances differ, or the lead got a new
 * group since), it runs again when it has.
 */
@Configuration(proxyBeanMethods = false)
class LeadJoinGraceTask {

	private static final Logger log = LoggerFactory.getLogger(LeadJoinGraceTask.class);

	@Bean
	CustomTask<Void> leadJoinGraceTimer(ObjectProvider<LeadJoinGrace> grace) {
		return Tasks.custom(LeadJoinGrace.TASK, Void.class).execute((instance, context) -> {
			long lead = Long.parseLong(instance.getId());
			LeadJoinGrace.Outcome outcome = grace.getObject().fired(lead);
			if (outcome.notYet() != null) {
				// on the scheduler's (system) time, so a test's clock set in the past cannot make it fire over and over
				Instant at = Instant.now().plus(outcome.notYet()).plusMillis(500);
				log.info("Join grace of lead {} fired early; again at {}", lead, at);
				return (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(complete, at);
			}
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}
}
