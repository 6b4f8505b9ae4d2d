package com.b2brics.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for a test that runs extra app instances: a new PostgreSQL database on
 * the server the suite uses (when {@code SPRING_DATASOURCE_URL} points at PostgreSQL), else an H2
 * database (in memory, shared by the instances in this JVM, or a file for another process).
 */
public final class FreshDatabase implements AutoCloseable {

	private final String url;
	private final String username;
	private final String password;
	private final String adminUrl;
	private final String name;

	private FreshDatabase(String url, String username, String password, String adminUrl, String name) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.adminUrl = adminUrl;
		this.name = name;
	}

	/** @param forOtherProcess true: an H2 file (another JVM opens it), false: H2 in memory */
	public static FreshDatabase create(String prefix, boolean forOtherProcess) throws Exception {
		String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (suiteUrl != null && suiteUrl.startsWith("jdbc:postgresql:")) {
			String username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
			String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
			try (Connection connection = DriverManager.getConnection(suiteUrl, username, password);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			String base = suiteUrl.substring(0, suiteUrl.lastIndexOf('/') + 1);
			String query = suiteUrl.contains("?") ? suiteUrl.substring(suiteUrl.indexOf('?')) : "";
			return new FreshDatabase(base + name + query, username, password, suiteUrl, name);
		}
		String options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		String url = forOtherProcess ? "jdbc:h2:file:./target/test-db/" + name + options + ";WRITE_DELAY=0;AUTO_SERVER=TRUE"
				: "jdbc:h2:mem:" + name + options + ";DB_CLOSE_DELAY=-1";
		return new FreshDatabase(url, "sa", "", null, name);
	}

	public String url() {
		return url;
	}

	/** Spring properties that point an app instance at this database. */
	public Map<String, Object> properties() {
		return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
				"spring.datasource.password", password);
	}

	public Connection connect() throws Exception {
		return DriverManager.getConnection(url, username, password);
	}

	@Override
	public void close() throws Exception {
		if (adminUrl != null) {
			try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		else if (url.startsWith("jdbc:h2:mem:")) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (Exception ignored) {
				// already gone
			}
		}
	}
}
