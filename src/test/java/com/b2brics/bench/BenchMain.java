package com.b2brics.bench;

import org.springframework.boot.SpringApplication;

import com.b2brics.connect.ConnectApplication;

/**
 * Starts the real application plus the bench-only endpoints ({@link BenchConfiguration}). Not a
 * test: it lives in test sources so that nothing of it ships, and in a package outside
 * {@code com.b2brics.connect} so that neither the application's component scan nor Spring
 * Modulith's module model ever sees it. Run by {@code bench/run-webhook.sh} and
 * {@code bench/run-outbox.sh}.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) {
		// the production configuration only: the test suite's config/application.yml (random
		// port, in-memory H2, WARN logging) is on this classpath too and must not apply
		if (System.getProperty("spring.config.location") == null) {
			System.setProperty("spring.config.location", "classpath:/application.yml");
		}
		SpringApplication app = new SpringApplication(ConnectApplication.class, BenchConfiguration.class);
		app.run(args);
	}
}
