package com.b2brics.connect.support;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/** What every part of support says with: answers in the person's language, names, mentions, moments. */
@Component
public class SupportReplies {

	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;

	SupportReplies(Accounts accounts, Texts texts, Outbox outbox) {
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
	}

	/** An answer to a person's action in the chat (replying to it when {@code replyTo} > 0), in their language. */
	public long answer(long chatId, long replyTo, long userId, String key, Object... args) {
		OutgoingMessage message = OutgoingMessage.to(chatId, text(userId, key, args)).priority(Priority.ANSWER);
		return outbox.send(replyTo > 0 ? message.replyTo(replyTo) : message);
	}

	/** A text in the person's language. */
	public String text(long userId, String key, Object... args) {
		return texts.text(locale(userId), key, args);
	}

	public Locale locale(long userId) {
		return accounts.localeOf(userId);
	}

	/** The person's name, escaped and cut for HTML. */
	public String name(long userId) {
		return Html.cut(accounts.nameOf(userId), 64);
	}

	/** The person's name linked to them, so that Telegram notifies them. */
	public String mention(long userId) {
		return "<a href=\"tg://user?id=" + userId + "\">" + name(userId) + "</a>";
	}

	/** A moment as the reader writes it, in the zone given. */
	public String when(Locale locale, Instant instant, ZoneId zone) {
		return texts.dateTime(locale, instant, zone);
	}
}
