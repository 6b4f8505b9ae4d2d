package com.b2brics.connect.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to look, once it is ready. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Environment environment;

	StartupBanner(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String root = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		log.info("""

				  B2BRICS Connect is up
				    site            {}/
				    health          {}/actuator/health  (details for the admin login only)
				    admin (Telegram) {}/admin/telegram  (user '{}', password in the log above unless B2BRICS_ADMIN_PASSWORD is set)
				    listening on    {}
				""", root, root, root, environment.getProperty("spring.security.user.name", "admin"), listening());
	}

	/** Where the server accepts connections, and why when only here. */
	String listening() {
		String address = environment.getProperty(DemoBindAddress.SERVER_ADDRESS, "");
		if (address.isBlank()) {
			return "every interface (server.address / B2BRICS_BIND_ADDRESS to restrict)";
		}
		if (DemoBindAddress.LOOPBACK.equals(address) && DemoBindAddress.sandboxOn((ConfigurableEnvironment) environment)
				&& environment.getProperty(DemoBindAddress.BIND_ADDRESS, "").isBlank()) {
			return address + " only: in the demo anyone reaching the port can act as any sandbox person, the platform"
					+ " admin too (B2BRICS_BIND_ADDRESS=0.0.0.0 opens it to the network)";
		}
		return address;
	}
}
