package com.b2brics.connect.sandbox;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.b2brics.connect.core.BodyLimit;
import com.b2brics.connect.sandbox.emulator.Sandbox;

/**
 * The one configuration of the sandbox, used both inside the app (found by its component scan,
 * guarded by {@link SandboxEnabledCondition}) and by {@link SandboxServer} (which scans only this
 * package and switches the condition on). The web controllers in {@code sandbox.web} carry the
 * same condition, so nothing of the sandbox exists when a real bot token is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabledCondition.class)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	@Bean(destroyMethod = "close")
	Sandbox sandbox(SandboxProperties properties, ObjectProvider<Clock> clock) {
		return new Sandbox(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Published before the web server's graceful shutdown waits for requests in progress: a bot's
	 * open getUpdates is answered now, so stopping does not wait for its timeout.
	 */
	@Bean
	org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent> sandboxStopsLongPolls(
			Sandbox sandbox, org.springframework.context.ApplicationContext context) {
		// a child context closing (a separate management port) is not this server stopping
		return closed -> {
			if (closed.getApplicationContext() == context) {
				sandbox.stopping();
			}
		};
	}

	/** A bot token's shape, so only Bot API paths (not any app path starting with "/bot") match. */
	static final String TOKEN_PATTERN = "{token:[0-9]+:[A-Za-z0-9_-]+}";

	/** Telegram does not log bots in: the Bot API and the sandbox's own pages are open. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain sandboxSecurityFilterChain(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/sandbox", "/sandbox/**", "/bot" + TOKEN_PATTERN + "/**", "/file/bot" + TOKEN_PATTERN + "/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	/** Bot API calls may carry uploads; no body is read past the limit (see core.RequestBodyLimits). */
	@Bean
	BodyLimit sandboxBotApiBodyLimit(SandboxProperties properties) {
		return new BodyLimit("/bot*/**", properties.botApiMaxBody());
	}

	@Bean
	BodyLimit sandboxControlApiBodyLimit(SandboxProperties properties) {
		return new BodyLimit("/sandbox/**", properties.controlApiMaxBody());
	}

	@Bean
	@Conditional(NotStandalone.class)
	EmbeddedBotApiEndpoint embeddedBotApiEndpoint(Sandbox sandbox) {
		return new EmbeddedBotApiEndpoint(sandbox);
	}

	@Bean
	@Conditional(NotStandalone.class)
	SandboxWorld sandboxWorld(Sandbox sandbox) {
		return new SandboxWorld(sandbox);
	}

	@Bean
	@Conditional(NotStandalone.class)
	SandboxBrowserLinks sandboxBrowserLinks() {
		return new SandboxBrowserLinks();
	}

	/** The endpoint provider only makes sense next to the app's bot, not in the standalone server. */
	static class NotStandalone implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(org.springframework.context.annotation.ConditionContext context,
				org.springframework.core.type.AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().getProperty(SandboxServer.STANDALONE, Boolean.class, false);
		}
	}
}
