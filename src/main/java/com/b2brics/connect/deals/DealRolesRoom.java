package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Who does what in a deal (issue 13 §7). When a partner invited into a running deal enters its
 * group, the bot asks them, and each of the deal's sides already there who was never asked, by name
 * and in their language, for their zone of responsibility (before that, /roles offers the same): buttons for the zones (the catalog's
 * specializations, named from the same bundle keys: {@code deals} may not depend on
 * {@code catalog}) that only they can press, and "in my own words", after which their next text
 * in the group (only theirs, for {@link #OWN_WORDS_WINDOW}) is the zone. {@code /roles} shows who
 * does what and where zones overlap (the same zone, or own words much alike: {@link ZoneOverlap}).
 */
@Component
class DealRolesRoom implements DealCardSection, ExpectedText {

	static final String ZONE = "role_zone";
	static final String OWN = "role_own";
	/** How long the group waits for the person's own words after they asked to write them. */
	static final Duration OWN_WORDS_WINDOW = Duration.ofMinutes(15);
	/** People listed on the card; the rest are counted. */
	static final int MAX_ON_CARD = 6;

	private final DealRooms rooms;
	private final RoleZones zones;
	private final DealEvents events;
	private final DealCard card;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final Clock clock;
	private final DealSupport support;
	private final GroupPool pool;
	private final GroupTexts groupTexts;

	DealRolesRoom(DealRooms rooms, RoleZones zones, DealEvents events, DealCard card, Accounts accounts, Texts texts,
			Outbox outbox, Clock clock, GroupPool pool, GroupTexts groupTexts, DealSupport support) {
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.rooms = rooms;
		this.zones = zones;
		this.events = events;
		this.card = card;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.clock = clock;
		this.support = support;
	}

	// --- asking

	@EventListener
	void on(MemberJoined joined) {
		if (joined.user().isBot() || !joined.chat().isGroup()) {
			return;
		}
		long chat = joined.chat().id();
		long user = joined.user().id();
		// work is split when one more partner comes into a running deal: until then the deal's two sides
		// state their zones from /roles if they wish, and no group gets questions it does not need
		if (pool.roleOf(chat, user).filter(role -> role == Role.INVITED_PARTNER).isEmpty()) {
			return;
		}
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty() || !room.get().isSide(user)) {
			return;
		}
		// the newcomer first, then each side already in the group who was never asked: one question to all
		// of them (one message, not one each: the group's 20 messages a minute are for the work)
		List<Long> candidates = new ArrayList<>();
		candidates.add(user);
		pool.roster(chat).keySet().stream().filter(member -> member != user && room.get().isSide(member)).forEach(candidates::add);
		List<Long> asked = new ArrayList<>();
		for (long person : candidates) {
			if (zones.asked(room.get().key(), person, chat, clock.instant())) {
				events.append(room.get().key(), 0, DealEventType.ROLE_ASKED, person, Map.of("chat", chat),
						"upd:" + joined.updateId() + ":role:" + person);
				asked.add(person);
			}
		}
		if (asked.isEmpty()) {
			return;
		}
		String names = asked.stream().map(support::mention).collect(Collectors.joining(", "));
		if (asked.size() == 1) {
			Locale locale = accounts.localeOf(user);
			outbox.send(OutgoingMessage.to(chat, texts.text(locale, "deals.roles.ask", names))
				.with(choices(locale, user))
				.priority(Priority.HIGH));
			return;
		}
		// several people: in the group's languages, with buttons any of them may press for their own zone
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, locale -> texts.text(locale, "deals.roles.ask", names)))
			.with(choices(groupTexts.languagesOf(chat).get(0), null))
			.priority(Priority.HIGH));
	}

	/** The zone buttons, for that person only, or (user null) for whichever side presses them. */
	private Keyboard.Inline choices(Locale locale, Long user) {
		List<List<InlineButton>> rows = new ArrayList<>();
		List<InlineButton> row = new ArrayList<>();
		for (String code : RoleZones.CODES) {
			row.add(forUser(InlineButton.callback(zoneName(locale, code), ZONE, code), user));
			if (row.size() == 2) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		rows.add(List.of(forUser(InlineButton.callback(texts.text(locale, "deals.roles.own"), OWN, ""), user)));
		return Keyboard.inline(rows);
	}

	private static InlineButton forUser(InlineButton button, Long user) {
		return user == null ? button : button.forUser(user);
	}

	private String zoneName(Locale locale, String code) {
		return texts.text(locale, "catalog.specialization." + code);
	}

	// --- stating

	@OnButton(ZONE)
	void zone(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		String code = pressed.payload();
		Optional<DealRoom> room = rooms.in(pressed.chat().id());
		if (!RoleZones.CODES.contains(code) || room.isEmpty() || !room.get().isSide(pressed.user().id())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.roles.notallowed"), true);
			return;
		}
		long user = pressed.user().id();
		String name = zoneName(locale, code);
		if (!zones.addCode(room.get().key(), user, pressed.chat().id(), code, clock.instant())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.roles.already", name), false);
			return;
		}
		if (events.append(room.get().key(), user, DealEventType.ROLE_STATED, user, Map.of("zone", code),
				"cb:" + pressed.callbackQueryId()).isEmpty()) {
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.roles.noted", name), false);
		card.changed(room.get());
	}

	@OnButton(OWN)
	void ownWords(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long chat = pressed.chat().id();
		long user = pressed.user().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty() || !room.get().isSide(user)) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.roles.notallowed"), true);
			return;
		}
		Instant now = clock.instant();
		zones.awaitText(room.get().key(), user, chat, now.plus(OWN_WORDS_WINDOW), now);
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.send(OutgoingMessage.to(chat, texts.text(locale, "deals.roles.write", support.mention(user), RoleZones.MAX_TEXT))
			.priority(Priority.ANSWER));
	}

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isGroup() && zones.awaitingText(text.chat().id(), text.user().id(), clock.instant()).isPresent();
	}

	@OnText(Where.GROUP)
	void on(TextReceived text) {
		long chat = text.chat().id();
		long user = text.user().id();
		Locale locale = accounts.of(text.user());
		Instant now = clock.instant();
		Optional<RoleZones.Row> awaiting = zones.awaitingText(chat, user, now);
		if (awaiting.isEmpty()) {
			return;
		}
		String zone = text.text() == null ? "" : text.text().strip().replaceAll("\\s+", " ");
		if (zone.isEmpty()) {
			return;
		}
		if (zone.length() > RoleZones.MAX_TEXT) {
			support.reply(chat, text.messageId(), texts.text(locale, "deals.roles.long", zone.length(), RoleZones.MAX_TEXT));
			return;
		}
		Optional<DealRoom> room = rooms.in(chat).filter(r -> r.key().equals(awaiting.get().dealKey()));
		if (room.isEmpty() || !zones.stateText(awaiting.get().dealKey(), user, zone, now)) {
			return;
		}
		if (events.append(room.get().key(), user, DealEventType.ROLE_STATED, user, Map.of("text", zone), "upd:" + text.updateId())
			.isEmpty()) {
			throw new IllegalStateException("update " + text.updateId() + " handled twice");
		}
		support.reply(chat, text.messageId(), texts.text(locale, "deals.roles.noted.text"));
		card.changed(room.get());
	}

	// --- showing

	@OnCommand(value = "roles", where = Where.DEAL_GROUP, who = Who.ANYONE, help = "bot.command.roles", order = 48,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal")
	void roles(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.nodeal"));
			return;
		}
		List<RoleZones.Row> rows = zones.ofDeal(room.get().key());
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.roles.title"));
		List<RoleZones.Row> stated = rows.stream().filter(RoleZones.Row::stated).toList();
		stated.forEach(row -> lines.add(line(locale, room.get(), row, 100)));
		if (stated.isEmpty()) {
			lines.add(texts.text(locale, "deals.roles.nobody"));
		}
		List<String> waiting = rows.stream().filter(r -> !r.stated()).map(r -> Html.cut(accounts.nameOf(r.userId()), 64)).toList();
		if (!waiting.isEmpty()) {
			lines.add(texts.text(locale, "deals.roles.waiting", String.join(", ", waiting)));
		}
		List<ZoneOverlap.Overlap> overlaps = ZoneOverlap.of(stated.stream().map(RoleZones.Row::zone).toList());
		for (ZoneOverlap.Overlap overlap : overlaps) {
			String first = Html.cut(accounts.nameOf(overlap.first()), 64);
			String second = Html.cut(accounts.nameOf(overlap.second()), 64);
			lines.add(overlap.sharedCodes().isEmpty() ? texts.text(locale, "deals.roles.overlap.text", first, second)
					: texts.text(locale, "deals.roles.overlap", first, second,
							overlap.sharedCodes().stream().map(c -> zoneName(locale, c)).collect(Collectors.joining(", "))));
		}
		if (!overlaps.isEmpty()) {
			lines.add(texts.text(locale, "deals.roles.overlap.hint"));
		}
		OutgoingMessage message = OutgoingMessage.to(chat, String.join("\n", lines)).replyTo(command.messageId()).priority(Priority.ANSWER);
		// a side sees the buttons to state (or add to) their own zone
		if (room.get().isSide(command.user().id())) {
			message = message.with(choices(locale, command.user().id()));
		}
		outbox.send(message);
	}

	private String line(Locale locale, DealRoom room, RoleZones.Row row, int textMax) {
		String side = room.isCustomer(row.userId()) ? "customer" : room.isSupplier(row.userId()) ? "supplier" : "staff";
		List<String> parts = new ArrayList<>();
		if (!row.codes().isEmpty()) {
			parts.add(Html.escape(row.codes().stream().map(c -> zoneName(locale, c)).collect(Collectors.joining(", "))));
		}
		if (row.text() != null && !row.text().isBlank()) {
			parts.add("«" + Html.cut(row.text(), textMax) + "»");
		}
		return texts.text(locale, "deals.roles.line." + side, Html.cut(accounts.nameOf(row.userId()), 64), String.join(" — ", parts));
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		List<RoleZones.Row> stated = zones.ofDeal(room.key()).stream().filter(RoleZones.Row::stated).toList();
		if (stated.isEmpty()) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.roles.card.title"));
		stated.stream().limit(MAX_ON_CARD).forEach(row -> lines.add(line(locale, room, row, 40)));
		if (stated.size() > MAX_ON_CARD) {
			lines.add(texts.text(locale, "deals.card.more", stated.size() - MAX_ON_CARD));
		}
		int overlaps = ZoneOverlap.of(stated.stream().map(RoleZones.Row::zone).toList()).size();
		if (overlaps > 0) {
			lines.add(texts.text(locale, "deals.roles.card.overlaps", overlaps));
		}
		return String.join("\n", lines);
	}

}
