package com.b2brics.connect.invitations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.groups.GroupEmptied;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The people's side of invitations in Telegram. In a deal's group a party writes {@code /invite}
 * (optionally {@code /invite logistics}), chooses a specialization with buttons only they can
 * press, and writes the task in one line; the bot remembers where each person is (a draft per
 * person and group, in the database) until the task comes, they cancel, or it lapses. Offers
 * reach the candidate's team privately with Join / Decline; Decline asks why. The inviter (or
 * staff) cancels with the status message's button or {@code /cancel_invite}.
 */
@Component
class InviteConversation implements ExpectedText {

	private static final Logger log = LoggerFactory.getLogger(InviteConversation.class);

	static final String SPECIALIZATION = "inv_spec";
	static final String DROP_DRAFT = "inv_drop";
	static final String JOIN = "inv_join";
	static final String DECLINE = "inv_decline";
	static final String REASON = "inv_reason";
	/** How much of an unknown specialization the answer repeats (whatever length was typed). */
	static final int ECHO_MAX = 64;
	static final String BACK = "inv_back";
	static final String CANCEL = "inv_cancel";
	static final String HAND = "inv_hand";
	static final String HAND_PAGE = "inv_hpage";
	static final String HAND_PICK = "inv_hpick";

	/** Partners per page when a manager picks one by hand. */
	static final int HAND_PAGE_SIZE = 6;

	static final List<String> REASONS = List.of("BUSY", "NOT_MY_FIELD", "OTHER");

	private final List<DealDirectory> directories;
	private final InvitationEngine engine;
	private final Invitations store;
	private final InvitationTexts texts;
	private final InvitationsProperties properties;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Clock clock;

	InviteConversation(List<DealDirectory> directories, InvitationEngine engine, Invitations store, InvitationTexts texts,
			InvitationsProperties properties, Accounts accounts, Outbox outbox, Clock clock) {
		this.directories = directories;
		this.engine = engine;
		this.store = store;
		this.texts = texts;
		this.properties = properties;
		this.accounts = accounts;
		this.outbox = outbox;
		this.clock = clock;
	}

	Optional<Deal> dealIn(long chatId) {
		return directories.stream().map(d -> d.openDealInChat(chatId)).flatMap(Optional::stream).findFirst();
	}

	// --- asking

	@OnCommand(value = "invite", where = Where.DEAL_GROUP, who = Who.DEAL_PARTY, help = "bot.command.invite", order = 30,
			wrongPlace = "invite.private", noDeal = "invite.nodeal", notAllowed = "invite.notallowed")
	void invite(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		long user = command.user().id();
		Optional<Deal> deal = dealIn(chat);
		if (deal.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "invite.nodeal"), null);
			return;
		}
		if (!deal.get().mayInvite(user)) {
			log.info("User {} may not invite in group {} (deal {})", user, chat, deal.get().key());
			reply(chat, command.messageId(), texts.text(locale, "invite.notallowed"), null);
			return;
		}
		Instant now = clock.instant();
		String wanted = command.args().trim();
		if (!wanted.isEmpty()) {
			Optional<Specialization> specialization = Specialization.fromCode(wanted).or(() -> byName(wanted));
			if (specialization.isEmpty()) {
				store.startDraft(chat, user, deal.get().key(), null, now, now.plus(properties.draftValidity()));
				reply(chat, command.messageId(), texts.text(locale, "invite.unknown", Html.cut(wanted, ECHO_MAX)), choices(locale, user));
				return;
			}
			chosen(deal.get(), chat, user, locale, specialization.get(), command.messageId(), null);
			return;
		}
		store.startDraft(chat, user, deal.get().key(), null, now, now.plus(properties.draftValidity()));
		reply(chat, command.messageId(), texts.text(locale, "invite.choose", texts.name(user)), choices(locale, user));
	}

	/** A specialization named in any language we speak, as the bundles name it (Logistics, Логистика). */
	private Optional<Specialization> byName(String name) {
		for (Specialization specialization : Specialization.values()) {
			for (Locale locale : UserLanguage.SUPPORTED) {
				if (texts.specialization(locale, specialization).equalsIgnoreCase(name)) {
					return Optional.of(specialization);
				}
			}
		}
		return Optional.empty();
	}

	private Keyboard.Inline choices(Locale locale, long user) {
		List<List<InlineButton>> rows = new ArrayList<>();
		List<InlineButton> row = new ArrayList<>();
		for (Specialization specialization : Specialization.values()) {
			row.add(InlineButton.callback(texts.specialization(locale, specialization), SPECIALIZATION, specialization.code())
				.forUser(user).validFor(properties.draftValidity()));
			if (row.size() == 2) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		rows.add(List.of(cancelDraftButton(locale, user)));
		return Keyboard.inline(rows);
	}

	private InlineButton cancelDraftButton(Locale locale, long user) {
		return InlineButton.callback(texts.text(locale, "invite.draft.cancel"), DROP_DRAFT, "").forUser(user);
	}

	/**
	 * A specialization was chosen: with candidates, the bot asks for the task (editing its
	 * question when there is one); without, it says so and forgets the draft.
	 */
	private void chosen(Deal deal, long chat, long user, Locale locale, Specialization specialization, long replyTo,
			Long questionMessageId) {
		String name = Html.escape(texts.specialization(locale, specialization));
		String refusal = null;
		if (store.openInChat(chat).stream().anyMatch(i -> i.specialization() == specialization)) {
			refusal = texts.text(locale, "invite.already", name);
		}
		else if (engine.candidates(deal, specialization).isEmpty()) {
			refusal = texts.text(locale, "invite.nocandidates", name, "/" + deal.storefrontSlug());
		}
		Instant now = clock.instant();
		if (refusal != null) {
			store.dropDraft(chat, user);
			answer(chat, replyTo, questionMessageId, refusal, null);
			return;
		}
		store.startDraft(chat, user, deal.key(), specialization, now, now.plus(properties.draftValidity()));
		answer(chat, replyTo, questionMessageId,
				texts.text(locale, "invite.task", texts.name(user), name, properties.taskMaxLength()),
				Keyboard.column(cancelDraftButton(locale, user)));
	}

	/** In a group, the task from the person with a draft that has its specialization. */
	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isGroup() && store.draft(text.chat().id(), text.user().id(), clock.instant())
			.filter(draft -> draft.specialization() != null)
			.isPresent();
	}

	/** The task, from the person with a draft that has its specialization. */
	@OnText(Where.GROUP)
	void on(TextReceived text) {
		long chat = text.chat().id();
		long user = text.user().id();
		Optional<Invitations.Draft> draft = store.draft(chat, user, clock.instant());
		if (draft.isEmpty() || draft.get().specialization() == null) {
			return;
		}
		Locale locale = accounts.of(text.user());
		String task = text.text() == null ? "" : text.text().strip().replaceAll("\\s+", " ");
		if (task.isEmpty()) {
			reply(chat, text.messageId(), texts.text(locale, "invite.task.empty"), null);
			return;
		}
		if (task.length() > properties.taskMaxLength()) {
			reply(chat, text.messageId(), texts.text(locale, "invite.task.long", task.length(), properties.taskMaxLength()), null);
			return;
		}
		Optional<Deal> deal = dealIn(chat).filter(d -> d.key().equals(draft.get().dealKey()));
		store.dropDraft(chat, user);
		if (deal.isEmpty() || !deal.get().mayInvite(user)) {
			reply(chat, text.messageId(), texts.text(locale, "invite.nodeal"), null);
			return;
		}
		InvitationEngine.Opening opening = engine.open(deal.get(), user, draft.get().specialization(), task);
		String name = Html.escape(texts.specialization(locale, draft.get().specialization()));
		if (opening.refusal() == InvitationEngine.Opening.Reason.NO_CANDIDATES) {
			reply(chat, text.messageId(), texts.text(locale, "invite.nocandidates", name, "/" + deal.get().storefrontSlug()), null);
		}
		else if (opening.refusal() == InvitationEngine.Opening.Reason.ALREADY_LOOKING) {
			reply(chat, text.messageId(), texts.text(locale, "invite.already", name), null);
		}
	}

	@OnCommand(value = "cancel_invite", where = Where.GROUP, help = "bot.command.cancel_invite", order = 31,
			wrongPlace = "invite.private")
	void cancelCommand(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		long user = command.user().id();
		if (store.dropDraft(chat, user)) {
			reply(chat, command.messageId(), texts.text(locale, "invite.draft.dropped"), null);
			return;
		}
		List<Invitation> mine = store.openInChat(chat).stream().filter(i -> i.inviterId() == user).toList();
		if (mine.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "invite.cancel.nothing"), null);
			return;
		}
		if (mine.size() == 1) {
			engine.cancel(mine.get(0).id(), user);
			reply(chat, command.messageId(), texts.text(locale, "invite.cancel.done",
					Html.escape(texts.specialization(locale, mine.get(0).specialization()))), null);
			return;
		}
		List<InlineButton> buttons = mine.stream()
			.map(i -> InlineButton.callback(texts.specialization(locale, i.specialization()), CANCEL, Long.toString(i.id())).forUser(user))
			.toList();
		reply(chat, command.messageId(), texts.text(locale, "invite.cancel.which"), Keyboard.column(buttons.toArray(InlineButton[]::new)));
	}

	// --- buttons

	@OnButton({ SPECIALIZATION, DROP_DRAFT, JOIN, DECLINE, REASON, BACK, CANCEL, HAND, HAND_PAGE, HAND_PICK })
	void on(ButtonPressed pressed) {
		switch (pressed.action()) {
			case SPECIALIZATION -> specializationPressed(pressed);
			case DROP_DRAFT -> dropDraftPressed(pressed);
			case JOIN -> joinPressed(pressed);
			case DECLINE -> declinePressed(pressed);
			case REASON -> reasonPressed(pressed);
			case BACK -> backPressed(pressed);
			case CANCEL -> cancelPressed(pressed);
			case HAND -> handPressed(pressed);
			case HAND_PAGE -> handPagePressed(pressed);
			case HAND_PICK -> handPickPressed(pressed);
			default -> {
			}
		}
	}

	private void specializationPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long chat = pressed.chat().id();
		long user = pressed.user().id();
		Optional<Invitations.Draft> draft = store.draft(chat, user, clock.instant());
		Optional<Deal> deal = dealIn(chat).filter(d -> draft.isPresent() && d.key().equals(draft.get().dealKey()));
		if (draft.isEmpty() || deal.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.draft.gone"), true);
			outbox.editText(chat, MessageRef.telegram(pressed.messageId()), texts.text(locale, "invite.draft.gone"), null, Priority.HIGH);
			return;
		}
		Optional<Specialization> specialization = Specialization.fromCode(pressed.payload());
		if (specialization.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.unknown", Html.escape(pressed.payload())), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		chosen(deal.get(), chat, user, locale, specialization.get(), 0, pressed.messageId());
	}

	private void dropDraftPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		boolean dropped = store.dropDraft(pressed.chat().id(), pressed.user().id());
		String text = texts.text(locale, dropped ? "invite.draft.dropped" : "invite.draft.gone");
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()), text, null, Priority.HIGH);
	}

	private static Long id(String payload) {
		try {
			return Long.parseLong(payload);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private void joinPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Long offer = id(pressed.payload());
		InvitationEngine.Outcome outcome = offer == null ? InvitationEngine.Outcome.UNKNOWN : engine.accept(offer, pressed.user().id());
		if (outcome == InvitationEngine.Outcome.DONE) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.offer.accepted.toast"), false);
			return;
		}
		answerLate(pressed, locale, offer, outcome);
	}

	private void declinePressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Long offerId = id(pressed.payload());
		Optional<Offer> offer = offerId == null ? Optional.empty() : store.offerById(offerId);
		if (offer.isEmpty() || !offer.get().isLive() || offer.get().isPastDeadline(clock.instant())) {
			// a late Decline is settled like a late Join: expired now if due, else "moved on" (the offer decides)
			InvitationEngine.Outcome outcome = offer.isEmpty() ? InvitationEngine.Outcome.MOVED_ON : engine.offerExpired(offerId);
			answerLate(pressed, locale, offerId, outcome == InvitationEngine.Outcome.DONE ? InvitationEngine.Outcome.EXPIRED : outcome);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		Invitation invitation = store.byId(offer.get().invitationId()).orElseThrow();
		long user = pressed.user().id();
		List<InlineButton> buttons = new ArrayList<>();
		buttons.add(InlineButton.callback(texts.text(locale, "invite.reason.busy"), REASON, offerId + ":BUSY").forUser(user));
		buttons.add(InlineButton.callback(texts.text(locale, "invite.reason.field"), REASON, offerId + ":NOT_MY_FIELD").forUser(user));
		buttons.add(InlineButton.callback(texts.text(locale, "invite.reason.other"), REASON, offerId + ":OTHER").forUser(user));
		buttons.add(InlineButton.callback(texts.text(locale, "invite.reason.back"), BACK, Long.toString(offerId)).forUser(user));
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()),
				texts.offer(locale, invitation, offer.get()) + "\n\n" + texts.text(locale, "invite.reason.ask"),
				Keyboard.column(buttons.toArray(InlineButton[]::new)), Priority.HIGH);
	}

	private void reasonPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		String[] parts = pressed.payload().split(":", 2);
		Long offer = id(parts[0]);
		String reason = parts.length == 2 && REASONS.contains(parts[1]) ? parts[1] : "OTHER";
		InvitationEngine.Outcome outcome = offer == null ? InvitationEngine.Outcome.UNKNOWN
				: engine.decline(offer, pressed.user().id(), reason);
		if (outcome == InvitationEngine.Outcome.DONE) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.offer.declined.toast"), false);
			return;
		}
		answerLate(pressed, locale, offer, outcome);
	}

	private void backPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Long offerId = id(pressed.payload());
		Optional<Offer> offer = offerId == null ? Optional.empty() : store.offerById(offerId).filter(Offer::isLive);
		if (offer.isEmpty()) {
			answerLate(pressed, locale, offerId, InvitationEngine.Outcome.MOVED_ON);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		Invitation invitation = store.byId(offer.get().invitationId()).orElseThrow();
		long user = pressed.user().id();
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()), texts.offer(locale, invitation, offer.get()),
				Keyboard.row(InlineButton.callback(texts.text(locale, "invite.offer.join"), JOIN, offerId.toString()).forUser(user),
						InlineButton.callback(texts.text(locale, "invite.offer.decline"), DECLINE, offerId.toString()).forUser(user)),
				Priority.HIGH);
	}

	/** A press on an offer that has moved on: a clear answer, and nothing changes. */
	private void answerLate(ButtonPressed pressed, Locale locale, Long offerId, InvitationEngine.Outcome outcome) {
		Optional<Offer> offer = offerId == null ? Optional.empty() : store.offerById(offerId);
		String key = switch (outcome) {
			case EXPIRED -> "invite.late.expired";
			case NOT_ALLOWED -> "invite.late.notyours";
			case UNKNOWN -> "invite.late.unknown";
			default -> offer.map(o -> switch (o.status()) {
				case ACCEPTED -> o.answeredBy() != null && o.answeredBy() == pressed.user().id() ? "invite.late.accepted.you"
						: "invite.late.accepted";
				case DECLINED -> "invite.late.declined";
				case EXPIRED -> "invite.late.expired";
				case WITHDRAWN -> "invite.late.withdrawn";
				case LIVE -> "invite.late.unknown";
			}).orElse("invite.late.unknown");
		};
		log.info("Late press {} on offer {} by user {}: {}", pressed.action(), offerId, pressed.user().id(), key);
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, key), true);
	}

	private void cancelPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Long invitation = id(pressed.payload());
		InvitationEngine.Outcome outcome = invitation == null ? InvitationEngine.Outcome.UNKNOWN
				: engine.cancel(invitation, pressed.user().id());
		String key = switch (outcome) {
			case DONE -> "invite.cancel.toast";
			case NOT_ALLOWED -> "invite.cancel.notallowed";
			default -> "invite.cancel.over";
		};
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, key), outcome != InvitationEngine.Outcome.DONE);
	}

	// --- the manager adds a partner by hand

	/**
	 * The exhausted invitation a manager may still add a partner to, its deal's group still open;
	 * or empty after answering the press with why not.
	 */
	private Optional<Invitation> handInvitation(ButtonPressed pressed, Locale locale, Long invitationId) {
		Optional<Invitation> invitation = invitationId == null ? Optional.empty() : store.byId(invitationId);
		String refusal = null;
		if (!engine.managers().contains(pressed.user().id())) {
			refusal = "invite.hand.notallowed";
		}
		else if (invitation.isEmpty()) {
			refusal = "invite.late.unknown";
		}
		else if (!invitation.get().canReopen() || dealIn(invitation.get().chatId()).isEmpty()) {
			refusal = "invite.hand.over";
		}
		if (refusal != null) {
			log.info("Hand pick {} on invitation {} by user {} refused: {}", pressed.action(), invitationId, pressed.user().id(), refusal);
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, refusal), true);
			return Optional.empty();
		}
		return invitation;
	}

	/** Add a partner by hand, on the manager's notice: a new message with the first page of partners to pick from. */
	private void handPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Optional<Invitation> invitation = handInvitation(pressed, locale, id(pressed.payload()));
		if (invitation.isEmpty()) {
			return;
		}
		List<com.b2brics.connect.catalog.Partner> picks = engine.handPicks(invitation.get());
		if (picks.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.hand.none"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.send(OutgoingMessage.to(pressed.chat().id(), handQuestion(locale, invitation.get()))
			.with(handPage(locale, invitation.get(), picks, 0, pressed.user().id()))
			.priority(Priority.HIGH));
	}

	private void handPagePressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		String[] parts = pressed.payload().split(":", 2);
		Optional<Invitation> invitation = handInvitation(pressed, locale, id(parts[0]));
		if (invitation.isEmpty()) {
			return;
		}
		List<com.b2brics.connect.catalog.Partner> picks = engine.handPicks(invitation.get());
		if (picks.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "invite.hand.none"), true);
			return;
		}
		Long page = parts.length == 2 ? id(parts[1]) : null;
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()), handQuestion(locale, invitation.get()),
				handPage(locale, invitation.get(), picks, page == null ? 0 : page.intValue(), pressed.user().id()), Priority.HIGH);
	}

	private void handPickPressed(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		String[] parts = pressed.payload().split(":", 2);
		Long invitationId = id(parts[0]);
		Long partner = parts.length == 2 ? id(parts[1]) : null;
		Optional<Invitation> invitation = handInvitation(pressed, locale, invitationId);
		if (invitation.isEmpty()) {
			return;
		}
		InvitationEngine.Outcome outcome = partner == null ? InvitationEngine.Outcome.UNKNOWN
				: engine.addByHand(invitationId, partner, pressed.user().id());
		String key = switch (outcome) {
			case DONE -> "invite.hand.done";
			case NOT_ALLOWED -> "invite.hand.notallowed";
			case IN_GROUP -> "invite.hand.ingroup";
			case OFFERED_BEFORE -> "invite.hand.before";
			case UNREACHABLE -> "invite.hand.unreachable";
			case ALREADY_LOOKING -> "invite.hand.looking";
			case MOVED_ON -> "invite.hand.over";
			default -> "invite.late.unknown";
		};
		log.info("Hand pick of partner {} for invitation {} by user {}: {}", partner, invitationId, pressed.user().id(), outcome);
		if (outcome != InvitationEngine.Outcome.DONE) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, key), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, key, texts.companyPlain(partner)), false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()),
				handQuestion(locale, invitation.get()) + "\n\n" + texts.text(locale, "invite.hand.offered", texts.company(partner)),
				Keyboard.inline(List.of()), Priority.HIGH);
	}

	private String handQuestion(Locale locale, Invitation invitation) {
		return texts.text(locale, "invite.hand.choose", Html.escape(texts.specialization(locale, invitation.specialization())),
				Html.escape(invitation.task()), "/" + invitation.storefrontSlug());
	}

	/** One page of a list: its items, its index (clamped to the pages there are), and whether pages come before and after. */
	record Page<T>(List<T> items, int index, boolean previous, boolean next) {

		static <T> Page<T> of(List<T> all, int wanted, int size) {
			int pages = Math.max(1, (all.size() + size - 1) / size);
			int index = Math.max(0, Math.min(wanted, pages - 1));
			return new Page<>(all.subList(Math.min(all.size(), index * size), Math.min(all.size(), (index + 1) * size)), index,
					index > 0, index < pages - 1);
		}
	}

	/** One page of partners to pick, each a button for this manager only, with previous / next. */
	private Keyboard.Inline handPage(Locale locale, Invitation invitation, List<com.b2brics.connect.catalog.Partner> picks, int page,
			long manager) {
		Page<com.b2brics.connect.catalog.Partner> shown = Page.of(picks, page, HAND_PAGE_SIZE);
		List<List<InlineButton>> rows = new ArrayList<>();
		for (var partner : shown.items()) {
			String label = partner.companyName() + " · " + String.join(", ", partner.storefronts());
			rows.add(List.of(InlineButton.callback(label.length() > 60 ? label.substring(0, 59) + "…" : label, HAND_PICK,
					invitation.id() + ":" + partner.id()).forUser(manager)));
		}
		List<InlineButton> paging = new ArrayList<>();
		if (shown.previous()) {
			paging.add(InlineButton.callback(texts.text(locale, "invite.hand.previous"), HAND_PAGE,
					invitation.id() + ":" + (shown.index() - 1)).forUser(manager));
		}
		if (shown.next()) {
			paging.add(InlineButton.callback(texts.text(locale, "invite.hand.next"), HAND_PAGE,
					invitation.id() + ":" + (shown.index() + 1)).forUser(manager));
		}
		if (!paging.isEmpty()) {
			rows.add(paging);
		}
		return Keyboard.inline(rows);
	}

	// --- the group

	/** Someone of the accepted partner entered: the group is told who and for what. */
	@EventListener
	void on(MemberJoined joined) {
		if (joined.user().isBot()) {
			return;
		}
		dealIn(joined.chat().id()).flatMap(deal -> engine.joined(joined.chat().id(), deal.key(), joined.user().id()))
			.ifPresent(invitation -> outbox.send(
					OutgoingMessage.to(joined.chat().id(), texts.joined(joined.chat().id(), invitation, joined.user().id(), joined.user().displayName()))));
	}

	@EventListener
	void on(GroupEmptied emptied) {
		engine.dealClosed(emptied.chatId());
	}

	@EventListener
	void on(ChatMigrated migrated) {
		store.migrateChat(migrated.chat().id(), migrated.newChatId());
	}

	private void reply(long chat, long replyTo, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(chat, html).replyTo(replyTo).with(keyboard).priority(Priority.ANSWER));
	}

	/** Edits the bot's question when there is one, else replies. */
	private void answer(long chat, long replyTo, Long questionMessageId, String html, Keyboard.Inline keyboard) {
		if (questionMessageId != null) {
			outbox.editText(chat, MessageRef.telegram(questionMessageId), html, keyboard, Priority.HIGH);
		}
		else {
			reply(chat, replyTo, html, keyboard);
		}
	}
}
