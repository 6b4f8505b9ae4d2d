package com.b2brics.connect.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.leads.SiteUrl;
import com.b2brics.connect.partners.CabinetEntry;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramLinks;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;

/**
 * The Referrals part of the partner's cabinet in the bot: the partner's codes with today's
 * figures, a new code (with a label typed in, or none), each code's card with its links, copy
 * buttons and texts ready to paste, deactivation after a confirmation, and the statistics. Only
 * members of the partner's team; every button is made for the person who got it, and a press on
 * a code of another partner (a stale button after a team change) changes nothing.
 */
@Component
class ReferralCabinet implements CabinetEntry, ExpectedText {

	private static final Logger log = LoggerFactory.getLogger(ReferralCabinet.class);

	static final String LIST = "refs";
	static final String NEW = "refnew";
	static final String SKIP = "refskip";
	static final String CARD = "refcard";
	static final String OFF = "refoff";
	static final String OFF_CONFIRMED = "refoffok";
	static final String STATS = "refstats";
	/** The partners module's cabinet button, for the way back. */
	static final String CABINET = "cabinet";
	static final int LABEL_MAX = 40;
	static final int CODES_SHOWN = 30;


	private final ReferralCodes codes;
	private final ReferralStatistics statistics;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final TelegramLinks links;
	private final SiteUrl site;
	private final ReferralsProperties properties;
	private final Clock clock;

	ReferralCabinet(ReferralCodes codes, ReferralStatistics statistics, Catalog catalog, Accounts accounts, Outbox outbox,
			Texts texts, TelegramLinks links, SiteUrl site, ReferralsProperties properties, Clock clock) {
		this.codes = codes;
		this.statistics = statistics;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.links = links;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Optional<InlineButton> button(Partner partner, long userId, Locale locale) {
		return Optional.of(InlineButton.callback(texts.text(locale, "referrals.cabinet.button"), LIST, "").forUser(userId));
	}

	@OnButton({ LIST, NEW, SKIP, CARD, OFF, OFF_CONFIRMED, STATS })
	void on(ButtonPressed pressed) {
		String action = pressed.action();
		long user = pressed.user().id();
		Locale locale = accounts.of(pressed.user());
		Optional<Partner> partner = partnerOf(user);
		if (partner.isEmpty()) {
			log.info("Referrals button {} pressed by user {}, who is on no partner's team", action, user);
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "referrals.notpartner"), true);
			return;
		}
		Partner mine = partner.get();
		switch (action) {
			case LIST -> {
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				list(user, locale, mine);
			}
			case STATS -> {
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				stats(user, locale, mine);
			}
			case NEW -> {
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				codes.askLabel(user, mine.id(), clock.instant());
				tell(user, texts.text(locale, "referrals.label.ask", LABEL_MAX), Keyboard.column(skip(user, locale)));
			}
			case SKIP -> {
				if (!codes.clearLabel(user)) {
					outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "referrals.label.late"), true);
					return;
				}
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				create(user, locale, mine, null);
			}
			default -> {
				Optional<ReferralCodes.Code> code = ReferralCode.parse(pressed.payload()).flatMap(codes::find)
					.filter(c -> c.partnerId() == mine.id());
				if (code.isEmpty()) {
					log.warn("User {} of partner {} pressed {} on a code not theirs: {}", user, mine.slug(), action, pressed.payload());
					outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "referrals.code.notyours"), true);
					return;
				}
				codeAction(pressed, action, user, locale, mine, code.get());
			}
		}
	}

	private void codeAction(ButtonPressed pressed, String action, long user, Locale locale, Partner partner,
			ReferralCodes.Code code) {
		switch (action) {
			case CARD -> {
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				card(user, locale, partner, code);
			}
			case OFF -> {
				if (!code.active()) {
					outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "referrals.deactivate.already"), true);
					return;
				}
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				tell(user, texts.text(locale, "referrals.deactivate.confirm", code.code()), Keyboard.row(
						InlineButton.callback(texts.text(locale, "referrals.deactivate.yes"), OFF_CONFIRMED, code.code()).forUser(user),
						InlineButton.callback(texts.text(locale, "referrals.deactivate.no"), CARD, code.code()).forUser(user)));
			}
			default -> {
				if (!codes.deactivate(code.code(), partner.id(), user, clock.instant())) {
					outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "referrals.deactivate.already"), true);
					return;
				}
				log.info("Referral code {} of partner {} deactivated by user {}", code.code(), partner.slug(), user);
				outbox.answerButton(pressed.callbackQueryId(), null, false);
				tell(user, texts.text(locale, "referrals.deactivated", code.code()), Keyboard.column(back(user, locale)));
			}
		}
	}

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isPrivate() && labelPending(text.user().id()).isPresent();
	}

	@OnText
	void on(TextReceived text) {
		long user = text.user().id();
		Optional<Long> pending = labelPending(user);
		if (pending.isEmpty()) {
			return;
		}
		Locale locale = accounts.of(text.user());
		Optional<Partner> partner = partnerOf(user).filter(p -> p.id() == pending.get());
		if (partner.isEmpty()) {
			codes.clearLabel(user);
			tell(user, texts.text(locale, "referrals.notpartner"), null);
			return;
		}
		String label = text.text() == null ? "" : text.text().strip().replaceAll("\\s+", " ");
		if (label.isEmpty() || label.codePointCount(0, label.length()) > LABEL_MAX) {
			tell(user, texts.text(locale, "referrals.label.toolong", LABEL_MAX), Keyboard.column(skip(user, locale)));
			return;
		}
		if (codes.clearLabel(user)) {
			create(user, locale, partner.get(), label);
		}
	}

	/** The partner company of the person; an exporter's team is a team too, but codes are a partner's. */
	private Optional<Partner> partnerOf(long user) {
		return catalog.partnerOfTeamMember(user).filter(company -> !company.isExporter());
	}

	private Optional<Long> labelPending(long user) {
		return codes.labelAskedSince(user, clock.instant().minus(properties.labelWait()));
	}

	private void create(long user, Locale locale, Partner partner, String label) {
		Instant now = clock.instant();
		String code = codes.create(partner.id(), user, label, now);
		log.info("Referral code {} created for partner {} by user {}", code, partner.slug(), user);
		tell(user, texts.text(locale, "referrals.created"), null);
		card(user, locale, partner, codes.find(code).orElseThrow());
	}

	private void list(long user, Locale locale, Partner partner) {
		List<ReferralCodes.Code> all = codes.ofPartner(partner.id());
		String company = Html.escape(partner.companyName());
		List<InlineButton> buttons = new ArrayList<>();
		StringBuilder html = new StringBuilder();
		if (all.isEmpty()) {
			html.append(texts.text(locale, "referrals.list.none", company));
		}
		else {
			Map<String, ReferralStatistics.Periods> figures = statistics.perCode(partner.id(), today());
			html.append(texts.text(locale, "referrals.list.title", company));
			for (ReferralCodes.Code code : all.subList(0, Math.min(all.size(), CODES_SHOWN))) {
				ReferralStatistics.Figures today = figures.getOrDefault(code.code(), ReferralStatistics.Periods.NONE).today();
				html.append('\n').append(texts.text(locale, "referrals.list.line", code.code(), labelSuffix(code),
						figures(locale, today), code.active() ? "" : texts.text(locale, "referrals.list.inactive")));
				buttons.add(InlineButton.callback(code.label() == null ? code.code() : code.code() + " · " + abbreviate(code.label()),
						CARD, code.code()).forUser(user));
			}
		}
		buttons.add(InlineButton.callback(texts.text(locale, "referrals.new"), NEW, "").forUser(user));
		if (!all.isEmpty()) {
			buttons.add(InlineButton.callback(texts.text(locale, "referrals.stats"), STATS, "").forUser(user));
		}
		buttons.add(InlineButton.callback(texts.text(locale, "partners.cabinet.back"), CABINET, "").forUser(user));
		tell(user, html.toString(), Keyboard.column(buttons.toArray(InlineButton[]::new)));
	}

	private void card(long user, Locale locale, Partner partner, ReferralCodes.Code code) {
		String siteLink = site.root() + "/r/" + code.code();
		String botLink = links.deepLink(ReferralCode.PAYLOAD_PREFIX + code.code());
		// Telegram copies at most 256 characters: a very long company name is shortened so the link fits
		String name = partner.companyName().length() > 100 ? partner.companyName().substring(0, 100) + "…" : partner.companyName();
		List<Locale> languages = pasteLanguages(partner, locale);
		StringBuilder pastes = new StringBuilder();
		List<InlineButton> copies = new ArrayList<>();
		for (Locale language : languages) {
			String paste = texts.text(language, "referrals.paste", code.code(), name, siteLink);
			pastes.append("\n").append(Html.escape(UserLanguage.nativeName(language))).append(": ").append(Html.escape(paste));
			copies.add(InlineButton.copy(texts.text(locale, "referrals.copy.text", language.getLanguage().toUpperCase(Locale.ROOT)),
					copyable(paste)));
		}
		String html = texts.text(locale, "referrals.card", code.code(),
				code.label() == null ? "" : texts.text(locale, "referrals.card.label", Html.escape(code.label())), siteLink, botLink,
				pastes.toString(), code.active() ? "" : texts.text(locale, "referrals.card.inactive"));
		List<List<InlineButton>> rows = new ArrayList<>();
		rows.add(List.of(InlineButton.copy(texts.text(locale, "referrals.copy.code"), code.code()),
				InlineButton.copy(texts.text(locale, "referrals.copy.site"), siteLink),
				InlineButton.copy(texts.text(locale, "referrals.copy.bot"), botLink)));
		for (int i = 0; i < copies.size(); i += 3) {
			rows.add(List.copyOf(copies.subList(i, Math.min(copies.size(), i + 3))));
		}
		if (code.active()) {
			rows.add(List.of(InlineButton.callback(texts.text(locale, "referrals.deactivate"), OFF, code.code()).forUser(user)));
		}
		rows.add(List.of(back(user, locale)));
		tell(user, html, Keyboard.inline(rows));
	}

	/**
	 * The languages to give the texts to paste in: those of the storefronts the partner serves (their
	 * buyers read them), else the person's own; English always; each once.
	 */
	private List<Locale> pasteLanguages(Partner partner, Locale own) {
		Set<Locale> languages = new LinkedHashSet<>();
		for (String slug : partner.storefronts()) {
			catalog.storefront(slug).ifPresent(storefront -> storefront.languages()
				.forEach(language -> UserLanguage.supported(language).ifPresent(languages::add)));
		}
		if (languages.isEmpty()) {
			languages.add(own);
		}
		languages.add(Locale.ENGLISH);
		return List.copyOf(languages);
	}

	private void stats(long user, Locale locale, Partner partner) {
		Map<String, ReferralStatistics.Periods> perCode = statistics.perCode(partner.id(), today());
		ReferralStatistics.Periods total = perCode.values().stream().reduce(ReferralStatistics.Periods.NONE,
				ReferralStatistics.Periods::plus);
		StringBuilder html = new StringBuilder(texts.text(locale, "referrals.stats.title", Html.escape(partner.companyName()),
				periods(locale, total)));
		List<ReferralCodes.Code> all = codes.ofPartner(partner.id());
		for (ReferralCodes.Code code : all.subList(0, Math.min(CODES_SHOWN, all.size()))) {
			html.append(texts.text(locale, "referrals.stats.code", code.code(), labelSuffix(code),
					periods(locale, perCode.getOrDefault(code.code(), ReferralStatistics.Periods.NONE))));
		}
		tell(user, html.toString(), Keyboard.column(back(user, locale)));
	}

	private String periods(Locale locale, ReferralStatistics.Periods periods) {
		return texts.text(locale, "referrals.stats.periods", figures(locale, periods.today()), figures(locale, periods.week()),
				figures(locale, periods.month()));
	}

	private String figures(Locale locale, ReferralStatistics.Figures figures) {
		return texts.text(locale, "referrals.stats.figures", Long.toString(figures.clicks()), Long.toString(figures.requests()),
				Long.toString(figures.registrations()), Long.toString(figures.confirmed()));
	}

	private static String labelSuffix(ReferralCodes.Code code) {
		return code.label() == null ? "" : " · " + Html.escape(code.label());
	}

	private java.time.LocalDate today() {
		return ReferralEvents.dayOf(clock.instant());
	}

	private InlineButton skip(long user, Locale locale) {
		return InlineButton.callback(texts.text(locale, "referrals.label.skip"), SKIP, "").forUser(user);
	}

	private InlineButton back(long user, Locale locale) {
		return InlineButton.callback(texts.text(locale, "referrals.back"), LIST, "").forUser(user);
	}

	private void tell(long user, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(user, html).with(keyboard).priority(Priority.HIGH));
	}


	/** At most the 256 characters Telegram copies. */
	static String copyable(String text) {
		return text.length() <= 256 ? text : text.substring(0, 255) + "…";
	}

	private static String abbreviate(String label) {
		return label.length() > 20 ? label.substring(0, 20) + "…" : label;
	}
}
