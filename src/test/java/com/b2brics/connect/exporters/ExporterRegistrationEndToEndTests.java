package com.b2brics.connect.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Exporter registration as people do it in Telegram: /register (or the site's link, or a
 * partner's ref_ link), company, storefront, own contact; then the personal group with a manager
 * taken in fair rotation, where the exporter can /invite a partner. Every wrong turn gets a clear
 * answer and changes nothing. No referral check exists in this application yet, so codes in
 * links are ignored without an error.
 */
class ExporterRegistrationEndToEndTests extends ExporterTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;

	@Autowired
	ExporterDeals deals;

	@AfterEach
	void removeTestPartners() {
		jdbc.sql("DELETE FROM catalog_partners WHERE slug LIKE 'exporters-test-%'").update();
	}

	@Test
	void anExporterRegistersAndGetsAPersonalGroupWithTheirManagerWhereTheyCanInvite() {
		long violations = sandbox.stats().violationsTotal();
		managersReachable();
		aFreeGroup("Room for Ural Honey");
		long manager = pick(state());
		SimulatedUser elena = newPerson("Elena");
		registers(elena, "Ural Honey Export", "Russia");

		Map<String, Object> row = row(elena).orElseThrow();
		assertThat(row.get("state")).isEqualTo("REGISTERED");
		assertThat(row.get("company")).isEqualTo("Ural Honey Export");
		assertThat(row.get("storefront_slug")).isEqualTo("russia");
		assertThat(row.get("contact_verified")).isEqualTo(true);
		assertThat((String) row.get("phone")).startsWith("+");
		assertThat(row.get("referral_code")).isNull();
		assertThat(number(row, "manager_id")).isEqualTo(manager);
		assertThat(replyButtons(elena)).isEmpty();

		// the exporter's personal link
		SeenMessage ready = elena.sees(elena.botChat(), "Your personal group with your B2BRICS manager is ready");
		assertThat(ready.hasButton("Open my group")).isTrue();
		long group = number(row(elena).orElseThrow(), "group_chat_id");
		assertThat(pool.holderOf(group)).contains(new com.b2brics.connect.groups.GroupPool.Holder("EXPORTER", number(row, "id")));
		elena.press(elena.botChat(), ready.id(), "Open my group");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, elena));
		SeenMessage context = elena.pinnedMessage(group);
		assertThat(context).isNotNull();
		assertThat(context.text()).contains("Ural Honey Export").contains("Russia").contains("/invite");
		assertThat(sandbox.get("/sandbox/api/chats/" + group).toString()).contains("Ural Honey Export · B2BRICS");

		// the manager's personal link
		SimulatedUser theManager = sandbox.user(manager);
		SeenMessage assigned = theManager.sees(theManager.botChat(), "A new exporter is assigned to you: Ural Honey Export");
		assertThat(assigned.text()).contains("Russia").contains("Elena").contains((String) row.get("phone"));
		theManager.press(theManager.botChat(), assigned.id(), "Join the group");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, theManager));
		seesInGroup(elena, group, "Elena joined the chat (exporter)");
		seesInGroup(elena, group, "joined the chat (B2BRICS manager)");

		// someone else with the exporter's link is refused
		String elenasLink = (String) ready.button("Open my group").get("url");
		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		assertThat(stranger.openLink(elenasLink).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM group_join_refusals WHERE chat_id = :chat AND user_id = :user")
			.param("chat", group).param("user", stranger.id()).query(Long.class).single() == 1);
		assertThat(isGroupMember(group, stranger)).isFalse();

		// who may invite here: the exporter and the manager, nobody else
		var deal = deals.openDealInChat(group).orElseThrow();
		assertThat(deal.mayInvite(elena.id())).isTrue();
		assertThat(deal.mayInvite(manager)).isTrue();
		assertThat(deal.mayInvite(stranger.id())).isFalse();
		assertThat(deal.storefrontSlug()).isEqualTo("russia");
		assertThat(deal.summary(java.util.Locale.ENGLISH)).isEqualTo("Exporter Ural Honey Export, Russia");

		// /invite by the exporter offers the job to a logistics partner serving Russia
		List<Partner> logistics = catalog.partners(Specialization.LOGISTICS, "russia");
		assertThat(logistics).isNotEmpty();
		logistics.forEach(partner -> sandboxTeam(catalog.teamMemberIds(partner.id())));
		elena.write(group, "/invite");
		seesInGroup(elena, group, "Elena, which partner does the deal need?");
		// pressed on the question itself: the deal room asked Elena for her zone with the same labels
		long question = await().atMost(Duration.ofSeconds(30)).until(() -> elena.messages(group).stream()
			.filter(m -> m.text() != null && m.text().contains("which partner") && m.hasButton("Logistics"))
			.reduce((a, b) -> b), java.util.Optional::isPresent).orElseThrow().id();
		elena.press(group, question, "Logistics");
		seesInGroup(elena, group, "you are looking for");
		elena.write(group, "Honey pallets Yekaterinburg – Shanghai");
		Map<String, Object> invitation = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT * FROM invitations WHERE chat_id = :chat ORDER BY id DESC").param("chat", group).query().listOfRows()
			.stream().findFirst().orElse(null), r -> r != null);
		assertThat(invitation.get("deal_key")).isEqualTo("exporter:" + number(row, "id"));
		assertThat(invitation.get("storefront_slug")).isEqualTo("russia");
		Map<String, Object> offer = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id AND status = 'LIVE'")
			.param("id", invitation.get("id")).query().listOfRows().stream().findFirst().orElse(null), r -> r != null);
		long offered = number(offer, "partner_id");
		assertThat(logistics).extracting(Partner::id).contains(offered);
		SimulatedUser member = sandbox.user(catalog.teamMemberIds(offered).get(0));
		member.sees(member.botChat(), "Honey pallets Yekaterinburg");
		assertThat(member.messages(member.botChat()).stream().filter(m -> m.text() != null)
			.filter(m -> m.text().contains("Honey pallets")).findFirst().orElseThrow().text())
			.containsAnyOf("Exporter Ural Honey Export, Russia", "Экспортер Ural Honey Export, Россия");

		// /register in a group is answered, in the group, with where it works
		elena.write(group, "/register");
		seesInGroup(elena, group, "Registration as an exporter happens in your private chat with the bot");
		assertThat(sandbox.stats().violationsTotal()).as("Telegram rules broken").isEqualTo(violations);
	}

	@Test
	void aReferralLinkWithAnUnknownCodeRegistersWithoutACodeAndASecondRegistrationChangesNothing() {
		managersReachable();
		aFreeGroup("Room for Nile Cotton");
		SimulatedUser omar = sandbox.newUser("Omar", "en");
		assertThat(omar.startBot("ref_ABC123").result()).isEqualTo("start_sent");
		omar.sees(omar.botChat(), "There is no referral code ABC123. The registration goes on without a code.");
		omar.sees(omar.botChat(), "Step 1: what is your company's name?");
		omar.writeToBot("Nile Cotton Trading");
		omar.sees(omar.botChat(), "Step 2: Nile Cotton Trading");
		omar.press(omar.botChat(), "Egypt");
		// the carried code was no good: the bot asks once more, and Omar has none
		omar.sees(omar.botChat(), "Step 3: did a B2BRICS partner invite you?");
		omar.press(omar.botChat(), "Skip");
		omar.sees(omar.botChat(), "Last step");
		omar.press(omar.botChat(), SHARE);
		omar.sees(omar.botChat(), "Welcome to B2BRICS, Nile Cotton Trading");
		omar.sees(omar.botChat(), "Your personal group with your B2BRICS manager is ready");
		Map<String, Object> registered = row(omar).orElseThrow();
		assertThat(registered.get("referral_code")).isNull();
		assertThat(registered.get("storefront_slug")).isEqualTo("egypt");
		// no greeting, no "link not valid": the unknown code, the four steps, welcome, the group
		assertThat(botSaid(omar)).hasSize(7).noneMatch(text -> text.contains("Hello, Omar") || text.contains("not valid"));

		for (String again : List.of("/register", "/start exporter", "/start ref_XYZ789")) {
			int before = botSaid(omar).size();
			if (again.startsWith("/start ")) {
				omar.startBot(again.substring("/start ".length()));
			}
			else {
				omar.writeToBot(again);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> botSaid(omar).size() == before + 1);
			assertThat(botSaid(omar).get(before))
				.isEqualTo("You are already registered as an exporter: Nile Cotton Trading, storefront Egypt. Nothing was changed.");
		}
		assertThat(row(omar).orElseThrow()).isEqualTo(registered);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM leads WHERE importer_id = :id").param("id", omar.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void wrongTurnsGetClearAnswersAndChangeNothing() {
		SimulatedUser ivan = newPerson("Ivan");
		ivan.writeToBot("/register");
		ivan.sees(ivan.botChat(), "Step 1");
		ivan.writeToBot("A");
		ivan.sees(ivan.botChat(), "The company name is too short: at least 2 characters");
		ivan.writeToBot("B".repeat(201));
		ivan.sees(ivan.botChat(), "The company name is too long: 201 characters, at most 200");
		assertThat(row(ivan).orElseThrow()).containsEntry("state", "COMPANY").containsEntry("company", null);

		ivan.writeToBot("Volga Timber");
		SeenMessage storefronts = ivan.sees(ivan.botChat(), "Step 2: Volga Timber");
		ivan.writeToBot("Russia");
		ivan.sees(ivan.botChat(), "Please choose your storefront with the buttons");
		assertThat(row(ivan).orElseThrow()).containsEntry("state", "STOREFRONT").containsEntry("storefront_slug", null);
		ivan.press(ivan.botChat(), storefronts.id(), "Russia");
		ivan.sees(ivan.botChat(), "Step 3: did a B2BRICS partner invite you?");

		// a late press on the storefront question changes nothing
		var late = ivan.press(ivan.botChat(), storefronts.id(), "Brazil");
		assertThat(late.text()).isEqualTo("This step is already done. Nothing was changed.");
		assertThat(row(ivan).orElseThrow()).containsEntry("state", "REFERRAL").containsEntry("storefront_slug", "russia");
		ivan.press(ivan.botChat(), "Skip");
		ivan.sees(ivan.botChat(), "Last step");
		assertThat(row(ivan).orElseThrow()).containsEntry("state", "CONTACT").containsEntry("referral_code", null);

		ivan.writeToBot("here is my number");
		ivan.sees(ivan.botChat(), "Please press 📱 Share my contact below, or Cancel to stop the registration");
		SimulatedUser friend = sandbox.newUser("Friend", "en");
		ivan.shareContactOf(friend);
		ivan.sees(ivan.botChat(), "That is someone else's contact");
		assertThat(row(ivan).orElseThrow()).containsEntry("state", "CONTACT").containsEntry("phone", null)
			.containsEntry("contact_verified", false);

		// the registration survives in the database; /cancel drops it
		ivan.writeToBot("/cancel");
		ivan.sees(ivan.botChat(), "Registration cancelled; nothing was kept");
		assertThat(row(ivan)).isEmpty();
		assertThat(replyButtons(ivan)).isEmpty();
		ivan.writeToBot("/cancel");
		ivan.sees(ivan.botChat(), "There is nothing to cancel.");
		var stale = ivan.press(ivan.botChat(), storefronts.id(), "Cancel");
		assertThat(stale.text()).isEqualTo("This step is already done. Nothing was changed.");

		// the Cancel button under a question, and a second /register resumes where one stopped
		ivan.writeToBot("/register");
		SeenMessage ask = ivan.sees(ivan.botChat(), "Step 1");
		ivan.writeToBot("Kama Fertilizers");
		ivan.sees(ivan.botChat(), "Step 2: Kama Fertilizers");
		ivan.writeToBot("/register");
		ivan.sees(ivan.botChat(), "You have a registration in progress");
		await().atMost(Duration.ofSeconds(5)).until(() -> ivan.messages(ivan.botChat()).stream()
			.filter(m -> m.text() != null && m.text().contains("Step 2: Kama Fertilizers")).count() == 2);
		ivan.press(ivan.botChat(), ask.id(), "Cancel");
		ivan.sees(ivan.botChat(), "Registration cancelled");
		assertThat(row(ivan)).isEmpty();

		// Cancel on the contact keyboard stops it too
		ivan.writeToBot("/register");
		ivan.sees(ivan.botChat(), "Step 1");
		ivan.writeToBot("Oka Machinery");
		SeenMessage third = ivan.sees(ivan.botChat(), "Step 2: Oka Machinery");
		ivan.press(ivan.botChat(), third.id(), "China");
		ivan.sees(ivan.botChat(), "Step 3: did a B2BRICS partner invite you?");
		ivan.press(ivan.botChat(), "Skip");
		await().atMost(Duration.ofSeconds(5)).until(() -> replyButtons(ivan).stream().anyMatch(b -> "Cancel".equals(b.get("text"))));
		ivan.press(ivan.botChat(), "Cancel");
		await().atMost(Duration.ofSeconds(5)).until(() -> row(ivan).isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(ivan).stream()
			.filter(text -> text.startsWith("Registration cancelled")).count() == 3);

		// a contact nobody asked for is still answered by partner onboarding
		ivan.shareContact("+79990000000");
		ivan.sees(ivan.botChat(), "I did not ask for a contact");
	}

	@Test
	void twoExportersSharingTheirContactsAtTheSameMomentGetManagersAsIfOneCameAfterTheOther() throws Exception {
		managersReachable();
		aFreeGroup("Room for the first of two");
		while (pool.freeGroups() < 2) {
			addPoolGroup("Room for the second of two");
		}
		SimulatedUser anya = newPerson("Anya");
		SimulatedUser boris = newPerson("Boris");
		for (SimulatedUser user : List.of(anya, boris)) {
			user.writeToBot("/register");
			user.sees(user.botChat(), "Step 1");
			user.writeToBot(user.firstName() + " Grain Export");
			user.sees(user.botChat(), "Step 2");
			user.press(user.botChat(), "India");
			user.sees(user.botChat(), "Step 3");
			user.press(user.botChat(), "Skip");
			user.sees(user.botChat(), "Last step");
		}
		Map<Long, Long> before = counts();
		Map<Long, Long> expected = afterSequential(state(), 2);
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		var shares = List.of(anya, boris).stream().map(user -> java.util.concurrent.CompletableFuture.runAsync(() -> {
			try {
				together.await();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			user.press(user.botChat(), SHARE);
		})).toList();
		shares.forEach(java.util.concurrent.CompletableFuture::join);
		anya.sees(anya.botChat(), "Welcome to B2BRICS, Anya Grain Export");
		boris.sees(boris.botChat(), "Welcome to B2BRICS, Boris Grain Export");
		assertThat(counts()).isEqualTo(expected);
		long anyasManager = number(row(anya).orElseThrow(), "manager_id");
		long borisManager = number(row(boris).orElseThrow(), "manager_id");
		if (before.get(MANAGER_ONE).equals(before.get(MANAGER_TWO))) {
			assertThat(anyasManager).isNotEqualTo(borisManager);
		}
		anya.sees(anya.botChat(), "Your personal group with your B2BRICS manager is ready");
		boris.sees(boris.botChat(), "Your personal group with your B2BRICS manager is ready");
		assertThat(number(row(anya).orElseThrow(), "group_chat_id")).isNotEqualTo(number(row(boris).orElseThrow(), "group_chat_id"));
		sandbox.user(anyasManager).sees(anyasManager, "A new exporter is assigned to you: Anya Grain Export");
		sandbox.user(borisManager).sees(borisManager, "A new exporter is assigned to you: Boris Grain Export");
	}

	@Test
	void aMemberOfAPartnersTeamIsRefusedClearly() {
		String slug = "exporters-test-" + System.nanoTime();
		jdbc.sql("INSERT INTO catalog_partners (slug, company_name) VALUES (:slug, 'Taiga Logistics')").param("slug", slug).update();
		long partner = catalog.partner(slug).orElseThrow().id();
		SimulatedUser pavel = newPerson("Pavel");
		jdbc.sql("INSERT INTO catalog_partner_members (partner_id, telegram_user_id, name) VALUES (:p, :u, 'Pavel')")
			.param("p", partner).param("u", pavel.id()).update();
		pavel.writeToBot("/register");
		pavel.sees(pavel.botChat(), "You are on the team of the partner Taiga Logistics");
		pavel.startBot("exporter");
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(pavel).stream()
			.filter(text -> text.contains("You are on the team of the partner")).count() == 2);
		assertThat(row(pavel)).isEmpty();
	}

	@Test
	void withThePoolEmptyTheExporterWaitsAndGetsTheNextGroupAnAdminAdds() {
		managersReachable();
		aFreeGroup("Room before emptying");
		emptyThePool();
		SimulatedUser li = newPerson("Li");
		registers(li, "Yangtze Tea Co", "China");
		li.sees(li.botChat(), "All working groups are taken right now");
		assertThat(row(li).orElseThrow().get("group_chat_id")).isNull();
		SimulatedUser admin = platformAdmin();
		admin.sees(admin.botChat(), "the exporter Yangtze Tea Co waits for their personal group");

		long added = addPoolGroup("Rescue room for Yangtze Tea");
		li.sees(li.botChat(), "Your personal group with your B2BRICS manager is ready");
		assertThat(number(row(li).orElseThrow(), "group_chat_id")).isEqualTo(added);
	}

	@Test
	void theSitesRegisterLinkOpensTheBotWithTheReferralCodeOfTheVisitor() throws Exception {
		assertThat(registerLink(null)).isEqualTo(sandbox.bot().deepLink("exporter"));
		assertThat(registerLink("AbC123")).isEqualTo(sandbox.bot().deepLink("ref_AbC123"));
		assertThat(registerLink("bad")).isEqualTo(sandbox.bot().deepLink("exporter"));
		assertThat(registerLink("ABC123%3B")).isEqualTo(sandbox.bot().deepLink("exporter"));

		String english = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/russia?lang=en")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(english).contains("href=\"/exporters/register\"").contains("Register as exporter");
		String russian = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/russia?lang=ru")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(russian).contains("Регистрация экспортера");
	}

	private String registerLink(String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/exporters/register")).GET();
		if (cookie != null) {
			request.header("Cookie", "b2b_ref=" + cookie);
		}
		HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);
	}
}
