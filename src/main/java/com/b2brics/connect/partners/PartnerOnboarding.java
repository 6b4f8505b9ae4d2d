package com.b2brics.connect.partners;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.PartnerTeams;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.ExpectedContact;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnContact;
import com.b2brics.connect.telegram.OnStart;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramLinks;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The onboarding conversation. An admin: {@code /partnercode [slug]} (or a partner picked from
 * buttons) → a one-time code and a text to forward with the join link. A partner's person: Start
 * with {@code join_<CODE>} or the code sent as text → asked to share their own contact → in the
 * partner's team; they and the admin who issued the code are told. Every refusal says why and
 * changes nothing. Runs inside the transaction handling the update.
 */
@Component
class PartnerOnboarding implements ExpectedText, ExpectedContact {

	private static final Logger log = LoggerFactory.getLogger(PartnerOnboarding.class);

	static final String COMMAND = "partnercode";
	static final String PICK = "pcode";
	static final String PAGE = "pcodes";
	static final int PAGE_SIZE = 10;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** What happened to a person's attempt to join with a code. */
	enum Outcome {
		JOINED, ALREADY_IN_THIS_TEAM, IN_ANOTHER_TEAM, USED, EXPIRED, UNKNOWN
	}

	private final JoinCodes codes;
	private final Catalog catalog;
	private final PartnerTeams teams;
	private final Accounts accounts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final TelegramLinks links;
	private final TelegramChats chats;
	private final Texts texts;
	private final PartnersProperties properties;
	private final Clock clock;

	PartnerOnboarding(JoinCodes codes, Catalog catalog, PartnerTeams teams, Accounts accounts, PlatformAdmins admins,
			Outbox outbox, TelegramLinks links, TelegramChats chats, Texts texts,
			PartnersProperties properties, Clock clock) {
		this.codes = codes;
		this.catalog = catalog;
		this.teams = teams;
		this.accounts = accounts;
		this.admins = admins;
		this.outbox = outbox;
		this.links = links;
		this.chats = chats;
		this.texts = texts;
		this.properties = properties;
		this.clock = clock;
	}

	// ---- the admin: issuing codes ----

	@OnStart(prefix = JoinCode.PAYLOAD_PREFIX)
	void start(CommandReceived command) {
		offer(command.user(), command.args(), accounts.of(command.user()));
	}

	@OnCommand(value = COMMAND, where = Where.PRIVATE, who = Who.ADMIN, help = "bot.command.partnercode", order = 10,
			wrongPlace = "partners.code.private", notAllowed = "partners.code.notadmin")
	void partnerCode(CommandReceived command) {
		long admin = command.user().id();
		Locale locale = accounts.of(command.user());
		String slug = command.args().strip().toLowerCase(Locale.ROOT);
		if (slug.isEmpty()) {
			choose(admin, locale, texts.text(locale, "partners.code.choose"));
			return;
		}
		Optional<Partner> partner = catalog.partner(slug);
		if (partner.isEmpty()) {
			choose(admin, locale, texts.text(locale, "partners.code.unknown", Html.escape(abbreviate(slug))));
			return;
		}
		issue(admin, locale, partner.get());
	}

	@OnButton({ PICK, PAGE })
	void on(ButtonPressed pressed) {
		long admin = pressed.user().id();
		Locale locale = accounts.of(pressed.user());
		if (!admins.contains(admin)) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "partners.code.notadmin"), true);
			return;
		}
		if (PAGE.equals(pressed.action())) {
			outbox.answerButton(pressed.callbackQueryId(), null, false);
			outbox.editKeyboard(pressed.chat().id(), MessageRef.telegram(pressed.messageId()),
					partnerButtons(admin, locale, catalog.partners(), parsePage(pressed.payload())));
			return;
		}
		Optional<Partner> partner = parseId(pressed.payload()).flatMap(catalog::partner);
		if (partner.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "partners.code.gone"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "partners.code.done", partner.get().companyName()), false);
		issue(admin, locale, partner.get());
	}

	private void choose(long admin, Locale locale, String html) {
		List<Partner> partners = catalog.partners();
		if (partners.isEmpty()) {
			tell(admin, texts.text(locale, "partners.code.none"), null);
			return;
		}
		tell(admin, html, partnerButtons(admin, locale, partners, 0));
	}

	/** One page of partner buttons, one per row, with ‹ › to turn pages when there are more. */
	private Keyboard.Inline partnerButtons(long admin, Locale locale, List<Partner> partners, int page) {
		int pages = Math.max(1, (partners.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		List<List<InlineButton>> rows = new ArrayList<>();
		partners.stream()
			.skip((long) current * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.forEach(p -> rows.add(List.of(InlineButton.callback(p.companyName(), PICK, Long.toString(p.id())).forUser(admin))));
		List<InlineButton> turn = new ArrayList<>();
		if (current > 0) {
			turn.add(InlineButton.callback(texts.text(locale, "partners.code.back"), PAGE, Integer.toString(current - 1)).forUser(admin));
		}
		if (current < pages - 1) {
			turn.add(InlineButton.callback(texts.text(locale, "partners.code.more"), PAGE, Integer.toString(current + 1)).forUser(admin));
		}
		if (!turn.isEmpty()) {
			rows.add(turn);
		}
		return Keyboard.inline(rows);
	}

	private void issue(long admin, Locale locale, Partner partner) {
		Instant now = clock.instant();
		Instant until = now.plus(properties.joinCodeValidity());
		String code = codes.issue(partner.id(), admin, now, until);
		String link = links.deepLink(JoinCode.PAYLOAD_PREFIX + code);
		String company = Html.escape(partner.companyName());
		log.info("Join code for partner {} issued by admin {}, valid until {}", partner.slug(), admin, until);
		tell(admin, texts.text(locale, "partners.code.issued", company, JoinCode.display(code), DATE.format(until)), null);
		tell(admin, texts.text(locale, "partners.code.invitation", company, link, JoinCode.display(code),
				chats.bot().username(), DATE.format(until)), null);
	}

	// ---- the partner's person: joining with a code ----

	/** The code as given (Start payload or text): a clear answer, or the request for their contact. */
	private void offer(TelegramUser user, String given, Locale locale) {
		Optional<JoinCodes.Code> found = JoinCode.parse(given).flatMap(codes::find);
		Optional<Partner> partner = found.flatMap(code -> catalog.partner(code.partnerId()));
		if (partner.isEmpty()) {
			log.info("Unknown join code from user {}", user.id());
			tell(user.id(), texts.text(locale, "partners.join.unknown"), null);
			return;
		}
		JoinCodes.Code code = found.get();
		Optional<Partner> mine = catalog.partnerOfTeamMember(user.id());
		String company = Html.escape(partner.get().companyName());
		if (mine.isPresent() && mine.get().id() == partner.get().id()) {
			tell(user.id(), texts.text(locale, "partners.join.already", company), null);
		}
		else if (code.used()) {
			tell(user.id(), texts.text(locale, "partners.join.used"), null);
		}
		else if (code.expiredAt(clock.instant())) {
			tell(user.id(), texts.text(locale, "partners.join.expired"), null);
		}
		else if (mine.isPresent()) {
			tell(user.id(), texts.text(locale, "partners.join.otherteam", Html.escape(mine.get().companyName())), null);
		}
		else {
			codes.pend(user.id(), code.code(), clock.instant());
			tell(user.id(), texts.text(locale, "partners.join.ask", company, texts.text(locale, "partners.join.share")),
					contactKeyboard(locale));
		}
	}

	@Override
	public boolean expects(ContactShared shared) {
		return shared.chat().isPrivate() && codes.pending(shared.user().id()).isPresent();
	}

	@OnContact
	void on(ContactShared shared) {
		TelegramUser user = shared.user();
		Locale locale = accounts.of(user);
		Optional<String> pending = codes.pending(user.id());
		if (pending.isEmpty()) {
			return;
		}
		if (!shared.own()) {
			log.info("User {} shared someone else's contact instead of their own", user.id());
			tell(user.id(), texts.text(locale, "partners.contact.foreign", texts.text(locale, "partners.join.share")),
					contactKeyboard(locale));
			return;
		}
		String code = pending.get();
		Outcome outcome = join(user, code, shared.phoneNumber());
		JoinCodes.Code issued = codes.find(code).orElseThrow();
		String company = catalog.partner(issued.partnerId()).map(Partner::companyName).map(Html::escape).orElse("?");
		switch (outcome) {
			case JOINED -> {
				tell(user.id(), texts.text(locale, "partners.join.welcome", company, Html.escape(user.firstName())), Keyboard.remove());
				long admin = issued.issuedBy();
				tell(admin, texts.text(accounts.localeOf(admin), "partners.joined.admin", Html.escape(who(user)), company,
						JoinCode.display(code), Html.escape(shared.phoneNumber())), null);
			}
			case ALREADY_IN_THIS_TEAM -> tell(user.id(), texts.text(locale, "partners.join.already", company), Keyboard.remove());
			case IN_ANOTHER_TEAM -> tell(user.id(), texts.text(locale, "partners.join.otherteam",
					catalog.partnerOfTeamMember(user.id()).map(Partner::companyName).map(Html::escape).orElse("?")),
					Keyboard.remove());
			case EXPIRED -> tell(user.id(), texts.text(locale, "partners.join.expired"), Keyboard.remove());
			case USED, UNKNOWN -> tell(user.id(), texts.text(locale, "partners.join.used"), Keyboard.remove());
		}
	}

	/**
	 * The person, whose own contact checked out, joins with the code: the code is used up and
	 * they are in the team, or nothing changes and the outcome says why. Their pending request is
	 * done either way.
	 */
	Outcome join(TelegramUser user, String code, String phone) {
		codes.clearPending(user.id());
		Optional<JoinCodes.Code> found = codes.find(code);
		Optional<Partner> partner = found.flatMap(c -> catalog.partner(c.partnerId()));
		if (partner.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		Optional<Partner> mine = catalog.partnerOfTeamMember(user.id());
		if (mine.isPresent()) {
			return mine.get().id() == partner.get().id() ? Outcome.ALREADY_IN_THIS_TEAM : Outcome.IN_ANOTHER_TEAM;
		}
		Instant now = clock.instant();
		if (!codes.redeem(code, user.id(), phone, now)) {
			// used by someone else (perhaps a moment ago, in a concurrent transaction), or expired
			return codes.find(code).map(c -> c.used() ? Outcome.USED : Outcome.EXPIRED).orElse(Outcome.UNKNOWN);
		}
		PartnerTeams.Outcome joined = teams.join(partner.get().id(), user.id(), user.displayName());
		if (joined != PartnerTeams.Outcome.JOINED) {
			// checked above in this transaction; only a concurrent change gets here: undo the redemption
			throw new IllegalStateException("user " + user.id() + " could not join partner " + partner.get().id() + ": " + joined);
		}
		log.info("User {} joined the team of partner {} with a join code issued by {}", user.id(), partner.get().slug(),
				found.get().issuedBy());
		return Outcome.JOINED;
	}

	// ---- free text: the code typed in, or anything while we wait for the contact ----

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isPrivate() && (JoinCode.parse(text.text()).isPresent()
				|| codes.livePending(text.user().id(), clock.instant()).isPresent());
	}

	@OnText
	void on(TextReceived text) {
		TelegramUser user = text.user();
		Locale locale = accounts.of(user);
		if (JoinCode.parse(text.text()).isPresent()) {
			offer(user, text.text(), locale);
			return;
		}
		if (codes.livePending(user.id(), clock.instant()).isEmpty()) {
			return;
		}
		if (isCancel(text.text())) {
			codes.clearPending(user.id());
			tell(user.id(), texts.text(locale, "partners.join.cancelled"), Keyboard.remove());
			return;
		}
		tell(user.id(), texts.text(locale, "partners.contact.expected", texts.text(locale, "partners.join.share"),
				texts.text(locale, "partners.join.cancel")), contactKeyboard(locale));
	}

	private boolean isCancel(String text) {
		String typed = text.strip();
		return UserLanguage.SUPPORTED.stream()
			.anyMatch(locale -> texts.text(locale, "partners.join.cancel").equalsIgnoreCase(typed));
	}

	private Keyboard contactKeyboard(Locale locale) {
		return new Keyboard.Reply(List.of(List.of(new Keyboard.ReplyButton(texts.text(locale, "partners.join.share"), true)),
				List.of(new Keyboard.ReplyButton(texts.text(locale, "partners.join.cancel"), false))), true, true);
	}

	private static String who(TelegramUser user) {
		return user.username() == null || user.username().isBlank() ? user.displayName()
				: user.displayName() + " (@" + user.username() + ")";
	}

	private void tell(long chatId, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(chatId, html).with(keyboard).priority(Priority.HIGH));
	}


	private static Optional<Long> parseId(String payload) {
		try {
			return Optional.of(Long.parseLong(payload));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static int parsePage(String payload) {
		return parseId(payload).map(Long::intValue).orElse(0);
	}

	private static String abbreviate(String text) {
		return text.length() > 64 ? text.substring(0, 64) + "…" : text;
	}
}
