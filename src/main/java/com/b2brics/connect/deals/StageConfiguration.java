package com.b2brics.connect.deals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The stages' review timer: reminders and passed review windows are looked for on one instance of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class StageConfiguration {

	@Bean
	RecurringTask<Void> stageReviewCheck(StageReviews reviews, DealsProperties properties) {
		return Tasks.recurring("stage-review", FixedDelay.of(properties.checkInterval())).execute((instance, context) -> reviews.check());
	}
}
