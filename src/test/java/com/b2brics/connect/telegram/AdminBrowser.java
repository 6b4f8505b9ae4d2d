package com.b2brics.connect.telegram;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An admin's browser for tests: HTTP basic login, cookies, and the CSRF token of the last page it read. */
class AdminBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;
	private final String authorization;
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private String csrf;

	AdminBrowser(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	String get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response.body();
	}

	int status(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).GET().build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	int postForm(String path) throws Exception {
		String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
