package com.b2brics.connect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.b2brics.connect.core.MutableClock;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.CommandReceived;

/**
 * Base of the end-to-end tests: the whole app with its embedded sandbox on a random port, one
 * shared Spring context for all of them (keep the properties and imports here identical), a
 * clock the tests move, and people acting through the sandbox's control API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "b2brics.sandbox.timeout-ms=700", "b2brics.telegram.request-timeout=3s",
				"b2brics.telegram.inbox.first-backoff=100ms", "b2brics.telegram.inbox.max-attempts=3",
				"spring.security.user.password=test-admin", "b2brics.admin-telegram-ids=6399000001",
				// the demo catalog is loaded, but the sandbox is not seeded at start: tests create the
				// people and groups they need; demo.DemoSandboxEndToEndTests seeds on purpose
				"b2brics.demo.seed-sandbox=false" })
@Import(EndToEndTestSupport.class)
public abstract class EndToEndTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected FailingHandler failingHandler;

	protected SandboxClient sandbox;

	@BeforeEach
	void connectToSandbox() {
		sandbox = new SandboxClient("http://127.0.0.1:" + port);
		sandbox.noFaults();
		clock.reset();
	}

	/** The platform admin of the shared context (b2brics.admin-telegram-ids): groups they create join the pool. */
	protected static final long PLATFORM_ADMIN = 6399000001L;

	/** The platform admin as a sandbox user, who has started the bot; created on first use. */
	protected SimulatedUser platformAdmin() {
		try {
			sandbox.post("/sandbox/api/users", java.util.Map.of("id", PLATFORM_ADMIN, "first_name", "Admin", "language_code", "en"));
			sandbox.user(PLATFORM_ADMIN).startBot();
		}
		catch (SandboxClient.SandboxException alreadyThere) {
			// created by an earlier test of this context
		}
		return sandbox.user(PLATFORM_ADMIN);
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * A handler that fails on purpose: {@code /fail always} always, {@code /fail N} the first N
	 * tries; so tests can watch retries and the dead-letter list. Counts tries per argument.
	 */
	public static class FailingHandler {


		public final ConcurrentHashMap<String, AtomicInteger> tries = new ConcurrentHashMap<>();
		public final Set<String> succeeded = ConcurrentHashMap.newKeySet();

		@EventListener
		void on(CommandReceived command) {
			if (!"fail".equals(command.command())) {
				return;
			}
			int attempt = tries.computeIfAbsent(command.args(), key -> new AtomicInteger()).incrementAndGet();
			String[] words = command.args().split(" ");
			if ("always".equals(words[0]) || attempt <= Integer.parseInt(words[0])) {
				throw new IllegalStateException("failing on purpose, try " + attempt);
			}
			succeeded.add(command.args());
		}
	}
}
