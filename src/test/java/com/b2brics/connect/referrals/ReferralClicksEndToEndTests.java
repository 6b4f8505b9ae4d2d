package com.b2brics.connect.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Clicks on a partner's links as browsers and people make them: the site link counts once per
 * visitor, code and day (a browser without cookies once per address and browser), robots never, and hands out the attribution cookie (the first active
 * code keeps it); the bot link counts when Start is pressed; junk and dead codes lead to the site
 * with nothing stored; a lead from a browser carrying the cookie is a request for the code.
 */
class ReferralClicksEndToEndTests extends ReferralTestSupport {

	private static Optional<String> cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	private long allEvents() {
		return jdbc.sql("SELECT COUNT(*) FROM referral_events").query(Long.class).single();
	}

	@Test
	void theSiteLinkCountsOncePerVisitorAndDayAndRobotsNever() throws Exception {
		long partner = newPartner("Click Counting Co");
		String code = newCode(partner, 1, null);

		HttpResponse<Void> first = openSiteLink("/r/" + code.toLowerCase() + "?s=russia", null, CHROME);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location")).contains("/russia");
		String referral = cookie(first, "b2b_ref").orElseThrow();
		assertThat(value(referral)).isEqualTo(code);
		assertThat(referral).contains("Max-Age=2592000").contains("Path=/").contains("HttpOnly");
		String visitor = value(cookie(first, "b2b_visitor").orElseThrow());
		assertThat(events(code, "CLICK", true)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT storefront_slug FROM referral_events WHERE code = :c").param("c", code).query(String.class)
			.single()).isEqualTo("russia");

		HttpResponse<Void> again = openSiteLink("/r/" + code, "b2b_visitor=" + visitor + "; b2b_ref=" + code, CHROME);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).contains("/");
		assertThat(events(code, "CLICK", true)).isEqualTo(1);

		for (String robot : List.of("TelegramBot (like TwitterBot)", "facebookexternalhit/1.1", "WhatsApp/2.23.20.0",
				"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
				"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")) {
			assertThat(openSiteLink("/r/" + code, null, robot).statusCode()).isEqualTo(302);
		}
		assertThat(events(code, "CLICK", false)).isEqualTo(5);
		assertThat(events(code, "CLICK", true)).isEqualTo(1);

		// without the cookie, the same address and browser is the same person that day (issue 11: 25 requests
		// without cookies counted 25 clicks); another browser on the address is someone else
		openSiteLink("/r/" + code, null, CHROME);
		assertThat(events(code, "CLICK", true)).isEqualTo(1);
		openSiteLink("/r/" + code, null, "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0");
		assertThat(events(code, "CLICK", true)).isEqualTo(2);

		clock.advance(Duration.ofDays(1));
		openSiteLink("/r/" + code, "b2b_visitor=" + visitor, CHROME);
		assertThat(events(code, "CLICK", true)).isEqualTo(3);
		openSiteLink("/r/" + code, "b2b_visitor=" + visitor, CHROME);
		assertThat(events(code, "CLICK", true)).isEqualTo(3);
	}

	@Test
	void twentyFiveRequestsWithoutCookiesCountOneClickAndInventedCookiesCountAFewAtMost() throws Exception {
		long partner = newPartner("Inflated Clicks Co");
		String code = newCode(partner, 1, null);
		ExecutorService browsers = Executors.newFixedThreadPool(25);
		try {
			List<Future<HttpResponse<Void>>> responses = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				responses.add(browsers.submit(() -> openSiteLink("/r/" + code + "?s=russia", null, CHROME)));
			}
			for (Future<HttpResponse<Void>> response : responses) {
				HttpResponse<Void> r = response.get(60, TimeUnit.SECONDS);
				assertThat(r.statusCode()).isEqualTo(302);
				assertThat(cookie(r, "b2b_ref")).isPresent();
			}
		}
		finally {
			browsers.shutdownNow();
		}
		assertThat(events(code, "CLICK", true)).isEqualTo(1);

		// a cookie made up for each request does not count each either: a few people behind one address and browser do
		for (int i = 0; i < 25; i++) {
			openSiteLink("/r/" + code, "b2b_visitor=invented-visitor-" + (1000 + i), CHROME);
		}
		assertThat(events(code, "CLICK", true)).isEqualTo(3);

		// the address is never stored, only the day's salted hash
		List<String> stored = jdbc.sql("""
				SELECT COALESCE(visitor_id, '') || ' ' || COALESCE(visitor_hash, '') || ' ' || COALESCE(dedup_key, '')
				FROM referral_events WHERE code = :c""").param("c", code).query(String.class).list();
		assertThat(stored).isNotEmpty().noneMatch(row -> row.contains("127.0.0.1"));
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT visitor_hash) FROM referral_events WHERE code = :c").param("c", code)
			.query(Long.class).single()).isEqualTo(1);
		// the next day is another day, with another salt
		clock.advance(Duration.ofDays(1));
		openSiteLink("/r/" + code, null, CHROME);
		assertThat(events(code, "CLICK", true)).isEqualTo(4);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT visitor_hash) FROM referral_events WHERE code = :c").param("c", code)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void junkUnknownAndDeactivatedCodesLeadToTheSiteWithNothingStored() throws Exception {
		long partner = newPartner("Dead Links Co");
		String dead = newCode(partner, 1, null);
		transactions.executeWithoutResult(tx -> codes.deactivate(dead, partner, 1, now()));
		String unknown = Stream.generate(ReferralCode::generate).filter(c -> codes.find(c).isEmpty()).findFirst().orElseThrow();
		long before = allEvents();
		for (String path : List.of("/r/" + dead, "/r/" + unknown, "/r/%3Cscript%3Ealert(1)%3C", "/r/ABC0O1",
				"/r/" + "A".repeat(300), "/r/" + unknown + "?s=..%2F..%2Fetc", "/r/%20" + dead + "%20")) {
			HttpResponse<Void> response = openSiteLink(path, null, CHROME);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).contains("/");
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		// an encoded slash is refused before it reaches the application
		HttpResponse<Void> slash = openSiteLink("/r/" + unknown + "%2F..%2Fadmin", null, CHROME);
		assertThat(slash.statusCode()).isIn(302, 400);
		assertThat(slash.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(allEvents()).isEqualTo(before);
	}

	@Test
	void theFirstActiveCodeKeepsTheCookieAndADeadOneGivesWay() throws Exception {
		String first = newCode(newPartner("First Partner"), 1, null);
		String second = newCode(newPartner("Second Partner"), 1, null);
		long secondPartner = codes.find(second).orElseThrow().partnerId();

		HttpResponse<Void> keeps = openSiteLink("/r/" + second, "b2b_ref=" + first, CHROME);
		assertThat(cookie(keeps, "b2b_ref")).isEmpty();
		assertThat(cookie(keeps, "b2b_visitor")).isPresent();
		assertThat(events(second, "CLICK", true)).isEqualTo(1);

		transactions.executeWithoutResult(tx -> codes.deactivate(first, codes.find(first).orElseThrow().partnerId(), 1, now()));
		HttpResponse<Void> replaces = openSiteLink("/r/" + second, "b2b_ref=" + first, CHROME);
		assertThat(cookie(replaces, "b2b_ref").map(ReferralClicksEndToEndTests::value)).contains(second);
		assertThat(secondPartner).isPositive();
	}

	@Test
	void pressingStartOnTheBotLinkIsAClickOncePerDay() {
		long partner = newPartner("Bot Link Co");
		String code = newCode(partner, 1, null);
		SimulatedUser visitor = sandbox.newUser("Visitor", "en");

		visitor.startBot("ref_" + code.toLowerCase());
		await().atMost(Duration.ofSeconds(10)).until(() -> events(code, "CLICK", true) == 1);
		assertThat(jdbc.sql("SELECT visitor_id FROM referral_events WHERE code = :c").param("c", code).query(String.class).single())
			.isEqualTo("tg:" + visitor.id());

		visitor.startBot("ref_" + code);
		await().atMost(Duration.ofSeconds(10)).until(() -> visitor.messages(visitor.botChat()).stream()
			.filter(m -> m.fromId() == sandbox.bot().id()).count() >= 2);
		assertThat(events(code, "CLICK", true)).isEqualTo(1);

		clock.advance(Duration.ofDays(1));
		visitor.startBot("ref_" + code);
		await().atMost(Duration.ofSeconds(10)).until(() -> events(code, "CLICK", true) == 2);

		long before = allEvents();
		visitor.startBot("ref_ZZZ");
		await().atMost(Duration.ofSeconds(10)).until(() -> visitor.messages(visitor.botChat()).stream()
			.filter(m -> m.fromId() == sandbox.bot().id()).count() >= 4);
		assertThat(allEvents()).isEqualTo(before);
	}

	@Test
	void aLeadFromABrowserCarryingTheCookieIsARequestForTheCode() throws Exception {
		long partner = newPartner("Request Counting Co");
		String code = newCode(partner, 1, null);
		Service service = catalog.services("india").get(0);
		serveWaitingLeads();
		addPoolGroup("Room for a referred request");

		HttpResponse<Void> click = openSiteLink("/r/" + code + "?s=india", null, CHROME);
		String cookies = "b2b_ref=" + value(cookie(click, "b2b_ref").orElseThrow()) + "; b2b_visitor="
				+ value(cookie(click, "b2b_visitor").orElseThrow());
		HttpResponse<Void> contact = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + service.path() + "/contact"))
			.header("User-Agent", CHROME).header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.discarding());
		String location = contact.headers().firstValue("Location").orElseThrow();
		String deepLink = URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);

		SimulatedUser importer = sandbox.newUser("Referred", "en");
		importer.openLink(deepLink);
		await().atMost(Duration.ofSeconds(10)).until(() -> events(code, "REQUEST", true) == 1);
		long lead = jdbc.sql("SELECT id FROM leads WHERE importer_id = :u").param("u", importer.id()).query(Long.class).single();
		assertThat(jdbc.sql("SELECT subject_id FROM referral_events WHERE code = :c AND kind = 'REQUEST'").param("c", code)
			.query(Long.class).single()).isEqualTo(lead);

		// someone without the cookie: no request for the code (and a group for their lead, so no lead is left waiting)
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT status FROM leads WHERE id = :id").param("id", lead)
			.query(String.class).single().equals("OPEN"));
		sandbox.createGroup("Room for a plain request", platformAdmin());
		await().atMost(Duration.ofSeconds(60)).until(() -> pool.freeGroups() > 0);
		SimulatedUser plain = sandbox.newUser("Plain", "en");
		plain.openLink(contactDeepLink(catalog.services("india").get(1)));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM leads WHERE importer_id = :u AND status = 'OPEN'")
			.param("u", plain.id()).query(Long.class).single() == 1);
		assertThat(events(code, "REQUEST", true)).isEqualTo(1);
	}
}
