package com.b2brics.connect.deals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.MemberLeft;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * The deal card: one message per deal group, posted and pinned at the room's first change and
 * <b>edited in place</b> after every later one, the one place a newcomer reads. It is rebuilt
 * from the tables (the deal, who is in it and in which role, then each {@link DealCardSection}),
 * in each of the group's languages, once per transaction however many changes the transaction
 * made ({@link #changed}).
 */
@Component
public class DealCard {

	/** Most people listed on the card; the rest are counted. */
	static final int MAX_PEOPLE = 12;
	/** Telegram's limit for a message text, with room for the outbox's own fitting. */
	static final int MAX_CARD = 4000;

	private final DealRooms rooms;
	private final ObjectProvider<DealCardSection> sections;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;

	DealCard(DealRooms rooms, ObjectProvider<DealCardSection> sections, GroupPool pool, GroupTexts groupTexts,
			Accounts accounts, Texts texts, Outbox outbox) {
		this.rooms = rooms;
		this.sections = sections;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
	}

	/**
	 * The room changed: its card is posted (and pinned) or edited when the caller's transaction is
	 * about to commit, once however many changes it made, so that it shows all of them.
	 */
	public void changed(DealRoom room) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			show(room);
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, DealRoom> pending = (Map<String, DealRoom>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Map<String, DealRoom> fresh = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					fresh.values().forEach(DealCard.this::show);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(DealCard.this);
				}
			});
			pending = fresh;
		}
		pending.put(room.key(), room);
	}

	/** Posts the card anew at the bottom of the chat and pins it (the /deal command): the old one stays as it was. */
	void repost(DealRoom room) {
		post(room);
	}

	private void show(DealRoom room) {
		Optional<Long> card = rooms.cardOf(room.key());
		if (card.isEmpty()) {
			post(room);
			return;
		}
		outbox.editText(room.chatId(), MessageRef.queued(card.get()), html(room), keyboard(room), Priority.NORMAL);
	}

	private void post(DealRoom room) {
		long id = outbox.send(OutgoingMessage.to(room.chatId(), html(room)).with(keyboard(room)));
		outbox.pin(room.chatId(), MessageRef.queued(id));
		rooms.cardPosted(room.key(), id);
	}

	/** The card's text in each of the group's languages. */
	String html(DealRoom room) {
		String html = groupTexts.forGroup(room.chatId(), locale -> render(room, locale));
		return html.length() <= MAX_CARD ? html : render(room, groupTexts.languagesOf(room.chatId()).get(0));
	}

	private String render(DealRoom room, Locale locale) {
		List<String> parts = new ArrayList<>();
		parts.add(texts.text(locale, "deals.card.title", Html.cut(room.summary(locale), 300)));
		parts.add(people(room, locale));
		ordered().map(section -> section.render(room, locale)).filter(s -> !s.isBlank()).forEach(parts::add);
		return String.join("\n\n", parts);
	}

	private String people(DealRoom room, Locale locale) {
		Map<Long, Optional<Role>> roster = pool.roster(room.chatId());
		List<String> lines = new ArrayList<>();
		int shown = 0;
		for (Map.Entry<Long, Optional<Role>> member : roster.entrySet()) {
			if (shown == MAX_PEOPLE) {
				lines.add(texts.text(locale, "deals.card.more", roster.size() - shown));
				break;
			}
			long user = member.getKey();
			String side = room.isCustomer(user) ? "customer" : room.isSupplier(user) ? "supplier" : "staff";
			// no personal link into this deal: B2BRICS staff who keep the group, or someone let in otherwise
			String role = texts.text(locale, "deals.role." + member.getValue().map(Role::name).orElse(room.isStaff(user) ? "STAFF" : "GUEST"));
			lines.add(texts.text(locale, "deals.card.person." + side, Html.cut(accounts.nameOf(user), 64), role));
			shown++;
		}
		return texts.text(locale, "deals.card.people") + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
	}

	/** The sections' buttons, labelled in the group's first language. */
	private Keyboard.Inline keyboard(DealRoom room) {
		Locale locale = groupTexts.languagesOf(room.chatId()).get(0);
		List<List<InlineButton>> rows = ordered().flatMap(section -> section.buttons(room, locale).stream())
			.map(List::of)
			.collect(Collectors.toList());
		return rows.isEmpty() ? null : Keyboard.inline(rows);
	}

	private java.util.stream.Stream<DealCardSection> ordered() {
		return sections.orderedStream().sorted(Comparator.comparingInt(DealCardSection::order));
	}

	/** Who is in the group is on the card: a party entering or leaving changes it. */
	@EventListener
	@Order(Integer.MAX_VALUE)
	void on(MemberJoined joined) {
		if (!joined.user().isBot() && joined.chat().isGroup()) {
			rooms.existing(joined.chat().id()).filter(room -> rooms.cardOf(room.key()).isPresent()).ifPresent(this::changed);
		}
	}

	@EventListener
	@Order(Integer.MAX_VALUE)
	void on(MemberLeft left) {
		if (!left.user().isBot() && left.chat().isGroup()) {
			rooms.existing(left.chat().id()).filter(room -> rooms.cardOf(room.key()).isPresent()).ifPresent(this::changed);
		}
	}
}
