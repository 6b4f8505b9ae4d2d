package com.b2brics.connect.groups;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Runs {@link HistoryCheck} every {@code b2brics.groups.history-check-interval} on one instance
 * of the cluster at a time (a db-scheduler recurring task); when a check is due is decided by
 * the application's clock, stored with the group.
 */
@Configuration(proxyBeanMethods = false)
class HistoryCheckTask {

	@Bean
	RecurringTask<Void> groupHistoryCheck(HistoryCheck check, GroupsProperties properties) {
		return Tasks.recurring("group-history-check", FixedDelay.of(properties.historyCheckInterval()))
			.execute((instance, context) -> check.checkDue());
	}
}
