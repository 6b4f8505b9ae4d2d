package com.b2brics.connect.referrals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.PartnerTeams;
import com.b2brics.connect.exporters.ExporterRegistered;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * What the referral tests share, on the one shared context: a fresh partner company per test
 * with people of its team in the sandbox, codes, clicks on the site link as a browser makes them,
 * and the registration event as the exporters module publishes it.
 */
abstract class ReferralTestSupport extends EndToEndTest {

	static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

	@Autowired
	Catalog catalog;

	@Autowired
	PartnerTeams teams;

	@Autowired
	ReferralCodes codes;

	@Autowired
	TransactionTemplate transactions;

	final HttpClient http = HttpClient.newHttpClient();

	private static long nextExporter = 7_000_000L + (System.nanoTime() % 1_000_000) * 1000;

	/** A new partner company with no codes yet; its id. */
	long newPartner(String name) {
		String slug = "ref-" + System.nanoTime();
		jdbc.sql("INSERT INTO catalog_partners (slug, company_name) VALUES (:slug, :name)")
			.param("slug", slug)
			.param("name", name)
			.update();
		return catalog.partner(slug).orElseThrow().id();
	}

	/** A person who started the bot and is on the partner's team. */
	SimulatedUser teamMember(long partnerId, String firstName, String language) {
		SimulatedUser user = sandbox.newUser(firstName, language);
		user.startBot();
		user.sees(user.botChat(), "");
		transactions.executeWithoutResult(tx -> teams.join(partnerId, user.id(), firstName));
		return user;
	}

	String newCode(long partnerId, long by, String label) {
		return transactions.execute(tx -> codes.create(partnerId, by, label, clock.instant()));
	}

	/** Opens the site link as a browser with these cookies (may be null) and User-Agent. */
	HttpResponse<Void> openSiteLink(String path, String cookies, String userAgent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		if (userAgent != null) {
			request.header("User-Agent", userAgent);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
	}

	long events(String code, String kind, boolean counted) {
		return jdbc.sql("SELECT COUNT(*) FROM referral_events WHERE code = :code AND kind = :kind AND counted = :counted")
			.param("code", code)
			.param("kind", kind)
			.param("counted", counted)
			.query(Long.class)
			.single();
	}

	static synchronized long nextExporterId() {
		return ++nextExporter;
	}

	@Autowired
	ReferralAttribution attributionListener;

	/**
	 * The event the exporters module publishes when an exporter completes registration, handed to
	 * this module's listener as the event registry delivers it after the commit. Not published:
	 * the exporters module's own listeners expect an exporter it registered (the registration
	 * with a code, end to end, is tested with the exporters flow).
	 */
	void registered(long exporterId, SimulatedUser exporter, String company, String code) {
		attributionListener.on(new ExporterRegistered(exporterId, exporter.id(), company, "russia", code, true, clock.instant()));
	}

	Instant now() {
		return clock.instant();
	}
}
