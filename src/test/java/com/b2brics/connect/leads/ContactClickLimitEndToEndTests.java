package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.b2brics.connect.AppInstance;
import com.b2brics.connect.FreshDatabase;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.MutableClock;

/**
 * The attack as it happened: 2,000 parallel GETs of one Contact link, without cookies, minted
 * 2,000 payloads in 3 s. On an instance of its own with the default limits, only the address's
 * allowance is minted and stored; the rest get 429 with a page that says when to try again, and
 * nothing is stored for them. A visitor with a cookie has an allowance of their own.
 */
class ContactClickLimitEndToEndTests {

	private static final Logger log = LoggerFactory.getLogger(ContactClickLimitEndToEndTests.class);

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private HttpResponse<String> click(String url, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", BROWSER)
			.timeout(Duration.ofSeconds(60));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long clicksStored(FreshDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM lead_clicks")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Test
	void twoThousandParallelGetsOfAContactLinkMintOnlyTheAddresssAllowance() throws Exception {
		MutableClock clock = new MutableClock();
		try (var database = FreshDatabase.create("clicklimit", false)) {
			Map<String, Object> properties = new HashMap<>(database.properties());
			properties.put("b2brics.demo.seed-sandbox", false);
			try (var app = AppInstance.start(properties, clock)) {
				LeadsProperties.Limits limits = app.bean(LeadsProperties.class).limits();
				assertThat(limits.clicksPerAddress()).isEqualTo(60);
				Service service = app.bean(Catalog.class).services("russia").get(0);
				String url = "http://127.0.0.1:" + app.port() + service.path() + "/contact";
				// the bot learns its name just after start; until then the button answers 503 (each try counts)
				int[] tries = { 0 };
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					tries[0]++;
					return click(url, null).statusCode() == 302;
				});
				long before = clicksStored(database);

				ExecutorService attackers = Executors.newFixedThreadPool(50);
				List<Future<HttpResponse<String>>> responses = new ArrayList<>();
				long started = System.nanoTime();
				try {
					for (int i = 0; i < 2_000; i++) {
						responses.add(attackers.submit(() -> click(url, null)));
					}
					int found = 0;
					int refused = 0;
					HttpResponse<String> aRefusal = null;
					for (Future<HttpResponse<String>> response : responses) {
						HttpResponse<String> r = response.get(120, TimeUnit.SECONDS);
						if (r.statusCode() == 302) {
							found++;
						}
						else {
							assertThat(r.statusCode()).isEqualTo(429);
							refused++;
							aRefusal = r;
						}
					}
					log.info("2,000 parallel Contact GETs in {} ms: {} minted, {} refused with 429",
							(System.nanoTime() - started) / 1_000_000, found, refused);
					// the address's allowance in the window, minus what the warm-up used
					assertThat(found).isEqualTo(limits.clicksPerAddress() - tries[0]);
					assertThat(refused).isEqualTo(2_000 - found);
					assertThat(clicksStored(database) - before).isEqualTo(found);
					assertThat(aRefusal.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isPositive();
					assertThat(aRefusal.headers().firstValue("Location")).isEmpty();
					assertThat(aRefusal.headers().allValues("Set-Cookie")).isEmpty();
					// in the storefront's language, as every page of the storefront
					assertThat(aRefusal.body()).contains("Слишком много запросов").contains("попробуйте снова через")
						.contains(service.path()).doesNotContain("start=");
				}
				finally {
					attackers.shutdownNow();
				}

				// the window slides: the address may click again
				clock.advance(limits.clickWindow().plusSeconds(1));
				assertThat(click(url, null).statusCode()).isEqualTo(302);

				// a visitor with a cookie has an allowance of their own within the address's
				String visitor = "b2b_visitor=limited-visitor-0001";
				for (int i = 0; i < limits.clicksPerVisitor(); i++) {
					assertThat(click(url, visitor).statusCode()).isEqualTo(302);
				}
				HttpResponse<String> refused = click(url, visitor);
				assertThat(refused.statusCode()).isEqualTo(429);
				assertThat(click(url, "b2b_visitor=another-visitor-0002").statusCode()).isEqualTo(302);
				// a visitor who chose English reads the page in English
				HttpResponse<String> en = http.send(HttpRequest.newBuilder(URI.create(url + "?lang=en")).header("User-Agent", BROWSER)
					.header("Cookie", visitor).GET().build(), HttpResponse.BodyHandlers.ofString());
				assertThat(en.statusCode()).isEqualTo(429);
				assertThat(en.body()).contains("Too many requests").contains("Please try again in");
			}
		}
	}
}
