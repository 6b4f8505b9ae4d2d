package com.b2brics.connect.referrals;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.exporters.ExporterRegistered;
import com.b2brics.connect.groups.GroupInvites;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupRegistered;
import com.b2brics.connect.groups.GroupReleased;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.leads.LeadGroupOpened;
import com.b2brics.connect.leads.LeadOpened;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * What a referral code brings: an exporter registered with it is attributed to the code's
 * partner (the first code wins; never the person's own team) and gets a working chat with the
 * partner's team, a pool group like a deal's (context pinned, personal links; waiting for the
 * next free group when the pool is empty). A lead started by a visitor carrying the code's
 * cookie is a new request for it. The attributed exporter's registration is confirmed when they
 * had verified their contact and a chat on a service opens for them; the partner's team is
 * told once.
 */
@Component
class ReferralAttribution {

	private static final Logger log = LoggerFactory.getLogger(ReferralAttribution.class);

	/** The pool's holder kind of a referral chat; the holder id is the attribution's. */
	static final String HOLDER = "REFERRAL";

	private final Attributions attributions;
	private final ReferralCodes codes;
	private final ReferralEvents events;
	private final ReferralCodeChecker checker;
	private final GroupPool pool;
	private final GroupInvites invites;
	private final Catalog catalog;
	private final Accounts accounts;
	private final PlatformAdmins admins;
	private final Outbox outbox;
	private final Texts texts;
	private final Clock clock;

	ReferralAttribution(Attributions attributions, ReferralCodes codes, ReferralEvents events, ReferralCodeChecker checker,
			GroupPool pool, GroupInvites invites, Catalog catalog, Accounts accounts, PlatformAdmins admins, Outbox outbox,
			Texts texts, Clock clock) {
		this.attributions = attributions;
		this.codes = codes;
		this.events = events;
		this.checker = checker;
		this.pool = pool;
		this.invites = invites;
		this.catalog = catalog;
		this.accounts = accounts;
		this.admins = admins;
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * After the registration committed (and again, harmlessly, if the event is delivered twice):
	 * the attribution, the registration event, and the chat or a place in the queue for one.
	 */
	@ApplicationModuleListener
	void on(ExporterRegistered registered) {
		if (registered.referralCode() == null) {
			return;
		}
		Optional<ReferralCodes.Code> code = ReferralCode.parse(registered.referralCode()).flatMap(codes::find);
		if (code.isEmpty()) {
			log.warn("Exporter {} registered with referral code {}, which does not exist: not attributed",
					registered.exporterId(), registered.referralCode());
			return;
		}
		if (checker.ownTeam(code.get().partnerId(), registered.telegramUserId())) {
			log.warn("Exporter {} registered with a code of their own partner team: not attributed", registered.exporterId());
			return;
		}
		Optional<Attributions.Attribution> added = attributions.add(registered.exporterId(), registered.telegramUserId(),
				code.get().code(), code.get().partnerId(), registered.companyName(), registered.storefrontSlug(),
				registered.contactVerified(), registered.registeredAt());
		if (added.isEmpty()) {
			log.info("Exporter {} was attributed before: code {} does not change that (the first code wins)",
					registered.exporterId(), code.get().code());
			return;
		}
		Attributions.Attribution attribution = added.get();
		events.add(new ReferralEvents.NewEvent(attribution.code(), ReferralEvents.Kind.REGISTRATION, registered.registeredAt(),
				"G:" + attribution.exporterId(), null, attribution.storefrontSlug(), null, null, attribution.exporterId()));
		log.info("Exporter {} attributed to partner {} by code {}", attribution.exporterId(), attribution.partnerId(),
				attribution.code());
		Optional<Long> chat = pool.takeFor(HOLDER, attribution.id());
		if (chat.isPresent()) {
			open(attribution, chat.get());
			return;
		}
		log.warn("Pool of working groups is empty: the referral chat of exporter {} waits for the next group",
				attribution.exporterId());
		for (Long admin : admins.ids()) {
			outbox.send(OutgoingMessage.to(admin, texts.text(accounts.localeOf(admin), "referrals.pool.empty",
					Html.escape(attribution.companyName()))).priority(Priority.HIGH));
		}
	}

	/** An admin added a group: the referral chat waiting longest gets it, if a lead did not take it first. */
	@EventListener
	void on(GroupRegistered registered) {
		serveOldestWaiting();
	}

	/** A group is free again. */
	@EventListener
	void on(GroupReleased released) {
		serveOldestWaiting();
	}

	@EventListener
	void on(ChatMigrated migrated) {
		attributions.migrateChat(migrated.chat().id(), migrated.newChatId());
	}

	/** A lead from a visitor whose browser carried a referral code is a new request for that code. */
	@EventListener
	void on(LeadOpened opened) {
		if (opened.referralCode() == null) {
			return;
		}
		ReferralCode.parse(opened.referralCode()).flatMap(codes::find).ifPresent(code -> events.add(new ReferralEvents.NewEvent(
				code.code(), ReferralEvents.Kind.REQUEST, clock.instant(), "R:" + opened.leadId(), null, opened.storefrontSlug(),
				null, null, opened.leadId())));
	}

	/** A chat on a service opened for an attributed exporter who verified their contact: the registration is confirmed, once. */
	@EventListener
	void on(LeadGroupOpened opened) {
		Optional<Attributions.Attribution> attribution = attributions.ofExporterUser(opened.importerId());
		if (attribution.isEmpty() || !attributions.confirm(attribution.get().id(), clock.instant())) {
			return;
		}
		Attributions.Attribution confirmed = attribution.get();
		events.add(new ReferralEvents.NewEvent(confirmed.code(), ReferralEvents.Kind.CONFIRMED, clock.instant(),
				"F:" + confirmed.exporterId(), null, confirmed.storefrontSlug(), null, null, confirmed.exporterId()));
		log.info("Registration of exporter {} (code {}) confirmed by lead {}", confirmed.exporterId(), confirmed.code(),
				opened.leadId());
		String company = Html.escape(confirmed.companyName());
		for (Long member : catalog.teamMemberIds(confirmed.partnerId())) {
			outbox.send(OutgoingMessage.to(member, texts.text(accounts.localeOf(member), "referrals.confirmed", company,
					confirmed.code())).priority(Priority.HIGH));
		}
	}

	private void serveOldestWaiting() {
		attributions.oldestWaiting().ifPresent(a -> pool.takeFor(HOLDER, a.id()).ifPresent(chat -> open(a, chat)));
	}

	private void open(Attributions.Attribution attribution, long chat) {
		if (!attributions.chatOpened(attribution.id(), chat)) {
			return;
		}
		String partnerName = catalog.partner(attribution.partnerId()).map(Partner::companyName).orElse("?");
		String storefront = attribution.storefrontSlug() == null ? "—" : "/" + attribution.storefrontSlug();
		long exporter = attribution.exporterTelegramId();
		Locale exporterLocale = accounts.localeOf(exporter);
		String company = Html.escape(attribution.companyName());
		String partner = Html.escape(partnerName);

		String title = attribution.companyName() + " · " + partnerName;
		outbox.setChatTitle(chat, title.length() > 128 ? title.substring(0, 127) + "…" : title);
		outbox.setChatDescription(chat, "B2BRICS " + storefront + " · " + partnerName + " · " + attribution.code());
		long context = outbox.send(OutgoingMessage.to(chat, texts.text(exporterLocale, "referrals.chat.context", company, storefront,
				partner, attribution.code())));
		outbox.pin(chat, MessageRef.queued(context));

		String exporterLink = invites.linkFor(chat, exporter, Role.EXPORTER);
		outbox.send(OutgoingMessage.to(exporter, texts.text(exporterLocale, "referrals.chat.exporter", partner))
			.with(Keyboard.column(InlineButton.url(texts.text(exporterLocale, "referrals.chat.open"), exporterLink)))
			.priority(Priority.HIGH));
		for (Long member : catalog.teamMemberIds(attribution.partnerId())) {
			Locale locale = accounts.localeOf(member);
			String link = invites.linkFor(chat, member, Role.PARTNER);
			outbox.send(OutgoingMessage.to(member, texts.text(locale, "referrals.chat.partner", company, attribution.code(), storefront))
				.with(Keyboard.column(InlineButton.url(texts.text(locale, "referrals.chat.join"), link)))
				.priority(Priority.HIGH));
		}
		log.info("Referral chat of exporter {} and partner {} opened in group {}", attribution.exporterId(),
				attribution.partnerId(), chat);
	}

}
