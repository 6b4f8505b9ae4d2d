package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import com.b2brics.connect.core.BodyLimit;
import com.b2brics.connect.telegram.TelegramProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Wiring of the telegram module: the inbox clean-up timer, the webhook's body limit and polling shutdown. */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

	/** Handled updates are kept a week for de-duplication (Telegram redelivers for 24 h), then deleted, once per hour in the cluster. */
	@Bean
	RecurringTask<Void> inboxCleanup(InboxStore inbox, TelegramProperties properties) {
		return Tasks.recurring("telegram-inbox-cleanup", FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> {
			int deleted = inbox.deleteHandledBefore(Instant.now().minus(properties.inbox().keep()));
			if (deleted > 0) {
				log.info("Deleted {} handled updates older than {}", deleted, properties.inbox().keep());
			}
		});
	}

	/** Telegram's updates are a few KB: a webhook body is never read past this. */
	@Bean
	BodyLimit webhookBodyLimit(TelegramProperties properties) {
		return new BodyLimit("/telegram/webhook", properties.webhookMaxBody());
	}

	@EventListener(ContextClosedEvent.class)
	void stopPolling(ContextClosedEvent event) {
		event.getApplicationContext().getBeanProvider(LongPolling.class).ifAvailable(LongPolling::stop);
	}
}
