package com.b2brics.connect.deals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.sla.StorefrontCalendars;
import com.b2brics.connect.telegram.BotAdmins;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Blockers (issue 13 §6): {@code /blocker <text>} (or {@code /blocker <text> | <proposal>} in one
 * line) records what blocks the work; without a proposal the raiser is asked for a proposed
 * solution or alternative plan, and their next message in the group is it. The other side and
 * the B2BRICS staff in the group are told there (mentioned), the deal's managers
 * ({@code b2brics.invitations.manager-telegram-ids}) in private. The blocker shows on the deal card
 * until {@code /resolved [N]} or its <b>Resolved</b> button.
 * <p>
 * An open blocker starts a response clock: the other side must answer — any message of theirs in
 * the group, text or file, the same road as the lead's response clock — within
 * {@code b2brics.deals.blocker-response} of the storefront's working time (4 working hours by
 * default). When it passes unanswered, {@link #check()} (a recurring task, one instance at a time,
 * each blocker a conditional update) reminds the group and the managers once and records
 * {@code BLOCKER_OVERDUE}.
 */
@Component
class Blockers implements DealCardSection, ExpectedText {

	private static final Logger log = LoggerFactory.getLogger(Blockers.class);

	static final String RESOLVE = "blk_res";
	/** Most blockers a deal holds. */
	static final int MAX_PER_DEAL = 200;
	/** Open blockers listed on the deal card; the rest are counted. */
	static final int ON_CARD = 3;

	private final DealRooms rooms;
	private final DealEvents events;
	private final DealCard card;
	private final DealSupport support;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final StorefrontCalendars calendars;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final DealsProperties settings;
	private final List<Long> managers;
	private final org.springframework.beans.factory.ObjectProvider<BotAdmins> admins;

	Blockers(DealRooms rooms, DealEvents events, DealCard card, DealSupport support, GroupPool pool, GroupTexts groupTexts,
			StorefrontCalendars calendars, Accounts accounts, Texts texts, Outbox outbox, JdbcClient jdbc,
			TransactionTemplate transactions, DealsProperties settings, Environment environment,
			org.springframework.beans.factory.ObjectProvider<BotAdmins> admins) {
		this.admins = admins;
		this.rooms = rooms;
		this.events = events;
		this.card = card;
		this.support = support;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.calendars = calendars;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		// the invitations' managers are the deal's managers; read from configuration, not from that module
		this.managers = Binder.get(environment)
			.bind("b2brics.invitations.manager-telegram-ids", Bindable.listOf(Long.class))
			.orElse(List.of());
	}

	record Blocker(long id, String dealKey, long chatId, int number, String text, String proposal, String status, long raisedBy,
			String raisedSide, Instant raisedAt, Instant responseDueAt, Instant respondedAt, Long messageOutboxId) {

		boolean open() {
			return "OPEN".equals(status);
		}
	}

	/** {@code text | proposal}: the blocker and, after the first bar, the proposal (null when none). */
	record Input(String text, String proposal) {

		static Input parse(String args) {
			String all = args == null ? "" : args.strip();
			int bar = all.indexOf('|');
			if (bar < 0) {
				return new Input(all, null);
			}
			String proposal = all.substring(bar + 1).strip();
			return new Input(all.substring(0, bar).strip(), proposal.isEmpty() ? null : proposal);
		}
	}

	// ---- /blocker

	@OnCommand(value = "blocker", where = Where.DEAL_GROUP, who = Who.DEAL_SIDE, help = "bot.command.blocker", order = 45,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "deals.notparty")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		long user = command.user().id();
		Optional<DealRoom> found = rooms.in(chat);
		if (found.isEmpty()) {
			support.answer(chat, command.messageId(), locale, "deals.nodeal");
			return;
		}
		DealRoom room = found.get();
		Input input = Input.parse(command.args());
		if (input.text().isEmpty()) {
			support.answer(chat, command.messageId(), locale, "deals.blocker.empty");
			return;
		}
		if (input.text().length() > DealSupport.MAX_TEXT || (input.proposal() != null && input.proposal().length() > DealSupport.MAX_TEXT)) {
			support.answer(chat, command.messageId(), locale, "deals.blocker.toolong", DealSupport.MAX_TEXT);
			return;
		}
		support.lock(room);
		int count = jdbc.sql("SELECT COUNT(*) FROM blockers WHERE deal_key = :key").param("key", room.key()).query(Integer.class).single();
		if (count >= MAX_PER_DEAL) {
			support.answer(chat, command.messageId(), locale, "deals.blocker.toomany", MAX_PER_DEAL);
			return;
		}
		Instant now = support.now();
		Instant due = calendars.forStorefront(room.storefrontSlug()).plusWorkingTime(now, settings.blockerResponse());
		String side = room.isCustomer(user) ? "customer" : "supplier";
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO blockers (deal_key, chat_id, number, text, proposal, status, raised_by, raised_side, raised_at,
				                      proposal_asked_until, response_due_at)
				VALUES (:key, :chat, :number, :text, :proposal, 'OPEN', :by, :side, :now, :asked, :due)""")
			.param("key", room.key())
			.param("chat", chat)
			.param("number", count + 1)
			.param("text", input.text())
			.param("proposal", input.proposal())
			.param("by", user)
			.param("side", side)
			.param("now", DealSupport.at(now))
			.param("asked", input.proposal() == null ? DealSupport.at(now.plus(settings.proposalWait())) : null)
			.param("due", DealSupport.at(due))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("number", count + 1);
		payload.put("side", side);
		payload.put("responseDue", due.toString());
		payload.put("withProposal", input.proposal() != null);
		events.append(room.key(), user, DealEventType.BLOCKER_RAISED, id, payload, "upd:" + command.updateId());
		Blocker blocker = load(id).orElseThrow();
		long notice = outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, reader -> raisedNotice(room, blocker, reader)))
			.with(resolveKeyboard(room, blocker))
			.priority(Priority.ANSWER));
		jdbc.sql("UPDATE blockers SET message_outbox_id = :notice WHERE id = :id").param("notice", notice).param("id", id).update();
		if (input.proposal() == null) {
			support.answer(chat, command.messageId(), locale, "deals.blocker.askproposal", String.valueOf(count + 1),
					settings.proposalWait().toMinutes());
		}
		tellManagers(room, blocker, "deals.blocker.manager");
		card.changed(room);
	}

	private String raisedNotice(DealRoom room, Blocker blocker, Locale reader) {
		String proposal = blocker.proposal() == null ? texts.text(reader, "deals.blocker.proposal.asked", support.name(blocker.raisedBy()))
				: texts.text(reader, "deals.blocker.proposal", Html.cut(blocker.proposal(), DealSupport.MAX_TEXT));
		return texts.text(reader, "deals.blocker.raised", String.valueOf(blocker.number()), support.mention(blocker.raisedBy()),
				Html.cut(blocker.text(), DealSupport.MAX_TEXT), proposal, otherSideMentions(room, blocker),
				support.when(reader, room, blocker.responseDueAt()));
	}

	/** The other side's people and the B2BRICS staff in the group, mentioned; "—" when nobody is there. */
	private String otherSideMentions(DealRoom room, Blocker blocker) {
		List<String> mentions = new ArrayList<>();
		for (long member : pool.roster(room.chatId()).keySet()) {
			if (isOtherSide(room, blocker, member) || room.isStaff(member)) {
				mentions.add(support.mention(member));
			}
			if (mentions.size() == 10) {
				break;
			}
		}
		return mentions.isEmpty() ? "—" : String.join(", ", mentions);
	}

	private static boolean isOtherSide(DealRoom room, Blocker blocker, long user) {
		return "customer".equals(blocker.raisedSide()) ? room.isSupplier(user) && !room.isCustomer(user) : room.isCustomer(user);
	}

	private Keyboard.Inline resolveKeyboard(DealRoom room, Blocker blocker) {
		Locale first = groupTexts.languagesOf(room.chatId()).get(0);
		return Keyboard.inline(List.of(List.of(InlineButton.callback(texts.text(first, "deals.blocker.button.resolve",
				String.valueOf(blocker.number())), RESOLVE, String.valueOf(blocker.id())))));
	}

	/**
	 * The deal's managers in private: they may need to step in. They are the invitations' managers
	 * (b2brics.invitations.manager-telegram-ids, read from configuration: deals does not depend on
	 * invitations); none configured: the platform admins, as invitations does.
	 */
	private void tellManagers(DealRoom room, Blocker blocker, String key) {
		List<Long> told = !managers.isEmpty() ? managers : admins.stream().flatMap(a -> a.ids().stream()).distinct().toList();
		for (long manager : told) {
			if (pool.isMember(room.chatId(), manager)) {
				continue; // mentioned in the group already
			}
			Locale locale = accounts.localeOf(manager);
			outbox.send(OutgoingMessage.to(manager, texts.text(locale, key, String.valueOf(blocker.number()),
					Html.cut(room.summary(locale), 200), Html.cut(blocker.text(), 500), support.name(blocker.raisedBy())))
				.priority(Priority.HIGH));
		}
	}

	// ---- the proposal, asked for

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isGroup() && awaitingProposal(text.chat().id(), text.user().id()).isPresent();
	}

	private Optional<Long> awaitingProposal(long chat, long user) {
		return jdbc.sql("""
				SELECT id FROM blockers WHERE chat_id = :chat AND raised_by = :user AND status = 'OPEN' AND proposal IS NULL
				AND proposal_asked_until > :now ORDER BY id DESC""")
			.param("chat", chat)
			.param("user", user)
			.param("now", DealSupport.at(support.now()))
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	@OnText(Where.GROUP)
	void on(TextReceived text) {
		long chat = text.chat().id();
		Optional<Long> id = awaitingProposal(chat, text.user().id());
		Optional<DealRoom> room = rooms.existing(chat);
		if (id.isEmpty() || room.isEmpty()) {
			return;
		}
		Locale locale = accounts.of(text.user());
		String proposal = text.text() == null ? "" : text.text().strip();
		if (proposal.length() > DealSupport.MAX_TEXT) {
			support.answer(chat, text.messageId(), locale, "deals.blocker.toolong", DealSupport.MAX_TEXT);
			return;
		}
		support.lock(room.get());
		if (proposal.isEmpty() || jdbc.sql("""
				UPDATE blockers SET proposal = :proposal, proposal_asked_until = NULL
				WHERE id = :id AND proposal IS NULL AND status = 'OPEN'""")
			.param("proposal", proposal)
			.param("id", id.get())
			.update() == 0) {
			return;
		}
		Blocker blocker = load(id.get()).orElseThrow();
		events.append(room.get().key(), text.user().id(), DealEventType.BLOCKER_PROPOSED, blocker.id(),
				Map.of("number", blocker.number()), "upd:" + text.updateId());
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, reader -> texts.text(reader, "deals.blocker.proposed",
				String.valueOf(blocker.number()), support.name(blocker.raisedBy()), Html.cut(proposal, DealSupport.MAX_TEXT))))
			.replyTo(text.messageId())
			.priority(Priority.ANSWER));
		card.changed(room.get());
	}

	// ---- the other side's response stops the clock

	@OnGroupText
	void noted(TextReceived text) {
		responded(text.chat().id(), text.user().id(), "upd:" + text.updateId());
	}

	@EventListener
	void on(DocumentPosted document) {
		if (document.chat().isGroup()) {
			responded(document.chat().id(), document.user().id(), "upd:" + document.updateId());
		}
	}

	private void responded(long chat, long user, String idempotencyKey) {
		List<Blocker> waiting = jdbc.sql("SELECT * FROM blockers WHERE chat_id = :chat AND status = 'OPEN' AND responded_at IS NULL")
			.param("chat", chat)
			.query(this::row)
			.list();
		if (waiting.isEmpty()) {
			return;
		}
		Optional<DealRoom> room = rooms.existing(chat);
		if (room.isEmpty()) {
			return;
		}
		Instant now = support.now();
		int n = 0;
		for (Blocker blocker : waiting) {
			if (!blocker.dealKey().equals(room.get().key()) || !isOtherSide(room.get(), blocker, user)) {
				continue;
			}
			if (jdbc.sql("UPDATE blockers SET responded_at = :now, responded_by = :user WHERE id = :id AND responded_at IS NULL")
				.param("now", DealSupport.at(now))
				.param("user", user)
				.param("id", blocker.id())
				.update() == 1) {
				events.append(room.get().key(), user, DealEventType.BLOCKER_ANSWERED, blocker.id(),
						Map.of("number", blocker.number(), "late", blocker.responseDueAt().isBefore(now)),
						n++ == 0 ? idempotencyKey : idempotencyKey + ":" + blocker.id());
			}
		}
		if (n > 0) {
			card.changed(room.get());
		}
	}

	// ---- the clock's check

	/** Reminds of every open blocker whose response is due, once each; returns how many. */
	int check() {
		List<Long> due = jdbc.sql("""
				SELECT id FROM blockers WHERE status = 'OPEN' AND responded_at IS NULL AND overdue_at IS NULL AND response_due_at <= :now
				ORDER BY response_due_at""")
			.param("now", DealSupport.at(support.now()))
			.query(Long.class)
			.list();
		int handled = 0;
		for (long id : due) {
			try {
				handled += Boolean.TRUE.equals(transactions.execute(status -> overdue(id))) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Blocker {}: the overdue reminder failed, tried again at the next check", id, e);
			}
		}
		return handled;
	}

	private boolean overdue(long id) {
		Instant now = support.now();
		if (jdbc.sql("""
				UPDATE blockers SET overdue_at = :now
				WHERE id = :id AND status = 'OPEN' AND responded_at IS NULL AND overdue_at IS NULL AND response_due_at <= :now""")
			.param("now", DealSupport.at(now))
			.param("id", id)
			.update() == 0) {
			return false;
		}
		Blocker blocker = load(id).orElseThrow();
		Optional<DealRoom> room = rooms.existing(blocker.chatId()).filter(r -> r.key().equals(blocker.dealKey()));
		if (room.isEmpty()) {
			return true; // the group serves another deal now: nobody to remind there
		}
		events.append(blocker.dealKey(), 0, DealEventType.BLOCKER_OVERDUE, blocker.id(),
				Map.of("number", blocker.number(), "due", blocker.responseDueAt().toString(), "allowed", settings.blockerResponse().toString()),
				null);
		long chat = blocker.chatId();
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, reader -> texts.text(reader, "deals.blocker.overdue",
				String.valueOf(blocker.number()), otherSideMentions(room.get(), blocker), Html.cut(blocker.text(), 300),
				support.when(reader, room.get(), blocker.raisedAt()))))
			.priority(Priority.HIGH));
		tellManagers(room.get(), blocker, "deals.blocker.manager.overdue");
		log.info("Blocker {} of {} unanswered past {}", blocker.number(), blocker.dealKey(), blocker.responseDueAt());
		return true;
	}

	// ---- /resolved and the button

	@OnCommand(value = "resolved", where = Where.DEAL_GROUP, who = Who.DEAL_SIDE, help = "bot.command.resolved", order = 46,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "deals.notparty")
	void resolved(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			support.answer(chat, command.messageId(), locale, "deals.nodeal");
			return;
		}
		List<Blocker> open = open(room.get());
		String args = command.args() == null ? "" : command.args().strip().replaceFirst("^#", "");
		Optional<Blocker> target;
		if (args.isEmpty()) {
			if (open.isEmpty()) {
				support.answer(chat, command.messageId(), locale, "deals.blocker.none");
				return;
			}
			if (open.size() > 1) {
				support.answer(chat, command.messageId(), locale, "deals.blocker.which", open.stream()
					.limit(10).map(b -> "#" + b.number() + " " + Html.cut(b.text(), 60)).reduce((a, b) -> a + "\n" + b).orElse(""));
				return;
			}
			target = Optional.of(open.get(0));
		}
		else {
			int number = args.matches("\\d{1,6}") ? Integer.parseInt(args) : -1;
			target = byNumber(room.get(), number);
			if (target.isEmpty()) {
				support.answer(chat, command.messageId(), locale, "deals.blocker.unknown", Html.cut(args, 20));
				return;
			}
		}
		if (!resolve(room.get(), target.get(), command.user().id(), "upd:" + command.updateId())) {
			support.answer(chat, command.messageId(), locale, "deals.blocker.already", String.valueOf(target.get().number()));
		}
	}

	@OnButton(RESOLVE)
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Optional<DealRoom> room = rooms.in(pressed.chat().id());
		Optional<Blocker> blocker = pressed.payload().matches("\\d{1,18}") ? load(Long.parseLong(pressed.payload())) : Optional.empty();
		if (room.isEmpty() || blocker.isEmpty() || !blocker.get().dealKey().equals(room.get().key())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.nodeal"), true);
			return;
		}
		if (!room.get().isSide(pressed.user().id())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.notparty"), true);
			return;
		}
		boolean done = resolve(room.get(), blocker.get(), pressed.user().id(), "cb:" + pressed.callbackQueryId());
		outbox.answerButton(pressed.callbackQueryId(), done ? ""
				: texts.text(locale, "deals.blocker.already", String.valueOf(blocker.get().number())), false);
	}

	private boolean resolve(DealRoom room, Blocker blocker, long by, String idempotencyKey) {
		support.lock(room);
		Instant now = support.now();
		if (jdbc.sql("UPDATE blockers SET status = 'RESOLVED', resolved_at = :now, resolved_by = :by WHERE id = :id AND status = 'OPEN'")
			.param("now", DealSupport.at(now))
			.param("by", by)
			.param("id", blocker.id())
			.update() == 0) {
			return false;
		}
		events.append(room.key(), by, DealEventType.BLOCKER_RESOLVED, blocker.id(), Map.of("number", blocker.number()), idempotencyKey);
		if (blocker.messageOutboxId() != null) {
			outbox.editKeyboard(room.chatId(), MessageRef.queued(blocker.messageOutboxId()), null);
		}
		outbox.send(OutgoingMessage.to(room.chatId(), groupTexts.forGroup(room.chatId(), reader -> texts.text(reader,
				"deals.blocker.resolved", String.valueOf(blocker.number()), support.name(by), Html.cut(blocker.text(), 100))))
			.priority(Priority.ANSWER));
		card.changed(room);
		return true;
	}

	// ---- reading

	private Blocker row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Blocker(rs.getLong("id"), rs.getString("deal_key"), rs.getLong("chat_id"), rs.getInt("number"), rs.getString("text"),
				rs.getString("proposal"), rs.getString("status"), rs.getLong("raised_by"), rs.getString("raised_side"),
				instant(rs, "raised_at"), instant(rs, "response_due_at"), instant(rs, "responded_at"),
				(Long) rs.getObject("message_outbox_id", Long.class));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	Optional<Blocker> load(long id) {
		return jdbc.sql("SELECT * FROM blockers WHERE id = :id").param("id", id).query(this::row).optional();
	}

	private Optional<Blocker> byNumber(DealRoom room, int number) {
		return jdbc.sql("SELECT * FROM blockers WHERE deal_key = :key AND number = :number")
			.param("key", room.key())
			.param("number", number)
			.query(this::row)
			.optional();
	}

	List<Blocker> open(DealRoom room) {
		return jdbc.sql("SELECT * FROM blockers WHERE deal_key = :key AND status = 'OPEN' ORDER BY number")
			.param("key", room.key())
			.query(this::row)
			.list();
	}

	// ---- the deal card's section

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		List<Blocker> open = open(room);
		if (open.isEmpty()) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.blocker.section", open.size()));
		for (Blocker b : open.subList(0, Math.min(ON_CARD, open.size()))) {
			lines.add(texts.text(locale, b.respondedAt() == null ? "deals.blocker.section.waiting" : "deals.blocker.section.answered",
					String.valueOf(b.number()), Html.cut(b.text().replaceAll("\\s+", " "), 80), support.name(b.raisedBy()),
					support.when(locale, room, b.responseDueAt())));
		}
		if (open.size() > ON_CARD) {
			lines.add(texts.text(locale, "deals.card.more", open.size() - ON_CARD));
		}
		return String.join("\n", lines);
	}
}
