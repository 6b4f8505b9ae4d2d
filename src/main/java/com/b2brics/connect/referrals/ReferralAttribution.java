package com.b2brics.connect.referrals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.exporters.ExporterRegistered;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupSetup;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.groups.WorkingGroupAssigned;
import com.b2brics.connect.groups.WorkingGroupHolder;
import com.b2brics.connect.groups.WorkingGroupMigrated;
import com.b2brics.connect.leads.LeadGroupOpened;
import com.b2brics.connect.leads.LeadOpened;
import com.b2brics.connect.telegram.Html;
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
class ReferralAttribution implements WorkingGroupHolder {

	private static final Logger log = LoggerFactory.getLogger(ReferralAttribution.class);

	/** The pool's holder kind of a referral chat; the holder id is the attribution's. */
	static final String HOLDER = "REFERRAL";

	private final Attributions attributions;
	private final ReferralCodes codes;
	private final ReferralEvents events;
	private final ReferralCodeChecker checker;
	private final GroupPool pool;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final Clock clock;

	ReferralAttribution(Attributions attributions, ReferralCodes codes, ReferralEvents events, ReferralCodeChecker checker,
			GroupPool pool, Catalog catalog, Accounts accounts, Outbox outbox, Texts texts, Clock clock) {
		this.attributions = attributions;
		this.codes = codes;
		this.events = events;
		this.checker = checker;
		this.pool = pool;
		this.catalog = catalog;
		this.accounts = accounts;
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
		pool.request(new GroupPool.Holder(HOLDER, attribution.id()));
	}

	@Override
	public String kind() {
		return HOLDER;
	}

	@Override
	public String waitingLine(long attributionId, Locale locale) {
		return texts.text(locale, "pool.waiting.referral",
				Html.escape(attributions.byId(attributionId).map(Attributions.Attribution::companyName).orElse("#" + attributionId)));
	}

	/** The pool set the chat up: the attribution records it. */
	@EventListener
	void on(WorkingGroupAssigned assigned) {
		if (assigned.isFor(HOLDER) && attributions.chatOpened(assigned.holderId(), assigned.chatId())) {
			log.info("Referral chat of attribution {} opened in group {}", assigned.holderId(), assigned.chatId());
		}
	}

	@EventListener
	void on(WorkingGroupMigrated migrated) {
		attributions.migrateChat(migrated.fromChatId(), migrated.toChatId());
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

	@Override
	public Optional<GroupSetup> setUp(long attributionId) {
		return attributions.byId(attributionId).filter(a -> a.chatId() == null).map(this::setUp);
	}

	private GroupSetup setUp(Attributions.Attribution attribution) {
		String partnerName = catalog.partner(attribution.partnerId()).map(Partner::companyName).orElse("?");
		String storefront = attribution.storefrontSlug() == null ? "—" : "/" + attribution.storefrontSlug();
		long exporter = attribution.exporterTelegramId();
		Locale exporterLocale = accounts.localeOf(exporter);
		String company = Html.escape(attribution.companyName());
		String partner = Html.escape(partnerName);

		List<GroupSetup.PersonalLink> links = new ArrayList<>();
		links.add(new GroupSetup.PersonalLink(exporter, Role.EXPORTER, texts.text(exporterLocale, "referrals.chat.exporter", partner),
				texts.text(exporterLocale, "referrals.chat.open")));
		for (Long member : catalog.teamMemberIds(attribution.partnerId())) {
			Locale locale = accounts.localeOf(member);
			links.add(new GroupSetup.PersonalLink(member, Role.PARTNER, texts.text(locale, "referrals.chat.partner", company,
					attribution.code(), storefront), texts.text(locale, "referrals.chat.join")));
		}
		return new GroupSetup(texts.text(exporterLocale, "pool.title.referral", attribution.companyName(), partnerName),
				texts.text(exporterLocale, "pool.description.referral", storefront, partnerName, attribution.code()),
				texts.text(exporterLocale, "referrals.chat.context", company, storefront, partner, attribution.code()), links);
	}

}
