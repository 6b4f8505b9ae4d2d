package com.b2brics.connect.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import com.b2brics.connect.ConnectApplication;

/**
 * What is decided before the app starts: no bot with a real token and a password generated per
 * process, and the demo bound to this machine unless told otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSafeguardsTests {

	@Test
	void theAppRefusesToStartWithABotTokenAndNoAdminPassword(CapturedOutput output) {
		SpringApplicationBuilder app = new SpringApplicationBuilder(ConnectApplication.class);
		// as the operator starts it: a token, and B2BRICS_ADMIN_PASSWORD left out
		String[] args = { "--b2brics.telegram.bot-token=123456:real-token", "--spring.security.user.password=",
				"--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:mem:refused;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" };
		assertThatThrownBy(() -> {
			try (var started = app.run(args)) {
				// reaching here is the failure; closing keeps it from running on
			}
		}).isInstanceOf(AdminPasswordRequirement.AdminPasswordMissing.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("A bot token is set (TELEGRAM_BOT_TOKEN, b2brics.telegram.bot-token), but no admin password")
			.contains("Set B2BRICS_ADMIN_PASSWORD")
			// refused before anything started: no migration, no port
			.doesNotContain("Migrating schema").doesNotContain("Tomcat started");
	}

	@Test
	void aBotTokenWithAPasswordAndTheDemoWithoutOneBothPass() {
		new AdminPasswordRequirement().postProcessEnvironment(
				new MockEnvironment().withProperty("b2brics.telegram.bot-token", "1:x")
					.withProperty("spring.security.user.password", "secret"), new SpringApplication());
		new AdminPasswordRequirement().postProcessEnvironment(
				new MockEnvironment().withProperty("b2brics.telegram.bot-token", "")
					.withProperty("spring.security.user.password", ""), new SpringApplication());
	}

	private static String boundTo(MockEnvironment environment) {
		new DemoBindAddress().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("server.address");
	}

	@Test
	void theDemoBindsToLoopbackUnlessAnAddressIsConfigured() {
		assertThat(boundTo(new MockEnvironment().withProperty("b2brics.telegram.bot-token", ""))).isEqualTo("127.0.0.1");
		assertThat(boundTo(new MockEnvironment())).isEqualTo("127.0.0.1");
		assertThat(boundTo(new MockEnvironment().withProperty("B2BRICS_BIND_ADDRESS", "0.0.0.0"))).isEqualTo("0.0.0.0");
		assertThat(boundTo(new MockEnvironment().withProperty("server.address", "10.1.2.3"))).isEqualTo("10.1.2.3");
		// a real bot: where server.address says, every interface by default
		assertThat(boundTo(new MockEnvironment().withProperty("b2brics.telegram.bot-token", "1:x"))).isNull();
		// a sandbox switched on next to a token is still a sandbox
		assertThat(boundTo(new MockEnvironment().withProperty("b2brics.telegram.bot-token", "1:x")
			.withProperty("b2brics.sandbox.enabled", "true"))).isEqualTo("127.0.0.1");
	}

	@Test
	void theThrottleRemembersABoundedNumberOfAddressesAndUsers() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
		LoginThrottle throttle = new LoginThrottle(clock, new AdminLoginProperties(5, Duration.ofMinutes(15),
				Duration.ofSeconds(30), Duration.ofHours(1), 100));
		for (int i = 0; i < 10_000; i++) {
			throttle.failed("10.0." + (i / 256) + "." + (i % 256), "user" + i);
		}
		assertThat(throttle.trackedCount()).isLessThanOrEqualTo(100);
	}

	@Test
	void aUserNameIsLoggedCutAndWithoutControlCharacters() {
		assertThat(LoginThrottle.printable("admin\r\nFAKE LOG LINE")).isEqualTo("admin??FAKE LOG LINE");
		assertThat(LoginThrottle.printable("x".repeat(500))).hasSize(65);
	}
}
