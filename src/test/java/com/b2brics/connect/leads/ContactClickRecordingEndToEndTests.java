package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The Contact button records clicks with group commit: many visitors at once are all recorded,
 * and nobody gets a deep link whose click is not stored (a write that fails answers an error, a
 * service removed meanwhile answers 404).
 */
class ContactClickRecordingEndToEndTests extends EndToEndTest {

	private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	Catalog catalog;

	private HttpResponse<String> click(String path, String visitor) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path + "/contact"))
			.header("User-Agent", BROWSER)
			.timeout(Duration.ofSeconds(30));
		if (visitor != null) {
			request.header("Cookie", "b2b_visitor=" + visitor);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String payloadOf(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		String deepLink = URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);
		return deepLink.substring(deepLink.indexOf("?start=") + 7);
	}

	private long clicksOf(String visitor) {
		return jdbc.sql("SELECT COUNT(*) FROM lead_clicks WHERE visitor_id = :v").param("v", visitor).query(Long.class).single();
	}

	@Test
	void concurrentClicksAreAllRecordedAndEveryPayloadResolvesToItsOwnClick() throws Exception {
		List<Service> services = catalog.services("brazil");
		int clicks = 60;
		ExecutorService visitors = Executors.newFixedThreadPool(30);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < clicks; i++) {
				Service service = services.get(i % services.size());
				String visitor = "concurrent-visitor-" + i;
				responses.add(visitors.submit(() -> click(service.path(), visitor)));
			}
			Set<String> payloads = new HashSet<>();
			for (int i = 0; i < clicks; i++) {
				HttpResponse<String> response = responses.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(302);
				String payload = payloadOf(response);
				payloads.add(payload);
				// committed before the 302 left: the payload resolves at once, to this visitor's click on this service
				var row = jdbc.sql("SELECT service_id, visitor_id, storefront_slug FROM lead_clicks WHERE payload = :p")
					.param("p", payload)
					.query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3)))
					.single();
				assertThat(row).containsExactly(services.get(i % services.size()).id(), "concurrent-visitor-" + i, "brazil");
			}
			assertThat(payloads).hasSize(clicks);
		}
		finally {
			visitors.shutdownNow();
		}

		// and a payload from the crowd works in the bot
		String payload = payloadOf(click(services.get(0).path(), "concurrent-visitor-start"));
		SimulatedUser importer = sandbox.newUser("Crowd", "en");
		importer.startBot(payload);
		importer.sees(importer.botChat(), services.get(0).partnerName());
	}

	@Test
	void aClickThatCannotBeStoredAnswersAnErrorWithoutADeepLinkAndTheOthersInItsBatchAreStored() throws Exception {
		Service service = catalog.services("india").get(0);
		String rejected = "rejected-visitor-0001";
		// the database refuses this one visitor's row, as it would refuse any write it cannot take
		jdbc.sql("ALTER TABLE lead_clicks ADD CONSTRAINT test_rejects_one_visitor CHECK (visitor_id <> '" + rejected + "')")
			.update();
		ExecutorService visitors = Executors.newFixedThreadPool(20);
		try {
			List<Future<HttpResponse<String>>> others = new ArrayList<>();
			Future<HttpResponse<String>> failing = null;
			for (int i = 0; i < 20; i++) {
				String visitor = "batched-visitor-" + i;
				others.add(visitors.submit(() -> click(service.path(), visitor)));
				if (i == 10) {
					failing = visitors.submit(() -> click(service.path(), rejected));
				}
			}
			HttpResponse<String> refused = failing.get(60, TimeUnit.SECONDS);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Location")).isEmpty();
			assertThat(refused.body()).doesNotContain("start=");
			assertThat(clicksOf(rejected)).isZero();
			for (int i = 0; i < others.size(); i++) {
				HttpResponse<String> response = others.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(302);
				assertThat(jdbc.sql("SELECT visitor_id FROM lead_clicks WHERE payload = :p")
					.param("p", payloadOf(response))
					.query(String.class)
					.single()).isEqualTo("batched-visitor-" + i);
			}
		}
		finally {
			visitors.shutdownNow();
			jdbc.sql("ALTER TABLE lead_clicks DROP CONSTRAINT test_rejects_one_visitor").update();
		}
		// the same visitor is recorded once the database takes the row again
		assertThat(click(service.path(), rejected).statusCode()).isEqualTo(302);
		assertThat(clicksOf(rejected)).isEqualTo(1);
	}

	@Test
	void aServiceRemovedWhileItsPageIsCachedAnswers404AndRecordsNothing() throws Exception {
		Service existing = catalog.services("egypt").get(0);
		long storefrontId = jdbc.sql("SELECT id FROM catalog_storefronts WHERE slug = 'egypt'").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO catalog_services (storefront_id, slug, partner_id, specialization, position)
				VALUES (:storefront, 'short-lived-service', :partner, :specialization, 999)""")
			.param("storefront", storefrontId)
			.param("partner", existing.partnerId())
			.param("specialization", existing.specialization().name())
			.update();
		String path = "/egypt/services/short-lived-service";
		try {
			assertThat(click(path, "short-lived-visitor-1").statusCode()).isEqualTo(302); // now in the catalog's cache
		}
		finally {
			jdbc.sql("DELETE FROM catalog_services WHERE slug = 'short-lived-service'").update();
		}
		HttpResponse<String> gone = click(path, "short-lived-visitor-2");
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Location")).isEmpty();
		assertThat(clicksOf("short-lived-visitor-2")).isZero();
		assertThat(clicksOf("short-lived-visitor-1")).isEqualTo(1);
	}
}
