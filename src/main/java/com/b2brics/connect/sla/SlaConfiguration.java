package com.b2brics.connect.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The SLA's timers (leads' and support's clocks): reminders and breaches are looked for on one instance of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

	@Bean
	RecurringTask<Void> slaCheck(ResponseClocks clocks, SlaProperties properties) {
		return Tasks.recurring("sla-check", FixedDelay.of(properties.checkInterval())).execute((instance, context) -> clocks.check());
	}

	/** Support's first-response clocks, on the same interval as the leads' clocks. */
	@Bean
	RecurringTask<Void> slaSupportCheck(SupportClockCheck check, SlaProperties properties) {
		return Tasks.recurring("sla-support-check", FixedDelay.of(properties.checkInterval()))
			.execute((instance, context) -> check.check());
	}
}
