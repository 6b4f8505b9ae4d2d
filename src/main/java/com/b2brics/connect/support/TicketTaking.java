package com.b2brics.connect.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.groups.GroupInvites;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * <b>Take</b> on a desk card: an agent (configured, or a platform admin) takes a NEW ticket (one of
 * two presses wins: a conditional update), gets a personal link into the deal's group (join
 * control lets in only them), and the reporter is told. When the agent enters, the group is told
 * who came and for which ticket.
 */
@Component
class TicketTaking {

	private final Tickets tickets;
	private final SupportEvents events;
	private final SupportDesk desk;
	private final SupportReplies replies;
	private final GroupInvites invites;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final Texts texts;
	private final Outbox outbox;
	private final DeskCard card;

	TicketTaking(Tickets tickets, SupportEvents events, SupportDesk desk, SupportReplies replies, GroupInvites invites,
			GroupPool pool, GroupTexts groupTexts, Texts texts, Outbox outbox, DeskCard card) {
		this.tickets = tickets;
		this.events = events;
		this.desk = desk;
		this.replies = replies;
		this.invites = invites;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.texts = texts;
		this.outbox = outbox;
		this.card = card;
	}

	@OnButton(DeskCard.TAKE)
	void on(ButtonPressed pressed) {
		long agent = pressed.user().id();
		Optional<Ticket> found = parse(pressed.payload()).flatMap(tickets::find);
		if (found.isEmpty() || found.get().status() == Ticket.Status.DRAFT) {
			alert(pressed, "support.take.unknown");
			return;
		}
		if (!desk.isAgent(agent)) {
			alert(pressed, "support.take.notagent");
			return;
		}
		Ticket ticket = found.get();
		if (ticket.status() != Ticket.Status.NEW
				|| !tickets.move(ticket, Ticket.Status.TAKEN, "taken_by = :by", Map.of("by", agent))) {
			Ticket now = tickets.find(ticket.id()).orElseThrow();
			if (now.takenBy() != null && now.takenBy() == agent) {
				alert(pressed, "support.take.yours");
			}
			else if (now.takenBy() != null) {
				events.append(ticket.id(), agent, TicketEventType.TAKE_REFUSED, Map.of("takenBy", now.takenBy()),
						"cb:" + pressed.callbackQueryId());
				alert(pressed, "support.take.already", replies.name(now.takenBy()));
			}
			else {
				alert(pressed, "support.take.closed");
			}
			return;
		}
		if (events.append(ticket.id(), agent, TicketEventType.TAKEN, Map.of(), "cb:" + pressed.callbackQueryId()).isEmpty()) {
			return;
		}
		Ticket taken = tickets.find(ticket.id()).orElseThrow();
		outbox.answerButton(pressed.callbackQueryId(), replies.text(agent, "support.take.done", taken.number()), false);
		if (taken.chatId() != null) {
			long chat = taken.chatId();
			String summary = card.room(taken).map(room -> Html.cut(room.summary(replies.locale(agent)), 200)).orElse("—");
			if (pool.isMember(chat, agent)) {
				outbox.send(OutgoingMessage.to(agent, replies.text(agent, "support.take.inside", taken.number(), summary))
					.priority(Priority.HIGH));
			}
			else {
				String link = invites.linkFor(chat, agent, Role.SUPPORT);
				outbox.send(OutgoingMessage.to(agent, replies.text(agent, "support.take.link", taken.number(), summary, link))
					.priority(Priority.HIGH));
			}
		}
		else {
			outbox.send(OutgoingMessage.to(agent, replies.text(agent, "support.take.nodeal", taken.number())).priority(Priority.HIGH));
		}
		outbox.send(OutgoingMessage.to(taken.reporterId(), replies.text(taken.reporterId(), "support.take.reporter", taken.number(),
				replies.name(agent))).priority(Priority.HIGH));
	}

	/** The agent of a ticket in this group entered: the group learns who came and why. */
	@EventListener
	void on(MemberJoined joined) {
		long chat = joined.chat().id();
		long user = joined.user().id();
		if (joined.user().isBot() || pool.roleOf(chat, user).filter(role -> role == Role.SUPPORT).isEmpty()) {
			return;
		}
		Optional<Ticket> ticket = tickets.takenIn(chat, user);
		if (ticket.isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("chat", chat);
		events.append(ticket.get().id(), user, TicketEventType.AGENT_JOINED, payload, "upd:" + joined.updateId());
		String name = Html.escape(joined.user().displayName());
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroupWith(chat, user, locale -> texts.text(locale, "groups.joined.support",
				name) + " " + texts.text(locale, "support.take.joined", ticket.get().number())))
			.priority(Priority.HIGH));
	}

	private void alert(ButtonPressed pressed, String key, Object... args) {
		outbox.answerButton(pressed.callbackQueryId(), replies.text(pressed.user().id(), key, args), true);
	}

	static Optional<Long> parse(String payload) {
		if (payload == null || !payload.matches("[0-9]{1,18}")) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(payload));
	}
}
