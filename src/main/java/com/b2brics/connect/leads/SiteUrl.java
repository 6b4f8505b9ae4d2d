package com.b2brics.connect.leads;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The public site root for links in bot messages: {@code b2brics.leads.site-url} when set, else
 * {@code http://localhost:<port>} with the port this instance actually listens on (known once the
 * web server has started; until then {@code server.port}). So a demo started on another port
 * ({@code PORT=9090}, {@code --server.port=0}) links to itself, not to 8080.
 */
@Component
public class SiteUrl implements ApplicationListener<WebServerInitializedEvent> {

	private final String configured;
	private volatile int port;

	SiteUrl(LeadsProperties properties, org.springframework.core.env.Environment environment) {
		String url = properties.siteUrl() == null ? "" : properties.siteUrl().strip();
		this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.port = environment.getProperty("server.port", Integer.class, 8080);
	}

	/** The root without a trailing slash, e.g. {@code http://localhost:8080}. */
	public String root() {
		return configured.isEmpty() ? "http://localhost:" + port : configured;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String namespace = event.getApplicationContext().getServerNamespace();
		if (namespace == null || namespace.isEmpty()) {
			port = event.getWebServer().getPort();
		}
	}
}
