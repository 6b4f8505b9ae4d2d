package com.b2brics.connect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.deals.DealEventType;
import com.b2brics.connect.deals.DealEvents;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.deals.DealRooms;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.sla.SupportClocks;

/**
 * The desk's side of support (issue 14) through the sandbox: the desk named by /desk, the card of
 * a new ticket, Take (one agent wins), the agent let into the deal's group alone, the first
 * response stopping the clock, /ask pausing it until the reporter answers, /resolve letting the
 * agent out, Reopen within its window and not after; and the bad input of each.
 * <p>
 * The first test calls support as the importer does (/support, a document, Done); the others open
 * their tickets as the reporter's Done does (Tickets, SupportEvents and SupportClocks in one
 * transaction), to start where they test.
 */
class DeskEndToEndTests extends SupportTestSupport {

	static final long AGENT_A = 6399000021L;
	static final long AGENT_B = 6399000022L;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	com.b2brics.connect.sla.SupportClockCheck clockCheck;

	@Autowired
	TicketTaking taking;

	@Autowired
	DealRooms rooms;

	@Autowired
	DealEvents dealEvents;


	private static final Pattern LINK = Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+");

	/** The platform admin makes a new group the desk, with both agents in it. */
	private long desk(SimulatedUser a, SimulatedUser b) {
		serveWaitingLeads();
		java.util.Optional<Long> before = jdbc.sql("SELECT chat_id FROM support_desk").query(Long.class).optional()
			.filter(old -> pool.status(old).filter("WITHDRAWN"::equals).isPresent());
		long desk = addPoolGroup("Support desk");
		sandbox.addMember(desk, a);
		sandbox.addMember(desk, b);
		platformAdmin().write(desk, "/desk");
		seesInGroup(a, desk, head(t(a, "support.desk.ready")));
		assertThat(pool.status(desk)).contains("WITHDRAWN");
		// the desk moved: the old one is told
		before.ifPresent(old -> seesInGroup(platformAdmin(), old, t(platformAdmin(), "support.desk.moved")));
		return desk;
	}

	/** A ticket as the reporter's Done leaves it: NEW with its facts, its clock started, OPENED appended. */
	private Ticket open(SimulatedUser reporter, Long group, String description, List<Tickets.Fact> factsOf,
			Map<Long, String> texts, Map<Long, String> documents) {
		return transactions.execute(status -> {
			String key = null;
			String slug = null;
			if (group != null) {
				DealRoom room = rooms.in(group).orElseThrow();
				key = room.key();
				slug = room.storefrontSlug();
			}
			Ticket draft = tickets.draft(key, group, slug, reporter.id());
			tickets.update(draft, "description = :d", Map.of("d", description));
			long chat = group == null ? reporter.id() : group;
			documents.forEach((message, name) -> tickets.addFact(draft.id(), reporter.id(), chat, message, null,
					new Tickets.FileFact("file-" + message, "u-" + message, name, 1234L)));
			texts.forEach((message, text) -> tickets.addFact(draft.id(), reporter.id(), chat, message, text, null));
			Instant now = clock.instant();
			Instant due = supportClocks.start(draft.id(), slug == null ? "russia" : slug, now);
			Ticket described = tickets.find(draft.id()).orElseThrow();
			Map<String, Object> sets = new HashMap<>();
			sets.put("at", now);
			sets.put("due", due);
			assertThat(tickets.move(described, Ticket.Status.NEW, "opened_at = :at, first_response_due = :due", sets)).isTrue();
			supportEvents.append(draft.id(), reporter.id(), TicketEventType.OPENED, Map.of(), null);
			return tickets.find(draft.id()).orElseThrow();
		});
	}

	private SeenMessage card(SimulatedUser agent, long desk, Ticket ticket, String fragment) {
		return await("the card of " + ticket.number() + " shows \"" + fragment + "\"").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> agent.messages(desk).stream().filter(m -> m.text() != null && m.text().contains(ticket.number())
					&& m.text().contains(fragment)).reduce((x, y) -> y), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** The bot's newest message in the chat showing the fragment (not the person's own message). */
	private static SeenMessage botSays(SimulatedUser user, long chat, String fragment) {
		return await("the bot says \"" + fragment + "\"").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(chat).stream().filter(m -> m.fromId() != user.id() && m.text() != null
					&& m.text().contains(fragment)).reduce((x, y) -> y), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private Ticket stored(Ticket ticket) {
		return tickets.find(ticket.id()).orElseThrow();
	}

	@Test
	void theImportersTicketIsTakenByOneAgentWhoJoinsTheDealAloneAndResolvesIt() throws Exception {
		SimulatedUser a = person(AGENT_A, "Anna");
		SimulatedUser b = person(AGENT_B, "Boris");
		long desk = desk(a, b);
		TestDeal deal = openDeal("Suzanne", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();

		// the importer calls support in the deal's group with a document (the reporter's side, merged from support-reporter)
		importer.write(group, "/support");
		botSays(importer, group, head(t(importer, "support.draft.describe", nameOf(importer), 1000)));
		importer.write(group, "The invoice is wrong");
		botSays(importer, group, head(t(importer, "support.draft.facts", nameOf(importer), 20, 2000)));
		importer.sendDocument(group, "invoice-77.pdf", "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8));
		botSays(importer, group, t(importer, "support.draft.noted", 1, 20).split("\\.")[0]);
		importer.press(group, t(importer, "support.draft.button.done"));
		Ticket ticket = await().atMost(Duration.ofSeconds(20)).until(() -> newestTicketOf(importer.id()),
				opened -> opened.status() == Ticket.Status.NEW);

		// the card in the desk: number, description, the document as a link into the deal's group, Take
		SeenMessage card = card(a, desk, ticket, "The invoice is wrong");
		assertThat(card.text()).contains("invoice-77.pdf").contains(nameOf(importer)).contains(t(a, "support.desk.status.new"));
		assertThat(card.hasButton(t(a, "support.take.button"))).isTrue();

		// the importer's second /support in this deal adds a fact to the open ticket: the card is edited in place
		importer.write(group, "/support");
		botSays(importer, group, head(t(importer, "support.call.adding", ticket.number())));
		importer.write(group, "Also the VAT line is missing");
		botSays(importer, group, t(importer, "support.draft.noted", 2, 20).split("\\.")[0]);
		importer.press(group, t(importer, "support.draft.button.done"));
		assertThat(card(a, desk, ticket, "Also the VAT line is missing").id()).isEqualTo(card.id());

		// A takes; B's press comes second: "already taken by A", nothing changes
		assertThat(a.press(desk, card.id(), t(a, "support.take.button")).text()).isEqualTo(t(a, "support.take.done", ticket.number()));
		SeenMessage taken = card(b, desk, ticket, t(b, "support.desk.status.taken", nameOf(a)));
		var second = b.press(desk, taken.id(), t(b, "support.take.button.taken", nameOf(a)));
		assertThat(second.text()).isEqualTo(t(b, "support.take.already", nameOf(a)));
		assertThat(stored(ticket).status()).isEqualTo(Ticket.Status.TAKEN);
		assertThat(stored(ticket).takenBy()).isEqualTo(AGENT_A);

		// A's personal link; a stranger with it is refused, A gets in, the group learns who and why
		// (A may hold a link of an earlier test's ticket: wait for this ticket's)
		SeenMessage invite = await("A's link for " + ticket.number()).atMost(Duration.ofSeconds(30))
			.until(() -> a.messages(a.botChat()).stream()
				.filter(m -> m.text() != null && m.text().contains("https://t.me/+") && m.text().contains(ticket.number()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		Matcher link = LINK.matcher(invite.text());
		assertThat(link.find()).as(invite.text()).isTrue();
		SimulatedUser stranger = sandbox.newUser("Mallory", "en");
		stranger.openLink(link.group());
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM group_join_refusals WHERE chat_id = :chat AND user_id = :user")
			.param("chat", group).param("user", stranger.id()).query(Long.class).single() == 1);
		assertThat(isMember(group, stranger)).isFalse();
		a.openLink(link.group());
		await().atMost(Duration.ofSeconds(10)).until(() -> isMember(group, a));
		seesInGroup(importer, group, t(importer, "support.take.joined", ticket.number()));
		importer.sees(importer.botChat(), t(importer, "support.take.reporter", ticket.number(), nameOf(a)));

		// A's first message in the group is the first response: the clock is met
		clock.advance(Duration.ofMinutes(5));
		a.write(group, "Hello, I am looking at the invoice now.");
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).firstResponseAt() != null);
		assertThat(supportClocks.of(ticket.id()).orElseThrow().status()).isEqualTo(SupportClocks.Status.MET);

		// someone else's /resolve is refused; A resolves: RESOLVED, A out, the reporter told with Reopen
		deal.partner().write(group, "/resolve done");
		seesInGroup(deal.partner(), group, t(deal.partner(), "support.resolve.notyours"));
		a.write(group, "/resolve The invoice was reissued with the right amount.");
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.RESOLVED);
		SeenMessage resolved = importer.sees(importer.botChat(), "The invoice was reissued with the right amount.");
		assertThat(resolved.hasButton(t(importer, "support.reopen.button"))).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> !isMember(group, a));
		assertThat(pool.roleOf(group, AGENT_A)).isEmpty();
		seesInGroup(importer, group, t(importer, "support.resolve.group", ticket.number(), nameOf(a)));
		card(a, desk, ticket, "The invoice was reissued");
		Ticket done = stored(ticket);
		assertThat(done.resolvedBy()).isEqualTo(AGENT_A);
		assertThat(done.reopenUntil()).isEqualTo(done.resolvedAt().plus(Duration.ofHours(72)));
		assertThat(eventTypes(ticket.id())).containsExactly(TicketEventType.DRAFTED, TicketEventType.DESCRIBED,
				TicketEventType.OPENED, TicketEventType.FACT_ADDED, TicketEventType.TAKEN,
				TicketEventType.TAKE_REFUSED, TicketEventType.AGENT_JOINED, TicketEventType.FIRST_RESPONSE,
				TicketEventType.RESOLVED, TicketEventType.AGENT_REMOVED);
		assertThat(dealEvents.of(rooms.in(group).orElseThrow().key()).stream().map(DealEvents.Event::type))
			.contains(DealEventType.SUPPORT_RESOLVED);
	}

	@Test
	void aTicketWithoutADealIsAnsweredFromTheDeskAndReopenedOnlyWithinItsWindow() {
		SimulatedUser a = person(AGENT_A, "Anna");
		SimulatedUser b = person(AGENT_B, "Boris");
		long desk = desk(a, b);
		SimulatedUser reporter = sandbox.newUser("Rita", "en");
		reporter.startBot();
		long screenshot = reporter.sendDocument(reporter.botChat(), "settings-screen.png", new byte[] { 1, 2, 3 });
		Ticket ticket = open(reporter, null, "How do I change my storefront?", List.of(), Map.of(1L, "I tried the settings page"),
				Map.of(screenshot, "settings-screen.png"));
		SeenMessage card = card(a, desk, ticket, t(a, "support.desk.card.nodeal"));
		assertThat(card.text()).contains("I tried the settings page").contains("settings-screen.png");
		// the file sent in private chat is copied into the desk, where the agents can open it
		await().atMost(Duration.ofSeconds(30)).until(() -> a.messages(desk).stream()
			.anyMatch(m -> "settings-screen.png".equals(m.documentName()) && m.id() > card.id()));
		a.press(desk, card.id(), t(a, "support.take.button"));
		a.sees(a.botChat(), t(a, "support.take.nodeal", ticket.number()));

		// A answers by replying to the card: relayed to the reporter, the first response
		a.reply(desk, card.id(), "Open Settings, then Storefront.");
		reporter.sees(reporter.botChat(), "Open Settings, then Storefront.");
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).firstResponseAt() != null);
		assertThat(supportClocks.of(ticket.id()).orElseThrow().status()).isEqualTo(SupportClocks.Status.MET);
		seesInGroup(a, desk, t(a, "support.desk.relayed", ticket.number()));

		// resolved by a reply to the card; Reopen within the window: NEW again, a new round, a new card
		a.reply(desk, card.id(), "/resolve Explained where the setting is");
		seesInGroup(a, desk, t(a, "support.resolve.done", ticket.number()));
		SeenMessage resolved = reporter.sees(reporter.botChat(), "Explained where the setting is");
		clock.advance(Duration.ofHours(2));
		reporter.press(reporter.botChat(), resolved.id(), t(reporter, "support.reopen.button"));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.NEW);
		assertThat(stored(ticket).takenBy()).isNull();
		assertThat(supportClocks.of(ticket.id()).orElseThrow().round()).isEqualTo(2);
		reporter.sees(reporter.botChat(), t(reporter, "support.reopen.done", ticket.number(), "x").split("\\.")[0]);
		SeenMessage again = await().atMost(Duration.ofSeconds(30)).until(() -> b.messages(desk).stream()
			.filter(m -> m.text() != null && m.text().contains(ticket.number()) && m.hasButton(t(b, "support.take.button")))
			.reduce((x, y) -> y), java.util.Optional::isPresent).orElseThrow();
		assertThat(again.id()).isNotEqualTo(card.id());

		// B takes and resolves; after the window Reopen gets a clear answer and changes nothing
		b.press(desk, again.id(), t(b, "support.take.button"));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.TAKEN);
		b.reply(desk, again.id(), "/resolve Done again");
		SeenMessage last = reporter.sees(reporter.botChat(), "Done again");
		clock.advance(Duration.ofHours(73));
		assertThat(reporter.press(reporter.botChat(), last.id(), t(reporter, "support.reopen.button")).text())
			.isEqualTo(t(reporter, "support.reopen.expired", ticket.number()));
		assertThat(stored(ticket).status()).isEqualTo(Ticket.Status.RESOLVED);
		assertThat(eventTypes(ticket.id())).containsExactly(TicketEventType.OPENED, TicketEventType.TAKEN,
				TicketEventType.FIRST_RESPONSE, TicketEventType.RESOLVED, TicketEventType.REOPENED, TicketEventType.TAKEN,
				TicketEventType.RESOLVED);

		// the longest description and the most facts, each of the longest: the card shows the newest 8 cut
		// short and counts the rest, in one message that fits Telegram's 4096
		SimulatedUser wordy = sandbox.newUser("Walter", "en");
		Map<Long, String> many = new java.util.LinkedHashMap<>();
		for (long i = 1; i <= Ticket.MAX_FACTS; i++) {
			many.put(i, "fact " + i + " " + "y".repeat(Ticket.MAX_TEXT - 10));
		}
		Ticket full = open(wordy, null, "z".repeat(Ticket.MAX_DESCRIPTION), List.of(), many, Map.of());
		SeenMessage fullCard = card(a, desk, full, plain(t(a, "support.desk.card.earlier", Ticket.MAX_FACTS - DeskCard.FACTS_ON_CARD)));
		assertThat(fullCard.text().length()).isLessThanOrEqualTo(4096);
		assertThat(fullCard.text()).contains("fact 13 ").contains("fact 20 ").doesNotContain("fact 12 ")
			.contains(t(a, "support.desk.status.new"));
	}

	@Test
	void askPausesTheClockUntilTheReporterAnswersAndBadInputChangesNothing() throws Exception {
		SimulatedUser a = person(AGENT_A, "Anna");
		SimulatedUser b = person(AGENT_B, "Boris");
		long desk = desk(a, b);
		TestDeal deal = openDeal("Askia", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();

		// /desk by someone who is no platform admin, or in a group that holds a deal: refused, the desk stays
		b.write(desk, "/desk");
		seesInGroup(b, desk, t(b, "support.desk.notadmin"));
		platformAdmin().write(group, "/desk");
		seesInGroup(importer, group, head(t(importer, "support.desk.indeal")));
		assertThat(jdbc.sql("SELECT chat_id FROM support_desk").query(Long.class).single()).isEqualTo(desk);
		assertThat(pool.status(group)).contains("IN_USE");

		SimulatedUser visitor = sandbox.newUser("Victor", "en");
		sandbox.addMember(desk, visitor);
		clock.set(Instant.parse("2026-12-08T02:00:00Z")); // a Tuesday, 10:00 in Shanghai: working time of the china storefront
		Ticket ticket = open(importer, group, "Customs papers are missing", List.of(), Map.of(), Map.of());
		SeenMessage card = card(a, desk, ticket, "Customs papers are missing");

		// Take by someone who is no agent: refused, nothing changes
		assertThat(visitor.press(desk, card.id(), t(visitor, "support.take.button")).text())
			.isEqualTo(t(visitor, "support.take.notagent"));
		assertThat(stored(ticket).status()).isEqualTo(Ticket.Status.NEW);
		// a forged Take (signed data naming a ticket that is not there, or no number): a clear alert, nothing changes
		for (String forged : List.of("999999999", "x")) {
			transactions.executeWithoutResult(status -> taking.on(new com.b2brics.connect.telegram.ButtonPressed(0,
					new com.b2brics.connect.telegram.ChatRef(desk, "supergroup", "Desk"),
					new com.b2brics.connect.telegram.TelegramUser(a.id(), "Anna", null, null, "en", false), card.id(),
					"forged-take-" + forged, DeskCard.TAKE, forged)));
			assertThat(jdbc.sql("SELECT params FROM telegram_outbox WHERE method = 'answerCallbackQuery' AND params LIKE :id")
				.param("id", "%forged-take-" + forged + "%").query(String.class).single())
				.contains(plain(t(a, "support.take.unknown")).replace("\"", "\\\""));
		}
		assertThat(stored(ticket).status()).isEqualTo(Ticket.Status.NEW);
		a.press(desk, card.id(), t(a, "support.take.button"));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.TAKEN);

		// /ask not replying to a card, and without a question: clear answers; then asked for real
		a.write(desk, "/ask Which papers?");
		seesInGroup(a, desk, t(a, "support.desk.noticket"));
		a.reply(desk, card.id(), "/ask");
		seesInGroup(a, desk, head(t(a, "support.ask.usage", Ticket.MAX_TEXT)));
		assertThat(stored(ticket).status()).isEqualTo(Ticket.Status.TAKEN);
		a.reply(desk, card.id(), "/ask Which papers exactly are missing?");
		importer.sees(importer.botChat(), "Which papers exactly are missing?");
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.WAITING_REPORTER);
		SupportClocks.View paused = supportClocks.of(ticket.id()).orElseThrow();
		assertThat(paused.status()).isEqualTo(SupportClocks.Status.PAUSED);

		// B's /resolve on A's ticket: refused
		b.reply(desk, card.id(), "/resolve Not mine");
		seesInGroup(b, desk, t(b, "support.resolve.notyours"));

		// the reporter answers in private two working hours later: a fact, the agent's turn, the clock counting with a later due
		clock.advance(Duration.ofHours(2));
		importer.writeToBot("The certificate of origin");
		importer.sees(importer.botChat(), t(importer, "support.ask.passed", ticket.number()));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.TAKEN);
		SupportClocks.View resumed = supportClocks.of(ticket.id()).orElseThrow();
		assertThat(resumed.status()).isEqualTo(SupportClocks.Status.RUNNING);
		assertThat(resumed.dueAt()).isAfter(paused.dueAt());
		assertThat(tickets.facts(ticket.id())).extracting(Tickets.Fact::text).containsExactly("The certificate of origin");
		seesInGroup(a, desk, "The certificate of origin");

		// asked again, the reporter answers with a file in private: a fact too, copied into the desk
		a.reply(desk, card.id(), "/ask Please send the packing list");
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.WAITING_REPORTER);
		importer.sendDocument(importer.botChat(), "packing-list.pdf", "%PDF-1.4 packing".getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(ticket).status() == Ticket.Status.TAKEN);
		assertThat(tickets.facts(ticket.id())).extracting(Tickets.Fact::fileName).containsExactly(null, "packing-list.pdf");
		await().atMost(Duration.ofSeconds(10)).until(() -> a.messages(desk).stream()
			.anyMatch(m -> m.raw().get("document") instanceof Map<?, ?> d && "packing-list.pdf".equals(d.get("file_name"))));

		// support's clock, moved: a minute before the due instant the check reminds the desk (a reply to the
		// card, the highest point passed: 80 %); past it the breach goes to the admins and onto the card
		SupportClocks.View running = supportClocks.of(ticket.id()).orElseThrow();
		clock.set(running.dueAt().minusSeconds(60));
		clockCheck.check();
		SeenMessage reminder = seesInGroup(a, desk, head(t(a, "support.clock.reminder", ticket.number(), 80, "x")).split(";")[0]);
		assertThat(((Number) reminder.raw().get("reply_to_message_id")).longValue()).isEqualTo(card.id());
		clock.set(running.dueAt().plusSeconds(1));
		clockCheck.check();
		clockCheck.check();
		SimulatedUser admin = platformAdmin();
		admin.sees(admin.botChat(), t(admin, "support.clock.breached", ticket.number(), "x", "y").split("\\(")[0]);
		card(a, desk, ticket, t(a, "support.desk.card.breached"));
		assertThat(eventTypes(ticket.id())).containsExactly(TicketEventType.OPENED, TicketEventType.TAKEN, TicketEventType.ASKED,
				TicketEventType.REPORTER_ANSWERED, TicketEventType.ASKED, TicketEventType.REPORTER_ANSWERED,
				TicketEventType.CLOCK_REMINDED, TicketEventType.CLOCK_BREACHED);
	}
}
