package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The pool of working groups as an attacker tried to starve it, written as it happened: one
 * stranger with one Telegram account opened leads on 8 services and held all 5 free groups; a
 * payload handed to someone else opened a lead of their own; groups stayed held by people who
 * never entered them; a partner's own people opened leads on their own services. Each attack
 * now meets a clear answer and changes nothing, and the real importer still gets a group.
 */
class PoolFairnessEndToEndTests extends EndToEndTest {

	@Autowired
	Catalog catalog;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	LeadsProperties properties;

	private List<Service> services(int count) {
		return catalog.storefronts().stream()
			.flatMap(s -> catalog.services(s.slug()).stream())
			.limit(count)
			.toList();
	}

	private long leadsOf(SimulatedUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM leads WHERE importer_id = :id").param("id", user.id()).query(Long.class).single();
	}

	private Lead leadOf(SimulatedUser user) {
		long id = jdbc.sql("SELECT id FROM leads WHERE importer_id = :id ORDER BY id DESC LIMIT 1").param("id", user.id())
			.query(Long.class).single();
		return jdbc.sql("SELECT * FROM leads WHERE id = :id").param("id", id).query((rs, n) -> new Lead(rs.getLong("id"),
				rs.getLong("service_id"), rs.getLong("partner_id"), rs.getString("storefront_slug"), rs.getLong("importer_id"),
				rs.getLong("click_id"), Lead.Status.valueOf(rs.getString("status")), null, null, null)).single();
	}

	private Long chatOf(Lead lead) {
		return jdbc.sql("SELECT chat_id FROM leads WHERE id = :id").param("id", lead.id()).query(Long.class).optional().orElse(null);
	}

	/**
	 * The join grace of this one lead has passed: its group was taken that long ago. Moving the
	 * shared clock by the grace (a day in the shared context) instead would let every earlier
	 * test's unentered lead lose its group at once, and the cascade of messages delayed this
	 * test's own beyond its patience.
	 */
	private void gracePassedFor(long leadId) {
		java.time.OffsetDateTime groupAt = jdbc.sql("SELECT group_at FROM leads WHERE id = :id").param("id", leadId)
			.query(java.time.OffsetDateTime.class).single();
		jdbc.sql("UPDATE leads SET group_at = :at WHERE id = :id")
			.param("at", groupAt.minus(properties.joinGrace()).minusMinutes(1))
			.param("id", leadId)
			.update();
	}

	/** Bot messages queue behind earlier tests' messages and the group's setup: be patient. */
	private static SeenMessage patientlySees(SimulatedUser user, String... fragments) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> user.messages(user.botChat()).stream()
			.filter(m -> m.text() != null && java.util.Arrays.stream(fragments).anyMatch(m.text()::contains))
			.reduce((a, b) -> b), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private long count(SimulatedUser user, String fragment) {
		return user.messages(user.botChat()).stream().filter(m -> m.text() != null && m.text().contains(fragment)).count();
	}

	private long clocksOf(long leadId, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM sla_clocks WHERE lead_id = :lead AND " + (outcome == null ? "outcome IS NULL"
				: "outcome = '" + outcome + "'")).param("lead", leadId).query(Long.class).single();
	}

	@Test
	void aStrangerWithOneAccountOnEightServicesCannotHoldThePoolAndTheRealImporterStillGetsAGroup() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		for (int i = 1; i <= 5; i++) {
			addPoolGroup("Fair pool room " + i);
		}
		assertThat(pool.freeGroups()).isEqualTo(5);
		List<Service> services = services(9);

		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		for (Service service : services.subList(0, 8)) {
			stranger.openLink(contactDeepLink(service));
		}
		// two leads (the cap), the six other Starts refused with a clear answer
		await().atMost(Duration.ofSeconds(60)).until(() -> count(stranger, "whose working chats you have not entered yet") == 6);
		assertThat(leadsOf(stranger)).isEqualTo(properties.unusedPerPerson()).isEqualTo(2);
		assertThat(count(stranger, "is ready")).isEqualTo(2);
		assertThat(pool.freeGroups()).isEqualTo(3);

		SimulatedUser importer = sandbox.newUser("Real Importer", "en");
		importer.openLink(contactDeepLink(services.get(8)));
		patientlySees(importer, "is ready");
		assertThat(leadOf(importer).status()).isEqualTo(Lead.Status.OPEN);
		assertThat(pool.freeGroups()).isEqualTo(2);
	}

	@Test
	void someoneElseStartingWithAPayloadAnotherPersonRedeemedIsRefusedWithTheServiceLinkAndGetsNoLead() throws Exception {
		serveWaitingLeads();
		addPoolGroup("Room for the payload owner");
		Service service = services(3).get(2);
		String link = contactDeepLink(service);

		SimulatedUser owner = sandbox.newUser("Owner", "en");
		owner.openLink(link);
		patientlySees(owner, "is ready");
		long freeBefore = pool.freeGroups();

		SimulatedUser other = sandbox.newUser("Forwarded To", "en");
		other.openLink(link);
		SeenMessage refused = patientlySees(other, "already been used by another Telegram account");
		assertThat(refused.text()).contains("http://localhost:" + port + service.path());
		assertThat(leadsOf(other)).isZero();
		assertThat(pool.freeGroups()).isEqualTo(freeBefore);
		assertThat(jdbc.sql("SELECT redeemed_by FROM lead_clicks WHERE payload = :p")
			.param("p", link.substring(link.indexOf("?start=") + 7)).query(Long.class).single()).isEqualTo(owner.id());

		// the same person again gets the same chat
		owner.openLink(link);
		patientlySees(owner, "is already open");
		assertThat(leadsOf(owner)).isEqualTo(1);
	}

	@Test
	void whenTheImporterDoesNotEnterInTimeTheGroupGoesBackAWaitingLeadGetsItAndTheImporterCanComeBack() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		long group = addPoolGroup("Room for a no-show");
		Service service = services(2).get(1);
		List<SimulatedUser> team = sandboxTeam(catalog.teamMemberIds(service.partnerId()));

		SimulatedUser noShow = sandbox.newUser("NoShow", "en");
		noShow.openLink(contactDeepLink(service));
		patientlySees(noShow, "is ready");
		Lead absent = leadOf(noShow);
		assertThat(chatOf(absent)).isEqualTo(group);
		await().atMost(Duration.ofSeconds(10)).until(() -> clocksOf(absent.id(), null) == 1);

		SimulatedUser waiting = sandbox.newUser("Waiting", "en");
		waiting.openLink(contactDeepLink(services(1).get(0)));
		patientlySees(waiting, "We are opening a working chat");

		// the durable timer was written with the group; it fires once the grace period has passed
		TaskInstance<Void> timer = new TaskInstance<>(LeadJoinGrace.TASK, Long.toString(absent.id()));
		assertThat(scheduler.getScheduledExecution(timer)).isPresent();
		scheduler.reschedule(timer, Instant.now());
		// fired before the grace period is over by the application's clock: nothing happens, it runs again later
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledExecution(timer)
			.map(e -> e.getExecutionTime().isAfter(Instant.now().plus(properties.joinGrace()).minusSeconds(60))).orElse(false));
		assertThat(leadOf(noShow).status()).isEqualTo(Lead.Status.OPEN);

		gracePassedFor(absent.id());
		scheduler.reschedule(timer, Instant.now());
		SeenMessage told = patientlySees(noShow, "You did not enter the working chat");
		assertThat(told.text()).contains("within " + properties.joinGrace().toMinutes() + " minutes").contains(service.title(java.util.Locale.ENGLISH));
		assertThat(told.hasButton("Open my chat again")).isTrue();
		patientlySees(waiting, "is ready");
		assertThat(chatOf(leadOf(waiting))).isEqualTo(group);
		assertThat(leadOf(noShow).status()).isEqualTo(Lead.Status.WAITING_FOR_IMPORTER);
		assertThat(chatOf(absent)).isNull();
		for (SimulatedUser member : team) {
			// the demo partner's people read English or Russian, as earlier tests in the shared context left them
			patientlySees(member, "NoShow did not enter the working chat", "NoShow не вошел в рабочий чат");
		}
		assertThat(clocksOf(absent.id(), "CANCELLED")).isEqualTo(1);
		assertThat(clocksOf(absent.id(), null)).isZero();

		// the importer comes back: the lead queues again and gets the next group an admin adds
		noShow.press(noShow.botChat(), "Open my chat again");
		await().atMost(Duration.ofSeconds(10)).until(() -> leadOf(noShow).status() == Lead.Status.WAITING_FOR_GROUP);
		patientlySees(noShow, "We are opening a working chat");
		long next = addPoolGroup("Room for the one who came back");
		await().atMost(Duration.ofSeconds(30)).until(() -> Objects.equals(chatOf(absent), next));
		assertThat(leadsOf(noShow)).isEqualTo(1);
		assertThat(leadOf(noShow).status()).isEqualTo(Lead.Status.OPEN);
		await().atMost(Duration.ofSeconds(10)).until(() -> clocksOf(absent.id(), null) == 1);

		// this time they enter: the timer finds the lead in use and leaves it
		await().atMost(Duration.ofSeconds(30)).until(() -> count(noShow, "is ready") == 2);
		noShow.press(noShow.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(next, noShow));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT importer_joined_at FROM leads WHERE id = :id")
			.param("id", absent.id()).query(java.time.OffsetDateTime.class).optional().isPresent());
		gracePassedFor(absent.id());
		scheduler.reschedule(timer, Instant.now());
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledExecution(timer).isEmpty());
		assertThat(leadOf(noShow).status()).isEqualTo(Lead.Status.OPEN);
		assertThat(pool.status(next)).contains("IN_USE");
	}

	@Test
	void aMemberOfThePartnersTeamOnTheirOwnServiceIsRefusedWithNoLeadNoGroupAndNoClock() throws Exception {
		serveWaitingLeads();
		addPoolGroup("Room nobody should take");
		Service service = services(1).get(0);
		SimulatedUser member = sandboxTeam(catalog.teamMemberIds(service.partnerId())).get(0);
		long leadsBefore = leadsOf(member);
		long free = pool.freeGroups();
		long clocks = jdbc.sql("SELECT COUNT(*) FROM sla_clocks").query(Long.class).single();

		member.openLink(contactDeepLink(service));
		SeenMessage refused = patientlySees(member, "of your own company", "вашей собственной компании");
		assertThat(refused.text()).contains(service.partnerName()).contains("http://localhost:" + port + service.path());

		Service product = catalog.products("china").get(0);
		SimulatedUser exporter = sandboxTeam(catalog.teamMemberIds(product.partnerId())).get(0);
		long exporterLeads = leadsOf(exporter);
		exporter.openLink(contactDeepLink(product));
		patientlySees(exporter, "is a product of your own company", "товар вашей собственной компании");

		assertThat(leadsOf(member)).isEqualTo(leadsBefore);
		assertThat(leadsOf(exporter)).isEqualTo(exporterLeads);
		assertThat(pool.freeGroups()).isEqualTo(free);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_clocks").query(Long.class).single()).isEqualTo(clocks);
	}

	@Test
	void startsOverTheLimitAreAnsweredOnceAndOpenNothing() {
		SimulatedUser flooder = sandbox.newUser("Flooder", "en");
		int limit = properties.limits().startsPerPerson();
		for (int i = 0; i < limit + 5; i++) {
			flooder.startBot("guessed-payload-" + i);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> count(flooder, "pressed Start very often") == 1
				&& count(flooder, "This link is not valid") == limit);
		assertThat(leadsOf(flooder)).isZero();

		// the window slides: later Starts are answered again
		clock.advance(properties.limits().startWindow().plusSeconds(1));
		flooder.startBot("guessed-payload-again");
		await().atMost(Duration.ofSeconds(20)).until(() -> count(flooder, "This link is not valid") == limit + 1);
		assertThat(count(flooder, "pressed Start very often")).isEqualTo(1);
	}

	@Test
	void anAdminSeesWhoHoldsEachGroupAndReleasesOneTheLeadWaitsForItsImporter() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		long group = addPoolGroup("Room an admin takes back");
		Service service = services(4).get(3);
		SimulatedUser importer = sandbox.newUser("Held By Me", "en");
		importer.openLink(contactDeepLink(service));
		patientlySees(importer, "is ready");
		Lead lead = leadOf(importer);

		Admin admin = new Admin();
		String page = admin.get("/admin/groups");
		Matcher row = Pattern.compile("id=\"held-" + group + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains("LEAD " + lead.id()).contains("Held By Me").contains("(not entered)")
			.contains("/admin/groups/" + group + "/release");

		// bad input: no CSRF token, not logged in, not a number, a group nobody holds
		assertThat(admin.postWithoutToken("/admin/groups/" + group + "/release")).isEqualTo(403);
		assertThat(http().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/groups/" + group + "/release"))
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isIn(401, 403);
		assertThat(admin.post("/admin/groups/not-a-chat/release")).isEqualTo(400);
		long free = addPoolGroup("A free room");
		assertThat(admin.post("/admin/groups/" + free + "/release")).isEqualTo(302);
		assertThat(admin.get("/admin/groups")).contains("Group " + free + " serves nobody now");
		assertThat(pool.status(group)).contains("IN_USE");
		assertThat(leadOf(importer).status()).isEqualTo(Lead.Status.OPEN);

		admin.get("/admin/groups");
		assertThat(admin.post("/admin/groups/" + group + "/release")).isEqualTo(302);
		assertThat(admin.get("/admin/groups")).contains("Group " + group + " is back in the pool");
		SeenMessage told = patientlySees(importer, "B2BRICS staff released the working chat");
		assertThat(told.hasButton("Open my chat again")).isTrue();
		assertThat(leadOf(importer).status()).isEqualTo(Lead.Status.WAITING_FOR_IMPORTER);
		// back in the pool once the bot read that its history is still hidden from new members
		await().atMost(Duration.ofSeconds(30)).until(() -> pool.status(group).filter("FREE"::equals).isPresent());
		assertThat(pool.holderOf(group)).isEmpty();

		// releasing it again changes nothing
		admin.get("/admin/groups");
		assertThat(admin.post("/admin/groups/" + group + "/release")).isEqualTo(302);
		assertThat(admin.get("/admin/groups")).contains("Group " + group + " serves nobody now");
	}

	private static HttpClient http() {
		return HttpClient.newHttpClient();
	}

	/** The admin's browser: basic login, cookies, and the CSRF token of the last page read. */
	private final class Admin {

		private final Pattern csrfField = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
		private final String authorization = "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		private String csrf;

		String get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Matcher matcher = csrfField.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response.body();
		}

		int post(String path) throws Exception {
			return send(path, "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		}

		int postWithoutToken(String path) throws Exception {
			return send(path, "");
		}

		private int send(String path, String form) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Authorization", authorization)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}
}
