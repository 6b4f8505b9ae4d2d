package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The front door as an importer uses it: the Contact button on a service card, the bot's deep
 * link, and Start; and what happens with links that are not (or no longer) valid.
 */
class ContactToLeadEndToEndTests extends EndToEndTest {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;

	private Service aService() {
		return catalog.services("russia").get(0);
	}

	private HttpResponse<String> click(Service service, String userAgent, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + service.path() + "/contact"))
			.header("User-Agent", userAgent);
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The t.me link inside the sandbox client's address the button redirects to. */
	private static String deepLinkOf(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/sandbox/open?url=");
		return URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);
	}

	private static String payloadOf(String deepLink) {
		return deepLink.substring(deepLink.indexOf("?start=") + 7);
	}

	private long leadsOf(SimulatedUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM leads WHERE importer_id = :id").param("id", user.id()).query(Long.class).single();
	}

	@Test
	void theContactButtonRecordsTheClickAndLandsInTheBotWithAnUnguessablePayload() throws Exception {
		Service service = aService();
		HttpResponse<String> response = click(service, BROWSER, null);
		assertThat(response.statusCode()).isEqualTo(302);
		String deepLink = deepLinkOf(response);
		assertThat(deepLink).startsWith("https://t.me/" + sandbox.bot().username() + "?start=");
		String payload = payloadOf(deepLink);
		assertThat(payload).matches("[A-Za-z0-9_-]{22}");
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("b2b_visitor=").contains("HttpOnly");
		String visitor = cookie.substring("b2b_visitor=".length(), cookie.indexOf(';'));
		var stored = jdbc.sql("SELECT storefront_slug, service_id, visitor_id, crawler FROM lead_clicks WHERE payload = :p")
			.param("p", payload)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4) })
			.single();
		assertThat(stored).containsExactly("russia", service.id(), visitor, false);

		String again = payloadOf(deepLinkOf(click(service, BROWSER, "b2b_visitor=" + visitor)));
		assertThat(again).isNotEqualTo(payload);
		assertThat(jdbc.sql("SELECT visitor_id FROM lead_clicks WHERE payload = :p").param("p", again).query(String.class).single())
			.isEqualTo(visitor);
	}

	@Test
	void clicksOfCrawlersAndLinkPreviewsAreMarked() throws Exception {
		String payload = payloadOf(deepLinkOf(click(aService(), "TelegramBot (like TwitterBot)", null)));
		assertThat(jdbc.sql("SELECT crawler FROM lead_clicks WHERE payload = :p").param("p", payload).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void theContactLinkOfAnUnknownServiceIs404() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/russia/services/no-such-service/contact")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void pressingStartOnTheLinkOpensALeadForThatServiceInsteadOfTheGreeting() throws Exception {
		Service service = aService();
		String deepLink = deepLinkOf(click(service, BROWSER, null));
		SimulatedUser importer = sandbox.newUser("Importer", "en");
		assertThat(importer.openLink(deepLink).result()).isEqualTo("start_sent");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leadsOf(importer) == 1);
		var told = importer.sees(importer.botChat(), service.partnerName());
		assertThat(told.text()).contains(service.title(java.util.Locale.ENGLISH));
		assertThat(importer.currentlySees(importer.botChat(), "Hello, Importer")).isFalse();
		assertThat(jdbc.sql("SELECT service_id FROM leads WHERE importer_id = :id").param("id", importer.id()).query(Long.class).single())
			.isEqualTo(service.id());
	}

	@Test
	void startingAgainForTheSameServiceFindsTheSameLead() throws Exception {
		Service service = aService();
		String first = deepLinkOf(click(service, BROWSER, null));
		String second = deepLinkOf(click(service, BROWSER, null));
		SimulatedUser importer = sandbox.newUser("Twice", "ru");
		importer.openLink(first);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leadsOf(importer) == 1);
		importer.openLink(first);
		importer.openLink(second);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> importer.messages(importer.botChat())
			.stream()
			.filter(m -> m.text() != null && m.text().startsWith("Ваш запрос"))
			.count() == 2);
		assertThat(leadsOf(importer)).isEqualTo(1);
	}

	@Test
	void anUnknownOrTamperedPayloadGetsAFriendlyAnswerAndCreatesNothing() throws Exception {
		String payload = payloadOf(deepLinkOf(click(aService(), BROWSER, null)));
		String tampered = (payload.charAt(0) == 'A' ? "B" : "A") + payload.substring(1);
		SimulatedUser importer = sandbox.newUser("Mallory", "en");
		importer.startBot(tampered);
		var answer = importer.sees(importer.botChat(), "This link is not valid");
		assertThat(answer.text()).contains("http://localhost:" + port + "/");
		importer.startBot("not-a-payload-at-all");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> importer.messages(importer.botChat())
			.stream()
			.filter(m -> m.text() != null && m.text().startsWith("This link is not valid"))
			.count() == 2);
		assertThat(leadsOf(importer)).isZero();
	}

	@Test
	void anExpiredPayloadPointsBackToTheServicePageAndCreatesNothing() throws Exception {
		Service service = aService();
		String deepLink = deepLinkOf(click(service, BROWSER, null));
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		SimulatedUser importer = sandbox.newUser("Late", "en");
		importer.openLink(deepLink);
		var answer = importer.sees(importer.botChat(), "This link has expired");
		assertThat(answer.text()).contains("http://localhost:" + port + service.path());
		assertThat(leadsOf(importer)).isZero();
	}
}
