package com.b2brics.connect.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** The bundle's text for the key in the locale (English where the locale's bundle lacks it). */
	public String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/**
	 * A moment as a reader of the locale writes a date and a time (6 дек. 2026 г., 15:00;
	 * Dec 6, 2026, 3:00 PM; 2026年12月6日 15:00), in the given time zone.
	 */
	public String dateTime(Locale locale, Instant instant, ZoneId zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}
}
