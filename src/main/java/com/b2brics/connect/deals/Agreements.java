package com.b2brics.connect.deals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
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
import com.b2brics.connect.telegram.TextEdited;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Agreements in writing (issue 13 §4): {@code /agree <text>} posts an agreement card that each
 * named party confirms with <b>Confirm</b>; once all have confirmed the same version it is
 * CONFIRMED and listed on the deal card. Changing the text — editing the {@code /agree} message,
 * or {@code /agree <new text>} as a reply to the agreement's card — makes the next version, posted
 * as a new card (an edit would notify nobody), and drops the earlier confirmations. Each version's
 * exact text is kept with the SHA-256 of its UTF-8 bytes, so that the record can be proven later.
 * <p>
 * <b>The named parties</b> are the parties of the deal present in its group, one confirmation
 * each, by any of its people there: the customer side (the importer; the exporter or their
 * manager), the partner's team (the company doing the work), and each invited partner in the group
 * on their own (another company; the deal room cannot tell which invited people share one). A
 * company's commitment is what an agreement records: a second colleague of a side that confirmed
 * is told who confirmed for them, and an agreement needs at least two parties.
 */
@Component
class Agreements implements DealCardSection {

	static final String CONFIRM = "agr_ok";
	/** Most agreements a deal holds. */
	static final int MAX_PER_DEAL = 100;
	/** Agreements listed on the deal card; the rest are counted. */
	static final int ON_CARD = 4;
	private static final Pattern EDITED = Pattern.compile("^/agree(?:@\\w+)?(?:\\s+|$)(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private final DealRooms rooms;
	private final DealEvents events;
	private final DealCard card;
	private final DealSupport support;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final JdbcClient jdbc;

	Agreements(DealRooms rooms, DealEvents events, DealCard card, DealSupport support, GroupPool pool, GroupTexts groupTexts,
			Accounts accounts, Texts texts, Outbox outbox, JdbcClient jdbc) {
		this.rooms = rooms;
		this.events = events;
		this.card = card;
		this.support = support;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	record Agreement(long id, String dealKey, long chatId, int number, int version, String text, String sha256, String status) {

		boolean confirmed() {
			return "CONFIRMED".equals(status);
		}
	}

	record Confirmation(String party, long userId, Instant at) {
	}

	/** SHA-256 of the exact text's UTF-8 bytes, lower-case hex. */
	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The text of an edited message if it is an {@code /agree} command (possibly empty); empty when it is not one. */
	static Optional<String> editedAgreeText(String message) {
		if (message == null) {
			return Optional.empty();
		}
		Matcher m = EDITED.matcher(message.strip());
		return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
	}

	/** Which party a person confirms for: customer, partner, supplier:&lt;id&gt; (an invited partner); null for nobody's. */
	static String partyOf(DealRoom room, long userId) {
		if (room.isCustomer(userId)) {
			return "customer";
		}
		if (room.roles().isPartner(userId)) {
			return "partner";
		}
		return room.isSupplier(userId) ? "supplier:" + userId : null;
	}

	/** The named parties: those with someone in the group now, customer first. */
	List<String> parties(DealRoom room) {
		Set<String> parties = new LinkedHashSet<>();
		List<String> found = pool.roster(room.chatId()).keySet().stream().map(user -> partyOf(room, user)).filter(p -> p != null).toList();
		if (found.contains("customer")) {
			parties.add("customer");
		}
		if (found.contains("partner")) {
			parties.add("partner");
		}
		parties.addAll(found);
		return new ArrayList<>(parties);
	}

	// ---- /agree

	@OnCommand(value = "agree", where = Where.DEAL_GROUP, who = Who.DEAL_SIDE, help = "bot.command.agree", order = 44,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "deals.agree.notparty")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			support.answer(chat, command.messageId(), locale, "deals.nodeal");
			return;
		}
		String text = command.args() == null ? "" : command.args().strip();
		if (!acceptable(text, chat, command.messageId(), locale)) {
			return;
		}
		if (command.replyToMessageId() != 0) {
			Optional<Agreement> target = byCard(room.get(), command.replyToMessageId());
			if (target.isPresent()) {
				newVersion(room.get(), target.get(), command.user().id(), text, command.messageId(), "upd:" + command.updateId(), locale);
				return;
			}
		}
		post(room.get(), command.user().id(), text, command.messageId(), "upd:" + command.updateId(), locale);
	}

	/** Empty and oversize texts are refused with an answer; true when the text may be stored. */
	private boolean acceptable(String text, long chat, long messageId, Locale locale) {
		if (text.isEmpty()) {
			support.answer(chat, messageId, locale, "deals.agree.empty", DealSupport.MAX_TEXT);
			return false;
		}
		if (text.length() > DealSupport.MAX_TEXT) {
			support.answer(chat, messageId, locale, "deals.agree.toolong", DealSupport.MAX_TEXT, text.length());
			return false;
		}
		return true;
	}

	private void post(DealRoom room, long by, String text, long sourceMessage, String idempotencyKey, Locale locale) {
		support.lock(room);
		int count = jdbc.sql("SELECT COUNT(*) FROM agreements WHERE deal_key = :key").param("key", room.key()).query(Integer.class).single();
		if (count >= MAX_PER_DEAL) {
			support.answer(room.chatId(), sourceMessage, locale, "deals.agree.toomany", MAX_PER_DEAL);
			return;
		}
		OffsetDateTime now = DealSupport.at(support.now());
		String sha = sha256(text);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO agreements (deal_key, chat_id, number, version, text, text_sha256, status, created_by, created_at, updated_at)
				VALUES (:key, :chat, :number, 1, :text, :sha, 'OPEN', :by, :now, :now)""")
			.param("key", room.key())
			.param("chat", room.chatId())
			.param("number", count + 1)
			.param("text", text)
			.param("sha", sha)
			.param("by", by)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (events.append(room.key(), by, DealEventType.AGREEMENT_POSTED, id,
				Map.of("number", count + 1, "version", 1, "sha256", sha), idempotencyKey).isEmpty()) {
			throw new IllegalStateException("agreement posted twice by one update: " + idempotencyKey);
		}
		Agreement agreement = load(id).orElseThrow();
		addVersion(agreement, by, sourceMessage, now);
		postCard(room, agreement);
		card.changed(room);
	}

	private void addVersion(Agreement agreement, long by, long sourceMessage, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO agreement_versions (agreement_id, version, text, text_sha256, created_by, created_at, source_message_id)
				VALUES (:id, :version, :text, :sha, :by, :now, :source)""")
			.param("id", agreement.id())
			.param("version", agreement.version())
			.param("text", agreement.text())
			.param("sha", agreement.sha256())
			.param("by", by)
			.param("now", now)
			.param("source", sourceMessage)
			.update();
	}

	private void newVersion(DealRoom room, Agreement was, long by, String text, long sourceMessage, String idempotencyKey, Locale locale) {
		support.lock(room);
		Agreement current = load(was.id()).orElseThrow();
		if (current.text().equals(text)) {
			support.answer(room.chatId(), sourceMessage, locale, "deals.agree.unchanged", String.valueOf(current.number()));
			return;
		}
		String sha = sha256(text);
		OffsetDateTime now = DealSupport.at(support.now());
		int next = current.version() + 1;
		int changed = jdbc.sql("""
				UPDATE agreements SET version = :next, text = :text, text_sha256 = :sha, status = 'OPEN', confirmed_at = NULL,
				       updated_at = :now
				WHERE id = :id AND version = :was""")
			.param("next", next)
			.param("text", text)
			.param("sha", sha)
			.param("now", now)
			.param("id", current.id())
			.param("was", current.version())
			.update();
		if (changed == 0 || events.append(room.key(), by, DealEventType.AGREEMENT_VERSIONED, current.id(),
				Map.of("number", current.number(), "version", next, "sha256", sha, "previousSha256", current.sha256()),
				idempotencyKey).isEmpty()) {
			throw new IllegalStateException("agreement " + current.id() + " changed under its lock");
		}
		Agreement updated = load(current.id()).orElseThrow();
		addVersion(updated, by, sourceMessage, now);
		cardOf(current.id(), current.version()).ifPresent(old -> outbox.editText(room.chatId(), MessageRef.queued(old),
				html(room, current, true), keyboard(room, current), Priority.NORMAL));
		postCard(room, updated);
		card.changed(room);
	}

	/** The agreement one of whose cards (any version's) has this Telegram message id. */
	private Optional<Agreement> byCard(DealRoom room, long messageId) {
		List<Map<String, Object>> cards = jdbc.sql("""
				SELECT v.agreement_id, v.card_outbox_id, v.source_message_id FROM agreement_versions v
				JOIN agreements a ON a.id = v.agreement_id
				WHERE a.deal_key = :key ORDER BY v.agreement_id DESC, v.version DESC""")
			.param("key", room.key())
			.query()
			.listOfRows();
		for (Map<String, Object> row : cards) {
			Object outboxId = row.get("card_outbox_id");
			if (outboxId != null && outbox.telegramMessageId(((Number) outboxId).longValue()).filter(id -> id == messageId).isPresent()) {
				return load(((Number) row.get("agreement_id")).longValue());
			}
		}
		return Optional.empty();
	}

	/**
	 * Editing the {@code /agree} message in Telegram makes the next version (Telegram sends the whole
	 * new text); editing an {@code /agree} that was refused (empty, too long) into a good one posts it.
	 */
	@EventListener
	void on(TextEdited edited) {
		if (!edited.chat().isGroup()) {
			return;
		}
		Optional<String> text = editedAgreeText(edited.text());
		if (text.isEmpty()) {
			return;
		}
		Optional<Long> agreementId = jdbc.sql("""
				SELECT v.agreement_id FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id
				WHERE a.chat_id = :chat AND v.source_message_id = :message ORDER BY v.version DESC""")
			.param("chat", edited.chat().id())
			.param("message", edited.messageId())
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
		if (agreementId.isEmpty()) {
			// an /agree that was refused (empty, too long) and is now put right: the agreement it meant
			Optional<DealRoom> room = rooms.existing(edited.chat().id()).filter(r -> r.isSide(edited.user().id()));
			Locale locale = accounts.of(edited.user());
			if (room.isPresent() && acceptable(text.get(), edited.chat().id(), edited.messageId(), locale)) {
				post(room.get(), edited.user().id(), text.get(), edited.messageId(), "upd:" + edited.updateId(), locale);
			}
			return;
		}
		Optional<DealRoom> room = rooms.existing(edited.chat().id());
		Optional<Agreement> agreement = load(agreementId.get());
		if (room.isEmpty() || agreement.isEmpty() || !agreement.get().dealKey().equals(room.get().key())
				|| !room.get().isSide(edited.user().id())) {
			return;
		}
		Locale locale = accounts.of(edited.user());
		if (acceptable(text.get(), edited.chat().id(), edited.messageId(), locale)) {
			newVersion(room.get(), agreement.get(), edited.user().id(), text.get(), edited.messageId(), "upd:" + edited.updateId(), locale);
		}
	}

	// ---- Confirm

	@OnButton(CONFIRM)
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long user = pressed.user().id();
		String[] parts = pressed.payload().split(":");
		Optional<DealRoom> room = rooms.in(pressed.chat().id());
		Optional<Agreement> found = parts.length == 2 ? load(Long.parseLong(parts[0])) : Optional.empty();
		if (room.isEmpty() || found.isEmpty() || !found.get().dealKey().equals(room.get().key())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.nodeal"), true);
			return;
		}
		String party = partyOf(room.get(), user);
		if (party == null) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.agree.notparty"), true);
			return;
		}
		support.lock(room.get());
		Agreement agreement = load(found.get().id()).orElseThrow();
		int version = Integer.parseInt(parts[1]);
		if (version != agreement.version()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.agree.oldversion", String.valueOf(agreement.number()),
					version, agreement.version()), true);
			return;
		}
		if (agreement.confirmed()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.agree.completed"), false);
			return;
		}
		Optional<Confirmation> earlier = confirmations(agreement).stream().filter(c -> c.party().equals(party)).findFirst();
		if (earlier.isPresent()) {
			outbox.answerButton(pressed.callbackQueryId(), earlier.get().userId() == user
					? texts.text(locale, "deals.agree.already")
					: texts.text(locale, "deals.agree.sideconfirmed", Html.cutPlain(accounts.nameOf(earlier.get().userId()), 64)), false);
			return;
		}
		Instant now = support.now();
		jdbc.sql("INSERT INTO agreement_confirmations (agreement_id, version, party, user_id, at) VALUES (:id, :version, :party, :user, :at)")
			.param("id", agreement.id())
			.param("version", agreement.version())
			.param("party", party)
			.param("user", user)
			.param("at", DealSupport.at(now))
			.update();
		if (events.append(room.get().key(), user, DealEventType.AGREEMENT_CONFIRMED, agreement.id(),
				Map.of("number", agreement.number(), "version", agreement.version(), "sha256", agreement.sha256(), "party", party),
				"cb:" + pressed.callbackQueryId()).isEmpty()) {
			throw new IllegalStateException("a press confirmed twice: " + pressed.callbackQueryId());
		}
		List<String> parties = parties(room.get());
		Set<String> confirmed = new LinkedHashSet<>();
		confirmations(agreement).forEach(c -> confirmed.add(c.party()));
		boolean complete = parties.size() >= 2 && confirmed.containsAll(parties);
		if (complete && jdbc.sql("""
				UPDATE agreements SET status = 'CONFIRMED', confirmed_at = :now, updated_at = :now
				WHERE id = :id AND version = :version AND status = 'OPEN'""")
			.param("now", DealSupport.at(now))
			.param("id", agreement.id())
			.param("version", agreement.version())
			.update() == 1) {
			events.append(room.get().key(), user, DealEventType.AGREEMENT_COMPLETED, agreement.id(),
					Map.of("number", agreement.number(), "version", agreement.version(), "sha256", agreement.sha256(),
							"parties", List.copyOf(confirmed)), null);
		}
		Agreement now2 = load(agreement.id()).orElseThrow();
		cardOf(now2.id(), now2.version()).ifPresent(id -> outbox.editText(room.get().chatId(), MessageRef.queued(id),
				html(room.get(), now2, false), keyboard(room.get(), now2), Priority.NORMAL));
		card.changed(room.get());
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, complete ? "deals.agree.completed" : "deals.agree.thanks"), false);
	}

	// ---- the agreement's card

	private void postCard(DealRoom room, Agreement agreement) {
		long id = outbox.send(OutgoingMessage.to(room.chatId(), html(room, agreement, false)).with(keyboard(room, agreement))
			.priority(Priority.ANSWER));
		jdbc.sql("UPDATE agreement_versions SET card_outbox_id = :card WHERE agreement_id = :id AND version = :version")
			.param("card", id)
			.param("id", agreement.id())
			.param("version", agreement.version())
			.update();
	}

	private Optional<Long> cardOf(long agreementId, int version) {
		return jdbc.sql("SELECT card_outbox_id FROM agreement_versions WHERE agreement_id = :id AND version = :version")
			.param("id", agreementId)
			.param("version", version)
			.query((rs, n) -> (Long) rs.getObject("card_outbox_id", Long.class))
			.optional()
			.filter(id -> id != null);
	}

	/** The card of one version: the text once, what it needs and who confirmed when in each of the group's languages. */
	String html(DealRoom room, Agreement agreement, boolean superseded) {
		List<Confirmation> confirmations = superseded ? List.of() : confirmations(agreement);
		List<String> parties = parties(room);
		String head = groupTexts.forGroup(room.chatId(), locale -> texts.text(locale, "deals.agree.card.title",
				String.valueOf(agreement.number()), agreement.version()));
		String body = "<blockquote>" + Html.escape(agreement.text()) + "</blockquote>\nSHA-256: <code>" + agreement.sha256() + "</code>";
		String status = groupTexts.forGroup(room.chatId(), locale -> status(room, agreement, superseded, parties, confirmations, locale));
		String html = head + "\n" + body + "\n\n" + status;
		if (Html.visibleLength(html) > DealCard.MAX_CARD) {
			Locale first = groupTexts.languagesOf(room.chatId()).get(0);
			html = texts.text(first, "deals.agree.card.title", String.valueOf(agreement.number()), agreement.version()) + "\n" + body
					+ "\n\n" + status(room, agreement, superseded, parties, confirmations, first);
		}
		return html;
	}

	private String status(DealRoom room, Agreement agreement, boolean superseded, List<String> parties, List<Confirmation> confirmations,
			Locale locale) {
		if (superseded) {
			return texts.text(locale, "deals.agree.card.superseded", agreement.version() + 1);
		}
		List<String> lines = new ArrayList<>();
		Map<String, Confirmation> byParty = new LinkedHashMap<>();
		confirmations.forEach(c -> byParty.put(c.party(), c));
		Set<String> shown = new LinkedHashSet<>(parties);
		shown.addAll(byParty.keySet());
		for (String party : shown) {
			Confirmation c = byParty.get(party);
			lines.add(c != null
					? texts.text(locale, "deals.agree.card.confirmedby", support.name(c.userId()), partyName(party, locale),
							support.when(locale, room, c.at()))
					: texts.text(locale, "deals.agree.card.awaiting", partyName(party, locale)));
		}
		lines.add(agreement.confirmed() ? texts.text(locale, "deals.agree.card.confirmed")
				: texts.text(locale, "deals.agree.card.open"));
		return String.join("\n", lines);
	}

	private String partyName(String party, Locale locale) {
		if (party.equals("customer")) {
			return texts.text(locale, "deals.agree.party.customer");
		}
		if (party.equals("partner")) {
			return texts.text(locale, "deals.agree.party.partner");
		}
		return support.name(Long.parseLong(party.substring("supplier:".length())));
	}

	private Keyboard.Inline keyboard(DealRoom room, Agreement agreement) {
		if (agreement.confirmed()) {
			return null;
		}
		Locale locale = groupTexts.languagesOf(room.chatId()).get(0);
		return Keyboard.inline(List.of(List.of(InlineButton.callback(texts.text(locale, "deals.agree.button.confirm"), CONFIRM,
				agreement.id() + ":" + agreement.version()))));
	}

	// ---- reading

	Optional<Agreement> load(long id) {
		return jdbc.sql("SELECT * FROM agreements WHERE id = :id")
			.param("id", id)
			.query(Agreements::agreement)
			.optional();
	}

	private static Agreement agreement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Agreement(rs.getLong("id"), rs.getString("deal_key"), rs.getLong("chat_id"), rs.getInt("number"),
				rs.getInt("version"), rs.getString("text"), rs.getString("text_sha256"), rs.getString("status"));
	}

	List<Confirmation> confirmations(Agreement agreement) {
		return jdbc.sql("SELECT party, user_id, at FROM agreement_confirmations WHERE agreement_id = :id AND version = :version ORDER BY at")
			.param("id", agreement.id())
			.param("version", agreement.version())
			.query((rs, n) -> new Confirmation(rs.getString("party"), rs.getLong("user_id"),
					rs.getObject("at", OffsetDateTime.class).toInstant()))
			.list();
	}

	// ---- the deal card's section

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		List<Agreement> all = jdbc.sql("SELECT * FROM agreements WHERE deal_key = :key ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, number DESC")
			.param("key", room.key())
			.query(Agreements::agreement)
			.list();
		if (all.isEmpty()) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.agree.section"));
		for (Agreement a : all.subList(0, Math.min(ON_CARD, all.size()))) {
			String hash = a.sha256().substring(0, 8);
			String text = Html.cut(a.text().replaceAll("\\s+", " "), 60);
			lines.add(a.confirmed() ? texts.text(locale, "deals.agree.section.confirmed", String.valueOf(a.number()), a.version(), hash, text)
					: texts.text(locale, "deals.agree.section.open", String.valueOf(a.number()), a.version(), hash, text,
							confirmations(a).size(), parties(room).size()));
		}
		if (all.size() > ON_CARD) {
			lines.add(texts.text(locale, "deals.card.more", all.size() - ON_CARD));
		}
		return String.join("\n", lines);
	}
}
