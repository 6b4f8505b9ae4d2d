package com.b2brics.connect.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words a person reads, in their language: a message from the bundles, and dates and times
 * written the way readers of that language write them. The one helper every module uses instead
 * of its own {@code text(locale, key, args)}.
 */
@Component
public class Texts {

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d MMM HH:mm");
	/** Chinese writes month and day with their own signs, the month first. */
	private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** The bundle's text for the key in the locale (English where the locale's bundle lacks it). */
	public String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/**
	 * A moment in the coming days, short, as a reader of the locale writes it, in the given time
	 * zone: 9 Dec 15:00, 9 дек. 15:00, 9 dez. 15:00, 9 ديسمبر 15:00, 12月9日 15:00. The year is left
	 * out: these are promises and deadlines of this week.
	 */
	public String dateTime(Locale locale, Instant instant, ZoneId zone) {
		return ("zh".equals(locale.getLanguage()) ? MONTH_FIRST : DAY_FIRST).withLocale(locale).withZone(zone).format(instant);
	}
}
