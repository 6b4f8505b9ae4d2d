package com.b2brics.connect.deals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The start of work (issue 13 §2): {@code /brief} posts the source document's start checklist
 * (greet and confirm role and competence; task and target result; deadlines and constraints;
 * source documents) as a card whose items the deal's sides tick and untick with buttons; the card
 * shows each ticked item with who ticked it, and the deal card "Brief 2/4". One checklist per
 * deal: {@code /brief} again posts its card anew at the bottom. A button says what it does (tick
 * or untick one item), so a double press or an old card's press changes nothing twice.
 */
@Component
class Brief implements DealCardSection {

	static final String TICK = "brf";
	/** The checklist's items, in order (message keys). */
	static final List<String> ITEMS = List.of("deals.brief.item.roles", "deals.brief.item.task", "deals.brief.item.deadlines",
			"deals.brief.item.documents");

	private final DealRooms rooms;
	private final DealEvents events;
	private final DealCard card;
	private final DealSupport support;
	private final GroupTexts groupTexts;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final JdbcClient jdbc;

	Brief(DealRooms rooms, DealEvents events, DealCard card, DealSupport support, GroupTexts groupTexts, Accounts accounts, Texts texts,
			Outbox outbox, JdbcClient jdbc) {
		this.rooms = rooms;
		this.events = events;
		this.card = card;
		this.support = support;
		this.groupTexts = groupTexts;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	record Tick(long userId, Instant at) {
	}

	@OnCommand(value = "brief", where = Where.DEAL_GROUP, who = Who.DEAL_SIDE, help = "bot.command.brief", order = 43,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "deals.notparty")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		Optional<DealRoom> found = rooms.in(command.chat().id());
		if (found.isEmpty()) {
			support.answer(command.chat().id(), command.messageId(), locale, "deals.nodeal");
			return;
		}
		DealRoom room = found.get();
		support.lock(room);
		boolean first = jdbc.sql("""
				INSERT INTO deal_briefs (deal_key, chat_id, posted_by, posted_at) VALUES (:key, :chat, :by, :now)
				ON CONFLICT DO NOTHING""")
			.param("key", room.key())
			.param("chat", room.chatId())
			.param("by", command.user().id())
			.param("now", DealSupport.at(support.now()))
			.update() == 1;
		if (first) {
			events.append(room.key(), command.user().id(), DealEventType.BRIEF_POSTED, 0, Map.of("items", ITEMS.size()),
					"upd:" + command.updateId());
		}
		long id = outbox.send(OutgoingMessage.to(room.chatId(), html(room)).with(keyboard(room)).priority(Priority.ANSWER));
		jdbc.sql("UPDATE deal_briefs SET card_outbox_id = :card, chat_id = :chat WHERE deal_key = :key")
			.param("card", id)
			.param("chat", room.chatId())
			.param("key", room.key())
			.update();
		card.changed(room);
	}

	@OnButton(TICK)
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long user = pressed.user().id();
		Optional<DealRoom> found = rooms.in(pressed.chat().id());
		// payload: t:<item> ticks it, u:<item> unticks it
		String[] parts = pressed.payload().split(":");
		int item = parts.length == 2 && parts[1].matches("\\d") ? Integer.parseInt(parts[1]) : -1;
		if (found.isEmpty() || item < 1 || item > ITEMS.size() || !(parts[0].equals("t") || parts[0].equals("u"))
				|| !briefed(found.get())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.nodeal"), true);
			return;
		}
		DealRoom room = found.get();
		if (!room.isSide(user)) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.notparty"), true);
			return;
		}
		support.lock(room);
		boolean tick = parts[0].equals("t");
		String label = Html.cutPlain(texts.text(locale, ITEMS.get(item - 1)), 60);
		int changed = tick ? jdbc.sql("INSERT INTO deal_brief_ticks (deal_key, item, user_id, at) VALUES (:key, :item, :user, :now) ON CONFLICT DO NOTHING")
			.param("key", room.key())
			.param("item", item)
			.param("user", user)
			.param("now", DealSupport.at(support.now()))
			.update()
				: jdbc.sql("DELETE FROM deal_brief_ticks WHERE deal_key = :key AND item = :item")
					.param("key", room.key())
					.param("item", item)
					.update();
		if (changed == 0) {
			outbox.answerButton(pressed.callbackQueryId(),
					texts.text(locale, tick ? "deals.brief.alreadyticked" : "deals.brief.alreadyunticked", label), false);
			return;
		}
		events.append(room.key(), user, tick ? DealEventType.BRIEF_TICKED : DealEventType.BRIEF_UNTICKED, item,
				Map.of("item", item, "ticked", ticks(room).size()), "cb:" + pressed.callbackQueryId());
		jdbc.sql("SELECT card_outbox_id FROM deal_briefs WHERE deal_key = :key")
			.param("key", room.key())
			.query((rs, n) -> (Long) rs.getObject("card_outbox_id", Long.class))
			.optional()
			.filter(id -> id != null)
			.ifPresent(id -> outbox.editText(room.chatId(), MessageRef.queued(id), html(room), keyboard(room), Priority.NORMAL));
		card.changed(room);
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, tick ? "deals.brief.ticked" : "deals.brief.unticked", label),
				false);
	}

	private boolean briefed(DealRoom room) {
		return jdbc.sql("SELECT COUNT(*) FROM deal_briefs WHERE deal_key = :key").param("key", room.key()).query(Long.class).single() > 0;
	}

	/** Who ticked which item (1-based) when. */
	Map<Integer, Tick> ticks(DealRoom room) {
		Map<Integer, Tick> ticks = new LinkedHashMap<>();
		jdbc.sql("SELECT item, user_id, at FROM deal_brief_ticks WHERE deal_key = :key ORDER BY item")
			.param("key", room.key())
			.query((rs, n) -> Map.entry(rs.getInt("item"), new Tick(rs.getLong("user_id"), rs.getObject("at", OffsetDateTime.class).toInstant())))
			.list()
			.forEach(e -> ticks.put(e.getKey(), e.getValue()));
		return ticks;
	}

	String html(DealRoom room) {
		Map<Integer, Tick> ticks = ticks(room);
		return groupTexts.forGroup(room.chatId(), locale -> {
			List<String> lines = new ArrayList<>();
			lines.add(texts.text(locale, "deals.brief.title", ticks.size(), ITEMS.size()));
			for (int i = 1; i <= ITEMS.size(); i++) {
				Tick tick = ticks.get(i);
				String item = texts.text(locale, ITEMS.get(i - 1));
				lines.add(tick == null ? texts.text(locale, "deals.brief.line.open", i, item)
						: texts.text(locale, "deals.brief.line.ticked", i, item, support.name(tick.userId()), support.when(locale, room, tick.at())));
			}
			if (ticks.size() == ITEMS.size()) {
				lines.add(texts.text(locale, "deals.brief.done"));
			}
			return String.join("\n", lines);
		});
	}

	private Keyboard.Inline keyboard(DealRoom room) {
		Locale first = groupTexts.languagesOf(room.chatId()).get(0);
		Map<Integer, Tick> ticks = ticks(room);
		List<List<InlineButton>> rows = new ArrayList<>();
		for (int i = 1; i <= ITEMS.size(); i++) {
			boolean ticked = ticks.containsKey(i);
			rows.add(List.of(InlineButton.callback(texts.text(first, ticked ? "deals.brief.button.untick" : "deals.brief.button.tick", i,
					texts.text(first, ITEMS.get(i - 1))), TICK, (ticked ? "u:" : "t:") + i)));
		}
		return Keyboard.inline(rows);
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		if (!briefed(room)) {
			return "";
		}
		return texts.text(locale, "deals.brief.section", ticks(room).size(), ITEMS.size());
	}
}
