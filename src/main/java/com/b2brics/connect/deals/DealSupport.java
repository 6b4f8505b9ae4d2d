package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.sla.StorefrontCalendars;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/** What agreements, blockers and the brief share: the deal's lock, answers, names, moments. */
@Component
class DealSupport {

	/** Longest agreement, blocker or proposal text, in characters (UTF-16 units, as Telegram counts). */
	static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final StorefrontCalendars calendars;
	private final Clock clock;

	DealSupport(JdbcClient jdbc, Accounts accounts, Texts texts, Outbox outbox, StorefrontCalendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.calendars = calendars;
		this.clock = clock;
	}

	/** Serializes this transaction's changes of the deal with every other writer's (the room's row lock, as the log takes it). */
	void lock(DealRoom room) {
		DealRooms.lock(jdbc, room.key());
	}

	/** An answer to a person's action in the chat, in their language. */
	void answer(long chatId, long replyTo, Locale locale, String key, Object... args) {
		reply(chatId, replyTo, texts.text(locale, key, args));
	}

	/** An answer already written (HTML), replying to the person's message. */
	void reply(long chatId, long replyTo, String html) {
		outbox.send(OutgoingMessage.to(chatId, html).replyTo(replyTo).priority(Priority.ANSWER));
	}

	String name(long userId) {
		return Html.cut(accounts.nameOf(userId), 64);
	}

	/** The person's name linked to them, so that Telegram notifies them. */
	String mention(long userId) {
		return "<a href=\"tg://user?id=" + userId + "\">" + name(userId) + "</a>";
	}

	Instant now() {
		return clock.instant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A moment as the reader writes it, in the deal's storefront's time zone. */
	String when(Locale locale, DealRoom room, Instant instant) {
		ZoneId zone = calendars.forStorefront(room.storefrontSlug()).zone();
		return texts.dateTime(locale, instant, zone);
	}
}
