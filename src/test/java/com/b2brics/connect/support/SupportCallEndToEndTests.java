package com.b2brics.connect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.deals.DealEventType;
import com.b2brics.connect.deals.DealEvents;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.sla.SupportClocks;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.TelegramUser;

/**
 * Calling support (issue 14, the reporter's side) as people do it through the sandbox: in a deal's
 * group (with a document and a text, then more facts to the open ticket, and from the card's
 * button), in the private chat about a deal and without one, coming back halfway, and the bad input.
 */
class SupportCallEndToEndTests extends SupportTestSupport {

	@Autowired
	DealEvents dealEvents;

	@Autowired
	SupportCall call;

	@Autowired
	TransactionTemplate transactions;

	private String en(String key, Object... args) {
		return plain(messages.getMessage(key, args, Locale.ENGLISH));
	}

	/** The bot's newest message in the chat showing the fragment (not the person's own message). */
	private static SeenMessage botSays(SimulatedUser user, long chat, String fragment) {
		return await("the bot says \"" + fragment + "\"").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.messages(chat).stream().filter(m -> m.fromId() != user.id() && m.text() != null
					&& m.text().contains(fragment)).reduce((a, b) -> b), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void theImporterCallsSupportInTheDealGroupWithADocumentAndATextAndAddsMoreLater() throws Exception {
		TestDeal deal = openDeal("Suzanne", serviceOf("eurasia-cargo", "china"));
		long group = deal.group();
		SimulatedUser importer = deal.importer();
		SimulatedUser partner = deal.partner();
		String key = jdbc.sql("SELECT 'lead:' || id FROM leads WHERE chat_id = :chat AND status = 'OPEN'").param("chat", group)
			.query(String.class).single();

		// someone in the group who is no side nor staff: a clear answer, nothing stored
		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		sandbox.addMember(group, stranger);
		stranger.write(group, "/support");
		botSays(stranger, group, head(t(stranger, "support.call.notside")));
		assertThat(count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", stranger.id())).isZero();

		// /help in the deal's group carries the Call support button too
		importer.write(group, "/help");
		assertThat(botSays(importer, group, "/support — " + t(importer, "bot.command.support")).buttons())
			.contains(t(importer, "support.call.button"));

		// /support → the description: too long is refused (nothing changed), then given
		importer.write(group, "/support");
		botSays(importer, group, head(t(importer, "support.draft.describe", nameOf(importer), 1000)));
		Ticket drafted = newestTicketOf(importer.id());
		assertThat(drafted.status()).isEqualTo(Ticket.Status.DRAFT);
		assertThat(drafted.dealKey()).isEqualTo(key);
		importer.write(group, "x".repeat(1001));
		botSays(importer, group, head(t(importer, "support.draft.toolong", 1001, 1000)));
		assertThat(tickets.find(drafted.id()).orElseThrow().description()).isNull();
		importer.write(group, "The customs broker stopped answering us");
		botSays(importer, group, head(t(importer, "support.draft.facts", nameOf(importer), 20, 2000)));

		// a document and a text, then Done
		importer.sendDocument(group, "invoice-42.pdf", "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8));
		botSays(importer, group, t(importer, "support.draft.noted", 1, 20).split("\\.")[0]);
		importer.write(group, "Broker: Customs & Co, +7 900 000 00 00");
		botSays(importer, group, t(importer, "support.draft.noted", 2, 20).split("\\.")[0]);
		importer.press(group, t(importer, "support.draft.button.done"));

		Ticket ticket = await().atMost(Duration.ofSeconds(20)).until(() -> tickets.find(drafted.id()).orElseThrow(),
				t -> t.status() == Ticket.Status.NEW);
		assertThat(ticket.description()).isEqualTo("The customs broker stopped answering us");
		assertThat(ticket.chatId()).isEqualTo(group);
		assertThat(ticket.openedAt()).isNotNull();
		assertThat(ticket.firstResponseDue()).isAfter(ticket.openedAt());
		List<Tickets.Fact> facts = tickets.facts(ticket.id());
		assertThat(facts).extracting(Tickets.Fact::kind).containsExactly(Tickets.Fact.Kind.DOCUMENT, Tickets.Fact.Kind.TEXT);
		assertThat(facts.get(0).fileName()).isEqualTo("invoice-42.pdf");
		assertThat(facts.get(0).chatId()).isEqualTo(group);
		assertThat(facts.get(1).text()).isEqualTo("Broker: Customs & Co, +7 900 000 00 00");
		assertThat(eventTypes(ticket.id())).containsExactly(TicketEventType.DRAFTED, TicketEventType.DESCRIBED,
				TicketEventType.OPENED);
		assertThat(supportEvents.of(ticket.id()).get(2).payload()).containsEntry("facts", 2).containsEntry("deal", key);
		SupportClocks.View clockView = supportClocks.of(ticket.id()).orElseThrow();
		assertThat(clockView.dueAt()).isEqualTo(ticket.firstResponseDue());
		assertThat(clockView.storefrontSlug()).isEqualTo("china");
		assertThat(dealEvents.of(key)).anyMatch(e -> e.type() == DealEventType.SUPPORT_CALLED && e.subjectId() == ticket.id());
		// the reporter told the number and the promised time in private, the group a short line
		SeenMessage told = importer.sees(importer.botChat(), ticket.number());
		assertThat(told.text()).contains(head(t(importer, "support.ticket.opened", ticket.number(), "§").split("§")[0]));
		seesInGroup(importer, group, en("support.ticket.group", nameOf(importer), ticket.number()));
		// nothing is waited for any more: a text in the group is no fact
		importer.write(group, "Thanks!");
		assertThat(drafts(importer.id())).isZero();

		// a second /support in the same deal while the ticket is open adds facts to it
		importer.write(group, "/support");
		botSays(importer, group, head(t(importer, "support.call.adding", ticket.number())));
		importer.write(group, "The broker's office is closed since Monday");
		botSays(importer, group, t(importer, "support.draft.noted", 3, 20).split("\\.")[0]);
		importer.press(group, t(importer, "support.draft.button.done"));
		botSays(importer, group, head(t(importer, "support.ticket.added", ticket.number(), 1)));
		assertThat(tickets.facts(ticket.id())).hasSize(3);
		assertThat(eventTypes(ticket.id())).containsExactly(TicketEventType.DRAFTED, TicketEventType.DESCRIBED,
				TicketEventType.OPENED, TicketEventType.FACT_ADDED);
		assertThat(supportEvents.of(ticket.id()).get(3).payload()).containsEntry("added", 1).containsEntry("facts", 3);
		assertThat(count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", importer.id())).isEqualTo(1);

		// the deal card's Call support: the partner starts, then cancels; the draft ticket is cancelled
		String callLabel = en("support.call.button");
		importer.write(group, "/deal");
		await().atMost(Duration.ofSeconds(60)).until(() -> importer.pinnedMessage(group) != null
				&& importer.pinnedMessage(group).hasButton(callLabel));
		partner.press(group, importer.pinnedMessage(group).id(), callLabel);
		botSays(partner, group, head(t(partner, "support.draft.describe", nameOf(partner), 1000)));
		Ticket partners = newestTicketOf(partner.id());
		partner.press(group, t(partner, "support.draft.button.cancel"));
		botSays(partner, group, t(partner, "support.draft.cancelled"));
		assertThat(tickets.find(partners.id()).orElseThrow().status()).isEqualTo(Ticket.Status.CANCELLED);
		assertThat(eventTypes(partners.id())).containsExactly(TicketEventType.DRAFTED, TicketEventType.CANCELLED);
		assertThat(drafts(partner.id())).isZero();
	}

	@Test
	void inThePrivateChatAboutADealAndWithoutOneComingBackHalfwayAndTheBadInput() throws Exception {
		TestDeal deal = openDeal("Priyanka", serviceOf("eurasia-cargo", "china"));
		SimulatedUser importer = deal.importer();
		long group = deal.group();
		long chat = importer.botChat();

		// /help lists /support and carries the Call support button, which asks as /support does
		importer.writeToBot("/help");
		SeenMessage help = importer.sees(chat, "/support — " + t(importer, "bot.command.support"));
		assertThat(help.buttons()).contains(t(importer, "support.call.button"));

		// the deals as buttons, and No deal
		importer.press(chat, help.id(), t(importer, "support.call.button"));
		SeenMessage choose = botSays(importer, chat, head(t(importer, "support.call.choose", nameOf(importer))));
		String noDeal = t(importer, "support.call.button.nodeal");
		assertThat(choose.buttons()).hasSize(3).contains(noDeal, t(importer, "support.draft.button.cancel"));
		String dealLabel = choose.buttons().get(0);
		// coming back before choosing: asked again; the older list's button is out of date once one is chosen
		importer.writeToBot("/support");
		SeenMessage again = await().atMost(Duration.ofSeconds(30)).until(() -> importer.messages(chat).stream()
			.filter(m -> m.id() > choose.id() && m.hasButton(dealLabel)).findFirst(), java.util.Optional::isPresent).orElseThrow();
		importer.press(chat, again.id(), dealLabel);
		botSays(importer, chat, head(t(importer, "support.draft.describe", nameOf(importer), 1000)));
		assertThat(importer.press(chat, choose.id(), dealLabel).text()).isEqualTo(t(importer, "support.call.stale"));

		// a forged deal (a payload naming a deal the person has no part in): refused, nothing stored
		Ticket drafted = newestTicketOf(importer.id());
		long ticketsBefore = count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", importer.id());
		transactions.executeWithoutResult(status -> call.chosen(new ButtonPressed(0, new ChatRef(chat, "private", null),
				new TelegramUser(importer.id(), "Priyanka", null, null, "en", false), 1, "forged-1", SupportCall.DEAL, "lead:999999")));
		assertThat(count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", importer.id())).isEqualTo(ticketsBefore);

		// coming back halfway: /support repeats the question where it stopped
		importer.writeToBot("/support");
		botSays(importer, chat, head(t(importer, "support.draft.resume")));
		importer.writeToBot("The partner's invoice has the wrong company name");
		botSays(importer, chat, head(t(importer, "support.draft.facts", nameOf(importer), 20, 2000)));
		importer.sendDocument(chat, "invoice.pdf", "%PDF-1.4 wrong name".getBytes(StandardCharsets.UTF_8));
		botSays(importer, chat, t(importer, "support.draft.noted", 1, 20).split("\\.")[0]);
		importer.writeToBot("y".repeat(2001));
		botSays(importer, chat, head(t(importer, "support.draft.fact.toolong", 2001, 2000)));
		importer.press(chat, t(importer, "support.draft.button.done"));
		Ticket ticket = await().atMost(Duration.ofSeconds(20)).until(() -> tickets.find(drafted.id()).orElseThrow(),
				t -> t.status() == Ticket.Status.NEW);
		assertThat(ticket.chatId()).isEqualTo(group);
		assertThat(ticket.dealKey()).startsWith("lead:");
		assertThat(tickets.facts(ticket.id())).singleElement().satisfies(f -> assertThat(f.chatId()).isEqualTo(chat));
		importer.sees(chat, ticket.number());
		seesInGroup(importer, group, en("support.ticket.group", nameOf(importer), ticket.number()));

		// No deal: a ticket of its own, counted in support's calendar
		importer.writeToBot("/support");
		SeenMessage choose2 = await().atMost(Duration.ofSeconds(30)).until(() -> importer.messages(chat).stream()
			.filter(m -> m.id() > choose.id() && m.hasButton(noDeal) && m.buttons().size() == 3).reduce((a, b) -> b),
				java.util.Optional::isPresent).orElseThrow();
		importer.press(chat, choose2.id(), noDeal);
		botSays(importer, chat, head(t(importer, "support.draft.describe", nameOf(importer), 1000)));
		importer.writeToBot("How do I change my storefront?");
		botSays(importer, chat, head(t(importer, "support.draft.facts", nameOf(importer), 20, 2000)));
		importer.press(chat, t(importer, "support.draft.button.done"));
		Ticket none = await().atMost(Duration.ofSeconds(20)).until(() -> newestTicketOf(importer.id()),
				t -> t.id() != ticket.id() && t.status() == Ticket.Status.NEW);
		assertThat(none.dealKey()).isNull();
		assertThat(none.chatId()).isNull();
		assertThat(supportClocks.of(none.id()).orElseThrow().storefrontSlug()).isEqualTo("russia");
		importer.sees(chat, none.number());

		// /cancel halfway: nothing stored; a second /cancel: nothing to cancel
		long before = count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", importer.id());
		importer.writeToBot("/support");
		importer.writeToBot("/cancel");
		botSays(importer, chat, t(importer, "support.draft.cancelled"));
		assertThat(drafts(importer.id())).isZero();
		importer.writeToBot("/cancel");
		botSays(importer, chat, t(importer, "exporters.cancel.nothing"));
		assertThat(count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", importer.id())).isEqualTo(before);

		// a group that serves no deal: a clear answer, nothing stored
		SimulatedUser admin = platformAdmin();
		long plain = sandbox.createGroup("Not a deal " + importer.id(), admin, true);
		admin.write(plain, "/support");
		botSays(admin, plain, head(t(admin, "support.call.nodeal")));
		assertThat(count("SELECT COUNT(*) FROM support_tickets WHERE reporter_id = :id", admin.id())).isZero();
		assertThat(drafts(admin.id())).isZero();
	}

	private long drafts(long userId) {
		return count("SELECT COUNT(*) FROM support_drafts WHERE user_id = :id", userId);
	}
}
