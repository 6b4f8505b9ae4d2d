package com.b2brics.connect.leads;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Closing a lead: {@code /close} in its group by a member of the partner's team or a platform
 * admin (after a confirmation button only they can press), or by {@link LeadInactivity} after
 * a quiet spell. The group is told, the importer gets a way back to the service, the partner's
 * team is told, and the group is emptied and returned to the pool ({@link GroupPool#release}).
 * Every message or document in the group counts as activity.
 */
@Component
class LeadClosing {

	private static final Logger log = LoggerFactory.getLogger(LeadClosing.class);

	static final String CLOSE = "lead_close";
	static final String KEEP = "lead_keep";
	private static final Duration CONFIRMATION_VALIDITY = Duration.ofMinutes(10);

	enum Reason {
		PARTNER, ADMIN, INACTIVITY
	}

	private final Leads leads;
	private final GroupPool pool;
	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final GroupTexts groupTexts;
	private final LeadsProperties properties;
	private final SiteUrl site;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	LeadClosing(Leads leads, GroupPool pool, Catalog catalog, Accounts accounts, Outbox outbox, Texts texts,
			GroupTexts groupTexts, LeadsProperties properties, Clock clock, ApplicationEventPublisher events, SiteUrl site) {
		this.events = events;
		this.leads = leads;
		this.pool = pool;
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.groupTexts = groupTexts;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	@OnCommand(value = "close", where = Where.DEAL_GROUP, who = Who.DEAL_PARTNER_OR_STAFF, help = "bot.command.close",
			order = 20, wrongPlace = "lead.close.private", noDeal = "lead.close.none", notAllowed = "lead.close.notallowed")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		var lead = leads.openInChat(chat);
		if (lead.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "lead.close.none"), null);
			return;
		}
		long user = command.user().id();
		if (reasonFor(lead.get(), user) == null) {
			log.info("User {} may not close lead {}", user, lead.get().id());
			reply(chat, command.messageId(), texts.text(locale, "lead.close.notallowed"), null);
			return;
		}
		String id = Long.toString(lead.get().id());
		reply(chat, command.messageId(), texts.text(locale, "lead.close.confirm"), Keyboard.row(
				InlineButton.callback(texts.text(locale, "lead.close.yes"), CLOSE, id).forUser(user).validFor(CONFIRMATION_VALIDITY),
				InlineButton.callback(texts.text(locale, "lead.close.no"), KEEP, id).forUser(user).validFor(CONFIRMATION_VALIDITY)));
	}

	@OnButton({ CLOSE, KEEP })
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long chat = pressed.chat().id();
		MessageRef question = MessageRef.telegram(pressed.messageId());
		Lead lead = parse(pressed.payload()) == null ? null : leads.byIdIfPresent(parse(pressed.payload())).orElse(null);
		if (lead == null || !lead.canClose() || !leads.chatOf(lead.id()).filter(c -> c == chat).isPresent()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "lead.close.already"), false);
			outbox.editText(chat, question, texts.text(locale, "lead.close.already"), null, Priority.HIGH);
			return;
		}
		if (KEEP.equals(pressed.action())) {
			outbox.answerButton(pressed.callbackQueryId(), "", false);
			outbox.editText(chat, question, texts.text(locale, "lead.close.kept"), null, Priority.HIGH);
			return;
		}
		Reason reason = reasonFor(lead, pressed.user().id());
		if (reason == null) {
			// the button was made for this user, but they are no longer on the team
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "lead.close.notallowed"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.editText(chat, question, texts.text(locale, "lead.close.done"), null, Priority.HIGH);
		close(lead, pressed.user().id(), reason);
	}

	@OnGroupText
	void on(TextReceived text) {
		leads.touch(text.chat().id(), clock.instant());
	}

	@EventListener
	void on(DocumentPosted document) {
		if (document.chat().isGroup()) {
			leads.touch(document.chat().id(), clock.instant());
		}
	}

	/**
	 * Closes the lead and returns its group to the pool, in the caller's transaction; false when
	 * it was not open any more (closed by someone else meanwhile).
	 */
	boolean close(Lead lead, Long by, Reason reason) {
		var chat = leads.chatOf(lead.id());
		try {
			if (!leads.saveClosed(lead, lead.close(), by, reason.name(), clock.instant())) {
				return false;
			}
		}
		catch (Lead.IllegalTransition refused) {
			return false;
		}
		Service service = catalog.service(lead.serviceId()).orElse(null);
		Partner partner = catalog.partner(lead.partnerId()).orElse(null);
		String byName = by == null ? "" : Html.escape(accounts.nameOf(by));
		// a product's deal was closed by the exporter and is reopened from the product page
		boolean product = service != null && service.isProduct();
		String suffix = product ? ".product" : "";
		if (chat.isPresent()) {
			String group = groupTexts.forGroup(chat.get(), locale -> texts.text(locale, "lead.closed.group", why(locale, reason, byName, product)));
			outbox.send(OutgoingMessage.to(chat.get(), group).priority(Priority.HIGH));
			pool.release(chat.get());
			events.publishEvent(new LeadClosed(lead.id(), chat.get()));
		}
		if (service != null && partner != null) {
			Locale importerLocale = accounts.localeOf(lead.importerId());
			outbox.send(OutgoingMessage.to(lead.importerId(), texts.text(importerLocale, "lead.closed.importer" + suffix,
					Html.escape(service.title(importerLocale)), Html.escape(partner.companyName()),
					site.root() + service.path())));
			String importerName = Html.escape(accounts.nameOf(lead.importerId()));
			for (Long member : catalog.teamMemberIds(partner.id())) {
				Locale locale = accounts.localeOf(member);
				outbox.send(OutgoingMessage.to(member, texts.text(locale, "lead.closed.partner" + suffix,
						Html.escape(service.title(locale)), importerName, why(locale, reason, byName, product))));
			}
		}
		log.info("Lead {} closed ({}, by {})", lead.id(), reason, by);
		return true;
	}

	private String why(Locale locale, Reason reason, String byName, boolean product) {
		return switch (reason) {
			case PARTNER -> texts.text(locale, product ? "lead.closed.why.exporter" : "lead.closed.why.partner", byName);
			case ADMIN -> texts.text(locale, "lead.closed.why.admin", byName);
			case INACTIVITY -> texts.text(locale, "lead.closed.why.inactivity", properties.closeAfterInactivity().toDays());
		};
	}

	/** Why this user may close the lead, or null if they may not. */
	private Reason reasonFor(Lead lead, long user) {
		if (catalog.teamMemberIds(lead.partnerId()).contains(user)) {
			return Reason.PARTNER;
		}
		return leads.chatOf(lead.id()).filter(chat -> pool.isStaff(chat, user)).isPresent() ? Reason.ADMIN : null;
	}

	private void reply(long chat, long replyTo, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(chat, html).replyTo(replyTo).with(keyboard).priority(Priority.ANSWER));
	}

	private static Long parse(String payload) {
		try {
			return Long.parseLong(payload);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
