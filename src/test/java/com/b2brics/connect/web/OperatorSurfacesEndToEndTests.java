package com.b2brics.connect.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

import com.b2brics.connect.EndToEndTest;

/**
 * The admin and operator surfaces as an attacker found them (issue 11 §4): the admin login
 * guessed 300 times, health read anonymously, pages without security headers, cookies without
 * {@code Secure} behind an HTTPS proxy, and the demo reachable from other machines.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorSurfacesEndToEndTests extends EndToEndTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	LoginThrottle throttle;

	@Autowired
	Environment environment;

	@BeforeEach
	@AfterEach
	void noLockFromAnotherTest() {
		// the shared context's other tests log in as admin from this address too
		throttle.clear();
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void threeHundredGuessedPasswordsAreThrottledAfterAFewAndEvenTheRightOneWaitsForTheLock(CapturedOutput output)
			throws Exception {
		List<Integer> answers = new ArrayList<>();
		for (int guess = 1; guess <= 300; guess++) {
			answers.add(get("/admin/groups", "Authorization", basic("admin", "guess-" + guess)).statusCode());
		}
		assertThat(answers.subList(0, 5)).as("the first five guesses are checked and fail").containsOnly(401);
		assertThat(answers.subList(5, 300)).as("then every guess is refused unchecked").containsOnly(429);

		// the right password during the lock-out is refused too, with the time left
		HttpResponse<String> locked = get("/admin/groups", "Authorization", basic("admin", "test-admin"), "Accept-Language", "en");
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(locked.body()).isEqualTo("Too many failed logins. Try again in 30 s.");
		clock.advance(Duration.ofSeconds(20));
		HttpResponse<String> inRussian = get("/admin/groups", "Authorization", basic("admin", "test-admin"), "Accept-Language", "ru");
		assertThat(inRussian.statusCode()).isEqualTo(429);
		assertThat(inRussian.body()).isEqualTo("Слишком много неудачных попыток входа. Повторите через 10 с.");

		// once it has passed, the right password works again, and the failures are forgotten
		clock.advance(Duration.ofSeconds(11));
		assertThat(get("/admin/groups", "Authorization", basic("admin", "test-admin")).statusCode()).isEqualTo(200);

		// logged: who and from where, never the password
		assertThat(output.getAll()).contains("Admin login failed: user 'admin' from 127.0.0.1")
			.contains("locked for 30 s after 5 failed logins")
			.contains("Admin login refused while locked: user 'admin' from 127.0.0.1")
			.doesNotContain("guess-1").doesNotContain("guess-300");
	}

	@Test
	void aGuesserWhoKeepsComingBackIsLockedOutLongerEachTime() throws Exception {
		for (long lock : List.of(30L, 60L, 120L)) {
			for (int guess = 0; guess < 5; guess++) {
				assertThat(get("/admin/groups", "Authorization", basic("admin", "again-" + guess)).statusCode()).isEqualTo(401);
			}
			HttpResponse<String> refused = get("/admin/groups", "Authorization", basic("admin", "test-admin"));
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(lock));
			clock.advance(Duration.ofSeconds(lock));
		}
		assertThat(get("/admin/groups", "Authorization", basic("admin", "test-admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void guessesUnderManyUserNamesAreThrottledByAddress() throws Exception {
		for (int guess = 0; guess < 5; guess++) {
			assertThat(get("/admin/groups", "Authorization", basic("user" + guess, "x")).statusCode()).isEqualTo(401);
		}
		assertThat(get("/admin/groups", "Authorization", basic("someone-new", "x")).statusCode()).isEqualTo(429);
	}

	@Test
	void healthShowsItsDetailsToAdminsOnlyAndTheProbesStayPublic() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/health");
		assertThat(anonymous.body()).contains("\"status\"")
			.doesNotContain("components").doesNotContain("details").doesNotContain("diskSpace").doesNotContain("telegram")
			.doesNotContain("path").doesNotContain("api.telegram.org");

		HttpResponse<String> admin = get("/actuator/health", "Authorization", basic("admin", "test-admin"));
		assertThat(admin.body()).contains("\"components\"").contains("\"db\"").contains("\"diskSpace\"").contains("\"details\"");

		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> public_ = get(probe);
			assertThat(public_.statusCode()).as(probe).isIn(200, 503);
			assertThat(public_.body()).as(probe).contains("\"status\"").doesNotContain("components").doesNotContain("details");
		}
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		Map<String, String[]> pages = Map.of("/", new String[0], "/russia", new String[0], "/sandbox", new String[0],
				"/css/admin.css", new String[0], "/admin/groups", new String[] { "Authorization", basic("admin", "test-admin") },
				"/admin/telegram", new String[] { "Authorization", basic("admin", "test-admin") }, "/no-such-page",
				new String[0]);
		pages.forEach((path, headers) -> {
			HttpResponse<String> page;
			try {
				page = get(path, headers);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			assertThat(page.statusCode()).as(path).isIn(200, 404);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
		});
		// the admin pages keep their styles in a file the policy allows, not inline
		assertThat(get("/admin/groups", "Authorization", basic("admin", "test-admin")).body())
			.contains("/css/admin.css").doesNotContain("<style");
		assertThat(get("/css/admin.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
	}

	@Test
	void cookiesAreSecureWhenTheVisitorCameOverHttpsThroughAProxy() throws Exception {
		StringBuilder code = new StringBuilder();
		java.util.Random random = new java.util.Random();
		for (int i = 0; i < 6; i++) {
			code.append("23456789ABCDEFGHJKMNPQRSTUVWXYZ".charAt(random.nextInt(31)));
		}
		jdbc.sql("INSERT INTO referral_codes (code, partner_id, created_by, created_at) VALUES (:code, 1, 1, now())")
			.param("code", code.toString()).update();
		String contact = "/russia/services/" + jdbc.sql("""
				SELECT s.slug FROM catalog_services s JOIN catalog_storefronts f ON f.id = s.storefront_id
				WHERE f.slug = 'russia' AND s.kind = 'SERVICE' ORDER BY s.id""").query(String.class).list().get(0) + "/contact";

		Map<String, String> viaHttps = cookies(List.of("/russia?lang=en", "/r/" + code + "?s=russia", contact),
				"X-Forwarded-Proto", "https");
		assertThat(viaHttps).containsKeys("lang", "b2b_visitor", "b2b_ref");
		viaHttps.forEach((name, header) -> assertThat(header).as(name).containsIgnoringCase("; Secure"));

		Map<String, String> plain = cookies(List.of("/russia?lang=en", "/r/" + code + "?s=russia", contact));
		assertThat(plain).containsKeys("lang", "b2b_visitor", "b2b_ref");
		plain.forEach((name, header) -> assertThat(header).as(name).doesNotContainIgnoringCase("secure"));
	}

	/** The Set-Cookie headers the paths answer, by cookie name. */
	private Map<String, String> cookies(List<String> paths, String... headers) throws Exception {
		Map<String, String> cookies = new java.util.HashMap<>();
		for (String path : paths) {
			String[] all = new String[headers.length + 2];
			System.arraycopy(headers, 0, all, 0, headers.length);
			all[headers.length] = "User-Agent";
			all[headers.length + 1] = "Mozilla/5.0 Chrome/156.0";
			for (String header : get(path, all).headers().allValues("Set-Cookie")) {
				cookies.put(header.substring(0, header.indexOf('=')), header);
			}
		}
		return cookies;
	}

	@Test
	void theDemoListensOnThisMachineOnly() throws Exception {
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(get("/").statusCode()).isEqualTo(200);

		Optional<InetAddress> another = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
			.flatMap(i -> Collections.list(i.getInetAddresses()).stream())
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
			.findFirst();
		Assumptions.assumeTrue(another.isPresent(), "this machine has no network address besides loopback");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(another.get(), port), 2000);
			throw new AssertionError("the demo answered on " + another.get().getHostAddress() + ":" + port);
		}
		catch (ConnectException refused) {
			assertThat(refused).hasMessageContaining("refused");
		}
	}
}
