package com.b2brics.connect.core;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one business {@link Clock}: every module injects it so that tests move time instead of
 * sleeping. Transport pacing towards Telegram (rate limits, retry backoff) runs on real time
 * because Telegram's limits are real time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
