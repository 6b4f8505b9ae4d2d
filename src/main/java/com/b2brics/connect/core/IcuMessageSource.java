package com.b2brics.connect.core;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;

/**
 * The application's bundles, formatted by ICU4J instead of {@code java.text.MessageFormat}, so
 * that any text can count in the reader's language ({@code {0, plural, one {# day} few {# дня}
 * many {# дней} other {# дня}}}, Arabic's six forms) or choose by a word ({@code select}), and
 * numbers come out as the reader's locale writes them.
 * <p>
 * Everything else is Spring's {@link ResourceBundleMessageSource}: the {@code spring.messages}
 * settings (basenames, encoding, fallback, cache duration, {@code always-use-message-format},
 * {@code use-code-as-default-message}) mean what they always meant. Apostrophes keep the JDK
 * rule the bundles are written in ({@link MessagePattern.ApostropheMode#DOUBLE_REQUIRED}): an
 * apostrophe is written {@code ''}, a single one quotes.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	/** Bundle patterns are finite (keys × languages), so their parsed forms are kept; default messages are not. */
	private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

	/** Locales whose parsed patterns are kept: our languages and their regional variants, with room to spare. */
	private static final int MAX_LOCALES = 32;

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args, @Nullable Locale locale) {
		if (code == null) {
			return null;
		}
		Locale reader = locale != null ? locale : Locale.getDefault();
		if (!isAlwaysUseMessageFormat() && ObjectUtils.isEmpty(args)) {
			return super.getMessageInternal(code, args, reader);
		}
		String pattern = resolveCodeWithoutArguments(code, reader);
		if (pattern == null) {
			// common messages and the parent source, as Spring resolves them
			return super.getMessageInternal(code, args, reader);
		}
		Object[] arguments = resolveArguments(args, reader);
		Map<String, MessageFormat> parsed = formats.size() < MAX_LOCALES || formats.containsKey(reader)
				? formats.computeIfAbsent(reader, any -> new ConcurrentHashMap<>())
				: null;
		if (parsed == null) {
			// a locale beyond the languages we speak (a stray tag): formatted, not kept
			return icu(pattern, reader).format(arguments);
		}
		MessageFormat format = parsed.computeIfAbsent(pattern, text -> icu(text, reader));
		synchronized (format) {
			return format.format(arguments);
		}
	}

	/** Default messages (and Spring's own formatting of them) through ICU as well. */
	@Override
	protected String formatMessage(String message, Object @Nullable [] args, Locale locale) {
		if (!isAlwaysUseMessageFormat() && ObjectUtils.isEmpty(args)) {
			return message;
		}
		return icu(message, locale).format(resolveArguments(args, locale));
	}

	/** Parses a pattern the way every bundle is written: {@code ''} for an apostrophe. */
	public static MessageFormat icu(String pattern, Locale locale) {
		MessageFormat format = new MessageFormat("", locale);
		format.applyPattern(pattern, MessagePattern.ApostropheMode.DOUBLE_REQUIRED);
		return format;
	}
}
