package com.b2brics.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One more instance of the whole app inside the test JVM (for the tests that run several
 * instances against one database): started from {@link ConnectApplication} with the given
 * properties, without picking up any test class by component scan.
 */
public final class AppInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static AppInstance start(Map<String, Object> properties) {
		return start(properties, null);
	}

	/**
	 * An instance whose business clock is the given one, so that several instances share a time
	 * the test moves by hand; null: the system clock.
	 */
	public static AppInstance start(Map<String, Object> properties, java.time.Clock clock) {
		return start(properties, clock, List.of());
	}

	/**
	 * An instance with listeners of its own, added before it starts (e.g. a handler that fails on
	 * purpose): they hear the instance's events in its transactions, like its own listeners.
	 */
	public static AppInstance start(Map<String, Object> properties, java.time.Clock clock,
			List<org.springframework.context.ApplicationListener<?>> listeners) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", 0);
		all.put("spring.main.banner-mode", "off");
		// an instance with a bot token refuses to start without an admin password (web.AdminPasswordRequirement)
		all.put("spring.security.user.password", "test-admin");
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ConnectApplication.class)
			.initializers(ctx -> {
				ctx.getBeanFactory().registerSingleton("excludeTestClasses", new ExcludeTestClasses());
				if (clock != null) {
					ctx.getBeanFactory().registerSingleton("clock", clock);
				}
				listeners.forEach(ctx::addApplicationListener);
			})
			.run(args.toArray(String[]::new));
		return new AppInstance(context);
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** A bean of this instance, for tests that drive a module directly. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public boolean isRunning() {
		return context.isActive();
	}

	@Override
	public void close() {
		context.close();
	}

	/** Keeps classes compiled from src/test out of the component scan. */
	static final class ExcludeTestClasses extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestClasses;
		}

		@Override
		public int hashCode() {
			return ExcludeTestClasses.class.hashCode();
		}
	}
}
