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
import java.util.List;
import java.util.Locale;
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
 * From the click to a working chat with the right people in it, and nobody else: the importer
 * and the partner's team enter with their personal links; a stranger with the importer's link
 * is declined; with no free group the lead waits for the next one an admin adds.
 */
class LeadGroupEndToEndTests extends EndToEndTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;



	private long chatOf(SimulatedUser importer) {
		return jdbc.sql("SELECT chat_id FROM leads WHERE importer_id = :id").param("id", importer.id()).query(Long.class).single();
	}

	@Test
	void theImporterAndThePartnerMeetInTheirOwnGroupAndAStrangerStaysOut() throws Exception {
		Service service = catalog.services("russia").get(1);
		List<SimulatedUser> team = sandboxTeam(catalog.teamMemberIds(service.partnerId()));
		assertThat(team).isNotEmpty();
		serveWaitingLeads();
		addPoolGroup("Deal room for the full flow");

		SimulatedUser importer = sandbox.newUser("Irina", "ru");
		importer.openLink(contactDeepLink(service));
		SeenMessage ready = importer.sees(importer.botChat(), "готов");
		assertThat(ready.text()).contains(service.partnerName());
		assertThat(ready.hasButton("Открыть чат")).isTrue();
		long group = chatOf(importer);

		importer.press(importer.botChat(), "Открыть чат");
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, importer));
		SeenMessage context = importer.pinnedMessage(group);
		assertThat(context.text()).contains(service.title(Locale.forLanguageTag("ru"))).contains(service.partnerName())
			.contains("/russia").contains("Irina");
		assertThat(sandbox.get("/sandbox/api/chats/" + group).toString()).contains(service.title(Locale.forLanguageTag("ru")));

		// the partner reads in their own language (the demo seeding makes Dmitry and Olga Russian speakers)
		SimulatedUser partner = team.get(0);
		boolean russian = "ru".equals(sandbox.get("/sandbox/api/users/" + partner.id()).get("language_code"));
		Locale partnerLocale = russian ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
		String joinChat = russian ? "Присоединиться к чату" : "Join chat";
		// the partner may have older "New chat" messages from earlier tests' leads: this one names Irina
		String newChat = russian ? "Новый чат по вашей услуге" : "New chat for your service";
		SeenMessage news = await().atMost(Duration.ofSeconds(60)).until(() -> partner.messages(partner.botChat()).stream()
			.filter(m -> m.text() != null && m.text().contains(newChat) && m.text().contains("Irina"))
			.reduce((first, second) -> second), java.util.Optional::isPresent).orElseThrow();
		assertThat(news.text()).contains(service.title(partnerLocale)).contains(service.partnerName()).contains("/russia")
			.contains("Irina");
		assertThat(news.hasButton(joinChat)).isTrue();
		partner.press(partner.botChat(), joinChat);
		await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, partner));
		// group notices come in the members' languages: Irina reads Russian, so Russian is among them
		importer.sees(group, "присоединился к чату (партнер");

		String importersLink = (String) ready.button("Открыть чат").get("url");
		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		assertThat(stranger.openLink(importersLink).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM group_join_refusals WHERE chat_id = :chat AND user_id = :user")
			.param("chat", group).param("user", stranger.id()).query(Long.class).single() == 1);
		assertThat(isGroupMember(group, stranger)).isFalse();
		assertThat(pool.status(group)).contains("IN_USE");
	}

	@Test
	void withThePoolEmptyTheLeadWaitsAndGetsTheNextGroupAnAdminAdds() throws Exception {
		serveWaitingLeads();
		emptyThePool();
		Service service = catalog.services("brazil").get(0);
		SimulatedUser first = sandbox.newUser("First", "en");
		SimulatedUser second = sandbox.newUser("Second", "en");
		first.openLink(contactDeepLink(service));
		first.sees(first.botChat(), "We are opening a working chat");
		second.openLink(contactDeepLink(service));
		second.sees(second.botChat(), "We are opening a working chat");
		SimulatedUser admin = platformAdmin();
		admin.sees(admin.botChat(), "pool of working groups is empty");

		long one = addPoolGroup("Rescue room 1");
		first.sees(first.botChat(), "is ready");
		assertThat(chatOf(first)).isEqualTo(one);
		assertThat(second.currentlySees(second.botChat(), "is ready")).isFalse();

		long two = addPoolGroup("Rescue room 2");
		second.sees(second.botChat(), "is ready");
		assertThat(chatOf(second)).isEqualTo(two);
	}
}
