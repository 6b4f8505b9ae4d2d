package com.b2brics.connect.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo listens on this machine only. With the Telegram sandbox on (no bot token, or
 * {@code b2brics.sandbox.enabled=true}; also the standalone sandbox), anyone who reaches the
 * port can act as any simulated person, the demo's platform admin included, so the server binds
 * to 127.0.0.1 unless an address is configured: {@code B2BRICS_BIND_ADDRESS} or
 * {@code server.address} (e.g. {@code 0.0.0.0} to show the demo on a network). With a bot token
 * the app binds where {@code server.address} says (every interface by default), as before.
 */
class DemoBindAddress implements EnvironmentPostProcessor {

	static final String SERVER_ADDRESS = "server.address";

	static final String BIND_ADDRESS = "B2BRICS_BIND_ADDRESS";

	static final String LOOPBACK = "127.0.0.1";

	static final String SOURCE = "b2brics-bind-address";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(SERVER_ADDRESS, "");
		if (!configured.isBlank()) {
			return;
		}
		String bind = environment.getProperty(BIND_ADDRESS, "");
		if (bind.isBlank() && sandboxOn(environment)) {
			bind = LOOPBACK;
		}
		if (!bind.isBlank()) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(SERVER_ADDRESS, bind.trim())));
		}
	}

	/** As the sandbox module decides (SandboxEnabledCondition): on when told so, else when there is no bot token. */
	static boolean sandboxOn(ConfigurableEnvironment environment) {
		String enabled = environment.getProperty("b2brics.sandbox.enabled", "");
		if (!enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.trim());
		}
		return environment.getProperty(AdminPasswordRequirement.BOT_TOKEN, "").isBlank();
	}
}
