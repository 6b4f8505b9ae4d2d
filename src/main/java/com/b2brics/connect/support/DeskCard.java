package com.b2brics.connect.support;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.deals.DealRooms;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.sla.StorefrontCalendars;
import com.b2brics.connect.sla.SupportClocks;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramLinks;

/**
 * A ticket's card in the desk: posted when the ticket opens (again, when it is reopened), edited in
 * place at each later change of the ticket's log, so the desk always reads what the ticket is now:
 * its number, deal, reporter, description, facts (documents as links to the deal group's messages),
 * status, who has it and the promised first response; <b>Take</b> while nobody has it.
 */
@Component
class DeskCard {

	static final String TAKE = "sup_take";

	/** Facts a card shows (the newest); the earlier ones are counted. */
	static final int FACTS_ON_CARD = 8;

	/** Characters of a text fact a card shows. */
	static final int FACT_ON_CARD = 200;

	/** Longest card (HTML) in all of the desk's languages; longer: in its first language alone. */
	static final int MAX_CARD = 4000;

	/** The changes that show on the card; drafting is the reporter's business. */
	private static final Set<TicketEventType> SHOWN = EnumSet.complementOf(EnumSet.of(TicketEventType.DRAFTED,
			TicketEventType.DESCRIBED, TicketEventType.CANCELLED, TicketEventType.TAKE_REFUSED));

	private final Tickets tickets;
	private final SupportDesk desk;
	private final SupportClocks clocks;
	private final StorefrontCalendars calendars;
	private final SupportProperties properties;
	private final SupportReplies replies;
	private final DealRooms rooms;
	private final GroupTexts groupTexts;
	private final Texts texts;
	private final Outbox outbox;
	private final JdbcClient jdbc;
	private final SupportEvents events;

	DeskCard(SupportEvents events, Tickets tickets, SupportDesk desk, SupportClocks clocks, StorefrontCalendars calendars, SupportProperties properties,
			SupportReplies replies, DealRooms rooms, GroupTexts groupTexts, Texts texts, Outbox outbox, JdbcClient jdbc) {
		this.events = events;
		this.tickets = tickets;
		this.desk = desk;
		this.clocks = clocks;
		this.calendars = calendars;
		this.properties = properties;
		this.replies = replies;
		this.rooms = rooms;
		this.groupTexts = groupTexts;
		this.texts = texts;
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	/** In the transaction that recorded the change: the card changes if and only if the ticket did. */
	@EventListener
	void on(TicketEventRecorded recorded) {
		if (!SHOWN.contains(recorded.type())) {
			return;
		}
		Optional<Long> deskChat = desk.chat();
		Ticket ticket = tickets.find(recorded.ticketId()).orElse(null);
		if (deskChat.isEmpty() || ticket == null || ticket.status() == Ticket.Status.DRAFT) {
			return;
		}
		long chat = deskChat.get();
		String html = html(chat, ticket);
		Keyboard.Inline keyboard = keyboard(chat, ticket);
		boolean post = ticket.deskOutboxId() == null || recorded.type() == TicketEventType.OPENED
				|| recorded.type() == TicketEventType.REOPENED;
		if (post) {
			if (ticket.deskOutboxId() != null) {
				// the old card stays as it was, without its button: the reopened ticket has a new one
				outbox.editKeyboard(chat, MessageRef.queued(ticket.deskOutboxId()), Keyboard.inline(List.of()));
			}
			long card = outbox.send(OutgoingMessage.to(chat, html).with(keyboard).priority(Priority.HIGH));
			jdbc.sql("UPDATE support_tickets SET desk_outbox_id = :card WHERE id = :id").param("card", card).param("id", ticket.id())
				.update();
		}
		else {
			outbox.editText(chat, MessageRef.queued(ticket.deskOutboxId()), html, keyboard, Priority.NORMAL);
		}
		copyPrivateFiles(chat, ticket);
	}

	/**
	 * Files the reporter sent in private chat: the agents cannot open that chat, so each is copied
	 * into the desk once, after the card (the desk's messages go out in order).
	 */
	private void copyPrivateFiles(long chat, Ticket ticket) {
		for (Tickets.Fact fact : tickets.facts(ticket.id())) {
			if (fact.kind() != Tickets.Fact.Kind.DOCUMENT || inDealGroup(ticket, fact) || fact.chatId() != fact.addedBy()) {
				continue;
			}
			int claimed = jdbc.sql("UPDATE support_facts SET desk_copy_outbox_id = -1 WHERE id = :id AND desk_copy_outbox_id IS NULL")
				.param("id", fact.id())
				.update();
			if (claimed == 1) {
				long copy = outbox.copyMessage(chat, fact.chatId(), fact.messageId(), 0, Priority.HIGH);
				jdbc.sql("UPDATE support_facts SET desk_copy_outbox_id = :copy WHERE id = :id").param("copy", copy)
					.param("id", fact.id()).update();
			}
		}
	}

	private static boolean inDealGroup(Ticket ticket, Tickets.Fact fact) {
		return ticket.chatId() != null && fact.chatId() == ticket.chatId();
	}

	/**
	 * <b>Take</b> while nobody has it; then a button naming who has it, which answers a late press of
	 * another agent (their client may still show Take) with who took it; none once resolved.
	 */
	private Keyboard.Inline keyboard(long chat, Ticket ticket) {
		Locale first = groupTexts.languagesOf(chat).get(0);
		String label = switch (ticket.status()) {
			case NEW -> texts.text(first, "support.take.button");
			case TAKEN, WAITING_REPORTER -> texts.text(first, "support.take.button.taken", replies.name(ticket.takenBy()));
			default -> null;
		};
		return label == null ? Keyboard.inline(List.of())
				: Keyboard.inline(List.of(List.of(InlineButton.callback(label, TAKE, String.valueOf(ticket.id())))));
	}

	/** The card in each of the desk's languages, or in its first alone when all of them would not fit Telegram's 4096. */
	private String html(long chat, Ticket ticket) {
		String html = groupTexts.forGroup(chat, locale -> render(ticket, locale));
		return html.length() <= MAX_CARD ? html : render(ticket, groupTexts.languagesOf(chat).get(0));
	}

	private String render(Ticket ticket, Locale locale) {
		String deal = ticket.chatId() == null ? texts.text(locale, "support.desk.card.nodeal")
				: rooms.existing(ticket.chatId()).map(room -> Html.cut(room.summary(locale), 200))
					.orElse(Html.escape(String.valueOf(ticket.dealKey())));
		// the newest facts (a description of 1,000 and these stay well within one message), the rest counted
		List<Tickets.Fact> all = tickets.facts(ticket.id());
		List<String> facts = new ArrayList<>();
		if (all.size() > FACTS_ON_CARD) {
			facts.add(texts.text(locale, "support.desk.card.earlier", all.size() - FACTS_ON_CARD));
		}
		for (Tickets.Fact fact : all.subList(Math.max(0, all.size() - FACTS_ON_CARD), all.size())) {
			facts.add(fact(ticket, fact, locale));
		}
		ZoneId zone = zone(ticket);
		String status = switch (ticket.status()) {
			case TAKEN -> texts.text(locale, "support.desk.status.taken", replies.name(ticket.takenBy()));
			case WAITING_REPORTER -> texts.text(locale, "support.desk.status.waiting", replies.name(ticket.takenBy()));
			case RESOLVED -> texts.text(locale, "support.desk.status.resolved",
					ticket.resolvedBy() == null ? "—" : replies.name(ticket.resolvedBy()),
					Html.cut(ticket.resolution() == null ? "" : ticket.resolution(), 500));
			default -> texts.text(locale, "support.desk.status.new");
		};
		Optional<SupportClocks.View> clock = clocks.of(ticket.id());
		String due = ticket.firstResponseAt() != null
				? texts.text(locale, "support.desk.card.answered", replies.when(locale, ticket.firstResponseAt(), zone))
				: ticket.firstResponseDue() == null ? "—"
						: texts.text(locale, "support.desk.card.due", replies.when(locale,
								clock.map(SupportClocks.View::dueAt).orElse(ticket.firstResponseDue()), zone));
		String breached = breached(ticket, clock) ? "\n" + texts.text(locale, "support.desk.card.breached") : "";
		return texts.text(locale, "support.desk.card", ticket.number(), deal, replies.mention(ticket.reporterId()),
				Html.cut(ticket.description() == null ? "" : ticket.description(), Ticket.MAX_DESCRIPTION),
				facts.isEmpty() ? "—" : String.join("\n", facts), status, due + breached);
	}

	/** The breach of this round: told by the clock (CLOCK_BREACHED after the latest opening), or marked on the clock. */
	private boolean breached(Ticket ticket, Optional<SupportClocks.View> clock) {
		if (ticket.firstResponseAt() != null || ticket.status() == Ticket.Status.RESOLVED) {
			return false;
		}
		if (clock.filter(c -> c.breachedAt() != null && !c.status().isStopped()).isPresent()) {
			return true;
		}
		boolean breached = false;
		for (SupportEvents.Event event : events.of(ticket.id())) {
			if (event.type() == TicketEventType.OPENED || event.type() == TicketEventType.REOPENED) {
				breached = false;
			}
			else if (event.type() == TicketEventType.CLOCK_BREACHED) {
				breached = true;
			}
		}
		return breached;
	}

	private String fact(Ticket ticket, Tickets.Fact fact, Locale locale) {
		if (fact.kind() == Tickets.Fact.Kind.TEXT) {
			return "• " + Html.cut(fact.text(), FACT_ON_CARD);
		}
		String name = Html.cut(fact.fileName() == null ? "file" : fact.fileName(), 100);
		Optional<String> link = inDealGroup(ticket, fact) ? TelegramLinks.messageLink(fact.chatId(), fact.messageId())
				: Optional.empty();
		return link.map(l -> "• 📎 <a href=\"" + l + "\">" + name + "</a>")
			.orElseGet(() -> "• 📎 " + name + " " + texts.text(locale, "support.desk.card.private"));
	}

	/** The zone the ticket's times are told in: its storefront's, or support's calendar's. */
	ZoneId zone(Ticket ticket) {
		return calendars.forStorefront(ticket.storefrontSlug() != null ? ticket.storefrontSlug() : properties.calendar()).zone();
	}

	/** Telegram's id of the ticket's card, once it is sent. */
	Optional<Long> messageId(Ticket ticket) {
		return ticket.deskOutboxId() == null ? Optional.empty() : outbox.telegramMessageId(ticket.deskOutboxId());
	}

	/** The open or recently resolved ticket whose card in the desk this message is (a reply's target). */
	Optional<Ticket> ofCard(long deskChat, long telegramMessageId) {
		return telegramMessageId <= 0 ? Optional.empty() : outbox.sentAs(deskChat, telegramMessageId).flatMap(tickets::withCard);
	}

	/** The ticket's deal room, if it has a deal and its room still stands. */
	Optional<DealRoom> room(Ticket ticket) {
		return ticket.chatId() == null ? Optional.empty() : rooms.existing(ticket.chatId());
	}
}
