package com.b2brics.connect.groups;

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
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Privacy between deals that reuse a group: a group whose "Chat history for new members" is
 * Visible would let the next deal's importer scroll back through the previous deal's prices and
 * files. The bot reads the setting (getChat's has_visible_history) when a group is registered
 * and before each reuse, holds such a group back and tells the admins, and takes it back once it
 * is fixed; it never hands out a group it could not check.
 */
class GroupHistoryEndToEndTests extends EndToEndTest {

	@Autowired
	Catalog catalog;

	@Autowired
	HistoryCheck historyCheck;

	@Autowired
	GroupsProperties properties;

	private Map<String, Object> lead(SimulatedUser importer) {
		return jdbc.sql("SELECT * FROM leads WHERE importer_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", importer.id())
			.query()
			.singleRow();
	}

	private Long chatOf(SimulatedUser importer) {
		Object chat = lead(importer).get("chat_id");
		return chat == null ? null : ((Number) chat).longValue();
	}

	private String statusOf(long group) {
		return pool.status(group).orElse("none");
	}

	/** An importer presses Contact in Telegram on a service card and Start; the partner's team exists in the sandbox. */
	private SimulatedUser importerContacts(String name, Service service) throws Exception {
		sandboxTeam(catalog.teamMemberIds(service.partnerId()));
		SimulatedUser importer = sandbox.newUser(name, "en");
		importer.openLink(contactDeepLink(service));
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT COUNT(*) FROM leads WHERE importer_id = :id")
			.param("id", importer.id()).query(Long.class).single() == 1);
		return importer;
	}

	private long heldBackAlerts(SimulatedUser admin, String title) {
		return admin.messages(admin.botChat()).stream()
			.filter(m -> m.text() != null && m.text().contains(title) && m.text().contains("held back"))
			.count();
	}

	@Test
	void aGroupRegisteredWithVisibleHistoryIsHeldBackNotHandedToALeadAndJoinsThePoolOnceFixed() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser admin = platformAdmin();
		String title = "Open history room " + System.nanoTime() % 100_000;

		long group = sandbox.createGroup(title, admin, true);

		// the registration answer says the setting is checked first
		SeenMessage registered = admin.sees(group, "is now a B2BRICS working group");
		assertThat(registered.text()).contains("Chat history for new members").contains("Hidden").contains("held back");
		await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(group).equals("HELD_BACK"));
		SeenMessage alert = admin.sees(admin.botChat(), title);
		assertThat(alert.text()).contains("shows its chat history to new members").contains("Hidden").contains("held back")
			.contains(Long.toString(group));

		// a lead comes: it waits rather than get a group the next deal could read back in
		SimulatedUser importer = importerContacts("Hanna", catalog.services("egypt").get(2));
		await().atMost(Duration.ofSeconds(15)).until(() -> "WAITING_FOR_GROUP".equals(lead(importer).get("status")));
		assertThat(statusOf(group)).isEqualTo("HELD_BACK");
		assertThat(pool.holderOf(group)).isEmpty();
		assertThat(chatOf(importer)).isNull();

		// the admin hides the history; it is not due again yet, and still visible checks change nothing
		historyCheck.checkDue();
		assertThat(statusOf(group)).isEqualTo("HELD_BACK");
		sandbox.setHistoryVisible(group, false);
		assertThat(sandbox.get("/sandbox/api/chats/" + group)).containsEntry("history_visible", false);
		historyCheck.checkDue();
		assertThat(statusOf(group)).isEqualTo("HELD_BACK");

		// the scheduled re-check finds it hidden: the group joins the pool and the waiting lead gets it
		clock.advance(properties.historyRecheck());
		await().atMost(Duration.ofSeconds(15)).until(() -> group == java.util.Objects.requireNonNullElse(chatOf(importer), 0L));
		assertThat(statusOf(group)).isEqualTo("IN_USE");
		importer.sees(importer.botChat(), "is ready");
		admin.sees(admin.botChat(), "is back in the pool");
		assertThat(heldBackAlerts(admin, title)).as("one alert, not one per check").isEqualTo(1);
	}

	@Test
	void aGroupWhoseHistoryWasTurnedVisibleDuringADealIsHeldBackWhenReleasedAndTheAdminTakesItBackFromTheAdminPage()
			throws Exception {
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser admin = platformAdmin();
		String title = "Reused room " + System.nanoTime() % 100_000;
		long group = addPoolGroup(title);
		Service service = catalog.services("brazil").get(1);

		// the first deal: its importer talks prices in the group
		SimulatedUser first = importerContacts("Pedro", service);
		await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Objects.equals(chatOf(first), group));
		// the lead is stored before the outbox brings the importer its button
		first.sees(first.botChat(), "is ready");
		first.press(first.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, first));
		first.write(group, "Our target price is 48,500 USD per container");

		// someone turns the history visible during the deal; the admin closes it
		sandbox.setHistoryVisible(group, true);
		admin.write(group, "/close");
		await().atMost(Duration.ofSeconds(60)).until(() -> admin.currentlySees(group, "Close this working chat?"));
		admin.press(group, "Close the chat");
		await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(lead(first).get("status")));

		// held back on release, the admins told, the next lead waits
		await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(group).equals("HELD_BACK"));
		admin.sees(admin.botChat(), title);
		SimulatedUser next = importerContacts("Lucia", service);
		await().atMost(Duration.ofSeconds(15)).until(() -> "WAITING_FOR_GROUP".equals(lead(next).get("status")));
		assertThat(statusOf(group)).isEqualTo("HELD_BACK");

		// the admin hides the history and asks for a check at once on /admin/groups
		sandbox.setHistoryVisible(group, false);
		AdminPage page = new AdminPage(baseUrl());
		assertThat(page.get("/admin/groups")).contains(title).contains("HELD_BACK").contains("Check again");
		assertThat(page.post("/admin/groups/" + group + "/check")).isEqualTo(302);
		assertThat(page.get("/admin/groups")).contains("checked within a few seconds");
		await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Objects.equals(chatOf(next), group));
		next.sees(next.botChat(), "is ready");

		// the next importer does not see the previous deal's prices
		next.press(next.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, next));
		assertThat(next.messages(group)).noneMatch(m -> m.text() != null && m.text().contains("48,500"));
		assertThat(next.pinnedMessage(group).text()).contains("Lucia");
		// a group that is not held back: a clear answer, nothing changes
		assertThat(page.post("/admin/groups/" + group + "/check")).isEqualTo(302);
		assertThat(page.get("/admin/groups")).contains("This group is not held back.");
		assertThat(statusOf(group)).isEqualTo("IN_USE");
	}

	@Test
	void aGroupTheBotCannotCheckWhileTelegramFailsIsNeverHandedOutAndJoinsOnceTelegramAnswers() {
		serveWaitingLeads();
		emptyThePool();
		SimulatedUser admin = platformAdmin();
		sandbox.faults(0, 1.0, 0, 11);
		long group = sandbox.createGroup("Unchecked room", admin);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
					"SELECT check_attempts FROM working_groups WHERE chat_id = :chat").param("chat", group)
				.query(Integer.class).optional().orElse(0) >= 1);
			assertThat(statusOf(group)).isEqualTo("CHECKING");
			assertThat(pool.takeFor("HISTORY_TEST", System.nanoTime())).as("never an unchecked group").isEmpty();
		}
		finally {
			sandbox.noFaults();
		}
		// Telegram answers again; the retry waits for its backoff in real time (as all pacing towards
		// Telegram: a business clock that stands still keeps no group out), and the admin's Check
		// again does not wait for it
		long due = jdbc.sql("SELECT check_due_at FROM working_groups WHERE chat_id = :chat").param("chat", group)
			.query(java.time.OffsetDateTime.class).single().toInstant().toEpochMilli();
		assertThat(due).as("backoff by real time").isGreaterThan(System.currentTimeMillis() - 60_000)
			.isLessThan(System.currentTimeMillis() + properties.historyRecheck().toMillis());
		assertThat(historyCheck.checkAgain(group)).isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(group).equals("FREE"));
		admin.sees(group, "Checked: chat history is hidden from new members");
		assertThat(historyCheck.backoff(1)).isEqualTo(properties.historyCheckBackoff().multipliedBy(2));
		assertThat(historyCheck.backoff(40)).isEqualTo(properties.historyRecheck());
	}

	/** The admin pages with HTTP basic login, a cookie jar and the CSRF token of the last page read. */
	private static final class AdminPage {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final String baseUrl;
		private final String authorization = "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		private String csrf = "";

		AdminPage(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		String get(String path) throws Exception {
			String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
				.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = CSRF.matcher(body);
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return body;
		}

		int post(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}
}
