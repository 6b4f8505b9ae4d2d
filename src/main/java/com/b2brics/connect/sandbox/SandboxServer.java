package com.b2brics.connect.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import com.b2brics.connect.core.HttpLimits;

/**
 * The sandbox on its own: only the Bot API emulator, the control API and the web client, without
 * the app's database, migrations, event registry, scheduler or bot. Run it with
 * {@code java -jar app.jar sandbox --server.port=9000}, or from a test with {@link #start(Map)},
 * which returns a handle with the random port. Each start is an independent sandbox.
 */
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
		"com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
		"com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerActuatorAutoConfiguration",
		"com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerMetricsAutoConfiguration",
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
		"org.springframework.modulith.events.jackson2.Jackson2EventSerializationConfiguration",
		"org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration",
		"org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ComponentScan(basePackageClasses = SandboxServer.class)
@Import(HttpLimits.class)
public class SandboxServer {

	/** Set by the standalone server so the app-only beans (the endpoint provider) stay out. */
	static final String STANDALONE = "b2brics.sandbox.standalone";

	/** Runs the standalone sandbox until the process is stopped. */
	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Starts a standalone sandbox in this JVM. Properties win over every configuration file;
	 * {@code server.port=0} (the default here) picks a free port.
	 */
	public static Running start(Map<String, Object> properties) {
		return start(properties, null);
	}

	/** As {@link #start(Map)}, with the business clock the sandbox dates messages and expires links by. */
	public static Running start(Map<String, Object> properties, Clock clock) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("server.port", 0);
		props.putAll(properties);
		List<String> args = new ArrayList<>();
		props.forEach((key, value) -> args.add("--" + key + "=" + value));
		return start(clock, args.toArray(String[]::new));
	}

	private static Running start(String... args) {
		return start(null, args);
	}

	private static Running start(Clock clock, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--" + SandboxEnabledCondition.ENABLED + "=true");
		all.add("--" + STANDALONE + "=true");
		all.add("--spring.application.name=b2brics-sandbox");
		// the application's readiness group names the bot's own health, which a sandbox has not
		all.add("--management.endpoint.health.group.readiness.include=readinessState");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SandboxServer.class)
			.web(WebApplicationType.SERVLET)
			.properties(Map.of("spring.servlet.multipart.max-file-size", "50MB",
					"spring.servlet.multipart.max-request-size", "50MB",
					"spring.main.banner-mode", "off"));
		if (clock != null) {
			builder.initializers(context -> context.getBeanFactory().registerSingleton("sandboxClock", clock));
		}
		return new Running(builder.run(all.toArray(String[]::new)));
	}

	/** A running standalone sandbox: where it listens, and how to stop it. */
	public static final class Running implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final int port;

		private Running(ConfigurableApplicationContext context) {
			this.context = context;
			this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
		}

		public int port() {
			return port;
		}

		/** {@code http://127.0.0.1:<port>}: the Bot API root and the control API's host. */
		public String baseUrl() {
			return "http://127.0.0.1:" + port;
		}

		public String botToken() {
			return context.getBean(SandboxProperties.class).botToken();
		}

		@Override
		public void close() {
			context.close();
		}
	}
}
