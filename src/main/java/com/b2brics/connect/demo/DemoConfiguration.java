package com.b2brics.connect.demo;

import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.accounts.AdditionalPlatformAdmins;
import com.b2brics.connect.support.AdditionalSupportAgents;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.sandbox.SandboxEnabledCondition;
import com.b2brics.connect.sandbox.SandboxWorld;

/**
 * The demo's beans exist only when the embedded sandbox runs (no bot token, or
 * {@code b2brics.sandbox.enabled=true}) and {@code b2brics.demo.enabled} is true: with a real
 * token none of this exists, so the demo admin is never a platform admin in production.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabledCondition.class)
@ConditionalOnBooleanProperty("b2brics.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

	/** The demo's simulated admin may add the bot to groups and is alerted like any platform admin. */
	@Bean
	AdditionalPlatformAdmins demoPlatformAdmin(DemoProperties properties) {
		return () -> List.of(properties.adminTelegramId());
	}

	/** The demo's simulated support agents may take tickets in its desk. */
	@Bean
	AdditionalSupportAgents demoSupportAgents(DemoProperties properties) {
		return properties::supportAgentIds;
	}

	@Bean
	DemoSandbox demoSandbox(SandboxWorld sandbox, Catalog catalog, GroupPool pool, DemoProperties properties) {
		return new DemoSandbox(sandbox, catalog, pool, properties.adminTelegramId(), properties.supportAgentIds());
	}

	/** Seeds at start, once the web server (and so the sandbox's Bot API) is up. */
	@Bean
	@ConditionalOnBooleanProperty(name = "b2brics.demo.seed-sandbox", matchIfMissing = true)
	ApplicationRunner demoSandboxSeeding(DemoSandbox demo, DemoProperties properties) {
		return args -> demo.seed(properties.poolGroups());
	}
}
