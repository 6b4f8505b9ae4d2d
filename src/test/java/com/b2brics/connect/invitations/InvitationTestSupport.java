package com.b2brics.connect.invitations;

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

import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SandboxClient.SandboxException;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** What the invitation tests share: open a lead's deal through the sandbox, the people of partners, reading the state. */
public abstract class InvitationTestSupport extends EndToEndTest {

	/** The manager of the shared test context (b2brics.invitations.manager-telegram-ids). */
	protected static final long MANAGER = 6399000002L;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected Catalog catalog;

	@Autowired
	InvitationEngine engine;

	@Autowired
	InviteConversation conversation;

	@Autowired
	protected InvitationsProperties properties;

	@Autowired
	protected org.springframework.context.MessageSource messages;

	@Autowired
	protected com.b2brics.connect.accounts.Accounts accounts;

	/** A text of the bundles as this person reads it (demo people may read Russian), without HTML tags. */
	protected String t(SimulatedUser user, String key, Object... args) {
		return plain(messages.getMessage(key, args, accounts.localeOf(user.id())));
	}

	/** The specialization's name in this person's language. */
	protected String spec(SimulatedUser user, Specialization specialization) {
		return messages.getMessage(specialization.messageKey(), null, accounts.localeOf(user.id()));
	}

	/** The person's first name as the bot knows it. */
	protected String nameOf(SimulatedUser user) {
		return accounts.nameOf(user.id());
	}

	protected static String plain(String html) {
		return html.replaceAll("<[^>]+>", "");
	}

	/** The first line of a text, at most 60 characters: enough to recognise a message by. */
	protected static String head(String text) {
		String line = text.split("\n", 2)[0];
		return line.length() > 60 ? line.substring(0, 60) : line;
	}

	protected String deepLinkFor(Service service) throws Exception {
		HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + service.path() + "/contact"))
			.header("User-Agent", "Mozilla/5.0 Chrome/156.0").GET().build(), HttpResponse.BodyHandlers.discarding());
		String location = response.headers().firstValue("Location").orElseThrow();
		return URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);
	}

	/** A person the bot knows and can reach, with a fixed id (demo team members, the manager). */
	protected SimulatedUser person(long id, String name) {
		try {
			sandbox.post("/sandbox/api/users", Map.of("id", id, "first_name", name, "language_code", "en"));
			sandbox.user(id).startBot();
		}
		catch (SandboxException alreadyThere) {
			// an earlier test created them
		}
		return sandbox.user(id);
	}

	protected List<SimulatedUser> teamOf(long partnerId) {
		return catalog.teamMemberIds(partnerId).stream().map(id -> person(id, "Partner" + id % 100)).toList();
	}

	/** Every team member of the specialization's partners on the storefront can be reached, so all are candidates. */
	protected void everyoneReachable(Specialization specialization, String storefront) {
		for (Partner partner : catalog.partners(specialization, storefront)) {
			teamOf(partner.id());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> catalog.partners(specialization, storefront).stream()
			.allMatch(p -> catalog.teamMemberIds(p.id()).stream().allMatch(id -> jdbc
				.sql("SELECT COUNT(*) FROM bot_users WHERE telegram_id = :id AND started_at IS NOT NULL AND unreachable_at IS NULL")
				.param("id", id).query(Long.class).single() == 1)));
	}

	protected long addGroup(String title) {
		return addPoolGroup(title);
	}

	/** Telegram lets a bot post 20 messages a minute into a group, so a message there may wait in the queue. */
	protected static SeenMessage seesInGroup(SimulatedUser user, long group, String fragment) {
		return await("user " + user.id() + " sees \"" + fragment + "\" in group " + group).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> newest(user.messages(group), fragment), java.util.Optional::isPresent)
			.orElseThrow();
	}

	protected static java.util.Optional<SeenMessage> newest(List<SeenMessage> messages, String fragment) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i).text() != null && messages.get(i).text().contains(fragment)) {
				return java.util.Optional.of(messages.get(i));
			}
		}
		return java.util.Optional.empty();
	}

	protected boolean isMember(long chat, SimulatedUser user) {
		return sandbox.members(chat).stream()
			.anyMatch(m -> m.id() == user.id() && List.of("member", "administrator", "creator").contains(m.status()));
	}

	/** A lead with the importer and the first member of the partner's team in its group. */
	public record TestDeal(Service service, SimulatedUser importer, SimulatedUser partner, long group) {
	}

	/** The first service of that partner on that storefront. */
	protected Service serviceOf(String partnerSlug, String storefront) {
		return catalog.services(storefront).stream().filter(s -> s.partnerSlug().equals(partnerSlug)).findFirst().orElseThrow();
	}

	protected TestDeal openDeal(String importerName, Service service) throws Exception {
		List<SimulatedUser> team = teamOf(service.partnerId());
		serveWaitingLeads();
		if (pool.freeGroups() == 0) {
			addGroup("Room for " + importerName);
		}
		SimulatedUser importer = sandbox.newUser(importerName, "en");
		importer.openLink(deepLinkFor(service));
		// setting a group up takes several Bot API calls: on a loaded machine more than the client's usual patience
		await().atMost(Duration.ofSeconds(30)).until(() -> importer.currentlySees(importer.botChat(), "is ready"));
		long group = ((Number) jdbc.sql("SELECT chat_id FROM leads WHERE importer_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", importer.id()).query().singleValue()).longValue();
		importer.press(importer.botChat(), "Open the chat");
		await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, importer));
		SimulatedUser partner = team.get(0);
		// the demo partner's private chat is shared by every test: their news may wait behind earlier tests'
		// messages (SLA reminders of earlier leads) at Telegram's one message a second per chat
		SeenMessage news = await("the partner's news of " + importerName).atMost(Duration.ofSeconds(30))
			.until(() -> newest(partner.messages(partner.botChat()), importerName), java.util.Optional::isPresent)
			.orElseThrow();
		partner.press(partner.botChat(), news.id(), t(partner, "lead.partner.join"));
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.isMember(group, partner.id()) && pool.isMember(group, importer.id()));
		return new TestDeal(service, importer, partner, group);
	}

	/** /invite, the specialization button, and the task: what a party does. */
	protected long invite(SimulatedUser who, long group, Specialization specialization, String task) {
		who.write(group, "/invite");
		String question = head(t(who, "invite.choose", nameOf(who)));
		seesInGroup(who, group, question);
		String label = spec(who, specialization);
		// pressed on the question itself: the deal room's question about each side's zone has the same labels
		SeenMessage asked = await().atMost(Duration.ofSeconds(30)).until(() -> newest(who.messages(group).stream()
			.filter(m -> m.hasButton(label)).toList(), question), java.util.Optional::isPresent).orElseThrow();
		who.press(group, asked.id(), label);
		seesInGroup(who, group, head(t(who, "invite.task", nameOf(who), label, properties.taskMaxLength())));
		who.write(group, task);
		await().atMost(Duration.ofSeconds(10)).until(() -> latestInvitation(group) != null
				&& task.equals(latestInvitation(group).get("task")));
		return ((Number) latestInvitation(group).get("id")).longValue();
	}

	protected Map<String, Object> latestInvitation(long group) {
		return jdbc.sql("SELECT * FROM invitations WHERE chat_id = :chat ORDER BY id DESC LIMIT 1")
			.param("chat", group).query().listOfRows().stream().findFirst().orElse(null);
	}

	Map<String, Object> invitation(long id) {
		return jdbc.sql("SELECT * FROM invitations WHERE id = :id").param("id", id).query().singleRow();
	}

	List<Map<String, Object>> offers(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id ORDER BY id").param("id", invitationId)
			.query().listOfRows();
	}

	protected Map<String, Object> liveOffer(long invitationId) {
		return jdbc.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id AND status = 'LIVE'").param("id", invitationId)
			.query().listOfRows().stream().findFirst().orElse(null);
	}

	List<String> history(long invitationId) {
		return jdbc.sql("SELECT event FROM invitation_history WHERE invitation_id = :id ORDER BY id").param("id", invitationId)
			.query(String.class).list();
	}

	protected static long id(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

	/** The first team member of the partner, who sees the offer. */
	protected SimulatedUser memberOf(long partnerId) {
		return teamOf(partnerId).get(0);
	}

	String company(long partnerId) {
		return catalog.partner(partnerId).orElseThrow().companyName();
	}
}
