package com.b2brics.connect.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.b2brics.connect.accounts.AdditionalPlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.sandbox.SandboxWorld;
import com.b2brics.connect.support.AdditionalSupportAgents;

/**
 * The demo admin is a platform admin only in the embedded demo: with a real bot token, or with
 * the demo off, nothing of the demo exists; seeding at start can be switched off.
 */
class DemoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DemoConfiguration.class)
		.withBean(SandboxWorld.class, () -> mock(SandboxWorld.class))
		.withBean(Catalog.class, () -> mock(Catalog.class))
		.withBean(GroupPool.class, () -> mock(GroupPool.class));

	@Test
	void withTheEmbeddedSandboxAndTheDemoOnTheDemoAdminIsAPlatformAdminAndSeedingRunsAtStart() {
		context.withPropertyValues("b2brics.demo.enabled=true").run(app -> {
			assertThat(app.getBean(AdditionalPlatformAdmins.class).telegramIds()).containsExactly(6399000001L);
			assertThat(app.getBean(AdditionalSupportAgents.class).telegramIds()).containsExactly(6399000031L, 6399000032L);
			assertThat(app).hasSingleBean(DemoSandbox.class).hasSingleBean(ApplicationRunner.class);
		});
	}

	@Test
	void withARealBotTokenThereIsNoDemoAdmin() {
		context.withPropertyValues("b2brics.demo.enabled=true", "b2brics.telegram.bot-token=123:real-token")
			.run(app -> assertThat(app).doesNotHaveBean(AdditionalPlatformAdmins.class).doesNotHaveBean(AdditionalSupportAgents.class)
				.doesNotHaveBean(DemoSandbox.class));
	}

	@Test
	void withTheSandboxSwitchedOffOrTheDemoOffThereIsNoDemoAdmin() {
		context.withPropertyValues("b2brics.demo.enabled=true", "b2brics.sandbox.enabled=false")
			.run(app -> assertThat(app).doesNotHaveBean(AdditionalPlatformAdmins.class));
		context.withPropertyValues("b2brics.demo.enabled=false")
			.run(app -> assertThat(app).doesNotHaveBean(AdditionalPlatformAdmins.class));
		context.run(app -> assertThat(app).doesNotHaveBean(AdditionalPlatformAdmins.class));
	}

	@Test
	void seedingAtStartCanBeSwitchedOffAndTheAdminIdAndPoolSizeChosen() {
		context.withPropertyValues("b2brics.demo.enabled=true", "b2brics.demo.seed-sandbox=false",
				"b2brics.demo.admin-telegram-id=6399000077")
			.run(app -> {
				assertThat(app).hasSingleBean(DemoSandbox.class).doesNotHaveBean(ApplicationRunner.class);
				assertThat(app.getBean(AdditionalPlatformAdmins.class).telegramIds()).containsExactly(6399000077L);
			});
	}

	@Test
	void aPoolSizeOutOfRangeStopsTheStartWithItsReason() {
		context.withPropertyValues("b2brics.demo.enabled=true", "b2brics.demo.pool-groups=-1")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("b2brics.demo.pool-groups must be between 0 and 100"));
		assertThatThrownBy(() -> new DemoProperties(true, true, 101, 1, java.util.List.of())).hasMessageContaining("not 101");
	}
}
