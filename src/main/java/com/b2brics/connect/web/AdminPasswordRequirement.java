package com.b2brics.connect.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a bot with a real token (production, staging: anything but the embedded demo)
 * when no admin password is configured. Spring would generate one per process, different on every
 * instance and after every restart, so behind a load balancer admin logins would fail at random.
 * The embedded-sandbox demo (no token) still gets a generated password, logged at start.
 * Checked before anything starts: no database, no port.
 */
class AdminPasswordRequirement implements EnvironmentPostProcessor {

	static final String PASSWORD = "spring.security.user.password";

	static final String BOT_TOKEN = "b2brics.telegram.bot-token";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String token = environment.getProperty(BOT_TOKEN, "");
		String password = environment.getProperty(PASSWORD, "");
		if (!token.isBlank() && password.isBlank() && !isStandaloneSandbox(environment)) {
			throw new AdminPasswordMissing();
		}
	}

	/** The standalone sandbox has no admin pages and no bot of its own. */
	private static boolean isStandaloneSandbox(ConfigurableEnvironment environment) {
		return environment.getProperty("b2brics.sandbox.standalone", Boolean.class, false);
	}

	/** Thrown at start when a bot token is set and no admin password. */
	static final class AdminPasswordMissing extends IllegalStateException {

		AdminPasswordMissing() {
			super("A bot token is set (TELEGRAM_BOT_TOKEN) but no admin password (B2BRICS_ADMIN_PASSWORD): "
					+ "refusing to start with a password generated per process");
		}
	}

	/** Says what to do instead of a stack trace. */
	static final class Analyzer extends AbstractFailureAnalyzer<AdminPasswordMissing> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordMissing cause) {
			return new FailureAnalysis(
					"A bot token is set (TELEGRAM_BOT_TOKEN, b2brics.telegram.bot-token), but no admin password. "
							+ "Without one, every instance would generate its own at each start, and admin logins "
							+ "would fail at random behind a load balancer.",
					"Set B2BRICS_ADMIN_PASSWORD (spring.security.user.password) to the same strong password on "
							+ "every instance. Only the embedded demo (no bot token) generates and logs one.",
					cause);
		}
	}
}
