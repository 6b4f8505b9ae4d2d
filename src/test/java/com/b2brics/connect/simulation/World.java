package com.b2brics.connect.simulation;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.core.MutableClock;
import com.b2brics.connect.sandbox.SandboxServer;
import com.b2brics.connect.sandbox.client.SandboxClient;

/**
 * What a simulation runs against, as in production: a standalone sandbox (Telegram, which
 * outlives the bot), a database of its own, and one app instance wired to the sandbox by webhook
 * with a secret. The business clock is shared by the sandbox and the app, so the simulation
 * moves time for both. The app can be stopped and started again on the same database and port
 * while the sandbox keeps its people, groups and pending updates.
 */
public final class World implements AutoCloseable {

	/** The platform admin: creates the pool's groups and stays in them as staff. */
	public static final long ADMIN = 6399000001L;

	/** The manager told when an invitation finds nobody. */
	public static final long MANAGER = 6399000002L;

	final MutableClock clock;

	final SandboxServer.Running sandboxServer;

	final SandboxClient sandbox;

	final FreshDatabase database;

	final JdbcClient jdbc;

	private final SingleConnectionDataSource dataSource;

	private final Map<String, Object> appProperties;

	private final int port;

	private AppInstance app;

	private int starts;

	private World(MutableClock clock, SandboxServer.Running sandboxServer, FreshDatabase database, int port) {
		this.clock = clock;
		this.sandboxServer = sandboxServer;
		this.database = database;
		this.port = port;
		this.sandbox = new SandboxClient(sandboxServer.baseUrl());
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		properties.put("server.port", port);
		properties.put("b2brics.sandbox.enabled", false);
		properties.put("b2brics.telegram.bot-token", sandboxServer.botToken());
		properties.put("b2brics.telegram.api-url", sandboxServer.baseUrl());
		properties.put("b2brics.telegram.webhook-url", "http://127.0.0.1:" + port + "/telegram/webhook");
		properties.put("b2brics.telegram.webhook-secret", "simulation-secret");
		properties.put("b2brics.telegram.instance-id", "simulation");
		// the sandbox keeps Telegram's 20-a-minute group rule in a twelfth of the time: so does the outbox
		properties.put("b2brics.telegram.outbox.group-window", "5s");
		// the simulation waits for quiet after every step: look for work often
		properties.put("b2brics.telegram.outbox.poll-interval", "50ms");
		properties.put("b2brics.telegram.inbox.poll-interval", "100ms");
		properties.put("b2brics.admin-telegram-ids", ADMIN);
		properties.put("b2brics.invitations.manager-telegram-ids", MANAGER);
		properties.put("b2brics.exporters.managers", MANAGER);
		properties.put("spring.security.user.password", "simulation-admin");
		// the sandbox injects faults: a group's history check that met one tries again soon, so the world settles
		properties.put("b2brics.groups.history-check-backoff", "300ms");
		properties.put("spring.datasource.hikari.maximum-pool-size", 6);
		properties.put("logging.level.root", "WARN");
		this.appProperties = properties;
		this.dataSource = new SingleConnectionDataSource(database.url(), (String) database.properties().get("spring.datasource.username"),
				(String) database.properties().get("spring.datasource.password"), true);
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** A new sandbox, database and app instance; the app is up when this returns. */
	public static World start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		MutableClock clock = new MutableClock();
		SandboxServer.Running sandbox = SandboxServer.start(Map.of("b2brics.sandbox.group-rate-window", "5s",
				"b2brics.sandbox.timeout-ms", 300, "b2brics.sandbox.delivery-retry-backoff", "200ms",
				"b2brics.sandbox.delivery-retry-max-backoff", "1s", "logging.level.root", "WARN"), clock);
		FreshDatabase database;
		try {
			database = FreshDatabase.create("sim", false);
		}
		catch (Exception e) {
			sandbox.close();
			throw e;
		}
		World world = new World(clock, sandbox, database, port);
		try {
			world.startApp();
		}
		catch (RuntimeException e) {
			world.close();
			throw e;
		}
		return world;
	}

	/** Starts the app (again) on the same database, port and sandbox. */
	void startApp() {
		if (app != null) {
			throw new IllegalStateException("the app runs already");
		}
		Map<String, Object> properties = new LinkedHashMap<>(appProperties);
		app = AppInstance.start(properties, clock);
		starts++;
	}

	/** Stops the app gracefully (what a rolling restart does); the sandbox keeps what people do meanwhile. */
	void stopApp() {
		if (app != null) {
			app.close();
			app = null;
		}
	}

	boolean appRunning() {
		return app != null;
	}

	/** How often the app was started in this world. */
	int starts() {
		return starts;
	}

	<T> T bean(Class<T> type) {
		if (app == null) {
			throw new IllegalStateException("the app is down");
		}
		return app.bean(type);
	}

	String siteUrl() {
		return "http://127.0.0.1:" + port;
	}

	@Override
	public void close() throws Exception {
		try {
			stopApp();
		}
		finally {
			try {
				dataSource.destroy();
				database.close();
			}
			finally {
				sandboxServer.close();
			}
		}
	}
}
