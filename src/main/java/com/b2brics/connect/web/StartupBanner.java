package com.b2brics.connect.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
				    health          {}/actuator/health
				    admin (Telegram) {}/admin/telegram  (user '{}', password in the log above unless B2BRICS_ADMIN_PASSWORD is set)
				""", root, root, root, environment.getProperty("spring.security.user.name", "admin"));
	}
}
