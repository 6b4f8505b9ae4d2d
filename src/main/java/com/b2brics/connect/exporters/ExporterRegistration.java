package com.b2brics.connect.exporters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Storefront;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CancellableConversation;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.ExpectedContact;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnContact;
import com.b2brics.connect.telegram.OnStart;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;

/**
 * The registration conversation in the private chat: {@code /register}, or Start with
 * {@code exporter} or {@code ref_CODE}, then the company's name, the storefront from buttons, a
 * partner's referral code when none came with the link and a referral check exists, and the
 * person's own contact. The state is stored at every step, so a registration survives restarts;
 * /cancel or Cancel drops it. Every wrong turn gets a clear answer and changes nothing. Runs
 * inside the transaction handling the update.
 */
@Component
class ExporterRegistration implements ExpectedText, ExpectedContact, CancellableConversation {

	private static final Logger log = LoggerFactory.getLogger(ExporterRegistration.class);

	static final String COMMAND = "register";
	static final String START_PAYLOAD = "exporter";
	static final String REFERRAL_PREFIX = "ref_";
	static final String STOREFRONT = "xsf";
	static final String SKIP = "xskip";
	static final String CANCEL = "xcancel";
	static final int COMPANY_MIN = 2;
	static final int COMPANY_MAX = 200;
	static final int CODE_MAX = 32;

	private final Exporters exporters;
	private final ManagerRotation managers;
	private final ObjectProvider<ReferralCodeCheck> referralCheck;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ExporterRegistration(Exporters exporters, ManagerRotation managers, ObjectProvider<ReferralCodeCheck> referralCheck,
			Catalog catalog, Accounts accounts, Outbox outbox, Texts texts, ApplicationEventPublisher events,
			Clock clock) {
		this.exporters = exporters;
		this.managers = managers;
		this.referralCheck = referralCheck;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.events = events;
		this.clock = clock;
	}

	// ---- entering: /register, Start exporter, Start ref_CODE; /cancel

	@OnCommand(value = COMMAND, where = Where.PRIVATE, help = "bot.command.register", order = 3,
			wrongPlace = "exporters.register.private")
	void register(CommandReceived command) {
		begin(command, null);
	}

	@OnStart(exact = START_PAYLOAD)
	void startExporter(CommandReceived command) {
		begin(command, null);
	}

	@OnStart(prefix = REFERRAL_PREFIX)
	void startReferred(CommandReceived command) {
		begin(command, command.args().strip().substring(REFERRAL_PREFIX.length()));
	}

	/** /cancel (owned by the bot's basics) in the private chat drops a registration under way. */
	@Override
	public boolean cancel(CommandReceived command) {
		if (!command.chat().isPrivate() || !exporters.cancel(command.user().id())) {
			return false;
		}
		cancelled(command.user(), accounts.of(command.user()));
		return true;
	}

	private void begin(CommandReceived command, String carriedCode) {
		TelegramUser user = command.user();
		Locale locale = accounts.of(user);
		Optional<Exporter> existing = exporters.ofUser(user.id());
		if (existing.isPresent() && existing.get().registered()) {
			Exporter exporter = existing.get();
			tell(user.id(), texts.text(locale, "exporters.register.already", Html.escape(exporter.company()),
					storefrontName(exporter.storefrontSlug(), locale)), null);
			return;
		}
		Optional<Partner> team = catalog.partnerOfTeamMember(user.id());
		if (team.isPresent()) {
			log.info("User {} of partner {}'s team may not register an exporter", user.id(), team.get().slug());
			tell(user.id(), texts.text(locale, "exporters.register.partner", Html.escape(team.get().companyName())), null);
			return;
		}
		boolean resumed = existing.isPresent() || !exporters.start(user.id(), clock.instant());
		if (resumed) {
			tell(user.id(), texts.text(locale, "exporters.register.resume"), null);
		}
		else {
			log.info("User {} started registering as an exporter", user.id());
		}
		if (carriedCode != null && !carriedCode.isBlank()) {
			offerCode(user, carriedCode, locale);
		}
		Exporter now = exporters.ofUser(user.id()).orElseThrow();
		if (now.state() == Exporter.State.REFERRAL && now.referralCode() != null
				&& exporters.advance(user.id(), Exporter.State.REFERRAL, Exporter.State.CONTACT)) {
			// a link's code was accepted while the person was at the code step: that step is done
			now = exporters.ofUser(user.id()).orElseThrow();
		}
		ask(now, locale);
	}

	// ---- the steps' questions

	private void ask(Exporter exporter, Locale locale) {
		long user = exporter.telegramUserId();
		switch (exporter.state()) {
			case COMPANY -> tell(user, texts.text(locale, "exporters.ask.company", COMPANY_MAX),
					Keyboard.column(cancelButton(locale, user)));
			case STOREFRONT -> tell(user, texts.text(locale, "exporters.ask.storefront", Html.escape(exporter.company())),
					storefrontButtons(locale, user));
			case REFERRAL -> tell(user, texts.text(locale, "exporters.ask.referral"),
					Keyboard.row(InlineButton.callback(texts.text(locale, "exporters.referral.skip"), SKIP, "").forUser(user),
							cancelButton(locale, user)));
			case CONTACT -> tell(user, texts.text(locale, "exporters.ask.contact", texts.text(locale, "exporters.contact.share")),
					contactKeyboard(locale));
			case REGISTERED -> {
				// nothing to ask
			}
		}
	}

	private Keyboard.Inline storefrontButtons(Locale locale, long user) {
		List<List<InlineButton>> rows = new ArrayList<>();
		List<InlineButton> row = new ArrayList<>();
		for (Storefront storefront : catalog.storefronts()) {
			row.add(InlineButton.callback(storefront.name(locale), STOREFRONT, storefront.slug()).forUser(user));
			if (row.size() == 2) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		rows.add(List.of(cancelButton(locale, user)));
		return Keyboard.inline(rows);
	}

	private InlineButton cancelButton(Locale locale, long user) {
		return InlineButton.callback(texts.text(locale, "exporters.cancel"), CANCEL, "").forUser(user);
	}

	private Keyboard contactKeyboard(Locale locale) {
		return new Keyboard.Reply(List.of(List.of(new Keyboard.ReplyButton(texts.text(locale, "exporters.contact.share"), true)),
				List.of(new Keyboard.ReplyButton(texts.text(locale, "exporters.cancel"), false))), true, true);
	}

	// ---- text: the company's name, the referral code, or text where a button is expected

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isPrivate() && exporters.ofUser(text.user().id()).filter(e -> !e.registered()).isPresent();
	}

	@Override
	public boolean expects(ContactShared shared) {
		return shared.chat().isPrivate()
				&& exporters.ofUser(shared.user().id()).filter(e -> e.state() == Exporter.State.CONTACT).isPresent();
	}

	@OnText
	void on(TextReceived text) {
		Optional<Exporter> found = exporters.ofUser(text.user().id()).filter(e -> !e.registered());
		if (found.isEmpty()) {
			return;
		}
		Exporter exporter = found.get();
		TelegramUser user = text.user();
		Locale locale = accounts.of(user);
		String typed = text.text() == null ? "" : text.text().strip().replaceAll("\\s+", " ");
		if (isCancel(typed)) {
			exporters.cancel(user.id());
			cancelled(user, locale);
			return;
		}
		switch (exporter.state()) {
			case COMPANY -> company(exporter, typed, locale);
			case STOREFRONT -> tell(user.id(), texts.text(locale, "exporters.storefront.buttons"), storefrontButtons(locale, user.id()));
			case REFERRAL -> {
				offerCode(user, typed, locale);
				if (exporters.advance(user.id(), Exporter.State.REFERRAL, Exporter.State.CONTACT)) {
					ask(exporters.ofUser(user.id()).orElseThrow(), locale);
				}
			}
			case CONTACT -> tell(user.id(), texts.text(locale, "exporters.contact.expected", texts.text(locale, "exporters.contact.share"),
					texts.text(locale, "exporters.cancel")), contactKeyboard(locale));
			case REGISTERED -> {
				// not unfinished
			}
		}
	}

	private void company(Exporter exporter, String name, Locale locale) {
		long user = exporter.telegramUserId();
		if (name.length() < COMPANY_MIN) {
			tell(user, texts.text(locale, "exporters.company.short", COMPANY_MIN), Keyboard.column(cancelButton(locale, user)));
			return;
		}
		if (name.length() > COMPANY_MAX) {
			tell(user, texts.text(locale, "exporters.company.long", name.length(), COMPANY_MAX),
					Keyboard.column(cancelButton(locale, user)));
			return;
		}
		if (exporters.advance(user, Exporter.State.COMPANY, Exporter.State.STOREFRONT, "company", name)) {
			ask(exporters.ofUser(user).orElseThrow(), locale);
		}
	}

	/**
	 * A referral code, carried in a link or typed: checked, kept when accepted and no code was
	 * accepted before, and the person told either way. Without a referral check codes are ignored.
	 */
	private void offerCode(TelegramUser user, String given, Locale locale) {
		ReferralCodeCheck check = referralCheck.getIfAvailable();
		if (check == null) {
			log.info("Referral code from user {} ignored: no referral check in this application", user.id());
			return;
		}
		Exporter exporter = exporters.ofUser(user.id()).orElseThrow();
		String shown = Html.escape(given.length() > CODE_MAX ? given.substring(0, CODE_MAX) + "…" : given);
		ReferralCodeCheck.Verdict verdict = given.length() > CODE_MAX
				? new ReferralCodeCheck.Verdict(ReferralCodeCheck.Outcome.UNKNOWN, null, null) : check.check(given, user.id());
		if (exporter.referralCode() != null) {
			if (!exporter.referralCode().equalsIgnoreCase(verdict.code() == null ? given.strip() : verdict.code())) {
				tell(user.id(), texts.text(locale, "exporters.referral.kept", exporter.referralCode(),
						Html.escape(String.valueOf(exporter.referralPartner())), shown), null);
			}
			return;
		}
		switch (verdict.outcome()) {
			case ACCEPTED -> {
				if (exporters.acceptCode(user.id(), verdict.code(), verdict.partnerName())) {
					tell(user.id(), texts.text(locale, "exporters.referral.accepted", Html.escape(verdict.code()),
							Html.escape(String.valueOf(verdict.partnerName()))), null);
				}
			}
			case UNKNOWN -> tell(user.id(), texts.text(locale, "exporters.referral.unknown", shown), null);
			case INACTIVE -> tell(user.id(), texts.text(locale, "exporters.referral.inactive", shown), null);
			case OWN_TEAM -> tell(user.id(), texts.text(locale, "exporters.referral.ownteam", shown), null);
		}
	}

	// ---- buttons: storefront, Skip, Cancel

	@OnButton({ STOREFRONT, SKIP, CANCEL })
	void on(ButtonPressed pressed) {
		TelegramUser user = pressed.user();
		Locale locale = accounts.of(user);
		Optional<Exporter> found = exporters.ofUser(user.id()).filter(e -> !e.registered());
		if (CANCEL.equals(pressed.action())) {
			if (found.isEmpty() || !exporters.cancel(user.id())) {
				outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.button.stale"), true);
				return;
			}
			outbox.answerButton(pressed.callbackQueryId(), null, false);
			cancelled(user, locale);
			return;
		}
		if (SKIP.equals(pressed.action())) {
			if (found.isEmpty() || !exporters.advance(user.id(), Exporter.State.REFERRAL, Exporter.State.CONTACT)) {
				outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.button.stale"), true);
				return;
			}
			outbox.answerButton(pressed.callbackQueryId(), null, false);
			ask(exporters.ofUser(user.id()).orElseThrow(), locale);
			return;
		}
		if (found.isEmpty() || found.get().state() != Exporter.State.STOREFRONT) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.button.stale"), true);
			return;
		}
		Optional<Storefront> storefront = catalog.storefront(pressed.payload());
		if (storefront.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.storefront.unknown"), true);
			return;
		}
		Exporter.State next = found.get().referralCode() == null && referralCheck.getIfAvailable() != null
				? Exporter.State.REFERRAL : Exporter.State.CONTACT;
		if (!exporters.advance(user.id(), Exporter.State.STOREFRONT, next, "storefront_slug", storefront.get().slug())) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.button.stale"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "exporters.storefront.chosen", storefront.get().name(locale)),
				false);
		ask(exporters.ofUser(user.id()).orElseThrow(), locale);
	}

	// ---- the contact: the last step

	@OnContact
	void on(ContactShared shared) {
		TelegramUser user = shared.user();
		Optional<Exporter> found = exporters.ofUser(user.id()).filter(e -> e.state() == Exporter.State.CONTACT);
		if (found.isEmpty()) {
			return;
		}
		Locale locale = accounts.of(user);
		if (!shared.own()) {
			log.info("User {} shared someone else's contact to register as an exporter", user.id());
			tell(user.id(), texts.text(locale, "exporters.contact.foreign", texts.text(locale, "exporters.contact.share")),
					contactKeyboard(locale));
			return;
		}
		Instant now = clock.instant();
		Long manager = managers.assign().orElse(null);
		if (!exporters.complete(user.id(), shared.phoneNumber(), manager, now)) {
			throw new IllegalStateException("registration of user " + user.id() + " changed under us");
		}
		Exporter exporter = exporters.ofUser(user.id()).orElseThrow();
		log.info("Exporter {} registered: user {}, storefront {}, manager {}, referral code {}", exporter.id(), user.id(),
				exporter.storefrontSlug(), manager, exporter.referralCode());
		String partner = exporter.referralPartner() == null ? ""
				: texts.text(locale, "exporters.registered.partner", Html.escape(exporter.referralPartner()));
		tell(user.id(), texts.text(locale, "exporters.registered", Html.escape(exporter.company()),
				storefrontName(exporter.storefrontSlug(), locale), partner), Keyboard.remove());
		events.publishEvent(new ExporterRegistered(exporter.id(), user.id(), exporter.company(), exporter.storefrontSlug(),
				exporter.referralCode(), true, now));
	}

	// ---- helpers

	private void cancelled(TelegramUser user, Locale locale) {
		log.info("User {} cancelled their exporter registration", user.id());
		tell(user.id(), texts.text(locale, "exporters.cancelled"), Keyboard.remove());
	}

	private boolean isCancel(String typed) {
		return UserLanguage.SUPPORTED.stream()
			.anyMatch(locale -> texts.text(locale, "exporters.cancel").equalsIgnoreCase(typed));
	}

	private String storefrontName(String slug, Locale locale) {
		return Html.escape(catalog.storefront(slug).map(s -> s.name(locale)).orElse("/" + slug));
	}

	private void tell(long chatId, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(chatId, html).with(keyboard).priority(Priority.HIGH));
	}

}
