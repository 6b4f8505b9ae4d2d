package com.b2brics.connect.invitations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.catalog.Storefront;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.Html;

/** The words of invitations: offers, the group's status message, notices; times in the storefront's zone. */
@Component
class InvitationTexts {

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final Texts texts;
	private final Catalog catalog;
	private final Accounts accounts;
	private final GroupTexts groupTexts;

	InvitationTexts(Texts texts, Catalog catalog, Accounts accounts, GroupTexts groupTexts) {
		this.groupTexts = groupTexts;
		this.texts = texts;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	String text(Locale locale, String key, Object... args) {
		return texts.text(locale, key, args);
	}

	String specialization(Locale locale, Specialization specialization) {
		return texts.text(locale, specialization.messageKey());
	}

	/** The person's first name, escaped for HTML. */
	String name(long userId) {
		return Html.escape(accounts.nameOf(userId));
	}

	String company(long partnerId) {
		return Html.escape(catalog.partner(partnerId).map(Partner::companyName).orElse("#" + partnerId));
	}

	/** The company's name as plain text, for a button's toast. */
	String companyPlain(long partnerId) {
		return catalog.partner(partnerId).map(Partner::companyName).orElse("#" + partnerId);
	}

	private ZoneId zone(String storefrontSlug) {
		return catalog.storefront(storefrontSlug).map(Storefront::timeZone).orElse(ZoneOffset.UTC);
	}

	String time(Locale locale, Instant instant, String storefrontSlug) {
		return DateTimeFormatter.ofPattern("d MMM HH:mm z", locale).withZone(zone(storefrontSlug)).format(instant);
	}

	private String clock(Instant instant, String storefrontSlug) {
		return DateTimeFormatter.ofPattern("HH:mm").withZone(zone(storefrontSlug)).format(instant);
	}

	/** The offer as a candidate's team member reads it. */
	String offer(Locale locale, Invitation invitation, Offer offer) {
		String storefront = catalog.storefront(invitation.storefrontSlug()).map(s -> s.name(locale)).orElse(invitation.storefrontSlug());
		return text(locale, "invite.offer.text", Html.escape(specialization(locale, invitation.specialization())),
				Html.escape(invitation.task()), Html.escape(invitation.summary(locale)), Html.escape(storefront),
				"/" + invitation.storefrontSlug(), time(locale, offer.deadline(), invitation.storefrontSlug()));
	}

	/** The one status message in the group: what is looked for, where it stands, and its history. */
	String status(Locale locale, Invitation invitation, List<Offer> offers, List<Invitations.Event> history) {
		String slug = invitation.storefrontSlug();
		Optional<Offer> live = offers.stream().filter(Offer::isLive).findFirst();
		String now = switch (invitation.status()) {
			case OPEN -> live.map(o -> text(locale, "invite.status.now.offered", company(o.partnerId()), time(locale, o.deadline(), slug)))
				.orElse(text(locale, "invite.status.now.searching"));
			case ACCEPTED -> text(locale, "invite.status.now.accepted", company(invitation.acceptedPartnerId()));
			case EXHAUSTED -> text(locale, "invite.status.now.exhausted");
			case CANCELLED -> text(locale, "invite.status.now.cancelled");
		};
		StringBuilder lines = new StringBuilder();
		for (Invitations.Event event : history) {
			lines.append('\n').append(clock(event.at(), slug)).append(" · ").append(historyLine(locale, event));
		}
		return text(locale, "invite.status.text", Html.escape(specialization(locale, invitation.specialization())),
				name(invitation.inviterId()), Html.escape(invitation.task()), now, lines.toString().trim());
	}

	private String historyLine(Locale locale, Invitations.Event event) {
		String company = event.partnerId() == null ? "" : company(event.partnerId());
		String who = event.userId() == null ? "" : name(event.userId());
		return switch (event.event()) {
			case "DECLINED" -> text(locale, "invite.history.declined", company, reason(locale, event.detail()));
			case "CANCELLED" -> event.userId() == null ? text(locale, "invite.history.cancelled.closed")
					: text(locale, "invite.history.cancelled", who);
			case "SKIPPED" -> text(locale, "invite.history.skipped", company,
					text(locale, "in_group".equals(event.detail()) ? "invite.skipped.in_group" : "invite.skipped.unreachable"));
			case "PENDING" -> text(locale, "invite.history.pending", company);
			case "FORWARDED" -> text(locale, "invite.history.forwarded", company);
			case "EXPIRED" -> text(locale, "invite.history.expired", company);
			case "ACCEPTED" -> text(locale, "invite.history.accepted", company, who);
			case "JOINED" -> text(locale, "invite.history.joined", company, who);
			case "EXHAUSTED" -> text(locale, "invite.history.exhausted");
			case "BY_MANAGER" -> text(locale, "invite.history.bymanager", company, who);
			default -> Html.escape(event.event());
		};
	}

	String reason(Locale locale, String reason) {
		return switch (reason == null ? "" : reason) {
			case "BUSY" -> text(locale, "invite.reason.busy");
			case "NOT_MY_FIELD" -> text(locale, "invite.reason.field");
			default -> text(locale, "invite.reason.other");
		};
	}

	String exhaustedForInviter(Locale locale, Invitation invitation) {
		return text(locale, "invite.exhausted.inviter", Html.escape(specialization(locale, invitation.specialization())),
				Html.escape(invitation.summary(locale)), Html.escape(invitation.task()));
	}

	String exhaustedForManager(Locale locale, Invitation invitation, List<Offer> offers) {
		StringBuilder tried = new StringBuilder();
		for (Offer offer : offers) {
			tried.append("\n• ").append(company(offer.partnerId())).append(" — ").append(switch (offer.status()) {
				case DECLINED -> text(locale, "invite.manager.declined", reason(locale, offer.declineReason()));
				case EXPIRED -> text(locale, "invite.manager.expired");
				default -> offer.status().name().toLowerCase(Locale.ROOT);
			});
		}
		return text(locale, "invite.exhausted.manager", Html.escape(specialization(locale, invitation.specialization())),
				Html.escape(invitation.summary(locale)), "/" + invitation.storefrontSlug(), Html.escape(invitation.task()),
				name(invitation.inviterId()), tried.length() == 0 ? text(locale, "invite.manager.nobody") : tried.toString());
	}

	/** Told in the group, in the languages of its people and of the one who joined: who joined and for what. */
	String joined(long chat, Invitation invitation, long userId, String displayName) {
		return groupTexts.forGroupWith(chat, userId, locale -> text(locale, "invite.joined", Html.escape(displayName),
				company(invitation.acceptedPartnerId()), Html.escape(specialization(locale, invitation.specialization())),
				Html.escape(invitation.task())));
	}
}
