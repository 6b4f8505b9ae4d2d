package com.b2brics.connect.invitations;

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
 * The offers' deadlines: one durable db-scheduler task instance per offer (named by its id),
 * written with the offer, run once in the cluster when due, kept across restarts. When it runs
 * it asks the engine to expire the offer; if the application's clock says the deadline has not
 * come yet (instances' clocks differ), it runs again at the deadline.
 */
@Configuration(proxyBeanMethods = false)
class InvitationDeadlines {

	private static final Logger log = LoggerFactory.getLogger(InvitationDeadlines.class);

	@Bean
	CustomTask<Void> invitationOfferDeadline(ObjectProvider<InvitationEngine> engine) {
		return Tasks.custom(InvitationEngine.DEADLINE_TASK, Void.class).execute((instance, context) -> {
			long offer = Long.parseLong(instance.getId());
			InvitationEngine.Outcome outcome = engine.getObject().offerExpired(offer);
			if (outcome == InvitationEngine.Outcome.NOT_DUE) {
				Instant at = engine.getObject().deadlineOf(offer).orElse(Instant.now()).plusSeconds(1);
				log.info("Deadline of offer {} fired early; again at {}", offer, at);
				return (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(complete, at);
			}
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}
}
