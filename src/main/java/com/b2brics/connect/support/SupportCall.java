package com.b2brics.connect.support;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.deals.DealEventType;
import com.b2brics.connect.deals.DealEvents;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.deals.DealRooms;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.sla.StorefrontCalendars;
import com.b2brics.connect.sla.SupportClocks;
import com.b2brics.connect.support.SupportDrafts.Draft;
import com.b2brics.connect.support.SupportDrafts.Step;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CancellableConversation;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.DealChats;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;

/**
 * Calling support (issue 14): {@code /support} in a deal's group (or the deal card's <b>Call
 * support</b>) by one of the deal's sides or its staff asks for a description; in the private chat
 * it first asks which deal (the person's deals as buttons, or "No deal"). Then the facts — texts and
 * files — until <b>Done</b>: the ticket goes from DRAFT to NEW with its first-response clock
 * started, {@code OPENED} is logged (the desk posts its card on it), the deal's log gets
 * {@code SUPPORT_CALLED}, the reporter the number and the promised time, the group a short line. A
 * second /support of the same person about the same deal while a ticket is open adds facts to it
 * ({@code FACT_ADDED} at Done). Where the conversation stands is stored ({@link SupportDrafts}), so a
 * person who comes back is asked the same question again.
 */
@Component
class SupportCall implements ExpectedText, CancellableConversation {

	private static final Logger log = LoggerFactory.getLogger(SupportCall.class);

	static final String CALL = "support_call";
	static final String DEAL = "sup_deal";
	static final String NO_DEAL = "sup_nodeal";
	static final String DONE = "sup_done";
	static final String CANCEL = "sup_cancel";


	private final SupportDrafts drafts;
	private final Tickets tickets;
	private final SupportEvents events;
	private final SupportClocks clocks;
	private final SupportProperties properties;
	private final SupportReplies replies;
	private final SupportCallTexts questions;
	private final DealRooms rooms;
	private final DealEvents dealEvents;
	private final ObjectProvider<DealChats> dealChats;
	private final StorefrontCalendars calendars;
	private final GroupTexts groupTexts;
	private final Outbox outbox;
	private final Clock clock;

	SupportCall(SupportDrafts drafts, Tickets tickets, SupportEvents events, SupportClocks clocks, SupportProperties properties,
			SupportReplies replies, SupportCallTexts questions, DealRooms rooms, DealEvents dealEvents,
			ObjectProvider<DealChats> dealChats, StorefrontCalendars calendars, GroupTexts groupTexts, Outbox outbox, Clock clock) {
		this.drafts = drafts;
		this.tickets = tickets;
		this.events = events;
		this.clocks = clocks;
		this.properties = properties;
		this.replies = replies;
		this.questions = questions;
		this.rooms = rooms;
		this.dealEvents = dealEvents;
		this.dealChats = dealChats;
		this.calendars = calendars;
		this.groupTexts = groupTexts;
		this.outbox = outbox;
		this.clock = clock;
	}

	// ---- starting: /support, the card's button

	@OnCommand(value = "support", help = "bot.command.support", order = 50)
	void support(CommandReceived command) {
		long chat = command.chat().id();
		long user = command.user().id();
		if (command.chat().isPrivate()) {
			Optional<Draft> open = drafts.of(chat, user, clock.instant());
			if (open.isPresent()) {
				resume(open.get(), command.messageId());
				return;
			}
			chooseDeal(chat, user);
			return;
		}
		if (!command.chat().isGroup()) {
			return;
		}
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			replies.answer(chat, command.messageId(), user, "support.call.nodeal");
			return;
		}
		if (!room.get().isSide(user) && !room.get().isStaff(user)) {
			log.info("User {} may not call support in chat {}: no side or staff of {}", user, chat, room.get().key());
			replies.answer(chat, command.messageId(), user, "support.call.notside");
			return;
		}
		inDeal(chat, user, room.get().key(), chat, room.get().storefrontSlug(), command.messageId(), "upd:" + command.updateId());
	}

	@OnButton(CALL)
	void call(ButtonPressed pressed) {
		long chat = pressed.chat().id();
		long user = pressed.user().id();
		if (pressed.chat().isPrivate()) {
			// /help's button in private chat: as /support there
			outbox.answerButton(pressed.callbackQueryId(), "", false);
			Optional<Draft> open = drafts.of(chat, user, clock.instant());
			if (open.isPresent()) {
				resume(open.get(), 0);
			}
			else {
				chooseDeal(chat, user);
			}
			return;
		}
		Optional<DealRoom> room = pressed.chat().isGroup() ? rooms.in(chat) : Optional.empty();
		if (room.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.call.nodeal"), true);
			return;
		}
		if (!room.get().isSide(user) && !room.get().isStaff(user)) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.call.notside"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		inDeal(chat, user, room.get().key(), chat, room.get().storefrontSlug(), 0, "cb:" + pressed.callbackQueryId());
	}

	/** The private chat's first question: which deal, from the person's open deals, or none. */
	private void chooseDeal(long chat, long user) {
		Locale locale = replies.locale(user);
		List<DealChats.DealRef> deals = dealsOf(user, locale);
		drafts.save(new Draft(chat, user, Step.DEAL, null, null, 0, expiry()));
		questions.chooseDeal(chat, user, locale, deals);
	}

	private List<DealChats.DealRef> dealsOf(long user, Locale locale) {
		return dealChats.orderedStream()
			.flatMap(chats -> chats.dealsOf(user, locale).stream())
			.filter(deal -> SupportCallTexts.fitsPayload(deal.key()))
			.limit(SupportCallTexts.MAX_DEALS)
			.toList();
	}

	@OnButton({ DEAL, NO_DEAL })
	void chosen(ButtonPressed pressed) {
		long chat = pressed.chat().id();
		long user = pressed.user().id();
		Optional<Draft> draft = drafts.of(chat, user, clock.instant()).filter(d -> d.step() == Step.DEAL);
		Optional<DealChats.DealRef> deal = pressed.action().equals(DEAL)
				? dealsOf(user, replies.locale(user)).stream().filter(d -> d.key().equals(pressed.payload())).findFirst()
				: Optional.empty();
		if (!pressed.chat().isPrivate() || draft.isEmpty() || (pressed.action().equals(DEAL) && deal.isEmpty())) {
			log.info("Support deal button {} {} of user {} refused: no such question or deal now", pressed.action(), pressed.payload(), user);
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.call.stale"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		questions.closeKeyboard(chat, pressed.messageId());
		String idem = "cb:" + pressed.callbackQueryId();
		if (deal.isPresent()) {
			inDeal(chat, user, deal.get().key(), deal.get().chatId(), deal.get().storefrontSlug(), 0, idem);
		}
		else {
			inDeal(chat, user, null, null, null, 0, idem);
		}
	}

	/**
	 * The conversation about one deal (null: none) in this chat: a draft waiting in it is asked again;
	 * an open ticket of the person about the deal takes more facts; otherwise a new ticket is begun.
	 */
	private void inDeal(long chat, long user, String dealKey, Long dealChat, String storefrontSlug, long replyTo, String idem) {
		Optional<Draft> open = drafts.of(chat, user, clock.instant()).filter(d -> d.step() != Step.DEAL);
		if (open.isPresent()) {
			resume(open.get(), replyTo);
			return;
		}
		Optional<Ticket> existing = tickets.openOf(dealKey, user);
		if (existing.isPresent() && existing.get().status() != Ticket.Status.DRAFT) {
			Ticket ticket = existing.get();
			Draft draft = new Draft(chat, user, Step.FACTS, ticket.id(), dealKey, tickets.facts(ticket.id()).size(), expiry());
			drafts.save(draft);
			replies.answer(chat, replyTo, user, "support.call.adding", ticket.number());
			questions.ask(draft, 0);
			return;
		}
		Ticket ticket;
		if (existing.isPresent()) {
			// a draft whose conversation lapsed (or was begun in another chat): carried on here
			ticket = existing.get();
		}
		else {
			ticket = tickets.draft(dealKey, dealChat, storefrontSlug, user);
			events.append(ticket.id(), user, TicketEventType.DRAFTED, dealKey == null ? Map.of("chat", chat)
					: Map.of("chat", chat, "deal", dealKey), idem);
		}
		Step step = ticket.description() == null ? Step.DESCRIPTION : Step.FACTS;
		Draft draft = new Draft(chat, user, step, ticket.id(), dealKey, tickets.facts(ticket.id()).size(), expiry());
		drafts.save(draft);
		questions.ask(draft, replyTo);
	}

	/** A person who comes back is asked again where they left off. */
	private void resume(Draft draft, long replyTo) {
		drafts.save(draft.at(draft.step(), expiry()));
		if (draft.step() == Step.DEAL) {
			Locale locale = replies.locale(draft.userId());
			questions.chooseDeal(draft.chatId(), draft.userId(), locale, dealsOf(draft.userId(), locale));
			return;
		}
		replies.answer(draft.chatId(), replyTo, draft.userId(), "support.draft.resume");
		questions.ask(draft, 0);
	}

	// ---- answers: the description, then the facts

	@Override
	public boolean expects(TextReceived text) {
		return drafts.of(text.chat().id(), text.user().id(), clock.instant()).isPresent();
	}

	@OnText(Where.PRIVATE)
	void inPrivate(TextReceived text) {
		answered(text);
	}

	@OnText(Where.GROUP)
	void inGroup(TextReceived text) {
		answered(text);
	}

	private void answered(TextReceived text) {
		long chat = text.chat().id();
		long user = text.user().id();
		Optional<Draft> found = drafts.of(chat, user, clock.instant());
		if (found.isEmpty()) {
			return;
		}
		Draft draft = found.get();
		Optional<Ticket> ticket = draft.ticketId() == null ? Optional.empty() : tickets.find(draft.ticketId()).filter(t -> t.status().isOpen());
		if (draft.step() == Step.DEAL || ticket.isEmpty()) {
			if (ticket.isEmpty() && draft.step() != Step.DEAL) {
				drafts.drop(chat, user);
				replies.answer(chat, text.messageId(), user, "support.draft.gone");
				return;
			}
			resume(draft, text.messageId());
			return;
		}
		String value = text.text() == null ? "" : text.text().strip();
		if (value.isEmpty()) {
			questions.ask(draft, text.messageId());
			return;
		}
		if (draft.step() == Step.DESCRIPTION) {
			if (value.length() > Ticket.MAX_DESCRIPTION) {
				replies.answer(chat, text.messageId(), user, "support.draft.toolong", value.length(), Ticket.MAX_DESCRIPTION);
				return;
			}
			if (!tickets.update(ticket.get(), "description = :description", Map.of("description", value))) {
				replies.answer(chat, text.messageId(), user, "support.draft.gone");
				return;
			}
			events.append(ticket.get().id(), user, TicketEventType.DESCRIBED, Map.of("length", value.length()), "upd:" + text.updateId());
			Draft next = draft.at(Step.FACTS, expiry());
			drafts.save(next);
			questions.ask(next, text.messageId());
			return;
		}
		if (value.length() > Ticket.MAX_TEXT) {
			replies.answer(chat, text.messageId(), user, "support.draft.fact.toolong", value.length(), Ticket.MAX_TEXT);
			return;
		}
		fact(draft, ticket.get(), text.messageId(), value, null);
	}

	/** A file sent while the conversation waits for facts is one of them. */
	@EventListener
	void on(DocumentPosted posted) {
		if (posted.user().isBot()) {
			return;
		}
		long chat = posted.chat().id();
		long user = posted.user().id();
		Optional<Draft> waiting = drafts.of(chat, user, clock.instant());
		if (waiting.isPresent() && waiting.get().step() == Step.DESCRIPTION) {
			// the description comes first, as text: the file is not taken and the question asked again
			questions.ask(waiting.get(), posted.messageId());
			return;
		}
		Optional<Draft> draft = waiting.filter(d -> d.step() == Step.FACTS && d.ticketId() != null);
		if (draft.isEmpty()) {
			return;
		}
		Optional<Ticket> ticket = tickets.find(draft.get().ticketId()).filter(t -> t.status().isOpen());
		if (ticket.isEmpty()) {
			return;
		}
		Optional<Tickets.FileFact> file = Tickets.FileFact.of(posted);
		if (file.isEmpty()) {
			replies.answer(chat, posted.messageId(), user, "support.draft.badfile");
			return;
		}
		fact(draft.get(), ticket.get(), posted.messageId(), Tickets.FileFact.caption(posted), file.get());
	}

	private void fact(Draft draft, Ticket ticket, long messageId, String text, Tickets.FileFact file) {
		long user = draft.userId();
		Optional<Tickets.Fact> added = tickets.addFact(ticket.id(), user, draft.chatId(), messageId, text, file);
		if (added.isEmpty()) {
			questions.full(draft, messageId);
			return;
		}
		drafts.save(draft.at(Step.FACTS, expiry()));
		questions.noted(draft, messageId, added.get().seq());
	}

	// ---- Done and Cancel

	@OnButton({ DONE, CANCEL })
	void finish(ButtonPressed pressed) {
		long chat = pressed.chat().id();
		long user = pressed.user().id();
		Optional<Draft> draft = drafts.of(chat, user, clock.instant());
		Optional<Ticket> ticket = draft.map(Draft::ticketId).flatMap(tickets::find).filter(t -> t.status().isOpen());
		boolean done = pressed.action().equals(DONE);
		if (draft.isEmpty() || (done && (draft.get().step() != Step.FACTS || ticket.isEmpty()))) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.draft.gone"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		questions.closeKeyboard(chat, pressed.messageId());
		String idem = "cb:" + pressed.callbackQueryId();
		if (!done) {
			cancel(draft.get(), ticket, idem);
			return;
		}
		if (ticket.get().status() == Ticket.Status.DRAFT) {
			open(draft.get(), ticket.get(), idem);
		}
		else {
			added(draft.get(), ticket.get(), idem, "support.ticket.added");
		}
	}

	/** /cancel (owned by the bot's basics) in the chat where the conversation is. */
	@Override
	public boolean cancel(CommandReceived command) {
		Optional<Draft> draft = drafts.of(command.chat().id(), command.user().id(), clock.instant());
		if (draft.isEmpty()) {
			return false;
		}
		cancel(draft.get(), Optional.ofNullable(draft.get().ticketId()).flatMap(tickets::find).filter(t -> t.status().isOpen()),
				"upd:" + command.updateId());
		return true;
	}

	private void cancel(Draft draft, Optional<Ticket> ticket, String idem) {
		long user = draft.userId();
		drafts.drop(draft.chatId(), user);
		if (ticket.isPresent() && ticket.get().status() == Ticket.Status.DRAFT) {
			if (tickets.move(ticket.get(), Ticket.Status.CANCELLED, null, Map.of())) {
				events.append(ticket.get().id(), user, TicketEventType.CANCELLED, Map.of(), idem);
			}
			replies.answer(draft.chatId(), 0, user, "support.draft.cancelled");
			return;
		}
		if (ticket.isPresent()) {
			// facts sent to an open ticket are stored already: the desk hears of them as at Done
			added(draft, ticket.get(), idem, "support.draft.cancelled.kept");
			return;
		}
		replies.answer(draft.chatId(), 0, user, "support.draft.cancelled");
	}

	/** Done on a new ticket: NEW, the clock, the logs, the reporter and the group told. */
	private void open(Draft draft, Ticket ticket, String idem) {
		long user = draft.userId();
		Instant now = clock.instant();
		String slug = ticket.storefrontSlug() != null ? ticket.storefrontSlug() : properties.calendar();
		// the move is the gate (a second Done, another instance): the clock starts only for the one that opened it
		if (!tickets.move(ticket, Ticket.Status.NEW, "opened_at = :opened", Map.of("opened", now))) {
			replies.answer(draft.chatId(), 0, user, "support.draft.gone");
			return;
		}
		Instant due = clocks.start(ticket.id(), slug, now);
		tickets.promise(ticket.id(), due);
		drafts.drop(draft.chatId(), user);
		int facts = tickets.facts(ticket.id()).size();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("number", ticket.number());
		if (ticket.dealKey() != null) {
			payload.put("deal", ticket.dealKey());
		}
		payload.put("facts", facts);
		payload.put("chat", draft.chatId());
		payload.put("due", due.toString());
		events.append(ticket.id(), user, TicketEventType.OPENED, payload, idem);
		log.info("Ticket {} opened by user {} about {} with {} facts, first response due {}", ticket.number(), user, ticket.dealKey(),
				facts, due);
		Locale locale = replies.locale(user);
		String when = replies.when(locale, due, calendars.forStorefront(slug).zone());
		outbox.send(OutgoingMessage.to(user, replies.text(user, "support.ticket.opened", ticket.number(), when)).priority(Priority.HIGH));
		if (ticket.dealKey() == null || ticket.chatId() == null) {
			return;
		}
		Optional<DealRoom> room = rooms.in(ticket.chatId()).filter(r -> r.key().equals(ticket.dealKey()));
		if (room.isEmpty()) {
			return;
		}
		dealEvents.appendSupport(ticket.dealKey(), user, DealEventType.SUPPORT_CALLED, ticket.id(),
				Map.of("number", ticket.number()), idem);
		long group = room.get().chatId();
		outbox.send(OutgoingMessage.to(group, groupTexts.forGroup(group, reader -> questions.text(reader, "support.ticket.group",
				replies.name(user), ticket.number()))).priority(Priority.NORMAL));
	}

	/** Facts added to an open ticket: FACT_ADDED (the desk edits its card) and the reporter told. */
	private void added(Draft draft, Ticket ticket, String idem, String key) {
		long user = draft.userId();
		drafts.drop(draft.chatId(), user);
		int facts = tickets.facts(ticket.id()).size();
		int added = Math.max(0, facts - draft.factsBefore());
		if (added > 0) {
			events.append(ticket.id(), user, TicketEventType.FACT_ADDED,
					Map.of("number", ticket.number(), "added", added, "facts", facts, "from", draft.factsBefore() + 1), idem);
		}
		replies.answer(draft.chatId(), 0, user, added > 0 ? key : "support.ticket.nothing", ticket.number(), added);
	}

	private Instant expiry() {
		return clock.instant().plus(properties.draftValidity());
	}
}
