package com.b2brics.connect.deals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The blockers' response clock: due responses are looked for on one instance of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class BlockerConfiguration {

	@Bean
	RecurringTask<Void> blockerCheck(Blockers blockers, DealsProperties settings) {
		return Tasks.recurring("deal-blocker-check", FixedDelay.of(settings.blockerCheckInterval()))
			.execute((instance, context) -> blockers.check());
	}
}
