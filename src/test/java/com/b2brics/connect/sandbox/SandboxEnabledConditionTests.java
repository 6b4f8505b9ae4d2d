package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The embedded sandbox exists exactly when asked for, or when no real bot token is configured. */
class SandboxEnabledConditionTests {

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@Conditional(SandboxEnabledCondition.class)
		String sandboxMarker() {
			return "sandbox";
		}
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

	@Test
	void startsWhenNoTokenIsConfigured() {
		runner.run(context -> assertThat(context).hasBean("sandboxMarker"));
		runner.withPropertyValues("b2brics.telegram.bot-token=").run(context -> assertThat(context).hasBean("sandboxMarker"));
	}

	@Test
	void staysOutWhenARealTokenIsConfigured() {
		runner.withPropertyValues("b2brics.telegram.bot-token=123:real")
			.run(context -> assertThat(context).doesNotHaveBean("sandboxMarker"));
	}

	@Test
	void explicitSettingWins() {
		runner.withPropertyValues("b2brics.telegram.bot-token=123:real", "b2brics.sandbox.enabled=true")
			.run(context -> assertThat(context).hasBean("sandboxMarker"));
		runner.withPropertyValues("b2brics.sandbox.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean("sandboxMarker"));
	}
}
