package com.b2brics.connect.telegram.internal;

import java.net.InetAddress;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramProperties;

/**
 * This instance's name in claims, leases and logs: configured, or host name and web port. Stable
 * across a restart on the same host and port, so a restarted instance takes back at once the
 * messages it had claimed before it died.
 */
@Component
class InstanceName {

	private final TelegramProperties properties;
	private final Environment environment;
	private volatile String name;

	InstanceName(TelegramProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	String get() {
		String current = name;
		if (current == null) {
			if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
				current = properties.instanceId();
			}
			else {
				String host;
				try {
					host = InetAddress.getLocalHost().getHostName();
				}
				catch (Exception e) {
					host = "localhost";
				}
				current = host + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
			}
			name = current;
		}
		return current;
	}
}
