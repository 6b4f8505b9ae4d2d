package com.b2brics.connect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.b2brics.connect.core.MutableClock;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.Where;

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
				"b2brics.demo.seed-sandbox=false",
				"b2brics.invitations.manager-telegram-ids=6399000002",
				// two managers, so exporters' personal groups show the fair rotation
				"b2brics.exporters.managers=6399000002,6399000003",
				// Telegram's 20 messages a minute per group, kept as a rule in a quarter of the time: the sandbox
				// refuses a 21st message within 15 s and the outbox counts its groups' window over the same 15 s
				// (the one-second rule per chat is the real one; the real window is tested in
				// sandbox.RateLimitTests and used by every other instance)
				"b2brics.sandbox.group-rate-window=15s", "b2brics.telegram.outbox.group-window=15s",
				// every test clicks Contact from 127.0.0.1: the per-address limit is tested on an instance of its own
				// (leads.PoolFairnessEndToEndTests) with the defaults
				"b2brics.leads.limits.clicks-per-address=0",
				// tests that open leads and never enter the group must not lose it to the join grace timer while later
				// tests run: a day here (leads.PoolFairnessEndToEndTests moves the clock past it)
				"b2brics.leads.join-grace=1d",
				// a group registered or released is handed out once the recurring history check found its history
				// hidden: every 1 s (+ db-scheduler's 250 ms polls) cost each new group ~0.75 s, ~150 groups a
				// suite; here it looks every 100 ms, and db-scheduler every 50 ms (timers, document hashes)
				"b2brics.groups.history-check-interval=100ms", "db-scheduler.polling-interval=50ms",
				// a message whose chat is still paced (one a second) goes at the outbox's next look once the chat is free:
				// 200 ms looks added ~100 ms to each of the suite's paced answers; 50 ms as in the simulation's worlds
				"b2brics.telegram.outbox.poll-interval=50ms" })
@Import(EndToEndTestSupport.class)
public abstract class EndToEndTest {

	static {
		// Awaitility's defaults: a first look only after the poll interval (100 ms), then every 100 ms. An end-to-end
		// step waits for something the app does in milliseconds, and the suite has a few thousand such waits: the
		// first look comes at once, the next every 25 ms (docs/PERFORMANCE.md section 9). A wait given its own
		// interval keeps it, with the first look at once too.
		org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
		org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(25));
	}

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

	@Autowired
	protected com.b2brics.connect.groups.GroupPool pool;

	/** Leads waiting for a group right now. */
	protected long waitingLeads() {
		return jdbc.sql("SELECT COUNT(*) FROM leads WHERE status = 'WAITING_FOR_GROUP'").query(Long.class).single();
	}

	/** Earlier tests may have left leads waiting: the admin adds a group for each, so the next group added is the caller's. */
	protected void serveWaitingLeads() {
		long waiting = waitingLeads();
		for (long i = 0; i < waiting; i++) {
			addPoolGroup("Room for an earlier lead " + i);
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> waitingLeads() == 0);
	}

	/** Admins remove the bot from every free group: the pool is empty. */
	protected void emptyThePool() {
		// groups on their way into the pool (their history being checked) too
		java.util.List<Long> free = jdbc.sql("SELECT chat_id FROM working_groups WHERE status IN ('FREE', 'CHECKING')").query(Long.class).list();
		free.forEach(chat -> {
			if (sandbox.members(chat).stream().anyMatch(m -> m.id() == sandbox.bot().id() && m.status().equals("administrator"))) {
				sandbox.post("/sandbox/api/groups/" + chat + "/remove-bot", java.util.Map.of());
			}
			else {
				pool.vanished(chat); // a group of another test's standalone sandbox, sharing this database
			}
		});
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> pool.freeGroups() == 0
				&& jdbc.sql("SELECT COUNT(*) FROM working_groups WHERE status = 'CHECKING'").query(Long.class).single() == 0);
	}

	/**
	 * The platform admin creates a supergroup with the bot as administrator (chat history hidden
	 * from new members); returns it once the bot checked it and took it into the pool.
	 */
	protected long addPoolGroup(String title) {
		SimulatedUser admin = platformAdmin();
		long group = sandbox.createGroup(title, admin);
		// a lead (or exporter, or referral chat) left waiting by an earlier test may take the group at once, and
		// its setup messages go before the welcome at the group's 20-a-minute pace: be patient
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
			.until(() -> admin.currentlySees(group, "is now a B2BRICS working group"));
		// in the pool once the bot found its chat history hidden from new members (sandbox groups are hidden by default)
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> pool.status(group).filter(s -> s.equals("FREE") || s.equals("IN_USE")).isPresent());
		return group;
	}

	/** Whether the sandbox has the user in the group now. */
	protected boolean isGroupMember(long chat, SimulatedUser user) {
		return sandbox.members(chat).stream()
			.anyMatch(m -> m.id() == user.id() && java.util.List.of("member", "administrator", "creator").contains(m.status()));
	}

	/** Presses Contact in Telegram on the service's card like a browser; returns the bot deep link the sandbox client would open. */
	protected String contactDeepLink(com.b2brics.connect.catalog.Service service) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + service.path() + "/contact"))
			.header("User-Agent", "Mozilla/5.0 Chrome/156.0").GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		String location = response.headers().firstValue("Location").orElseThrow();
		return java.net.URLDecoder.decode(location.substring("/sandbox/open?url=".length()), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The people of a partner's team as sandbox users who started the bot (created in English if the demo did not seed them). */
	protected java.util.List<SimulatedUser> sandboxTeam(java.util.List<Long> memberIds) {
		return memberIds.stream().map(id -> {
			try {
				sandbox.post("/sandbox/api/users", java.util.Map.of("id", id, "first_name", "Partner" + id % 100, "language_code", "en"));
				sandbox.user(id).startBot();
			}
			catch (SandboxClient.SandboxException alreadyThere) {
				// an earlier test (or the demo seeding) created them
			}
			return sandbox.user(id);
		}).toList();
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

		@OnCommand(value = "fail", where = Where.PRIVATE, help = "bot.command.help", order = 99)
		void on(CommandReceived command) {
			int attempt = tries.computeIfAbsent(command.args(), key -> new AtomicInteger()).incrementAndGet();
			String[] words = command.args().split(" ");
			if ("always".equals(words[0]) || attempt <= Integer.parseInt(words[0])) {
				throw new IllegalStateException("failing on purpose, try " + attempt);
			}
			succeeded.add(command.args());
		}
	}
}
