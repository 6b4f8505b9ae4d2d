package com.b2brics.connect.sandbox;

import com.b2brics.connect.core.MutableClock;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one standalone sandbox for the whole test run (no app, no database) on a random port,
 * with short time-outs and back-offs so tests stay fast, and stops it at the end of the run.
 */
final class SharedSandbox implements BeforeAllCallback {

	static final String TOKEN = "7000000001:AAsandbox-b2brics-connect-0000000000";

	/** The running sandbox and the business clock it dates and expires things by. */
	record Environment(SandboxServer.Running running, MutableClock clock) implements AutoCloseable {

		@Override
		public void close() {
			running.close();
		}
	}

	private static volatile Environment environment;

	@Override
	public void beforeAll(ExtensionContext context) {
		environment = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedSandbox.class))
			.computeIfAbsent("sandbox", key -> start(), Environment.class);
	}

	static Environment environment() {
		return environment;
	}

	private static Environment start() {
		MutableClock clock = new MutableClock();
		SandboxServer.Running running = SandboxServer.start(Map.of(
				"b2brics.sandbox.timeout-ms", 150,
				"b2brics.sandbox.delivery-retry-backoff", "30ms",
				"b2brics.sandbox.delivery-retry-max-backoff", "300ms",
				"b2brics.sandbox.webhook-timeout", "5s",
				"b2brics.sandbox.callback-answer-wait", "3s",
				"logging.level.root", "WARN"), clock);
		return new Environment(running, clock);
	}
}
