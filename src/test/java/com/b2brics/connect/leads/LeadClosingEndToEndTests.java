package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;

import com.b2brics.connect.sandbox.client.SandboxClient.SandboxException;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The end of a deal: the partner (or B2BRICS staff) closes the chat with /close and a
 * confirmation, or it closes itself after a quiet spell; the group is emptied and serves the
 * next lead. Also: who may not close, a member who left coming back, the pool running low, a
 * group that becomes a supergroup, and the admins' page of the pool and refused joins.
 */
class LeadClosingEndToEndTests extends EndToEndTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;

	@Autowired
	LeadInactivity inactivity;

	@Autowired
	LeadsProperties properties;

	@Autowired
	org.springframework.context.MessageSource messages;

	/** A partner reads the bot in their own language (the demo seeding makes some of them Russian speakers). */
	private java.util.Locale localeOf(SimulatedUser user) {
		return "ru".equals(sandbox.get("/sandbox/api/users/" + user.id()).get("language_code")) ? java.util.Locale.forLanguageTag("ru")
				: java.util.Locale.ENGLISH;
	}

	private String text(SimulatedUser user, String key, Object... args) {
		return messages.getMessage(key, args, localeOf(user));
	}





	/** Telegram lets a bot post 20 messages a minute into a group, so a reply there may wait in the queue. */
	private static void seesInGroup(SimulatedUser user, long group, String fragment) {
		await("user " + user.id() + " sees \"" + fragment + "\" in group " + group).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100)).until(() -> user.currentlySees(group, fragment));
	}

	private Map<String, Object> lead(SimulatedUser importer) {
		return jdbc.sql("SELECT * FROM leads WHERE importer_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", importer.id())
			.query()
			.singleRow();
	}

	private long chatOf(SimulatedUser importer) {
		return ((Number) lead(importer).get("chat_id")).longValue();
	}

	/** A lead with the importer and the first team member in its group. */
	private record Deal(Service service, SimulatedUser importer, SimulatedUser partner, long group, String importerLink) {
	}

	private Deal openDeal(String importerName, Service service) throws Exception {
		List<SimulatedUser> team = sandboxTeam(catalog.teamMemberIds(service.partnerId()));
		serveWaitingLeads();
		if (pool.freeGroups() == 0) {
			addPoolGroup("Room for " + importerName);
		}
		SimulatedUser importer = sandbox.newUser(importerName, "en");
		importer.openLink(contactDeepLink(service));
		SeenMessage ready = importer.sees(importer.botChat(), "is ready");
		long group = chatOf(importer);
		importer.press(importer.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, importer));
		SimulatedUser partner = team.get(0);
		SeenMessage news = partner.sees(partner.botChat(), importerName);
		partner.press(partner.botChat(), news.id(), text(partner, "lead.partner.join"));
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, partner));
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.isMember(group, partner.id()) && pool.isMember(group, importer.id()));
		return new Deal(service, importer, partner, group, (String) ready.button("Open the chat").get("url"));
	}

	@Test
	void thePartnerClosesTheChatTheGroupIsEmptiedAndServesTheNextLead() throws Exception {
		Deal deal = openDeal("Closer", catalog.services("egypt").get(0));
		long group = deal.group();
		SimulatedUser admin = platformAdmin();

		// the importer may not close; nothing changes
		deal.importer().write(group, "/close");
		seesInGroup(deal.importer(), group, "Only the partner's team or B2BRICS staff can close");
		assertThat(lead(deal.importer()).get("status")).isEqualTo("OPEN");

		// the partner asks, thinks again, and keeps it open
		SimulatedUser partner = deal.partner();
		partner.write(group, "/close");
		seesInGroup(partner, group, text(partner, "lead.close.confirm"));
		assertThat(deal.importer().press(group, text(partner, "lead.close.yes")).text()).isNotBlank(); // not their button
		assertThat(lead(deal.importer()).get("status")).isEqualTo("OPEN");
		partner.press(group, text(partner, "lead.close.no"));
		seesInGroup(partner, group, text(partner, "lead.close.kept"));
		assertThat(lead(deal.importer()).get("status")).isEqualTo("OPEN");

		// and then closes it
		deal.partner().write(group, "/close");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> partner.messages(group).stream().filter(m -> m.hasButton(text(partner, "lead.close.yes"))).count() == 1);
		partner.press(group, text(partner, "lead.close.yes"));
		seesInGroup(admin, group, "This working chat is closed (closed by the partner");
		// in the languages of the group's people: the importer reads English, the partner English or Russian
		if ("ru".equals(localeOf(partner).getLanguage())) {
			seesInGroup(admin, group, "Рабочий чат закрыт");
		}
		else {
			assertThat(admin.currentlySees(group, "Рабочий чат закрыт")).as("Russian, which nobody in the group reads").isFalse();
		}
		SeenMessage told = deal.importer().sees(deal.importer().botChat(), "is closed");
		assertThat(told.text()).contains(deal.service().path());
		partner.sees(partner.botChat(), text(partner, "lead.closed.why.partner", "").replace(",", "").trim());

		Map<String, Object> closed = lead(deal.importer());
		assertThat(closed.get("status")).isEqualTo("CLOSED");
		assertThat(closed.get("close_reason")).isEqualTo("PARTNER");
		assertThat(closed.get("open_key")).isNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> !isGroupMember(group, deal.importer()) && !isGroupMember(group, deal.partner()));
		assertThat(isGroupMember(group, admin)).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.status(group).filter("FREE"::equals).isPresent()); // after its history check
		await().atMost(Duration.ofSeconds(10)).until(() -> admin.pinnedMessage(group) == null);
		await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.get("/sandbox/api/chats/" + group).toString().contains("Closer"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM group_invites WHERE chat_id = :chat AND revoked_at IS NULL")
			.param("chat", group).query(Long.class).single()).isZero();

		// the old personal link no longer opens the group
		await().atMost(Duration.ofSeconds(10)).until(() -> "link_revoked".equals(deal.importer().openLink(deal.importerLink()).result()));
		assertThat(isGroupMember(group, deal.importer())).isFalse();

		// the confirmation cannot be pressed twice: it now just says the chat is closed
		await().atMost(Duration.ofSeconds(30)).until(() -> partner.messages(group).stream()
			.noneMatch(m -> m.hasButton(text(partner, "lead.close.yes"))));
		assertThat(partner.currentlySees(group, text(partner, "lead.close.done"))).isTrue();

		// the importer can contact the partner again: a new lead, a group, and they can enter it
		emptyThePool();
		assertThat(addPoolGroup("Room after closing")).isNotEqualTo(group);
		deal.importer().openLink(contactDeepLink(deal.service()));
		await().atMost(Duration.ofSeconds(10)).until(() -> "OPEN".equals(lead(deal.importer()).get("status")));
		assertThat(lead(deal.importer()).get("id")).isNotEqualTo(closed.get("id"));
	}

	@Test
	void aClosedGroupGoesToTheLeadWaitingLongest() throws Exception {
		Deal deal = openDeal("Waiting-First", catalog.services("india").get(0));
		emptyThePool();
		SimulatedUser waiting = sandbox.newUser("Patient", "en");
		waiting.openLink(contactDeepLink(catalog.services("india").get(1)));
		waiting.sees(waiting.botChat(), "We are opening a working chat");

		platformAdmin().write(deal.group(), "/close");
		seesInGroup(platformAdmin(), deal.group(), "Close this working chat?");
		platformAdmin().press(deal.group(), "Close the chat");
		assertThat(lead(deal.importer()).get("close_reason")).isEqualTo("ADMIN");

		waiting.sees(waiting.botChat(), "is ready");
		assertThat(chatOf(waiting)).isEqualTo(deal.group());
		waiting.press(waiting.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(deal.group(), waiting));
		SeenMessage context = waiting.pinnedMessage(deal.group());
		assertThat(context.text()).contains("Patient").doesNotContain("Waiting-First");
		assertThat(isGroupMember(deal.group(), deal.importer())).isFalse();
	}

	@Test
	void aQuietChatIsWarnedAndThenClosedAMessageStartsTheCountdownAgain() throws Exception {
		Deal deal = openDeal("Quiet", catalog.services("china").get(0));
		Duration spell = properties.closeAfterInactivity();
		Duration warnAt = spell.minus(properties.inactivityWarning());

		clock.advance(warnAt.plusMinutes(1));
		inactivity.check();
		seesInGroup(deal.importer(), deal.group(), "Nobody has written here for");
		inactivity.check();
		assertThat(deal.importer().messages(deal.group()).stream().filter(m -> m.text() != null && m.text().contains("Nobody has written")).count())
			.isEqualTo(1);

		deal.importer().write(deal.group(), "Still interested, sending documents tomorrow");
		await().atMost(Duration.ofSeconds(10)).until(() -> lead(deal.importer()).get("inactivity_warned_at") == null);
		clock.advance(properties.inactivityWarning().plusMinutes(1));
		inactivity.check(); // other tests' leads may be due; this one is not
		assertThat(lead(deal.importer()).get("status")).isEqualTo("OPEN");

		clock.advance(spell);
		assertThat(inactivity.check()).isGreaterThanOrEqualTo(1);
		assertThat(lead(deal.importer()).get("status")).isEqualTo("CLOSED");
		assertThat(lead(deal.importer()).get("close_reason")).isEqualTo("INACTIVITY");
		deal.importer().sees(deal.importer().botChat(), "is closed");
		await().atMost(Duration.ofSeconds(10)).until(() -> !isGroupMember(deal.group(), deal.importer()));
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.status(deal.group()).filter("FREE"::equals).isPresent()); // after its history check
	}

	@Test
	void badCloseRequestsGetAClearAnswerAndChangeNothing() throws Exception {
		Deal deal = openDeal("Guarded", catalog.services("south-africa").get(0));
		SimulatedUser stranger = sandbox.newUser("Nosy", "en");
		stranger.startBot();

		stranger.writeToBot("/close");
		stranger.sees(stranger.botChat(), "works in a deal's working group");

		// a free group of the pool has no deal to close
		long free = addPoolGroup("Idle room");
		platformAdmin().write(free, "/close");
		seesInGroup(platformAdmin(), free, "no open deal");

		// nothing closed on the way
		assertThat(lead(deal.importer()).get("status")).isEqualTo("OPEN");
		assertThat(pool.status(free)).contains("FREE");
	}

	@Test
	void aMemberWhoLeftComesBackWithTheirOwnLink() throws Exception {
		Deal deal = openDeal("Returner", catalog.services("russia").get(2));
		deal.importer().leave(deal.group());
		await().atMost(Duration.ofSeconds(10)).until(() -> !pool.isMember(deal.group(), deal.importer().id()));
		assertThat(deal.importer().openLink(deal.importerLink()).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(deal.group(), deal.importer()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM group_join_refusals WHERE user_id = :user")
			.param("user", deal.importer().id()).query(Long.class).single()).isZero();
	}

	@Test
	void whenThePoolRunsLowTheAdminsAreToldOnce() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser admin = platformAdmin();
		for (int i = 0; i < 3; i++) {
			addPoolGroup("Low-water room " + i);
		}
		// the admin's chat is shared by every test: let what earlier tests queued for it arrive before counting
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM telegram_outbox WHERE chat_id = :chat AND status IN ('PENDING', 'SENDING')")
			.param("chat", admin.id()).query(Long.class).single() == 0);
		long alertsBefore = admin.messages(admin.botChat()).stream().filter(m -> m.text().contains("free working groups are left")).count();
		Service service = catalog.services("brazil").get(1);
		SimulatedUser first = sandbox.newUser("LowFirst", "en");
		first.openLink(contactDeepLink(service));
		first.sees(first.botChat(), "is ready");
		admin.sees(admin.botChat(), "Only 2 free working groups are left");
		SimulatedUser second = sandbox.newUser("LowSecond", "en");
		second.openLink(contactDeepLink(service));
		second.sees(second.botChat(), "is ready");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> admin.messages(admin.botChat()).stream()
			.filter(m -> m.text().contains("free working groups are left")).count() == alertsBefore + 1);
	}

	@Test
	void aGroupThatBecomesASupergroupKeepsItsLead() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser admin = platformAdmin();
		long basic = sandbox.createBasicGroup("Basic deal room", admin);
		admin.sees(basic, "is now a B2BRICS working group");
		SimulatedUser importer = sandbox.newUser("Migrant", "en");
		importer.openLink(contactDeepLink(catalog.services("egypt").get(1)));
		importer.sees(importer.botChat(), "is ready");
		assertThat(chatOf(importer)).isEqualTo(basic);

		long supergroup = sandbox.migrate(basic);
		await().atMost(Duration.ofSeconds(10)).until(() -> chatOf(importer) == supergroup);
		assertThat(pool.status(supergroup)).contains("IN_USE");
		assertThat(pool.status(basic)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM group_invites WHERE chat_id = :chat").param("chat", supergroup)
			.query(Long.class).single()).isPositive();

		admin.write(supergroup, "/close");
		seesInGroup(admin, supergroup, "Close this working chat?");
		admin.press(supergroup, "Close the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(lead(importer).get("status")));
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.status(supergroup).filter("FREE"::equals).isPresent()); // after its history check
	}

	@Test
	void theAdminsSeeThePoolAndTheRefusedJoins() throws Exception {
		Deal deal = openDeal("Watched", catalog.services("russia").get(3));
		SimulatedUser stranger = sandbox.newUser("Intruder", "en");
		assertThat(stranger.openLink(deal.importerLink()).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM group_join_refusals WHERE user_id = :user").param("user", stranger.id())
			.query(Long.class).single() == 1);

		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/groups")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/groups"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Working groups").contains(Long.toString(deal.group())).contains("IN_USE")
			.contains("Intruder").contains(Long.toString(stranger.id())).contains("someone else&#39;s personal link");
	}
}
