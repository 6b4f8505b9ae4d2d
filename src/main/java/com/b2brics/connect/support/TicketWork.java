package com.b2brics.connect.support;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.deals.DealEventType;
import com.b2brics.connect.deals.DealEvents;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.deals.DealRooms;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.sla.SupportClockBreached;
import com.b2brics.connect.sla.SupportClockReminder;
import com.b2brics.connect.sla.SupportClocks;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;

/**
 * A taken ticket's work: the agent's first response (their first message in the deal's group, or a
 * reply to the desk card, relayed to the reporter) stops support's clock; {@code /ask} waits on the
 * reporter with the clock paused until their next message (in the deal's group, or in private chat
 * while no /support conversation is open); {@code /resolve} closes it, lets the agent out of the
 * group and offers the reporter <b>Reopen</b> for {@code b2brics.support.reopen-within}. The clock's
 * reminders go to the desk, its breach to the platform admins.
 */
@Component
class TicketWork implements ExpectedText {

	static final String REOPEN = "sup_reopen";

	private final Tickets tickets;
	private final SupportEvents events;
	private final SupportDesk desk;
	private final SupportDrafts drafts;
	private final DeskCard card;
	private final SupportClocks clocks;
	private final SupportProperties properties;
	private final SupportReplies replies;
	private final DealRooms rooms;
	private final DealEvents dealEvents;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final Clock clock;
	private final Texts texts;

	TicketWork(Tickets tickets, SupportEvents events, SupportDesk desk, SupportDrafts drafts, DeskCard card, SupportClocks clocks,
			SupportProperties properties, SupportReplies replies, DealRooms rooms, DealEvents dealEvents, GroupPool pool,
			GroupTexts groupTexts, PlatformAdmins admins, Outbox outbox, Clock clock, Texts texts) {
		this.texts = texts;
		this.tickets = tickets;
		this.events = events;
		this.desk = desk;
		this.drafts = drafts;
		this.card = card;
		this.clocks = clocks;
		this.properties = properties;
		this.replies = replies;
		this.rooms = rooms;
		this.dealEvents = dealEvents;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.admins = admins;
		this.outbox = outbox;
		this.clock = clock;
	}

	// ---- the agent's messages

	/** Every text in a deal group: the agent's first message there is their first response; the asked reporter's is the answer. */
	@OnGroupText
	void on(TextReceived text) {
		long chat = text.chat().id();
		long user = text.user().id();
		if (desk.chat().filter(d -> d == chat).isPresent()) {
			return;
		}
		for (Ticket ticket : tickets.workedIn(chat)) {
			if (ticket.takenBy() != null && ticket.takenBy() == user && ticket.firstResponseAt() == null
					&& (ticket.status() == Ticket.Status.TAKEN || ticket.status() == Ticket.Status.WAITING_REPORTER)) {
				firstResponse(ticket, user, "upd:" + text.updateId());
			}
			else if (ticket.reporterId() == user && ticket.status() == Ticket.Status.WAITING_REPORTER && !inSupportDraft(chat, user)) {
				answered(ticket, text.updateId(), chat, text.messageId(), text.text(), null);
			}
		}
	}

	/** A reply to a card in the desk by an agent, or the asked reporter's next text in private chat. */
	@Override
	public boolean expects(TextReceived text) {
		if (text.chat().isPrivate()) {
			return tickets.waitingOn(text.user().id()).isPresent() && !inSupportDraft(text.chat().id(), text.user().id());
		}
		return text.replyToMessageId() > 0 && desk.chat().filter(d -> d == text.chat().id()).isPresent()
				&& desk.isAgent(text.user().id()) && card.ofCard(text.chat().id(), text.replyToMessageId()).isPresent();
	}

	@OnText(Where.GROUP)
	void onDeskReply(TextReceived text) {
		long chat = text.chat().id();
		long agent = text.user().id();
		Ticket ticket = card.ofCard(chat, text.replyToMessageId()).orElseThrow();
		if (ticket.takenBy() == null || ticket.takenBy() != agent
				|| !(ticket.status() == Ticket.Status.TAKEN || ticket.status() == Ticket.Status.WAITING_REPORTER)) {
			replies.answer(chat, text.messageId(), agent, "support.desk.reply.nottaker", ticket.number());
			return;
		}
		if (text.text().length() > Ticket.MAX_TEXT) {
			replies.answer(chat, text.messageId(), agent, "support.desk.reply.toolong", Ticket.MAX_TEXT);
			return;
		}
		outbox.send(OutgoingMessage.to(ticket.reporterId(), replies.text(ticket.reporterId(), "support.desk.relay", ticket.number(),
				replies.name(agent), Html.cut(text.text(), Ticket.MAX_TEXT))).priority(Priority.HIGH));
		if (ticket.firstResponseAt() == null) {
			firstResponse(ticket, agent, "upd:" + text.updateId());
		}
		replies.answer(chat, text.messageId(), agent, "support.desk.relayed", ticket.number());
	}

	@OnText(Where.PRIVATE)
	void onReporterText(TextReceived text) {
		long user = text.user().id();
		Ticket ticket = tickets.waitingOn(user).orElseThrow();
		if (text.text().length() > Ticket.MAX_TEXT) {
			replies.answer(user, 0, user, "support.ask.toolong", Ticket.MAX_TEXT);
			return;
		}
		answered(ticket, text.updateId(), user, text.messageId(), text.text(), null);
	}

	/** A file the asked reporter sends (in the deal's group or in private chat) answers /ask as a text does. */
	@EventListener
	void on(DocumentPosted posted) {
		long chat = posted.chat().id();
		long user = posted.user().id();
		if (posted.user().isBot() || inSupportDraft(chat, user)) {
			return;
		}
		Optional<Ticket> waiting = posted.chat().isPrivate() ? tickets.waitingOn(user)
				: tickets.workedIn(chat).stream()
					.filter(t -> t.reporterId() == user && t.status() == Ticket.Status.WAITING_REPORTER)
					.findFirst();
		if (waiting.isEmpty()) {
			return;
		}
		Optional<Tickets.FileFact> file = Tickets.FileFact.of(posted);
		if (file.isEmpty()) {
			replies.answer(chat, posted.messageId(), user, "support.draft.badfile");
			return;
		}
		answered(waiting.get(), posted.updateId(), chat, posted.messageId(), Tickets.FileFact.caption(posted), file.get());
	}

	/** The reporter is in the middle of a /support conversation there: their texts and files are its answers. */
	private boolean inSupportDraft(long chatId, long userId) {
		return drafts.of(chatId, userId, clock.instant()).isPresent();
	}

	private void firstResponse(Ticket ticket, long agent, String idem) {
		Instant now = clock.instant();
		// stored before the log's event, so that the desk's card, drawn on it, shows the answer
		if (events.seen(idem) || !tickets.update(ticket, "first_response_at = :at", Map.of("at", now))) {
			return;
		}
		clocks.answered(ticket.id(), agent, now);
		events.append(ticket.id(), agent, TicketEventType.FIRST_RESPONSE, Map.of(), idem);
	}

	/** The reporter's answer to /ask (a text, or a file with its caption): a fact of the ticket, the agent's turn again, the clock counting again. */
	private void answered(Ticket ticket, long updateId, long chat, long messageId, String text, Tickets.FileFact file) {
		String idem = "upd:" + updateId;
		if (events.seen(idem)) {
			return;
		}
		// the move is the gate (of two instances or a repeated update one moves it); the log's event comes
		// last, so that the desk's card, drawn on it, shows the ticket as it now is, with the new fact
		if (!tickets.move(ticket, Ticket.Status.TAKEN, null, Map.of())) {
			return;
		}
		String answer = text == null || text.length() <= Ticket.MAX_TEXT ? text : text.substring(0, Ticket.MAX_TEXT);
		tickets.addFact(ticket.id(), ticket.reporterId(), chat, messageId, answer, file);
		clocks.resume(ticket.id(), clock.instant()).ifPresent(view -> tickets.promise(ticket.id(), view.dueAt()));
		events.append(ticket.id(), ticket.reporterId(), TicketEventType.REPORTER_ANSWERED, Map.of("chat", chat), idem);
		Ticket fresh = tickets.find(ticket.id()).orElseThrow();
		String shown = file == null ? answer
				: "\uD83D\uDCCE " + (file.fileName() == null ? "" : file.fileName()) + (answer == null ? "" : " " + answer);
		toDesk(fresh, locale -> texts.text(locale, "support.ask.answered", fresh.number(), replies.name(fresh.reporterId()),
				Html.cut(shown, 1000)));
		if (chat == ticket.reporterId()) {
			replies.answer(chat, messageId, ticket.reporterId(), "support.ask.passed", fresh.number());
		}
	}

	// ---- /ask and /resolve

	@OnCommand(value = "ask", where = Where.GROUP, help = "support.ask.help", order = 96, wrongPlace = "support.ask.wrongplace")
	void ask(CommandReceived command) {
		Optional<Ticket> found = agentsTicket(command);
		if (found.isEmpty()) {
			return;
		}
		Ticket ticket = found.get();
		long agent = command.user().id();
		String question = command.args() == null ? "" : command.args().strip();
		if (question.isEmpty() || question.length() > Ticket.MAX_TEXT) {
			replies.answer(command.chat().id(), command.messageId(), agent, "support.ask.usage", Ticket.MAX_TEXT);
			return;
		}
		if (ticket.status() != Ticket.Status.TAKEN) {
			replies.answer(command.chat().id(), command.messageId(), agent, "support.ask.already", ticket.number());
			return;
		}
		if (!tickets.move(ticket, Ticket.Status.WAITING_REPORTER, null, Map.of())) {
			replies.answer(command.chat().id(), command.messageId(), agent, "support.ask.already", ticket.number());
			return;
		}
		events.append(ticket.id(), agent, TicketEventType.ASKED, Map.of("question", question), "upd:" + command.updateId());
		clocks.pause(ticket.id(), clock.instant());
		long reporter = ticket.reporterId();
		outbox.send(OutgoingMessage.to(reporter, replies.text(reporter, "support.ask.reporter", ticket.number(), replies.name(agent),
				Html.cut(question, Ticket.MAX_TEXT))).priority(Priority.HIGH));
		replies.answer(command.chat().id(), command.messageId(), agent, "support.ask.sent", ticket.number());
	}

	@OnCommand(value = "resolve", where = Where.GROUP, help = "support.resolve.help", order = 97,
			wrongPlace = "support.resolve.wrongplace")
	void resolve(CommandReceived command) {
		Optional<Ticket> found = agentsTicket(command);
		if (found.isEmpty()) {
			return;
		}
		Ticket ticket = found.get();
		long agent = command.user().id();
		long chat = command.chat().id();
		String summary = command.args() == null ? "" : command.args().strip();
		if (summary.isEmpty() || summary.length() > Ticket.MAX_DESCRIPTION) {
			replies.answer(chat, command.messageId(), agent, "support.resolve.usage", Ticket.MAX_DESCRIPTION);
			return;
		}
		Instant now = clock.instant();
		Map<String, Object> sets = new HashMap<>();
		sets.put("resolution", summary);
		sets.put("by", agent);
		sets.put("at", now);
		sets.put("until", now.plus(properties.reopenWithin()));
		if (!tickets.move(ticket, Ticket.Status.RESOLVED,
				"resolution = :resolution, resolved_by = :by, resolved_at = :at, reopen_until = :until", sets)) {
			replies.answer(chat, command.messageId(), agent, "support.resolve.notyours");
			return;
		}
		if (ticket.firstResponseAt() == null) {
			clocks.cancel(ticket.id(), now);
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("resolution", summary);
		events.append(ticket.id(), agent, TicketEventType.RESOLVED, payload, "upd:" + command.updateId());
		Optional<DealRoom> room = ticket.chatId() == null ? Optional.empty() : rooms.in(ticket.chatId());
		room.ifPresent(r -> dealEvents.appendSupport(r.key(), agent, DealEventType.SUPPORT_RESOLVED, ticket.id(),
				Map.of("number", ticket.number()), "sup-res:" + ticket.id() + ":" + command.updateId()));
		long reporter = ticket.reporterId();
		outbox.send(OutgoingMessage.to(reporter, replies.text(reporter, "support.resolve.reporter", ticket.number(),
				replies.name(agent), Html.cut(summary, Ticket.MAX_DESCRIPTION),
				replies.when(replies.locale(reporter), now.plus(properties.reopenWithin()), card.zone(ticket))))
			.with(Keyboard.inline(List.of(List.of(InlineButton.callback(replies.text(reporter, "support.reopen.button"), REOPEN,
					String.valueOf(ticket.id())).forUser(reporter)))))
			.priority(Priority.HIGH));
		if (room.isPresent()) {
			long group = room.get().chatId();
			if (!room.get().isSide(agent) && pool.dismiss(group, agent)) {
				events.append(ticket.id(), agent, TicketEventType.AGENT_REMOVED, Map.of("chat", group), null);
			}
			outbox.send(OutgoingMessage.to(group, groupTexts.forGroup(group, "support.resolve.group", ticket.number(),
					replies.name(agent))).priority(Priority.NORMAL));
		}
		if (chat != room.map(DealRoom::chatId).orElse(0L)) {
			replies.answer(chat, command.messageId(), agent, "support.resolve.done", ticket.number());
		}
	}

	/**
	 * The ticket an agent's command is about: in the desk, the card it replies to; in a deal's group,
	 * the one the agent has there. Anyone else, or no ticket: a clear answer, and empty.
	 */
	private Optional<Ticket> agentsTicket(CommandReceived command) {
		long chat = command.chat().id();
		long user = command.user().id();
		boolean inDesk = desk.chat().filter(d -> d == chat).isPresent();
		Optional<Ticket> ticket = inDesk ? card.ofCard(chat, command.replyToMessageId()) : tickets.takenIn(chat, user);
		if (ticket.isEmpty()) {
			replies.answer(chat, command.messageId(), user, inDesk ? "support.desk.noticket" : "support.resolve.notyours");
			return Optional.empty();
		}
		Ticket t = ticket.get();
		if (t.takenBy() == null || t.takenBy() != user
				|| !(t.status() == Ticket.Status.TAKEN || t.status() == Ticket.Status.WAITING_REPORTER)) {
			replies.answer(chat, command.messageId(), user, "support.resolve.notyours");
			return Optional.empty();
		}
		return ticket;
	}

	// ---- Reopen

	@OnButton(REOPEN)
	void reopen(ButtonPressed pressed) {
		long user = pressed.user().id();
		Optional<Ticket> found = TicketTaking.parse(pressed.payload()).flatMap(tickets::find).filter(t -> t.reporterId() == user);
		if (found.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.take.unknown"), true);
			return;
		}
		Ticket ticket = found.get();
		Instant now = clock.instant();
		if (ticket.status() != Ticket.Status.RESOLVED) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.reopen.open", ticket.number()), true);
			return;
		}
		if (ticket.reopenUntil() == null || now.isAfter(ticket.reopenUntil())) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.reopen.expired", ticket.number()), true);
			return;
		}
		String slug = ticket.storefrontSlug() != null ? ticket.storefrontSlug() : properties.calendar();
		Map<String, Object> sets = new HashMap<>();
		sets.put("at", now);
		if (!tickets.move(ticket, Ticket.Status.NEW, "taken_by = NULL, first_response_at = NULL, resolution = NULL, "
				+ "resolved_by = NULL, resolved_at = NULL, reopen_until = NULL, opened_at = :at", sets)) {
			outbox.answerButton(pressed.callbackQueryId(), replies.text(user, "support.reopen.open", ticket.number()), true);
			return;
		}
		Instant due = clocks.start(ticket.id(), slug, now);
		tickets.promise(ticket.id(), due);
		if (events.append(ticket.id(), user, TicketEventType.REOPENED, Map.of(), "cb:" + pressed.callbackQueryId()).isEmpty()) {
			return;
		}
		if (ticket.chatId() != null) {
			rooms.in(ticket.chatId()).ifPresent(room -> dealEvents.appendSupport(room.key(), user, DealEventType.SUPPORT_REOPENED,
					ticket.id(), Map.of("number", ticket.number()), "cb:" + pressed.callbackQueryId()));
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.editKeyboard(pressed.chat().id(), com.b2brics.connect.telegram.MessageRef.telegram(pressed.messageId()),
				Keyboard.inline(List.of()));
		outbox.send(OutgoingMessage.to(user, replies.text(user, "support.reopen.done", ticket.number(),
				replies.when(replies.locale(user), due, card.zone(ticket)))).priority(Priority.HIGH));
	}

	// ---- support's clock

	@EventListener
	void on(SupportClockReminder reminder) {
		tickets.find(reminder.ticketId()).ifPresent(ticket -> {
			events.append(ticket.id(), 0, TicketEventType.CLOCK_REMINDED, Map.of("percent", reminder.percent()), null);
			toDesk(ticket, locale -> texts.text(locale, "support.clock.reminder", ticket.number(), reminder.percent(),
					replies.when(locale, reminder.dueAt(), card.zone(ticket))));
		});
	}

	@EventListener
	void on(SupportClockBreached breached) {
		tickets.find(breached.ticketId()).ifPresent(ticket -> {
			events.append(ticket.id(), 0, TicketEventType.CLOCK_BREACHED, Map.of("due", breached.dueAt().toString()), null);
			for (long admin : admins.ids()) {
				outbox.send(OutgoingMessage.to(admin, replies.text(admin, "support.clock.breached", ticket.number(),
						replies.when(replies.locale(admin), breached.dueAt(), card.zone(ticket)),
						ticket.takenBy() == null ? "—" : replies.name(ticket.takenBy()))).priority(Priority.HIGH));
			}
		});
	}

	private void toDesk(Ticket ticket, java.util.function.Function<java.util.Locale, String> text) {
		desk.chat().ifPresent(chat -> {
			OutgoingMessage line = OutgoingMessage.to(chat, groupTexts.forGroup(chat, text)).priority(Priority.HIGH);
			Optional<Long> cardMessage = card.messageId(ticket);
			outbox.send(cardMessage.isPresent() ? line.replyTo(cardMessage.get()) : line);
		});
	}
}
